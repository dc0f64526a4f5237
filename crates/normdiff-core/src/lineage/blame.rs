//! Word provenance ("prose blame") of the last version.
//!
//! Every byte of version 0 dates from version 0. Through each link of
//! version `k` → `k + 1` (the same word diff `diff` shows, without its
//! reader's clean-up), the new side's bytes get their dates from the old
//! side's:
//! - an `equal` stretch keeps the dates of the old bytes it repeats, so a
//!   word that only moved (with its paragraph, into a split piece or a
//!   merged paragraph) keeps its date;
//! - an `insert` stretch dates from `k + 1`, so a word deleted and later
//!   restored dates from its restoration;
//! - an insert the report ignores (a typography- or whitespace-only change,
//!   unless `--exact`) takes the dates of the stretch it replaces, mapped
//!   proportionally by byte.
//!
//! Blocks of one side are joined by [`BLOCK_SEPARATOR`], as in the report,
//! so the ops of split and merged links line up with the blocks.

use crate::diff::OpKind;
use crate::model::Document;
use crate::report::{DiffReport, Pair, BLOCK_SEPARATOR};
use crate::segment::tokenize;
use serde::Serialize;

/// A byte span of the last version's text and the version that introduced
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the first byte (0-based).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Index of the version that introduced the words of the span.
    pub version: usize,
}

/// The introducing version of every byte of every block of the last
/// version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Per block, one version index per byte of its text.
    pub blocks: Vec<Vec<u32>>,
}

/// Dates of the blocks `idx` joined by [`BLOCK_SEPARATOR`] (the separator's
/// bytes dated `fill`).
fn joined(dates: &[Vec<u32>], idx: &[usize], fill: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for (n, &b) in idx.iter().enumerate() {
        if n > 0 {
            out.extend(std::iter::repeat_n(fill, BLOCK_SEPARATOR.len()));
        }
        out.extend_from_slice(dates.get(b).map_or(&[][..], Vec::as_slice));
    }
    out
}

/// The dates of a pair's new side, from its old side's `old` dates.
fn carry(pair: &Pair, old: &[u32], v: u32) -> Vec<u32> {
    let mut new = Vec::new();
    let mut at = 0usize;
    let mut replaced: Option<(usize, usize)> = None;
    // Label ops diff the printed labels, not the texts dated here.
    for op in &pair.ops[pair.label_ops..] {
        let len = op.text.len();
        match op.op {
            OpKind::Equal => {
                new.extend((at..at + len).map(|i| old.get(i).copied().unwrap_or(v)));
                at += len;
                replaced = None;
            }
            OpKind::Delete => {
                replaced = Some((at, len));
                at += len;
            }
            OpKind::Insert => match replaced.take() {
                Some((from, dl)) if op.ignored && dl > 0 => {
                    new.extend(
                        (0..len).map(|i| old.get(from + i * dl / len).copied().unwrap_or(v)),
                    );
                }
                _ => new.extend(std::iter::repeat_n(v, len)),
            },
        }
    }
    new
}

/// Cuts the joined dates of a pair's new side back into its blocks.
fn scatter(doc: &Document, idx: &[usize], dates: &[u32], out: &mut [Vec<u32>]) {
    let mut at = 0;
    for (n, &b) in idx.iter().enumerate() {
        if n > 0 {
            at += BLOCK_SEPARATOR.len();
        }
        let len = doc.blocks.get(b).map_or(0, |x| x.text.len());
        if let Some(slot) = out.get_mut(b) {
            *slot = dates
                .get(at..at + len)
                .map_or_else(Vec::new, <[u32]>::to_vec);
        }
        at += len;
    }
}

/// The provenance of the last of `docs` (report `k` is version `k` →
/// `k + 1`).
pub fn provenance(docs: &[Document], reports: &[DiffReport]) -> Provenance {
    let Some(first) = docs.first() else {
        return Provenance::default();
    };
    let mut dates: Vec<Vec<u32>> = first.blocks.iter().map(|b| vec![0; b.text.len()]).collect();
    for (k, report) in reports.iter().enumerate() {
        let v = (k + 1) as u32;
        let doc = &docs[k + 1];
        let mut next: Vec<Vec<u32>> = doc.blocks.iter().map(|b| vec![v; b.text.len()]).collect();
        for pair in report.pairs.iter().filter(|p| !p.new.is_empty()) {
            let old = joined(&dates, &pair.old, v);
            let new = carry(pair, &old, v);
            scatter(doc, &pair.new, &new, &mut next);
        }
        // A block whose dates did not come out at its length (never
        // expected) is dated from this version.
        for (slot, b) in next.iter_mut().zip(&doc.blocks) {
            if slot.len() != b.text.len() {
                *slot = vec![v; b.text.len()];
            }
        }
        dates = next;
    }
    Provenance { blocks: dates }
}

impl Provenance {
    /// The version of each word of block `b`: `(start, end, version)` in
    /// the block's text (a word's version is its first byte's).
    pub fn words(&self, b: usize, text: &str) -> Vec<(usize, usize, usize)> {
        let dates = self.blocks.get(b).map_or(&[][..], Vec::as_slice);
        tokenize(text)
            .into_iter()
            .filter(|t| t.is_wordlike())
            .map(|t| {
                (
                    t.start,
                    t.end,
                    dates.get(t.start).copied().unwrap_or(0) as usize,
                )
            })
            .collect()
    }

    /// Spans of the last version's text (the texts of `blocks` joined by
    /// [`BLOCK_SEPARATOR`]): consecutive words of one version within one
    /// block share a span, which runs from the first word's start to the
    /// last word's end.
    pub fn spans(&self, blocks: &[&str]) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        let mut base = 0;
        for (b, block) in blocks.iter().enumerate() {
            let mut open: Option<Span> = None;
            for (s, e, v) in self.words(b, block) {
                match open.as_mut() {
                    Some(sp) if sp.version == v => sp.end = base + e,
                    _ => {
                        out.extend(open.take());
                        open = Some(Span {
                            start: base + s,
                            end: base + e,
                            version: v,
                        });
                    }
                }
            }
            out.extend(open);
            base += block.len() + BLOCK_SEPARATOR.len();
        }
        out
    }
}
