//! Quote location across languages (issue #13), on the shared corpus:
//! - between English, French and Spanish without `--via` (UDHR): the first
//!   sentence of each paragraph, located in each other language at the
//!   default threshold;
//! - across scripts with `--via` (2030 Agenda targets, `sdg/bare`): each
//!   Russian, Arabic and Chinese target located in the English and French
//!   documents through the document in its own language, and the reverse.

use normdiff_core::locate::glossary::{learn, Lang, LANGS};
use normdiff_core::locate::{locate, locate_via, LocateOptions};
use normdiff_core::{decode, ingest, Document, InputFormat};
use std::path::Path;

mod common;
use common::corpus;

fn read(p: &Path) -> Document {
    let bytes = std::fs::read(p).unwrap();
    ingest(&decode(&bytes, "x").unwrap().text, InputFormat::Text)
}

/// The first sentence of `text` (up to the first `. ` after six words),
/// or all of it.
fn first_sentence(text: &str) -> String {
    let mut out = String::new();
    for (k, w) in text.split_whitespace().enumerate() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        if k >= 6 && (w.ends_with('.') || w.ends_with(';')) {
            break;
        }
    }
    out
}

/// Gold 1-1 sure links (0-based) of a UDHR gold file.
fn udhr_gold(p: &Path) -> Vec<(usize, usize)> {
    let mut rows: Vec<(usize, usize)> = Vec::new();
    for l in std::fs::read_to_string(p).unwrap().lines() {
        let f: Vec<&str> = l.split('\t').collect();
        if l.starts_with('#') || f.len() < 5 || f[4] != "S" {
            continue;
        }
        if let (Ok(a), Ok(b)) = (f[0].parse::<usize>(), f[1].parse::<usize>()) {
            rows.push((a - 1, b - 1));
        }
    }
    // Keep 1-1 links only.
    let count = |x: usize, side: usize| {
        rows.iter()
            .filter(|r| if side == 0 { r.0 == x } else { r.1 == x })
            .count()
    };
    rows.iter()
        .copied()
        .filter(|r| count(r.0, 0) == 1 && count(r.1, 1) == 1)
        .collect()
}

/// Counts of quotes whose right paragraph comes first: at the default
/// threshold, and by rank alone; per half of the paragraphs.
#[derive(Default)]
struct Tally {
    found: [usize; 2],
    ranked: [usize; 2],
    total: [usize; 2],
}

/// UDHR paragraphs of even gold rank were looked at while calibrating
/// `locate` across languages; odd ones are held out (only reported).
#[test]
fn same_script_quotes_found_at_the_default_threshold() {
    let Some(c) = corpus() else { return };
    let mut tally = Tally::default();
    for (a, b) in [("eng", "fra"), ("eng", "spa"), ("fra", "spa")] {
        for (s, t, flip) in [(a, b, false), (b, a, true)] {
            let gold = udhr_gold(&c.join(format!("udhr/gold/with-headings/{a}-{b}.tsv")));
            let sd = read(&c.join(format!("udhr/with-headings/{s}.txt")));
            let td = read(&c.join(format!("udhr/with-headings/{t}.txt")));
            let mut quotes = Vec::new();
            let mut want = Vec::new();
            for (k, &(x, y)) in gold.iter().enumerate() {
                let (x, y) = if flip { (y, x) } else { (x, y) };
                let q = first_sentence(&sd.blocks[x].text);
                if q.split_whitespace().count() >= 8 {
                    quotes.push(q);
                    want.push((y, k % 2));
                }
            }
            let r = locate(&td, &quotes, &LocateOptions::default());
            let ranked = locate(
                &td,
                &quotes,
                &LocateOptions {
                    min_score: 0.0,
                    ..LocateOptions::default()
                },
            );
            let mut ok = 0;
            for ((r, q), &(y, half)) in r.results.iter().zip(&ranked.results).zip(&want) {
                tally.total[half] += 1;
                if r.matches.first().is_some_and(|m| m.index == y) {
                    tally.found[half] += 1;
                    ok += 1;
                }
                if q.matches.first().is_some_and(|m| m.index == y) {
                    tally.ranked[half] += 1;
                }
            }
            println!("udhr {s} quotes in {t}: {ok}/{} at the default", want.len());
        }
    }
    for (half, name) in [(0, "calibration (even)"), (1, "held out (odd)")] {
        println!(
            "udhr {name}: {}/{} at the default, {} first by rank",
            tally.found[half], tally.total[half], tally.ranked[half]
        );
    }
    let (found, total) = (
        tally.found[0] + tally.found[1],
        tally.total[0] + tally.total[1],
    );
    let rate = found as f64 / total as f64;
    println!("udhr all: {found}/{total} = {rate:.3}");
    // Issue #13 asks for 90 % at the default: measured 316/338 (0.935;
    // calibration 159/168, held out 157/170; 300 = 0.888 with the
    // stand-out rule and F1 of round 4, 189 = 0.56 before the glossary),
    // and 326 (0.96) first by rank. This guards against regression.
    assert!(rate >= 0.93, "{found}/{total}");
    for half in 0..2 {
        assert!(
            tally.found[half] * 10 >= tally.total[half] * 9,
            "half {half}: {}/{}",
            tally.found[half],
            tally.total[half]
        );
    }
}

/// Quotes with nothing to find: SDG targets (first sentence) in the UDHR
/// of another language among English, French and Spanish. Reports how
/// many are (wrongly) found at the default threshold.
#[test]
fn unrelated_quotes_in_another_language_not_found() {
    let Some(c) = corpus() else { return };
    let (mut wrong, mut total) = (0, 0);
    for (q, d) in [
        ("eng", "fra"),
        ("fra", "eng"),
        ("eng", "spa"),
        ("spa", "eng"),
        ("fra", "spa"),
        ("spa", "fra"),
    ] {
        let qd = read(&c.join(format!("sdg/bare/{q}.txt")));
        let td = read(&c.join(format!("udhr/with-headings/{d}.txt")));
        let quotes: Vec<String> = qd.blocks.iter().map(|b| first_sentence(&b.text)).collect();
        let r = locate(&td, &quotes, &LocateOptions::default());
        let n = r.results.iter().filter(|r| !r.matches.is_empty()).count();
        println!("sdg {q} quotes in udhr {d}: {n}/{} found", quotes.len());
        wrong += n;
        total += quotes.len();
    }
    println!("unrelated found: {wrong}/{total}");
    // Measured 36/1014 (3.6 %; 43 in round 4, 40 before the glossary).
    // The glossary was learnt from these very targets, so this is the hard
    // case; see the next test for quotes it never saw. Issue #13 asks for
    // at most 5 %; the threshold was calibrated for at most 4 %.
    assert!(
        wrong * 25 <= total,
        "{wrong}/{total} unrelated quotes found"
    );
}

/// Quotes with nothing to find that the glossary never saw: the first
/// sentence of each paragraph of the French GGE report (seed 001) in the
/// English and Spanish UDHR.
#[test]
fn unseen_unrelated_quotes_not_found() {
    let Some(c) = corpus() else { return };
    let seed = read(&c.join("seeds/001_6b275a35f5ddb4ed.txt"));
    let quotes: Vec<String> = seed
        .blocks
        .iter()
        .map(|b| first_sentence(&b.text))
        .filter(|q| q.split_whitespace().count() >= 8)
        .collect();
    let (mut wrong, mut total) = (0, 0);
    for d in ["eng", "spa"] {
        let td = read(&c.join(format!("udhr/with-headings/{d}.txt")));
        let r = locate(&td, &quotes, &LocateOptions::default());
        let n = r.results.iter().filter(|r| !r.matches.is_empty()).count();
        println!("gge fra quotes in udhr {d}: {n}/{} found", quotes.len());
        wrong += n;
        total += quotes.len();
        // Not found across languages: a note suggests --via.
        for r in r.results.iter().filter(|r| r.matches.is_empty()) {
            assert!(r.notes.iter().any(|n| n.contains("--via")), "{}", r.quote);
        }
    }
    println!("unseen unrelated found: {wrong}/{total}");
    // Measured 12/404 (3.0 %; 9 in round 4). At most 4 %, as above.
    assert!(
        wrong * 25 <= total,
        "{wrong}/{total} unrelated quotes found"
    );
}

/// The compiled-in glossary is what `examples/build_glossary.rs` makes of
/// the corpus (it is rebuilt, not edited by hand).
#[test]
fn glossary_is_rebuilt_from_the_corpus() {
    let Some(c) = corpus() else { return };
    let texts = |l: Lang| -> Vec<String> {
        read(&c.join(format!("sdg/bare/{}.txt", l.code())))
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    };
    let others: Vec<(Lang, Vec<String>)> = LANGS[1..].iter().map(|&l| (l, texts(l))).collect();
    let built = learn(&texts(Lang::Eng), &others);
    assert!(
        built == include_str!("../src/locate/glossary.tsv"),
        "src/locate/glossary.tsv is stale: rerun examples/build_glossary.rs"
    );
}

#[test]
fn cross_script_quotes_found_via_the_quote_language() {
    let Some(c) = corpus() else { return };
    let doc = |l: &str| read(&c.join(format!("sdg/bare/{l}.txt")));
    let mut pairs = Vec::new();
    for q in ["rus", "arb", "cmn_hans"] {
        for d in ["eng", "fra"] {
            pairs.push((q, d));
            pairs.push((d, q));
        }
    }
    let (mut first, mut total) = (0, 0);
    for (q, d) in pairs {
        let (via, target) = (doc(q), doc(d));
        let quotes: Vec<String> = via.blocks.iter().map(|b| b.text.clone()).collect();
        let r = locate_via(&target, &via, &quotes, &LocateOptions::default());
        let ok = r
            .results
            .iter()
            .enumerate()
            .filter(|(k, r)| r.matches.first().is_some_and(|m| m.index == *k))
            .count();
        println!("sdg {q} quotes in {d} via {q}: {ok}/{}", quotes.len());
        first += ok;
        total += quotes.len();
        // Without --via, a note says what to do.
        let plain = locate(&target, &quotes[..3], &LocateOptions::default());
        assert!(plain
            .results
            .iter()
            .all(|r| r.notes.iter().any(|n| n.contains("--via"))));
    }
    let rate = first as f64 / total as f64;
    println!("sdg via all: {first}/{total} = {rate:.3}");
    assert!(rate >= 0.95, "{first}/{total}");
}
