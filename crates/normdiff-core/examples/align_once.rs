//! Aligns two files once and prints the link count: a target for
//! profilers (`valgrind --tool=callgrind`), not a user tool.
//!
//! `cargo run --release -p normdiff-core --example align_once -- OLD NEW`

use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::{decode, ingest, InputFormat};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new] = [&args[0], &args[1]].map(|p| {
        let bytes = std::fs::read(p).expect("readable file");
        ingest(&decode(&bytes, p).expect("text").text, InputFormat::Text)
    });
    let a = align(&old, &new, &SameOptions::default());
    println!("{} links", a.links.len());
}
