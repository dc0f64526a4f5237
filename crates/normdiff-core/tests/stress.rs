//! Pathological inputs (issue #7): they must complete within the bounds
//! documented in `docs/LIMITS.md`, without overflowing the stack.
//!
//! The large cases are `#[ignore]`d by default; `.ci/run` runs them in
//! release mode: `cargo test --release -p normdiff-core --test stress -- --ignored`.
//! The bounds asserted here are the documented ones (generous: a regression
//! to quadratic behaviour blows through them by orders of magnitude).

use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::align::LinkKind;
use normdiff_core::{decode, ingest, InputFormat};
use std::time::{Duration, Instant};

/// Peak resident memory of this process so far, in MiB (Linux only).
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

fn check(name: &str, started: Instant, bound: Duration) {
    let took = started.elapsed();
    eprintln!(
        "{name}: {took:.2?} (bound {bound:?}), peak RSS {:?} MiB",
        peak_rss_mib()
    );
    assert!(
        took < bound,
        "{name} took {took:?}, over its documented bound {bound:?}"
    );
}

#[test]
#[ignore = "stress: run in release by .ci/run"]
fn hundred_thousand_identical_paragraphs() {
    let para = "Le Groupe réaffirme que le droit international est applicable.";
    let text = vec![para; 100_000].join("\n\n");
    let t = Instant::now();
    let d = ingest(
        &decode(text.as_bytes(), "x").unwrap().text,
        InputFormat::Text,
    );
    assert_eq!(d.blocks.len(), 100_000);
    eprintln!("after ingest: peak RSS {:?} MiB", peak_rss_mib());
    let a = align(&d, &d, &SameOptions::default());
    assert!(a.covers(100_000, 100_000));
    assert!(a
        .links
        .iter()
        .all(|l| l.kind == LinkKind::Unchanged && l.old == l.new));
    check("100 000 identical paragraphs", t, Duration::from_secs(20));
}

#[test]
#[ignore = "stress: run in release by .ci/run"]
fn one_ten_megabyte_paragraph() {
    let words: Vec<String> = (0..1_500_000).map(|i| format!("mot{}", i % 5000)).collect();
    let text = words.join(" ");
    assert!(text.len() > 10_000_000);
    let mut edited = text.clone();
    edited.insert_str(text.len() / 2, "ajout ");
    let t = Instant::now();
    let old = ingest(&text, InputFormat::Text);
    let new = ingest(&edited, InputFormat::Text);
    assert_eq!((old.blocks.len(), new.blocks.len()), (1, 1));
    let a = align(&old, &new, &SameOptions::default());
    assert_eq!(a.links.len(), 1);
    assert_eq!(a.links[0].kind, LinkKind::Modified);
    check("one 10 MB paragraph", t, Duration::from_secs(20));
}

#[test]
#[ignore = "stress: run in release by .ci/run"]
fn a_million_one_word_lines() {
    // Capitalised, so that blank-line-separated lines are not rejoined as
    // page-break splits.
    let lines: Vec<String> = (0..1_000_000).map(|i| format!("Ligne{i}")).collect();
    // Wrapped: one paragraph of a million lines.
    let wrapped = lines.join("\n");
    let t = Instant::now();
    let d = ingest(&wrapped, InputFormat::Text);
    assert_eq!(d.blocks.len(), 1);
    check(
        "1 000 000 one-word lines (one block)",
        t,
        Duration::from_secs(20),
    );
    // Separated: a million blocks, aligned against themselves.
    let separate = lines.join("\n\n");
    let t = Instant::now();
    let d = ingest(&separate, InputFormat::Text);
    assert_eq!(d.blocks.len(), 1_000_000);
    let a = align(&d, &d, &SameOptions::default());
    assert!(a.covers(1_000_000, 1_000_000));
    check(
        "1 000 000 one-word blocks aligned",
        t,
        Duration::from_secs(60),
    );
}

/// Deep nesting is cheap to build, so it runs in the normal suite too.
#[test]
fn ten_thousand_levels_of_markdown_nesting() {
    let quotes = ">".repeat(10_000) + " texte\n";
    let d = ingest(&quotes, InputFormat::Markdown);
    assert!(!d.blocks.is_empty());
    let lists = "- ".repeat(10_000) + "item\n";
    let d = ingest(&lists, InputFormat::Markdown);
    assert!(!d.blocks.is_empty());
    let mixed = "> - ".repeat(5_000) + "x\n";
    let d = ingest(&mixed, InputFormat::Markdown);
    assert!(!d.blocks.is_empty());
}
