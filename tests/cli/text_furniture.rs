//! Page furniture in text converted from PDF by `pdftotext` (issue 13):
//! the fixtures of `fixtures/text-furniture/` (made by
//! `scripts/text-furniture-fixtures.py` from `fixtures/pdf/`, with and
//! without `-layout`) parse without a block that is a running header,
//! footer or page counter; every SDG target comes back whole in one block
//! (mapped by text containment, as `pdf_scripts.rs` does); the furniture
//! and page-break repairs are counted. A held-out check converts
//! `../shared/corpus/pdf-pairs/pdfs` at test time when `pdftotext` is
//! installed (required under CI=true).

use crate::util::{fixture, run_json};
use unicode_normalization::UnicodeNormalization;

/// (fixture, page_furniture repairs, page_break_join repairs, SDG targets
/// whole in one block: every target the converted pages hold whole).
const EXPECTED: &[(&str, usize, usize, usize)] = &[
    ("gge-excerpt.txt", 4, 1, 0),
    ("gge-excerpt.layout.txt", 4, 1, 0),
    ("sdg/eng.txt", 5, 2, 62),
    ("sdg/eng.layout.txt", 5, 2, 63),
    ("sdg/fra.txt", 5, 2, 50),
    ("sdg/fra.layout.txt", 5, 2, 50),
    ("sdg/spa.txt", 5, 3, 52),
    ("sdg/spa.layout.txt", 5, 3, 52),
    ("sdg/rus.txt", 5, 7, 44),
    ("sdg/rus.layout.txt", 5, 3, 47),
    ("sdg/arb.txt", 5, 3, 5),
    ("sdg/arb.layout.txt", 5, 3, 4),
    ("sdg/cmn_hans.txt", 5, 2, 94),
    ("sdg/cmn_hans.layout.txt", 5, 2, 94),
];

/// Text compared without whitespace, direction marks and tatweel, in NFC.
fn squash(s: &str) -> String {
    s.nfc()
        .filter(|&c| {
            !c.is_whitespace()
                && c != '\u{640}'
                && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}')
        })
        .collect()
}

/// Is `b` (squashed) a header, footer or page counter, or does it carry
/// one: a document symbol or job number of the fixtures, or an `N/M`
/// counter at its end?
fn furniture_in(b: &str) -> bool {
    let counter = b
        .rsplit(|c: char| !(c.is_ascii_digit() || c == '/'))
        .next()
        .is_some_and(|t| {
            let mut p = t.split('/');
            matches!((p.next(), p.next(), p.next()), (Some(a), Some(b), None)
                if !a.is_empty() && !b.is_empty())
        });
    ["A/RES/70/1", "15-16301", "A/76/135", "21-09447"]
        .iter()
        .any(|f| b.contains(f))
        || counter
}

/// Squashed block texts (marker included) and the repair counts of
/// `parse FILE --format json`.
fn parse(path: &std::path::Path) -> (Vec<String>, usize, usize) {
    let (blocks, _, f, j) = parse_lines(path);
    (blocks, f, j)
}

/// As [`parse`], with each block's first and last line.
fn parse_lines(path: &std::path::Path) -> (Vec<String>, Vec<[usize; 2]>, usize, usize) {
    let (code, v) = run_json(&["parse", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{path:?}");
    let lines = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let l = b["lines"].as_array().unwrap();
            [
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            ]
        })
        .collect();
    let blocks = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            squash(&format!(
                "{}{}",
                b["marker"].as_str().unwrap_or(""),
                b["text"].as_str().unwrap()
            ))
        })
        .collect();
    let count = |k: &str| {
        v["repairs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == k)
            .count()
    };
    (
        blocks,
        lines,
        count("page_furniture"),
        count("page_break_join"),
    )
}

#[test]
fn pdftotext_fixtures_lose_their_furniture_and_rejoin_page_breaks() {
    let mut failures = Vec::new();
    for &(name, furn, joins, _) in EXPECTED {
        let (blocks, f, j) = parse(&fixture(&format!("text-furniture/{name}")));
        let left: Vec<&String> = blocks.iter().filter(|b| furniture_in(b)).collect();
        eprintln!(
            "{name}: {} blocks, {f} page_furniture, {j} page_break_join",
            blocks.len()
        );
        if !left.is_empty() || (f, j) != (furn, joins) {
            failures.push(format!(
                "{name}: furniture left {left:?}; repairs ({f}, {j}) expected ({furn}, {joins})"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn sdg_targets_converted_by_pdftotext_come_back_whole() {
    let corpus = crate::corpus_or_skip!();
    let mut failures = Vec::new();
    for &(name, _, _, whole) in EXPECTED.iter().filter(|e| e.0.starts_with("sdg/")) {
        let lang = name[4..].split('.').next().unwrap();
        let src = std::fs::read_to_string(corpus.join(format!("sdg/bare/{lang}.txt"))).unwrap();
        let targets: Vec<String> = src
            .split("\n\n")
            .filter(|t| !t.trim().is_empty())
            .map(squash)
            .collect();
        let (blocks, _, _) = parse(&fixture(&format!("text-furniture/{name}")));
        let all = blocks.concat();
        // A target cut in two by a block boundary is still in `all`; one
        // with furniture left inside it is not, hence the expected count.
        let present: Vec<&String> = targets
            .iter()
            .filter(|t| all.contains(t.as_str()))
            .collect();
        let in_one = present
            .iter()
            .filter(|t| blocks.iter().any(|b| b.contains(t.as_str())))
            .count();
        eprintln!(
            "{name}: {in_one} targets whole in one block ({} present)",
            present.len()
        );
        if in_one != present.len() || in_one < whole {
            failures.push(format!(
                "{name}: {in_one} whole, {} present, {whole} expected",
                present.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The digits of `s` masked as `#`, spaces and direction marks removed.
fn masked(s: &str) -> String {
    let mut out = String::new();
    for c in squash(s).chars() {
        if c.is_numeric() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Furniture line numbers of a `pdftotext` text, found independently of
/// normdiff: a line next to a form feed (the last before it or the first
/// after it) whose masked text, with two letters at least, stands there on
/// three pages or more, or a
/// line that is only a page number or counter (`3`, `- 3 -`, `3/27`,
/// `/...`) there.
fn furniture_lines(text: &str) -> std::collections::BTreeSet<usize> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut edge = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.contains('\u{c}') {
            continue;
        }
        if let Some(b) = (0..i).rev().find(|&j| !squash(lines[j]).is_empty()) {
            edge.push(b);
        }
        if let Some(a) = (i..lines.len()).find(|&j| !squash(lines[j]).is_empty()) {
            edge.push(a);
        }
    }
    let mut count = std::collections::BTreeMap::new();
    for &e in &edge {
        *count.entry(masked(lines[e])).or_insert(0) += 1;
    }
    // 1-based line numbers.
    edge.into_iter()
        .filter(|&e| {
            let m = masked(lines[e]);
            let letters = m.chars().filter(|c| c.is_alphabetic()).count();
            // Labels (`12.`, `(ii)`) open pages too: a running line has words.
            (count[&m] >= 3 && letters >= 2) || ["#", "-#-", "#/#", "/..."].contains(&m.as_str())
        })
        .map(|e| e + 1)
        .collect()
}

#[test]
fn held_out_pdfs_converted_by_pdftotext_leave_no_furniture_block() {
    let corpus = crate::corpus_or_skip!();
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        crate::util::skip("pdftotext (poppler-utils) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut pdfs: Vec<_> = std::fs::read_dir(corpus.join("pdf-pairs/pdfs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pdfs.sort();
    let mut failures = Vec::new();
    for pdf in &pdfs {
        for layout in [false, true] {
            let name = pdf.file_stem().unwrap().to_str().unwrap();
            let out = dir
                .path()
                .join(format!("{name}{}.txt", if layout { ".layout" } else { "" }));
            let mut cmd = std::process::Command::new("pdftotext");
            cmd.args(["-enc", "UTF-8", "-q"]);
            if layout {
                cmd.arg("-layout");
            }
            assert!(
                cmd.arg(pdf).arg(&out).status().unwrap().success(),
                "{pdf:?}"
            );
            let furniture = furniture_lines(&std::fs::read_to_string(&out).unwrap());
            let (blocks, lines, f, _) = parse_lines(&out);
            // A block that is one furniture line (or starts or ends on one).
            let left: Vec<&String> = blocks
                .iter()
                .zip(&lines)
                .filter(|(_, l)| furniture.contains(&l[0]) || furniture.contains(&l[1]))
                .map(|(b, _)| b)
                .collect();
            eprintln!(
                "{name} layout={layout}: {} furniture lines, {f} page_furniture repairs, {} left as blocks",
                furniture.len(),
                left.len()
            );
            if !left.is_empty() {
                failures.push(format!("{name} layout={layout}: {left:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
