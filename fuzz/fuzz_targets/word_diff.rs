//! Word diff of two arbitrary texts: never panics, and the ops reproduce
//! both sides exactly (equal + delete = old, equal + insert = new).
#![no_main]

use libfuzzer_sys::fuzz_target;
use normdiff_core::diff::{diff_text, DiffOptions, OpKind};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    // The first U+0001 (or the middle) separates the two sides.
    let (old, new) = match s.find('\u{1}') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => s.split_at(s.char_indices().nth(s.chars().count() / 2).map_or(s.len(), |(i, _)| i)),
    };
    let d = diff_text(old, new, &DiffOptions::default());
    let side = |keep: OpKind| -> String {
        d.ops
            .iter()
            .filter(|o| o.op == OpKind::Equal || o.op == keep)
            .map(|o| o.text.as_str())
            .collect()
    };
    assert_eq!(side(OpKind::Delete), old);
    assert_eq!(side(OpKind::Insert), new);
});
