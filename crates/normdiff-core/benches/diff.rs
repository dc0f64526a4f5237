//! The whole diff (ingest + align + word diff + report) of seed 001 against
//! an edited version, and of 10× and 100× concatenations.
//!
//! The edit is the one `scripts/bench-diff.sh` makes (same rules): wording
//! (`les États devraient` → `les États doivent`), typography (`l'Assemblée`
//! → `l’Assemblée`, NBSP before `;`), a paragraph moved, one deleted, one
//! inserted. Needs the shared corpus (`$NORMDIFF_CORPUS` or
//! `../shared/corpus`); skips with a message otherwise.
//!
//! Run: `cargo bench -p normdiff-core --bench diff`.

use criterion::{criterion_group, criterion_main, Criterion};
use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::report::{build_report, ReportOptions};
use normdiff_core::{ingest, InputFormat};
use std::hint::black_box;

mod common;

/// The edited version (same rules as scripts/bench-diff.sh).
pub fn edit(text: &str) -> String {
    let t = text
        .replace("les États devraient", "les États doivent")
        .replace("l'Assemblée", "l’Assemblée")
        .replace(" ;", "\u{a0};");
    let mut paras: Vec<String> = t.split("\n\n").map(str::to_owned).collect();
    if paras.len() > 120 {
        let moved = paras.remove(100);
        paras.insert(110, moved);
        paras.remove(50);
        paras.insert(
            30,
            "Le Groupe note que la résilience des réseaux est une préoccupation commune."
                .to_owned(),
        );
    }
    paras.join("\n\n")
}

fn whole_diff(old: &str, new: &str) -> usize {
    let (o, n) = (
        ingest(old, InputFormat::Text),
        ingest(new, InputFormat::Text),
    );
    let a = align(&o, &n, &SameOptions::default());
    build_report(&o, &n, &a, &ReportOptions::default())
        .pairs
        .len()
}

fn bench(c: &mut Criterion) {
    let Some(seed) = common::corpus_text("seeds/001_") else {
        eprintln!("skipped: shared corpus not found (set NORMDIFF_CORPUS)");
        return;
    };
    let edited = edit(&seed);
    let mut g = c.benchmark_group("diff");
    g.sample_size(10);
    for times in [1usize, 10, 100] {
        let old = seed.repeat(times);
        let new = edited.repeat(times);
        g.bench_function(format!("seed001_x{times}"), |b| {
            b.iter(|| whole_diff(black_box(&old), black_box(&new)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
