//! Semantic clean-up: a redline should read like a careful drafter's.
//!
//! A raw token diff of a reworded sentence is a soup of fragments:
//! `[-a-]{+b+} c [-d-]{+e+}`. A drafter writes one replacement,
//! `[-a c d-]{+b c e+}`. `merge_islands` does that: an equal stretch (an
//! "island") between two substantive or punctuation changes is absorbed
//! into one replacement when it is small:
//! - it holds no word at all (only spaces or punctuation), or exactly one
//!   word; or
//! - it holds two words and is no longer (in characters) than either of the
//!   changes around it (the rule of diff-match-patch's semantic clean-up).
//!
//! Changes of the other classes (typography, case, whitespace, invisible,
//! confusable) are never merged: they stay small and keep their class, so
//! an invisible character can never hide inside a larger replacement.

use super::{classify, ChangeClass, Segment, Sides};

/// Longest island (in words) that is always absorbed.
const ALWAYS_WORDS: usize = 1;
/// Longest island (in words) absorbed when short next to its changes.
const SHORT_WORDS: usize = 2;

fn mergeable(c: Option<ChangeClass>) -> bool {
    matches!(
        c,
        Some(ChangeClass::Substantive) | Some(ChangeClass::Punctuation)
    )
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Merges small equal islands between substantive changes (see the module
/// docs). Segments must alternate equal/changed as produced by the diff;
/// the result covers the same token ranges.
pub(crate) fn merge_islands(sides: &Sides, segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    let mut it = segments.into_iter().peekable();
    while let Some(seg) = it.next() {
        let absorb = seg.class.is_none()
            && out.last().is_some_and(|l| mergeable(l.class))
            && it.peek().is_some_and(|r| mergeable(r.class))
            && {
                let left = out.last().map_or(0, |l| change_len(sides, l));
                let right = it.peek().map_or(0, |r| change_len(sides, r));
                small_island(sides, &seg, left.min(right))
            };
        if absorb {
            let right = it.next().expect("peeked");
            let last = out.last_mut().expect("checked");
            last.old.end = right.old.end;
            last.new.end = right.new.end;
            last.class = Some(classify(
                sides.old_text(&last.old),
                sides.new_text(&last.new),
            ));
            // Two merged word changes stay a word change, whatever the
            // classifier makes of the combined text.
            if !mergeable(last.class) {
                last.class = Some(ChangeClass::Substantive);
            }
        } else {
            out.push(seg);
        }
    }
    out
}

/// The length of a change, in characters: the longer of its two sides.
fn change_len(sides: &Sides, s: &Segment) -> usize {
    chars(sides.old_text(&s.old)).max(chars(sides.new_text(&s.new)))
}

fn small_island(sides: &Sides, island: &Segment, neighbour_len: usize) -> bool {
    let words = sides.old_tokens[island.old.clone()]
        .iter()
        .filter(|t| t.is_wordlike())
        .count();
    words <= ALWAYS_WORDS
        || (words <= SHORT_WORDS && chars(sides.old_text(&island.old)) <= neighbour_len)
}
