//! The Word writer: a redline as a `.docx` with tracked changes.
//!
//! The new draft is written paragraph by paragraph; every change of the
//! report becomes a Word revision by `author` at `date`: word-level
//! `w:del`/`w:ins` runs inside a paragraph, whole paragraphs inserted or
//! deleted (their paragraph mark too), moved paragraphs as a
//! `w:moveFrom`/`w:moveTo` pair, and a renumbered paragraph as a change of
//! its label only. Labels are written as text. Accepting every revision
//! gives the new draft, rejecting every one the old draft; changes of a
//! class the report ignores (`--ignore`) are written as the new text, not
//! as revisions.

mod package;
mod xml;

use normdiff_core::{Block, BlockKind, DiffReport, Document, OpKind, Pair};
use std::io::{self, Write};
use xml::{Para, Rev};

/// Who made the revisions, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// `w:author` of every revision.
    pub author: String,
    /// `w:date` of every revision (ISO 8601, `2026-01-31T00:00:00Z`), or
    /// `None` to leave it out.
    pub date: Option<String>,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            author: "normdiff".into(),
            date: None,
        }
    }
}

/// Writes `report` of `old` → `new` as a `.docx` with tracked changes.
pub fn write_docx(
    report: &DiffReport,
    old: &Document,
    new: &Document,
    opts: &DocxOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paras = paragraphs(report, old, new);
    let body = xml::body(&paras, opts);
    package::write(&body, out)
}

/// The paragraphs of the redline in order.
///
/// Pairs with both sides whose old and new positions both increase (the
/// longest such chain) stay in place; every other pair with both sides is
/// a move. Between two pairs in place come first what only the old draft
/// has there (deleted paragraphs, origins of moves) in old order, then
/// what only the new draft has (inserted paragraphs, move targets) in new
/// order: accepting everything leaves the new order, rejecting the old.
fn paragraphs(report: &DiffReport, old: &Document, new: &Document) -> Vec<Para> {
    let both: Vec<&Pair> = report
        .pairs
        .iter()
        .filter(|p| !p.old.is_empty() && !p.new.is_empty())
        .collect();
    let mut by_new = both.clone();
    by_new.sort_by_key(|p| p.new[0]);
    let chain = longest_chain(&by_new.iter().map(|p| p.old[0]).collect::<Vec<_>>());
    let anchors: Vec<&Pair> = chain.iter().map(|&i| by_new[i]).collect();
    let slot_old = |o: usize| anchors.partition_point(|a| a.old[0] < o);
    let slot_new = |n: usize| anchors.partition_point(|a| a.new[0] < n);
    // (slot, 0 old-only / 1 new-only, position) → paragraphs.
    let mut loose: Vec<((usize, u8, usize), Vec<Para>)> = Vec::new();
    for pair in &report.pairs {
        let anchored = anchors.iter().any(|a| std::ptr::eq(*a, pair));
        if anchored {
            continue;
        }
        let moved = !pair.old.is_empty() && !pair.new.is_empty();
        if let Some(&o) = pair.old.first() {
            let rev = if moved { Rev::MoveFrom } else { Rev::Del };
            loose.push(((slot_old(o), 0, o), whole(old, &pair.old, rev)));
        }
        if let Some(&n) = pair.new.first() {
            let rev = if moved { Rev::MoveTo } else { Rev::Ins };
            loose.push(((slot_new(n), 1, n), whole(new, &pair.new, rev)));
        }
    }
    loose.sort_by_key(|(k, _)| *k);
    let mut out = Vec::new();
    let mut loose = loose.into_iter().peekable();
    for (s, a) in anchors.iter().enumerate() {
        while let Some((_, v)) = loose.next_if(|(k, _)| k.0 <= s) {
            out.extend(v);
        }
        out.extend(in_place_pair(a, old, new));
    }
    out.extend(loose.flat_map(|(_, v)| v));
    out
}

/// A pair in place: 1-1 as a word diff, split and merged as deleted and
/// inserted paragraphs.
fn in_place_pair(pair: &Pair, old: &Document, new: &Document) -> Vec<Para> {
    match (pair.old.as_slice(), pair.new.as_slice()) {
        ([o], [n]) => match (old.blocks.get(*o), new.blocks.get(*n)) {
            (Some(ob), Some(nb)) => vec![in_place(pair, ob, nb)],
            _ => Vec::new(),
        },
        _ => {
            let mut v = whole(old, &pair.old, Rev::Del);
            v.extend(whole(new, &pair.new, Rev::Ins));
            v
        }
    }
}

/// Indexes of a longest strictly increasing subsequence of `xs`
/// (O(n log n)).
fn longest_chain(xs: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs[t] < x);
        prev[i] = k.checked_sub(1).map(|j| tails[j]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.push(i);
        at = prev[i];
    }
    out.reverse();
    out
}

/// Blocks written whole as one revision (inserted, deleted, moved).
fn whole(doc: &Document, idx: &[usize], rev: Rev) -> Vec<Para> {
    idx.iter()
        .filter_map(|&i| doc.blocks.get(i))
        .map(|b| {
            let mut p = Para::new(b);
            p.mark = Some(rev);
            if let Some(m) = &b.marker {
                p.push(rev, m);
                p.push(rev, separator(b));
            }
            p.push(rev, &b.text);
            p
        })
        .collect()
}

/// What stands between a label and its text.
fn separator(b: &Block) -> &'static str {
    if b.kind == BlockKind::Heading {
        " "
    } else {
        "\t"
    }
}

/// A 1-1 pair written in place: its label (changed as a label), then the
/// word diff.
fn in_place(pair: &Pair, old: &Block, new: &Block) -> Para {
    let mut p = Para::new(new);
    match (&old.marker, &new.marker) {
        (a, b) if a == b => {
            if let Some(m) = b {
                p.push(Rev::None, m);
                p.push(Rev::None, separator(new));
            }
        }
        (a, b) => {
            if let Some(m) = a {
                p.push(Rev::Del, m);
                p.push(Rev::Del, separator(old));
            }
            if let Some(m) = b {
                p.push(Rev::Ins, m);
                p.push(Rev::Ins, separator(new));
            }
        }
    }
    // The label ops are written above, as the labels themselves.
    for op in &pair.ops[pair.label_ops..] {
        match (op.op, op.ignored) {
            (OpKind::Equal, _) => p.push(Rev::None, &op.text),
            (OpKind::Delete, false) => p.push(Rev::Del, &op.text),
            (OpKind::Insert, false) => p.push(Rev::Ins, &op.text),
            // An ignored change is written as the new text, unmarked.
            (OpKind::Insert, true) => p.push(Rev::None, &op.text),
            (OpKind::Delete, true) => {}
        }
    }
    p
}

#[cfg(test)]
mod tests;
