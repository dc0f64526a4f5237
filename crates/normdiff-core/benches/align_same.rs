//! Same-language alignment of the zero draft with the final report
//! (drafts/v7), and of 10× and 100× concatenations of both: alignment time
//! must grow near-linearly.

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::{ingest, InputFormat};
use std::hint::black_box;

fn align_same(c: &mut Criterion) {
    let (Some(zero), Some(fin)) = (
        common::corpus_text("drafts/v7/zero.txt"),
        common::corpus_text("drafts/v7/final.txt"),
    ) else {
        return;
    };
    let mut g = c.benchmark_group("align_same");
    g.sample_size(10);
    for n in [1usize, 10, 100] {
        let old = ingest(&common::repeat(&zero, n), InputFormat::Text);
        let new = ingest(&common::repeat(&fin, n), InputFormat::Text);
        g.bench_function(format!("drafts_v7_x{n}"), |b| {
            b.iter(|| black_box(align(&old, &new, &SameOptions::default())))
        });
    }
    g.finish();
}

criterion_group!(benches, align_same);
criterion_main!(benches);
