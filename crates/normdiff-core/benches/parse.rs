//! Ingestion (decode + structure recovery) of the French GGE report
//! (seed 001, 110 KB) and of a 100× concatenation of it (11 MB): parse
//! time must grow linearly. Also tokenizing and comparison keys alone.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use normdiff_core::{decode, ingest, InputFormat};
use std::hint::black_box;

fn parse(c: &mut Criterion) {
    let Some(seed) = common::corpus_text("seeds/001") else {
        return;
    };
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    for n in [1usize, 100] {
        let text = common::repeat(&seed, n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("seed001_x{n}"), |b| {
            b.iter(|| {
                let d = decode(black_box(text.as_bytes()), "seed").unwrap();
                black_box(ingest(&d.text, InputFormat::Text))
            })
        });
    }
    g.finish();
}

/// Tokenizing and key-building of the whole report, separately.
fn tokens_and_keys(c: &mut Criterion) {
    let Some(seed) = common::corpus_text("seeds/001") else {
        return;
    };
    let mut g = c.benchmark_group("segment");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("tokenize_seed001", |b| {
        b.iter(|| black_box(normdiff_core::tokenize(black_box(&seed))))
    });
    g.bench_function("key_normal_seed001", |b| {
        b.iter(|| {
            black_box(normdiff_core::key(
                black_box(&seed),
                normdiff_core::Profile::NORMAL,
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, parse, tokens_and_keys);
criterion_main!(benches);
