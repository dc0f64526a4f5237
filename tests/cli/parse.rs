//! `normdiff parse`: issue #2 (foundation: ingestion of real UN texts).

use crate::corpus_or_skip;
use crate::util::{normdiff, run, run_json, seed};
use serde_json::Value;
use std::collections::BTreeSet;

/// A compact, reviewable outline of a parsed document: one line per block
/// (index, kind, label, parent, lines, start and end of text), then
/// footnotes and non-wrap repairs.
fn outline(v: &Value) -> String {
    let mut s = String::new();
    for b in v["blocks"].as_array().unwrap() {
        let text = b["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let head: String = chars.iter().take(32).collect();
        let tail: String = if chars.len() > 52 {
            chars[chars.len() - 20..].iter().collect()
        } else {
            String::new()
        };
        s.push_str(&format!(
            "{:>3} {:<9} {:<8} {:<4} L{}-{} | {}{}{}\n",
            b["index"],
            b["kind"].as_str().unwrap(),
            b["label"].as_str().unwrap_or("-"),
            b["parent"].as_u64().map_or("".into(), |p| format!("^{p}")),
            b["lines"][0],
            b["lines"][1],
            head.replace('\t', "→"),
            if tail.is_empty() { "" } else { " … " },
            tail.replace('\t', "→"),
        ));
    }
    for f in v["footnotes"].as_array().unwrap() {
        let t: String = f["text"].as_str().unwrap().chars().take(40).collect();
        s.push_str(&format!(
            "note {} L{} | {}\n",
            f["label"].as_str().unwrap(),
            f["lines"][0],
            t
        ));
    }
    for r in v["repairs"].as_array().unwrap() {
        if r["kind"] != "line_join" {
            s.push_str(&format!(
                "repair {} L{}-{}\n",
                r["kind"].as_str().unwrap(),
                r["lines"][0],
                r["lines"][1]
            ));
        }
    }
    s
}

fn parse_json(path: &std::path::Path) -> Value {
    let (code, v) = run_json(&["parse", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    v
}

fn block<'a>(v: &'a Value, label: &str) -> &'a Value {
    let hits: Vec<&Value> = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["label"] == label)
        .collect();
    assert_eq!(hits.len(), 1, "label {label} should occur once");
    hits[0]
}

#[test]
fn gge_report_paragraphs_1_to_98_once_in_order() {
    let corpus = corpus_or_skip!();
    let v = parse_json(&seed(&corpus, "001"));
    let numbered: Vec<String> = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["label"].as_str())
        .filter(|l| l.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned)
        .collect();
    let want: Vec<String> = (1..=98).map(|n| n.to_string()).collect();
    assert_eq!(numbered, want);

    let p5 = block(&v, "5")["text"].as_str().unwrap();
    assert!(
        p5.starts_with("Le Groupe réaffirme qu'un environnement ouvert"),
        "{p5}"
    );
    assert!(p5.ends_with("restent au cœur de ces efforts."), "{p5}");
    assert!(!p5.contains("A/75/816"), "footnote text leaked into ¶5");
    let p44 = block(&v, "44")["text"].as_str().unwrap();
    assert!(p44.ends_with("méthodes de catégorisation."), "{p44}");

    for letter in 'a'..='k' {
        let b = block(&v, &format!("13 {letter})"));
        assert_eq!(b["kind"], "paragraph");
        assert_eq!(b["label_key"], format!("13{letter}"));
    }
    // Sub-paragraphs carry their numbered paragraph as parent.
    let p30 = block(&v, "30")["index"].as_u64().unwrap();
    let subs: Vec<&Value> = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["parent"] == p30)
        .collect();
    assert_eq!(subs.len(), 4, "30 a) to d)");
    assert_eq!(subs[0]["label"], "a)");
}

#[test]
fn gge_report_footnotes_are_set_aside() {
    let corpus = corpus_or_skip!();
    let v = parse_json(&seed(&corpus, "001"));
    let labels: Vec<&str> = v["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["*", "*", "¹", "²", "³", "⁴", "⁵"]);
    for b in v["blocks"].as_array().unwrap() {
        let t = b["text"].as_str().unwrap();
        assert!(
            !t.contains(
                "Rapport de fond final du Groupe de travail à composition non limitée, par."
            ),
            "{t}"
        );
        assert!(
            !t.contains("La version originale du présent document"),
            "{t}"
        );
    }
}

/// The 19 page-break joins of `drafts/splitter_report.txt`, and no others.
#[test]
fn gge_report_page_break_joins_match_the_splitter_report() {
    let corpus = corpus_or_skip!();
    let report = std::fs::read_to_string(corpus.join("drafts/splitter_report.txt")).unwrap();
    let mut want = BTreeSet::new();
    let mut in_joins = false;
    for line in report.lines() {
        if line.starts_with("page-break joins made") {
            in_joins = true;
            continue;
        }
        if in_joins {
            let Some(rest) = line.strip_prefix("  ") else {
                break;
            };
            // "  82-82 + 84-84 (footnotes ...": first part's first line, continuation's first line.
            let mut parts = rest.split(" + ");
            let a: usize = parts
                .next()
                .unwrap()
                .split('-')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let b: usize = parts
                .next()
                .unwrap()
                .split('-')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            want.insert((a, b));
        }
    }
    assert_eq!(want.len(), 19);
    let v = parse_json(&seed(&corpus, "001"));
    let got: BTreeSet<(usize, usize)> = v["repairs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "page_break_join")
        .map(|r| {
            (
                r["lines"][0].as_u64().unwrap() as usize,
                r["continued_at"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn seed_structures_snapshot() {
    let corpus = corpus_or_skip!();
    for prefix in ["000", "001", "002", "003", "004"] {
        let v = parse_json(&seed(&corpus, prefix));
        insta::assert_snapshot!(format!("seed_{prefix}_structure"), outline(&v));
    }
}

#[test]
fn seed_004_keeps_bullets_and_agenda_lines() {
    let corpus = corpus_or_skip!();
    let v = parse_json(&seed(&corpus, "004"));
    let blocks = v["blocks"].as_array().unwrap();
    let nested: Vec<&Value> = blocks
        .iter()
        .filter(|b| b["kind"] == "list_item" && !b["parent"].is_null())
        .collect();
    assert!(nested.len() >= 10, "nested bullets keep their parent");
    let deep = blocks
        .iter()
        .find(|b| {
            b["text"]
                .as_str()
                .unwrap()
                .starts_with("les implications, du point de vue du DIH, des opérations")
        })
        .unwrap();
    assert_eq!(deep["level"], 2);
    let rows = blocks.iter().filter(|b| b["kind"] == "table_row").count();
    assert!(rows >= 15, "agenda lines are separate blocks: {rows}");
    assert!(blocks.iter().any(|b| b["text"]
        .as_str()
        .unwrap()
        .starts_with("Pause-café\t\t11h30")));
}

fn blocks_of(path: &std::path::Path) -> Value {
    parse_json(path)["blocks"].clone()
}

#[test]
fn encodings_and_line_ends_give_identical_blocks() {
    let corpus = corpus_or_skip!();
    let text = std::fs::read_to_string(seed(&corpus, "001")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut variants: Vec<(&str, Vec<u8>)> = vec![("utf8.txt", text.clone().into_bytes())];
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(text.as_bytes());
    variants.push(("bom.txt", bom));
    let mut u16 = vec![0xFF, 0xFE];
    u16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    variants.push(("utf16le.txt", u16));
    variants.push(("crlf.txt", text.replace('\n', "\r\n").into_bytes()));
    let mut first: Option<Value> = None;
    for (name, bytes) in variants {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let mut b = blocks_of(&p);
        // Byte spans differ with encodings' line ends; compare the rest.
        for blk in b.as_array_mut().unwrap() {
            blk.as_object_mut().unwrap().remove("spans");
        }
        match &first {
            None => first = Some(b),
            Some(f) => assert_eq!(f, &b, "{name} differs"),
        }
    }
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("scan.bin");
    std::fs::write(&bin, b"\x01\x02\x00\x01\x02binary").unwrap();
    let pdf = dir.path().join("scan.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9 au lait").unwrap();
    let missing = dir.path().join("nowhere.txt");
    for (path, what) in [
        (&bin, "binary"),
        (&pdf, "not a readable PDF"),
        (&bad, "invalid UTF-8 at byte offset 3"),
        (&missing, "cannot open"),
    ] {
        let (code, out, err) = run(&["parse", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{err}");
        assert!(out.is_empty());
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(
            err.contains(path.to_str().unwrap()),
            "names the file: {err}"
        );
        assert!(err.contains(what), "{err}");
    }
}

#[test]
fn empty_file_is_an_empty_document() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.txt");
    std::fs::write(&p, b"").unwrap();
    let v = parse_json(&p);
    assert_eq!(v["blocks"], serde_json::json!([]));
    assert_eq!(v["schema_version"], 1);
}

/// Wraps `text` at `width` columns (greedy, on spaces), block by block.
fn hard_wrap(text: &str, width: usize) -> String {
    text.split("\n\n")
        .map(|block| {
            let mut out = String::new();
            let mut col = 0;
            for word in block.split(' ') {
                if col > 0 && col + 1 + word.chars().count() > width {
                    out.push('\n');
                    col = 0;
                } else if col > 0 {
                    out.push(' ');
                    col += 1;
                }
                out.push_str(word);
                col += word.chars().count();
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn hard_wrapped_and_unwrapped_copies_give_identical_texts() {
    let corpus = corpus_or_skip!();
    let text = std::fs::read_to_string(seed(&corpus, "001")).unwrap();
    // The running text of the report (paragraphs 1 to 98), where every
    // block is one line.
    let start = text.find("1. Le présent rapport").unwrap();
    let end = text.find("\nAnnexe\n").unwrap();
    let body = &text[start..end];
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("flat.txt");
    let b = dir.path().join("wrapped.txt");
    std::fs::write(&a, body).unwrap();
    std::fs::write(&b, hard_wrap(body, 72)).unwrap();
    let texts = |p: &std::path::Path| -> Vec<(Value, Value)> {
        blocks_of(p)
            .as_array()
            .unwrap()
            .iter()
            .map(|b| (b["label"].clone(), b["text"].clone()))
            .collect()
    };
    assert_eq!(texts(&a), texts(&b));
}

#[test]
fn parse_help_teaches() {
    let out = normdiff().args(["parse", "--help"]).output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Examples:"));
    assert!(help.contains("--format"));
}

#[test]
fn parse_is_deterministic() {
    let corpus = corpus_or_skip!();
    let p = seed(&corpus, "003");
    let a = normdiff()
        .args(["parse", "-f", "json", p.to_str().unwrap()])
        .output()
        .unwrap();
    let b = normdiff()
        .args(["parse", "-f", "json", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}

/// `-o /dev/null` must write to the device, not replace it with a file
/// (a rename into place would), and `-o` through a symbolic link keeps
/// the link.
#[test]
fn output_to_a_device_or_link_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let p = crate::util::fixture("parse/gge-excerpt.txt");
    let (code, _, err) = run(&["parse", p.to_str().unwrap(), "-o", "/dev/null"]);
    assert_eq!(code, 0, "{err}");
    let meta = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
    assert!(!std::path::Path::new("/dev/null.normdiff-tmp").exists());

    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.txt");
    let link = dir.path().join("link.txt");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (code, _, err) = run(&["parse", p.to_str().unwrap(), "-o", link.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("blocks"));
}
