//! Issue #15, held-out Word drafts: the zero draft and the final report of
//! `shared/corpus/drafts/v7` converted to Word by
//! `scripts/make-docx-fixtures.py --heldout` (automatic numbering at two
//! levels with start overrides, footnotes, a table, words split into runs).
//! Alignment of the Word pair must score the same F1 against the gold as
//! the text pair (≥ 0.99), every automatically numbered paragraph must
//! carry its printed number, and no footnote text may sit in a paragraph.

use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::ingest::word::{read_word, WordOptions};
use normdiff_core::{decode, ingest, Document, InputFormat};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

mod common;
use common::corpus;
use common::skip;

/// Gold block (1-based) of each line range in `*_blocks.tsv`.
fn gold_of_line(p: &Path) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for l in std::fs::read_to_string(p).unwrap().lines().skip(1) {
        let f: Vec<&str> = l.split('\t').collect();
        let (a, b) = f[1].split(';').next().unwrap().split_once('-').unwrap();
        out.push((
            f[0].parse().unwrap(),
            a.parse().unwrap(),
            b.parse().unwrap(),
        ));
    }
    out
}

fn gold_pairs(dir: &Path) -> BTreeSet<(usize, usize)> {
    std::fs::read_to_string(dir.join("gold.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((f[0].parse().ok()?, f[1].parse().ok()?))
        })
        .collect()
}

fn f1(
    zero: &Document,
    fin: &Document,
    zmap: &[usize],
    fmap: &[usize],
    gold: &BTreeSet<(usize, usize)>,
) -> f64 {
    let a = align(zero, fin, &SameOptions::default());
    let mut predicted = BTreeSet::new();
    for l in &a.links {
        for &o in &l.old {
            for &n in &l.new {
                predicted.insert((zmap[o], fmap[n]));
            }
        }
    }
    let correct = predicted.intersection(gold).count() as f64;
    let (p, r) = (
        correct / predicted.len() as f64,
        correct / gold.len() as f64,
    );
    2.0 * p * r / (p + r)
}

fn text_doc(p: &Path) -> (Document, Vec<usize>) {
    let doc = ingest(
        &decode(&std::fs::read(p).unwrap(), "x").unwrap().text,
        InputFormat::Text,
    );
    let name = p.file_stem().unwrap().to_string_lossy().into_owned();
    let gold = gold_of_line(&p.with_file_name(format!("{name}_blocks.tsv")));
    let map = doc
        .blocks
        .iter()
        .map(|b| {
            gold.iter()
                .find(|g| g.1 <= b.lines[0] && b.lines[0] <= g.2)
                .unwrap()
                .0
        })
        .collect();
    (doc, map)
}

/// The Word document and, per block, its gold block and printed label.
fn word_doc(dir: &Path, name: &str) -> (Document, Vec<usize>, Vec<String>) {
    let bytes = std::fs::read(dir.join(format!("{name}.docx"))).unwrap();
    let text = read_word(&bytes, name, &WordOptions::default())
        .unwrap()
        .text;
    let doc = ingest(&text, InputFormat::Text);
    let rows: Vec<(usize, String)> = std::fs::read_to_string(dir.join(format!("{name}.map.tsv")))
        .unwrap()
        .lines()
        .map(|l| {
            let (g, label) = l.split_once('\t').unwrap();
            (g.parse().unwrap(), label.to_owned())
        })
        .collect();
    assert_eq!(
        doc.blocks.len(),
        rows.len(),
        "{name}: one block per Word paragraph or row"
    );
    let (map, labels) = rows.into_iter().unzip();
    (doc, map, labels)
}

#[test]
fn heldout_word_drafts_align_as_well_as_their_text() {
    let Some(c) = corpus() else {
        return skip("shared corpus not found (set NORMDIFF_CORPUS)");
    };
    let out = std::env::temp_dir().join(format!("normdiff-heldout-{}", std::process::id()));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/make-docx-fixtures.py");
    let ran = Command::new("python3")
        .arg(&script)
        .arg("--heldout")
        .arg(&out)
        .arg(&c)
        .status();
    if !ran.is_ok_and(|s| s.success()) {
        return skip("python3 could not build the held-out Word drafts");
    }
    let dir = c.join("drafts/v7");
    let gold = gold_pairs(&dir);
    let (tz, tzm) = text_doc(&dir.join("zero.txt"));
    let (tf, tfm) = text_doc(&dir.join("final.txt"));
    let text_f1 = f1(&tz, &tf, &tzm, &tfm, &gold);
    let (wz, wzm, wzl) = word_doc(&out, "zero");
    let (wf, wfm, wfl) = word_doc(&out, "final");
    let word_f1 = f1(&wz, &wf, &wzm, &wfm, &gold);
    let mut numbered = 0;
    for (doc, labels) in [(&wz, &wzl), (&wf, &wfl)] {
        for (b, want) in doc.blocks.iter().zip(labels.iter()) {
            if want != "-" {
                numbered += 1;
                let got = b.marker.as_deref().unwrap_or("").trim();
                let want_printed = if want.ends_with(')') {
                    want.clone()
                } else {
                    format!("{want}.")
                };
                assert_eq!(got, want_printed, "block {} printed label", b.index);
            }
        }
        for n in &doc.footnotes {
            assert!(!n.text.is_empty());
            assert!(
                doc.blocks.iter().all(|b| !b.text.contains(&n.text)),
                "footnote text in a block: {}",
                n.text
            );
        }
    }
    let footnotes = wf.footnotes.len() + wz.footnotes.len();
    eprintln!(
        "held-out Word drafts: F1 {word_f1:.4} (text versions {text_f1:.4}); {numbered} auto-numbered paragraphs carry their number; {footnotes} footnotes set aside"
    );
    let _ = std::fs::remove_dir_all(&out);
    assert!(footnotes > 0);
    assert!(word_f1 >= 0.99, "Word F1 {word_f1:.4}");
    assert!(
        word_f1 >= text_f1 - 1e-9,
        "Word F1 {word_f1:.4} below text {text_f1:.4}"
    );
}
