//! Both aligners on two arbitrary documents: never panic, and every block
//! of each side is covered exactly once. Cross-language links need not be
//! in document order (a paragraph moved in the translation is linked where
//! it is), but each link's own blocks are consecutive and ascending.
#![no_main]

use libfuzzer_sys::fuzz_target;
use normdiff_core::align::cross::{align as cross_align, CrossOptions};
use normdiff_core::align::same::{align as same_align, SameOptions};
use normdiff_core::{ingest, InputFormat};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    // The first byte picks the format; the first U+0001 (or the middle)
    // separates the two documents.
    let (format, s) = match s.as_bytes().first() {
        Some(b'#') => (InputFormat::Markdown, &s[1..]),
        _ => (InputFormat::Text, s),
    };
    let (a, b) = match s.find('\u{1}') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => s.split_at(s.char_indices().nth(s.chars().count() / 2).map_or(s.len(), |(i, _)| i)),
    };
    let (a, b) = (ingest(a, format), ingest(b, format));
    let (n, m) = (a.blocks.len(), b.blocks.len());
    let cross = cross_align(&a, &b, &CrossOptions::default());
    assert!(cross.covers(n, m));
    let consecutive = |v: &[usize]| v.windows(2).all(|w| w[1] == w[0] + 1);
    for l in &cross.links {
        assert!(consecutive(&l.source) && consecutive(&l.target));
        assert!((0.0..=1.0).contains(&l.score));
    }
    let same = same_align(&a, &b, &SameOptions::default());
    assert!(same.covers(n, m));
});
