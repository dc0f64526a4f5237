//! Lineage and word provenance on generated 5-version series of the GGE
//! report (issue 17): lineage F1 ≥ 0.998 pooled over all version pairs and
//! ≥ 0.995 on every pair, the introducing version right for ≥ 99 % of the
//! last version's words. Seeds 1–3 were used while building; the figures
//! asserted here come from seeds 101–110, never looked at before.

mod series;

use normdiff_core::lineage::{build, LineageOptions};
use normdiff_core::{ingest, Document, InputFormat};
use series::{corpus_inputs, f1, generate, score, Scores};

mod common;
use common::corpus;

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

/// Scores of the series of `seeds`, printed per seed and per version pair;
/// returns them with the worst pair's F1 (pooled over the series).
fn measure(seeds: std::ops::RangeInclusive<u64>) -> Option<(Scores, f64)> {
    let (base, pool) = corpus_inputs(&corpus()?);
    assert_eq!(base.len(), 98);
    let mut all = Scores::default();
    for seed in seeds {
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
    Some((all, worst))
}

/// Asserts pooled F1, worst pair F1 and word accuracy at least `floors`.
fn assert_floors(all: &Scores, worst: f64, floors: (f64, f64, f64)) {
    assert!(
        all.pooled_f1() >= floors.0,
        "pooled lineage F1 {:.4}",
        all.pooled_f1()
    );
    assert!(worst >= floors.1, "worst version pair F1 {worst:.4}");
    assert!(
        all.word_accuracy() >= floors.2,
        "word accuracy {:.4}",
        all.word_accuracy()
    );
}

#[test]
fn held_out_series_meet_the_targets() {
    let Some((all, worst)) = measure(101..=110) else {
        return;
    };
    // Issue #17's targets are 0.998 pooled, 0.995 per pair and 0.99 of the
    // words. Round 3 measured 0.9994, 0.9985 and 0.9963 (with the numbering
    // work merged and greedy copy pairing they had fallen to 0.9969, 0.9946
    // and 0.9826; see docs/history.md). The misses of these seeds were
    // looked at while fixing the aligner in round 3, so they are no longer
    // held out: `fresh_series_meet_the_targets` is.
    assert_floors(&all, worst, (0.999, 0.998, 0.996));
}

#[test]
fn fresh_series_meet_the_targets() {
    // Seeds 201–210: made in round 3 after the aligner fixes, never tuned on.
    let Some((all, worst)) = measure(201..=210) else {
        return;
    };
    assert_floors(&all, worst, FRESH_FLOORS);
}

/// Floors of the fresh seeds: issue #17's targets. Measured in round 3:
/// 0.9993 pooled, 0.9985 worst pair, 0.9974 of the words.
const FRESH_FLOORS: (f64, f64, f64) = (0.998, 0.995, 0.99);
