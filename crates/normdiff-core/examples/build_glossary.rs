//! Rebuilds `crates/normdiff-core/src/locate/glossary.tsv`, the word
//! correspondences `locate` uses for quotes in another language, from the
//! 2030 Agenda targets in the six UN languages (`sdg/bare/` of the shared
//! corpus: 169 targets, aligned one to one in every language).
//!
//! `cargo run --release -p normdiff-core --example build_glossary -- \
//!     ../shared/corpus/sdg/bare > crates/normdiff-core/src/locate/glossary.tsv`
//!
//! The method is in `normdiff_core::locate::glossary::learn`; the output
//! is deterministic. Never run it on the UDHR: that is the evaluation set.

use normdiff_core::locate::glossary::{learn, LANGS};
use normdiff_core::{decode, ingest, InputFormat};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: build_glossary SDG_BARE_DIR");
    let read = |l: &str| -> Vec<String> {
        let p = format!("{dir}/{l}.txt");
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
        let doc = ingest(&decode(&bytes, &p).expect("text").text, InputFormat::Text);
        doc.blocks.into_iter().map(|b| b.text).collect()
    };
    let pivot = read("eng");
    print!(
        "{}",
        learn(
            &pivot,
            &LANGS[1..]
                .iter()
                .map(|l| (*l, read(l.code())))
                .collect::<Vec<_>>()
        )
    );
}
