//! `normdiff align`: issue #4 (translations: cross-language alignment).

use crate::corpus_or_skip;
use crate::util::{fixture, run, run_json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// First lines of the gold blocks of `path`: 1-based runs of non-blank
/// lines, as the corpus README defines them.
fn gold_block_starts(path: &Path) -> Vec<usize> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut starts = Vec::new();
    let mut prev = false;
    for (i, line) in text.split('\n').enumerate() {
        let here = !line.trim().is_empty();
        if here && !prev {
            starts.push(i + 1);
        }
        prev = here;
    }
    starts
}

/// normdiff block index → gold block numbers, by source lines.
fn block_map(path: &Path) -> BTreeMap<usize, Vec<usize>> {
    let starts = gold_block_starts(path);
    let (code, v) = run_json(&["parse", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (a, z) = (
                b["lines"][0].as_u64().unwrap() as usize,
                b["lines"][1].as_u64().unwrap() as usize,
            );
            (
                i,
                starts
                    .iter()
                    .enumerate()
                    .filter(|(_, &s)| a <= s && s <= z)
                    .map(|(k, _)| k + 1)
                    .collect(),
            )
        })
        .collect()
}

/// Precision (S or P links correct), recall (over S links) and F1 of
/// `normdiff align --format tsv` against the gold of one pair.
fn f1(corpus: &Path, variant: &str, src: &str, tgt: &str) -> (f64, f64, f64) {
    let (a, b, flip) = if src < tgt {
        (src, tgt, false)
    } else {
        (tgt, src, true)
    };
    let gold =
        std::fs::read_to_string(corpus.join(format!("udhr/gold/{variant}/{a}-{b}.tsv"))).unwrap();
    let (mut sure, mut possible) = (BTreeSet::new(), BTreeSet::new());
    for line in gold
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (x, y): (usize, usize) = (f[0].parse().unwrap(), f[1].parse().unwrap());
        let pair = if flip { (y, x) } else { (x, y) };
        if f[4] == "S" {
            sure.insert(pair)
        } else {
            possible.insert(pair)
        };
    }
    let sp = corpus.join(format!("udhr/{variant}/{src}.txt"));
    let tp = corpus.join(format!("udhr/{variant}/{tgt}.txt"));
    let (ms, mt) = (block_map(&sp), block_map(&tp));
    let (code, out, err) = run(&[
        "align",
        "--format",
        "tsv",
        sp.to_str().unwrap(),
        tp.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut predicted = BTreeSet::new();
    for line in out.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "TSV line {line:?}");
        if f[0].is_empty() || f[1].is_empty() {
            continue;
        }
        for x in f[0].split(',') {
            for y in f[1].split(',') {
                for gx in &ms[&x.parse::<usize>().unwrap()] {
                    for gy in &mt[&y.parse::<usize>().unwrap()] {
                        predicted.insert((*gx, *gy));
                    }
                }
            }
        }
    }
    let correct = predicted
        .iter()
        .filter(|p| sure.contains(p) || possible.contains(p))
        .count();
    let precision = correct as f64 / predicted.len().max(1) as f64;
    let recall = predicted.intersection(&sure).count() as f64 / sure.len().max(1) as f64;
    let f = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f)
}

#[test]
fn issue_4_udhr_f1_at_least_098_every_pair_direction_and_variant() {
    let corpus = corpus_or_skip!();
    let mut worst = 1.0f64;
    for variant in ["with-headings", "bare"] {
        for (s, t) in [("eng", "fra"), ("eng", "spa"), ("fra", "spa")] {
            for (src, tgt) in [(s, t), (t, s)] {
                let (p, r, f) = f1(&corpus, variant, src, tgt);
                eprintln!("{variant:14} {src}-{tgt}  P={p:.4} R={r:.4} F1={f:.4}");
                assert!(f >= 0.98, "{variant} {src}-{tgt}: F1 {f:.4} < 0.98");
                worst = worst.min(f);
            }
        }
    }
    eprintln!("worst F1 {worst:.4}");
}

fn fx(rel: &str) -> String {
    fixture(rel).to_str().unwrap().to_owned()
}

#[test]
fn tsv_contract_on_a_missing_paragraph() {
    let (code, out, _) = run(&[
        "align",
        "-f",
        "tsv",
        &fx("translations/anchors/en.txt"),
        &fx("translations/anchors/ar.txt"),
    ]);
    assert_eq!(code, 0);
    let cols: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        cols.iter().map(|c| (c[0], c[1])).collect::<Vec<_>>(),
        vec![("0", "0"), ("1", ""), ("2", "1"), ("3", "2")]
    );
    assert_eq!(cols[1][2], "0.0000");
    assert!(cols.iter().all(|c| c[2].parse::<f64>().is_ok()));
}

#[test]
fn json_output_deserializes_and_is_deterministic() {
    let args = [
        "align",
        "-f",
        "json",
        &fx("translations/udhr/ru.txt"),
        &fx("translations/udhr/en.txt"),
    ];
    let (code, v) = run_json(&args);
    assert_eq!(code, 0);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["rows"][1]["source"][0]["label"], "Статья 1");
    assert_eq!(v["rows"][1]["target"][0]["label"], "Article 1");
    assert_eq!(v["rows"][1]["low_confidence"], false);
    assert_eq!(run(&args).1, run(&args).1);
}

#[test]
fn rtl_text_is_marked_in_html_and_isolated_in_markdown() {
    let (en, ar) = (
        fx("translations/udhr/en.txt"),
        fx("translations/udhr/ar.txt"),
    );
    let (_, html, _) = run(&["align", "-f", "html", &en, &ar]);
    assert!(html.contains("<p dir=\"rtl\">يولد جميع الناس"));
    assert!(html.contains("<th dir=\"rtl\">"));
    let (_, md, _) = run(&["align", "-f", "markdown", &en, &ar]);
    assert!(md.contains("\u{2067}يولد جميع الناس"));
    assert!(md.contains("\u{2069} | \u{2068}المادة ١\u{2069} |"));
}

#[test]
fn glossary_file_is_used_and_bad_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("terms.toml");
    std::fs::write(
        &g,
        "[[term]]\nsource = \"GGE\"\ntarget = [\"GGE\", \"专家组\"]\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "align",
        "-f",
        "tsv",
        "--glossary",
        g.to_str().unwrap(),
        &fx("translations/anchors/en.txt"),
        &fx("translations/anchors/zh.txt"),
    ]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(&g, "[[term]]\nsource = 3\n").unwrap();
    let (code, _, err) = run(&[
        "align",
        "--glossary",
        g.to_str().unwrap(),
        &fx("translations/anchors/en.txt"),
        &fx("translations/anchors/zh.txt"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("terms.toml: not a valid glossary"), "{err}");
    let (code, _, err) = run(&["align", "nope.txt", &fx("translations/anchors/zh.txt")]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt"), "{err}");
}

#[test]
fn snapshots_of_every_format() {
    let (en, ar, zh) = (
        fx("translations/udhr/en.txt"),
        fx("translations/udhr/ar.txt"),
        fx("translations/anchors/zh.txt"),
    );
    let root = crate::util::root();
    let rel = |p: &str| p.replace(root.to_str().unwrap(), "<root>");
    let (_, md, _) = run(&["align", "-f", "markdown", &en, &ar]);
    insta::assert_snapshot!("align_udhr_en_ar_markdown", rel(&md));
    let (_, html, _) = run(&["align", "-f", "html", &en, &ar]);
    insta::assert_snapshot!("align_udhr_en_ar_html", rel(&html));
    let (_, tsv, _) = run(&[
        "align",
        "-f",
        "tsv",
        &fx("translations/anchors/en.txt"),
        &zh,
    ]);
    insta::assert_snapshot!("align_anchors_en_zh_tsv", tsv);
}
