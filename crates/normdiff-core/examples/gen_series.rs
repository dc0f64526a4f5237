//! Writes a generated 5-version series of the GGE report with its gold
//! (issue 17), for `scripts/history-blame-baseline.sh` and by hand:
//!
//! ```text
//! cargo run -p normdiff-core --example gen_series -- CORPUS OUTDIR SEED
//! ```
//!
//! OUTDIR gets `v0.txt` … `v4.txt` (the versions), `gold-steps.tsv`
//! (`from_version from_block to_block`, 0-based: the gold lineage of each
//! consecutive pair), `gold-words.tsv` (`block start end version`: byte
//! ranges of the last version's block texts), and `words/v0.txt` …
//! (one word per line, blank line between paragraphs, label lines `N.`)
//! with `words/gold.txt` (per line of `words/v4.txt`, the version that
//! introduced it, or `-` for label and blank lines).

#[path = "../tests/series/mod.rs"]
mod series;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, corpus, out, seed] = args.as_slice() else {
        eprintln!("usage: gen_series CORPUS OUTDIR SEED");
        std::process::exit(2);
    };
    let corpus = PathBuf::from(corpus);
    let out = PathBuf::from(out);
    let seed: u64 = seed.parse().expect("SEED is a number");
    let final_txt = std::fs::read_to_string(corpus.join("drafts/v7/final.txt")).expect("final.txt");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(corpus.join("seeds"))
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    seeds.sort();
    let other = seeds
        .iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("003"))
        })
        .expect("seed 003");
    let pool = series::prose_paragraphs(&std::fs::read_to_string(other).expect("seed 003"));
    let base = series::numbered_paragraphs(&final_txt);
    let s = series::generate(&base, &pool, seed, 5);
    std::fs::create_dir_all(out.join("words")).expect("out dir");
    let n = s.versions.len();
    let mut steps = String::new();
    for k in 0..n {
        std::fs::write(out.join(format!("v{k}.txt")), s.render(k)).expect("write");
        let mut words = String::new();
        for (i, p) in s.versions[k].paras.iter().enumerate() {
            let _ = writeln!(words, "{}.", i + 1);
            for w in &p.words {
                let _ = writeln!(words, "{}", w.text);
            }
            words.push('\n');
        }
        std::fs::write(out.join(format!("words/v{k}.txt")), words).expect("write");
        if k + 1 < n {
            for (a, b) in s.gold_step(k) {
                let _ = writeln!(steps, "{k}\t{a}\t{b}");
            }
        }
    }
    std::fs::write(out.join("gold-steps.tsv"), steps).expect("write");
    let mut gw = String::new();
    let mut gl = String::new();
    for (b, ws) in s.gold_words().iter().enumerate() {
        gl.push_str("-\n");
        for &(st, en, v) in ws {
            let _ = writeln!(gw, "{b}\t{st}\t{en}\t{v}");
            let _ = writeln!(gl, "{v}");
        }
        gl.push_str("-\n");
    }
    std::fs::write(out.join("gold-words.tsv"), gw).expect("write");
    std::fs::write(out.join("words/gold.txt"), gl).expect("write");
}
