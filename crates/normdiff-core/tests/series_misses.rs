//! Diagnostic, not a gate: every pair of consecutive versions of the
//! held-out history series (seeds 101–110, or `SEEDS=1,2,3`) that the
//! same-language aligner gets wrong against the generator's gold, with
//! the link each side got and the start of both texts.
//!
//! `cargo test -p normdiff-core --test series_misses -- --ignored --nocapture`

mod series;

use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::align::Alignment;
use normdiff_core::{ingest, Document, InputFormat};
use series::{corpus_inputs, generate};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn short(s: &str) -> String {
    s.chars().take(70).collect()
}

/// The link holding old block `i` (`old`) or new block `i`, printed.
fn link_of(a: &Alignment, old: bool, i: usize) -> String {
    a.links
        .iter()
        .find(|l| {
            if old {
                l.old.contains(&i)
            } else {
                l.new.contains(&i)
            }
        })
        .map(|l| format!("{:?} {:?}->{:?} {:.3}", l.kind, l.old, l.new, l.score))
        .unwrap_or_default()
}

/// Prints the misses and false pairs of step `k` → `k + 1`; returns
/// their counts.
fn step(seed: u64, k: usize, docs: &[Document], gold: Vec<(usize, usize)>) -> (usize, usize) {
    let a = align(&docs[k], &docs[k + 1], &SameOptions::default());
    let pred: BTreeSet<(usize, usize)> = a
        .links
        .iter()
        .flat_map(|l| {
            l.old
                .iter()
                .flat_map(|&i| l.new.iter().map(move |&j| (i, j)))
        })
        .collect();
    let gold: BTreeSet<_> = gold.into_iter().collect();
    let text = |v: usize, b: usize| short(&docs[v].blocks[b].text);
    for &(i, j) in gold.difference(&pred) {
        eprintln!(
            "seed {seed} v{k}->v{} MISS ({i},{j}) old:[{}] new:[{}]\n   o: {}\n   n: {}",
            k + 1,
            link_of(&a, true, i),
            link_of(&a, false, j),
            text(k, i),
            text(k + 1, j)
        );
    }
    for &(i, j) in pred.difference(&gold) {
        eprintln!(
            "seed {seed} v{k}->v{} FALSE ({i},{j}) [{}]\n   o: {}\n   n: {}",
            k + 1,
            link_of(&a, true, i),
            text(k, i),
            text(k + 1, j)
        );
    }
    (
        pred.difference(&gold).count(),
        gold.difference(&pred).count(),
    )
}

#[test]
#[ignore]
fn print_misses() {
    let c = std::env::var_os("NORMDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    if !c.is_dir() {
        eprintln!("skipped: shared corpus not found (set NORMDIFF_CORPUS)");
        return;
    }
    let (base, pool) = corpus_inputs(&c);
    let seeds: Vec<u64> = std::env::var("SEEDS")
        .map(|s| s.split(',').map(|x| x.trim().parse().unwrap()).collect())
        .unwrap_or_else(|_| (101..=110).collect());
    let (mut wrong, mut missed) = (0, 0);
    for seed in seeds {
        let s = generate(&base, &pool, seed, 5);
        let docs: Vec<Document> = (0..5)
            .map(|k| ingest(&s.render(k), InputFormat::Text))
            .collect();
        for k in 0..4 {
            let (w, m) = step(seed, k, &docs, s.gold_step(k));
            wrong += w;
            missed += m;
        }
    }
    eprintln!("consecutive pairs: {wrong} false, {missed} missed");
}
