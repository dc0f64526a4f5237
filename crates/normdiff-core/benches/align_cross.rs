//! Cross-language alignment of the UDHR (English, French, Spanish, both
//! variants): all six ordered pairs, and one pair alone. Reads the shared
//! corpus (`$NORMDIFF_CORPUS` or `../shared/corpus`); prints a note and
//! does nothing when it is absent.

use criterion::{criterion_group, criterion_main, Criterion};
use normdiff_core::align::cross::{align, CrossOptions};
use normdiff_core::{ingest, Document, InputFormat};
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    let p = std::env::var_os("NORMDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    p.is_dir().then_some(p)
}

fn load(corpus: &std::path::Path, variant: &str, lang: &str) -> Document {
    let text = std::fs::read_to_string(corpus.join(format!("udhr/{variant}/{lang}.txt")))
        .expect("UDHR file");
    ingest(&text, InputFormat::Text)
}

fn bench(c: &mut Criterion) {
    let Some(corpus) = corpus() else {
        eprintln!("align_cross: shared corpus not found; nothing to benchmark");
        return;
    };
    let opts = CrossOptions::default();
    for variant in ["with-headings", "bare"] {
        let docs: Vec<(&str, Document)> = ["eng", "fra", "spa"]
            .into_iter()
            .map(|l| (l, load(&corpus, variant, l)))
            .collect();
        c.bench_function(&format!("align_cross/udhr-{variant}/six-pairs"), |b| {
            b.iter(|| {
                for (s, sd) in &docs {
                    for (t, td) in &docs {
                        if s != t {
                            black_box(align(sd, td, &opts));
                        }
                    }
                }
            })
        });
        c.bench_function(&format!("align_cross/udhr-{variant}/eng-fra"), |b| {
            b.iter(|| black_box(align(&docs[0].1, &docs[1].1, &opts)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
