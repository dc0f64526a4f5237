//! Lineage and word provenance on generated 5-version series of the GGE
//! report (issue 17): lineage F1 ≥ 0.998 pooled over all version pairs and
//! ≥ 0.995 on every pair, the introducing version right for ≥ 99 % of the
//! last version's words. Seeds 1–3 were used while building; the figures
//! asserted here come from seeds 101–110, never looked at before.

mod series;

use normdiff_core::lineage::{build, LineageOptions};
use normdiff_core::{decode, ingest, Document, InputFormat};
use series::{f1, generate, numbered_paragraphs, prose_paragraphs, score, Scores};
use std::path::PathBuf;

/// The shared corpus; `None` (the test skips) when absent, a failure
/// when `CI=true`.
fn corpus() -> Option<PathBuf> {
    let p = std::env::var_os("NORMDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    if p.is_dir() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "shared corpus not found at {} and CI=true",
        p.display()
    );
    eprintln!("skipped: shared corpus not found (set NORMDIFF_CORPUS)");
    None
}

fn read(p: PathBuf) -> String {
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    decode(&bytes, "x").unwrap().text
}

fn pool(corpus: &std::path::Path) -> Vec<String> {
    let dir = corpus.join("seeds");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let other = names
        .iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("003"))
        .unwrap();
    prose_paragraphs(&read(other.clone()))
}

/// Scores of the series of `seed`.
fn run(base: &[String], pool: &[String], seed: u64) -> Scores {
    let s = generate(base, pool, seed, 5);
    let docs: Vec<Document> = (0..5)
        .map(|k| ingest(&s.render(k), InputFormat::Text))
        .collect();
    for (k, d) in docs.iter().enumerate() {
        assert_eq!(
            d.blocks.len(),
            s.versions[k].paras.len(),
            "seed {seed} version {k}: block count"
        );
    }
    let l = build(&docs, Vec::new(), &LineageOptions::default());
    score(&s, &docs, &l)
}

#[test]
fn held_out_series_meet_the_targets() {
    let Some(c) = corpus() else { return };
    let base = numbered_paragraphs(&read(c.join("drafts/v7/final.txt")));
    assert_eq!(base.len(), 98);
    let pool = pool(&c);
    let mut all = Scores::default();
    for seed in 101..=110 {
        let s = run(&base, &pool, seed);
        eprintln!(
            "seed {seed}: lineage F1 pooled {:.4}, worst pair {:.4}; words {:.4} ({} of {}); mismatched blocks {}",
            s.pooled_f1(),
            s.min_pair_f1(),
            s.word_accuracy(),
            s.words_right,
            s.words,
            s.blocks_mismatched
        );
        all.add(&s);
    }
    // Per version pair, pooled over the series.
    let mut worst = 1.0f64;
    for i in 0..5 {
        for j in i + 1..5 {
            let (tp, fp, fn_) = all
                .pairs
                .iter()
                .filter(|p| p.0 == i && p.1 == j)
                .fold((0, 0, 0), |a, p| (a.0 + p.2, a.1 + p.3, a.2 + p.4));
            let f = f1(tp, fp, fn_);
            eprintln!("pair v{i}→v{j}: F1 {f:.4} (tp {tp}, fp {fp}, fn {fn_})");
            worst = worst.min(f);
        }
    }
    eprintln!(
        "ALL: lineage F1 pooled {:.4}, worst pair {worst:.4}; words {:.4} ({} of {})",
        all.pooled_f1(),
        all.word_accuracy(),
        all.words_right,
        all.words
    );
    assert_eq!(
        all.blocks_mismatched, 0,
        "ingestion changed a generated paragraph"
    );
    // Issue #17's targets are 0.998 pooled, 0.995 per pair and 0.99 of the
    // words. Measured: 0.9987, 0.9974, 0.9959 (the figures of round 1's
    // aligner, restored once repeated copies pair nearest-first; with the
    // numbering work merged and greedy copy pairing they had fallen to
    // 0.9969, 0.9946, 0.9826). The floors sit just under the measured
    // figures, above the targets.
    assert!(
        all.pooled_f1() >= 0.9985,
        "pooled lineage F1 {:.4}",
        all.pooled_f1()
    );
    assert!(worst >= 0.997, "worst version pair F1 {worst:.4}");
    assert!(
        all.word_accuracy() >= 0.995,
        "word accuracy {:.4}",
        all.word_accuracy()
    );
}
