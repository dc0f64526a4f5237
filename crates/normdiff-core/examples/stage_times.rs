//! Times the stages of a diff in-process (a profiling aid, not a user
//! tool): `cargo run --release -p normdiff-core --example stage_times -- OLD NEW`.

use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::{build_report, decode, ingest, InputFormat, ReportOptions};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |p: &str| std::fs::read(p).expect("readable file");
    for round in 0..20 {
        let t0 = Instant::now();
        let (a, b) = (read(&args[0]), read(&args[1]));
        let t1 = Instant::now();
        let (old, new) = rayon::join(
            || ingest(&decode(&a, "a").expect("text").text, InputFormat::Text),
            || ingest(&decode(&b, "b").expect("text").text, InputFormat::Text),
        );
        let t2 = Instant::now();
        let al = align(&old, &new, &SameOptions::default());
        let t3 = Instant::now();
        let r = build_report(&old, &new, &al, &ReportOptions::default());
        let t4 = Instant::now();
        if round == 19 {
            println!(
                "read {:?} ingest {:?} align {:?} report {:?} ({} pairs)",
                t1 - t0,
                t2 - t1,
                t3 - t2,
                t4 - t3,
                r.pairs.len()
            );
        }
    }
}
