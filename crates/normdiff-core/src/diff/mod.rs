//! Word-level diff of two texts, with a semantic clean-up and a class for
//! every change.
//!
//! [`diff_text`] cuts both texts with [`crate::segment::tokenize`] (words,
//! numbers, CJK characters, punctuation, space runs), compares the tokens by
//! their normalized key ([`crate::normalize::key`] with
//! [`Profile::NORMAL`](crate::normalize::Profile::NORMAL)) using `similar`'s
//! Myers algorithm under a deadline, and returns a [`WordDiff`]: a list of
//! [`Op`]s (`equal`, `delete`, `insert`).
//!
//! Guarantees:
//! - the concatenation of the `equal` and `delete` texts is the old text,
//!   byte for byte, and `equal` plus `insert` the new text;
//! - a change is one `delete` followed by one `insert` (either may be
//!   absent), both carrying the same [`ChangeClass`];
//! - tokens whose keys match but whose text differs (`l’` / `l'`, `Groupe` /
//!   `groupe`, NBSP / space) become small changes of their own, classed
//!   `typography`, `case`, `whitespace`, `invisible`...;
//! - the clean-up ([`cleanup`]) merges small equal islands between two
//!   substantive changes into one replacement, so a redline reads
//!   `[-a c d-]{+b c e+}`, not `[-a-]{+b+} c [-d-]{+e+}`.
//!
//! Same input, same output: the only non-determinism would come from the
//! deadline, which only triggers on pathological inputs and is reported in
//! [`WordDiff::deadline_hit`].
//!
//! ```
//! use normdiff_core::diff::{diff_text, ChangeClass, DiffOptions, OpKind};
//!
//! let d = diff_text("de l’Internet public", "de l'Internet mondial", &DiffOptions::default());
//! assert_eq!(d.old_text(), "de l’Internet public");
//! assert_eq!(d.new_text(), "de l'Internet mondial");
//! let changes: Vec<_> = d.ops.iter().filter(|o| o.op != OpKind::Equal).collect();
//! assert_eq!(changes[0].class, Some(ChangeClass::Typography));
//! assert_eq!(changes[2].text, "public");
//! assert_eq!(changes[2].class, Some(ChangeClass::Substantive));
//! ```

mod classify;
pub mod cleanup;
mod label;

pub use classify::{classify, ChangeClass};
pub use label::{label_ops, look_alike_labels};

use crate::fxhash::FxHashMap;
use crate::normalize::{key, Profile};
use crate::segment::{tokenize, Token, TokenKind};
use serde::Serialize;
use similar::{capture_diff_deadline, Algorithm, DiffOp};
use std::ops::Range;
use std::time::{Duration, Instant};

/// What an [`Op`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    /// Text present in both versions.
    Equal,
    /// Text only in the old version.
    Delete,
    /// Text only in the new version.
    Insert,
}

impl OpKind {
    /// The name as written in reports (`equal`, `delete`, `insert`).
    pub fn name(self) -> &'static str {
        match self {
            OpKind::Equal => "equal",
            OpKind::Delete => "delete",
            OpKind::Insert => "insert",
        }
    }
}

/// One operation of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Op {
    /// What the operation does.
    pub op: OpKind,
    /// The exact text (a slice of the old text for `equal` and `delete`, of
    /// the new text for `insert`).
    pub text: String,
    /// The class of the change; `None` for `equal`.
    pub class: Option<ChangeClass>,
    /// Set by a report when the user asked to ignore this class: the change
    /// is kept (so both texts can still be rebuilt) but not shown and not
    /// counted as a difference. Always `false` from [`diff_text`]; omitted
    /// from JSON when `false`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ignored: bool,
}

impl Op {
    fn new(op: OpKind, text: &str, class: Option<ChangeClass>) -> Op {
        Op {
            op,
            text: text.to_owned(),
            class,
            ignored: false,
        }
    }
}

/// Options of [`diff_text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOptions {
    /// Give up refining the diff after this long (per call) and return a
    /// coarser but still exact diff. `None`: no limit.
    pub deadline: Option<Duration>,
    /// Merge small equal islands between substantive changes (see
    /// [`cleanup`]). On by default.
    pub cleanup: bool,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            deadline: Some(Duration::from_secs(2)),
            cleanup: true,
        }
    }
}

/// The word diff of two texts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct WordDiff {
    /// The operations, in text order.
    pub ops: Vec<Op>,
    /// The deadline of [`DiffOptions::deadline`] was reached; the diff is
    /// exact but may be coarser than it could be.
    pub deadline_hit: bool,
}

impl WordDiff {
    /// The old text: `equal` and `delete` texts concatenated.
    pub fn old_text(&self) -> String {
        side_text(&self.ops, OpKind::Delete)
    }

    /// The new text: `equal` and `insert` texts concatenated.
    pub fn new_text(&self) -> String {
        side_text(&self.ops, OpKind::Insert)
    }

    /// Is there any change (of any class)?
    pub fn has_changes(&self) -> bool {
        self.ops.iter().any(|o| o.op != OpKind::Equal)
    }
}

/// One side of a list of ops: the `equal` texts with the `delete` texts
/// (`side` = [`OpKind::Delete`]: the old text) or with the `insert` texts
/// ([`OpKind::Insert`]: the new text).
pub fn side_text(ops: &[Op], side: OpKind) -> String {
    ops.iter()
        .filter(|o| o.op == OpKind::Equal || o.op == side)
        .map(|o| o.text.as_str())
        .collect()
}

/// A stretch of the two token lists: equal (same exact text) or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Old token indexes.
    pub old: Range<usize>,
    /// New token indexes.
    pub new: Range<usize>,
    /// `None` for an equal stretch, the change class otherwise.
    pub class: Option<ChangeClass>,
}

/// Two tokenized texts.
pub(crate) struct Sides<'a> {
    pub old: &'a str,
    pub new: &'a str,
    pub old_tokens: Vec<Token>,
    pub new_tokens: Vec<Token>,
}

impl Sides<'_> {
    /// The old text covered by token range `r`.
    pub fn old_text(&self, r: &Range<usize>) -> &str {
        span(self.old, &self.old_tokens, r)
    }
    /// The new text covered by token range `r`.
    pub fn new_text(&self, r: &Range<usize>) -> &str {
        span(self.new, &self.new_tokens, r)
    }
}

fn span<'a>(text: &'a str, tokens: &[Token], r: &Range<usize>) -> &'a str {
    if r.is_empty() {
        ""
    } else {
        &text[tokens[r.start].start..tokens[r.end - 1].end]
    }
}

/// The comparison key of a token: all space runs compare equal; invisible
/// runs compare by their exact text (never equal to a space); other tokens
/// by their normalized key.
fn token_key(text: &str, t: &Token) -> String {
    match t.kind {
        TokenKind::Space => " ".to_owned(),
        TokenKind::Invisible => format!("\u{1}{}", t.text(text)),
        _ => {
            let s = t.text(text);
            let k = key(s, Profile::NORMAL);
            if k.is_empty() {
                format!("\u{1}{s}")
            } else {
                k
            }
        }
    }
}

/// Diffs `old` against `new` word by word. See the module docs for the
/// guarantees.
pub fn diff_text(old: &str, new: &str, opts: &DiffOptions) -> WordDiff {
    if old == new {
        let ops = if old.is_empty() {
            Vec::new()
        } else {
            vec![Op::new(OpKind::Equal, old, None)]
        };
        return WordDiff {
            ops,
            deadline_hit: false,
        };
    }
    // Long identical openings and endings are equal text: only the middle
    // is tokenized and diffed (most edits touch a few words of a paragraph).
    let (pre, suf) = common_affixes(old, new);
    if pre > 0 || suf > 0 {
        let inner = diff_text(&old[pre..old.len() - suf], &new[pre..new.len() - suf], opts);
        let mut ops: Vec<Op> = Vec::with_capacity(inner.ops.len() + 2);
        let mut push = |op: Op| match ops.last_mut() {
            Some(last) if last.op == OpKind::Equal && op.op == OpKind::Equal => {
                last.text.push_str(&op.text)
            }
            _ => ops.push(op),
        };
        if pre > 0 {
            push(Op::new(OpKind::Equal, &old[..pre], None));
        }
        inner.ops.into_iter().for_each(&mut push);
        if suf > 0 {
            push(Op::new(OpKind::Equal, &old[old.len() - suf..], None));
        }
        return WordDiff {
            ops,
            deadline_hit: inner.deadline_hit,
        };
    }
    let sides = Sides {
        old,
        new,
        old_tokens: tokenize(old),
        new_tokens: tokenize(new),
    };
    // Intern the keys so the diff compares integers. A token's key is
    // computed once per distinct (kind, text), not once per occurrence.
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut seen: FxHashMap<(TokenKind, &str), u32> = FxHashMap::default();
    let [old_ids, new_ids] =
        [(old, &sides.old_tokens), (new, &sides.new_tokens)].map(|(text, tokens)| {
            tokens
                .iter()
                .map(|t| {
                    *seen.entry((t.kind, t.text(text))).or_insert_with(|| {
                        let next = ids.len() as u32;
                        *ids.entry(token_key(text, t)).or_insert(next)
                    })
                })
                .collect::<Vec<u32>>()
        });
    let deadline = opts.deadline.and_then(|d| Instant::now().checked_add(d));
    let raw = capture_diff_deadline(
        Algorithm::Myers,
        &old_ids,
        0..old_ids.len(),
        &new_ids,
        0..new_ids.len(),
        deadline,
    );
    let deadline_hit = deadline.is_some_and(|d| Instant::now() > d);
    let mut segments = segments(&sides, &raw);
    if opts.cleanup {
        segments = cleanup::merge_islands(&sides, segments);
    }
    WordDiff {
        ops: emit(&sides, &segments),
        deadline_hit,
    }
}

/// Byte lengths of the identical opening and ending of `old` and `new`,
/// cut at word boundaries (after a white-space run that a word follows,
/// before a white-space run that a word precedes), so that no token is
/// split; they never overlap. `(0, 0)` when nothing worth trimming.
fn common_affixes(old: &str, new: &str) -> (usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let max = a.len().min(b.len());
    let mut p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    // Back up to just after a white-space run followed by a non-space.
    let ws = |c: char| crate::normalize::is_space(c);
    {
        let mut pos = p;
        p = 0;
        while pos > 0 {
            if old.is_char_boundary(pos) {
                let before = old[..pos].chars().next_back();
                let after = old[pos..].chars().next();
                if before.is_some_and(ws)
                    && after.is_some_and(|c| !ws(c))
                    && new[pos..].chars().next().is_some_and(|c| !ws(c))
                {
                    p = pos;
                    break;
                }
            }
            pos -= 1;
        }
    }
    let mut s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    s = s.min(max - p);
    // Move forward to just before a white-space run preceded by a non-space.
    let mut q = s;
    loop {
        if q == 0 {
            break;
        }
        let (oq, nq) = (old.len() - q, new.len() - q);
        if old.is_char_boundary(oq) && new.is_char_boundary(nq) {
            let after = old[oq..].chars().next();
            let before_o = old[..oq].chars().next_back();
            let before_n = new[..nq].chars().next_back();
            if after.is_some_and(ws)
                && before_o.is_some_and(|c| !ws(c))
                && before_n.is_some_and(|c| !ws(c))
            {
                break;
            }
        }
        q -= 1;
    }
    // Not worth it for tiny texts.
    if p + q < 64 {
        return (0, 0);
    }
    (p, q)
}

/// Turns `similar`'s ops into segments: key-equal stretches are split where
/// the exact text differs; adjacent changes are joined and classed.
fn segments(sides: &Sides, raw: &[DiffOp]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |old: Range<usize>, new: Range<usize>, changed: bool| {
        if old.is_empty() && new.is_empty() {
            return;
        }
        if let Some(last) = out.last_mut() {
            if last.class.is_some() == changed {
                last.old.end = old.end;
                last.new.end = new.end;
                return;
            }
        }
        out.push(Segment {
            old,
            new,
            class: changed.then_some(ChangeClass::Substantive),
        });
    };
    for op in raw {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    let (o, n) = (old_index + k, new_index + k);
                    let same =
                        sides.old_tokens[o].text(sides.old) == sides.new_tokens[n].text(sides.new);
                    push(o..o + 1, n..n + 1, !same);
                }
            }
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => push(old_index..old_index + old_len, new_index..new_index, true),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => push(old_index..old_index, new_index..new_index + new_len, true),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => push(
                old_index..old_index + old_len,
                new_index..new_index + new_len,
                true,
            ),
        }
    }
    for s in &mut out {
        if s.class.is_some() {
            s.class = Some(classify(sides.old_text(&s.old), sides.new_text(&s.new)));
        }
    }
    out
}

/// Writes segments as ops.
fn emit(sides: &Sides, segments: &[Segment]) -> Vec<Op> {
    let mut ops = Vec::with_capacity(segments.len() * 2);
    for s in segments {
        match s.class {
            None => ops.push(Op::new(OpKind::Equal, sides.old_text(&s.old), None)),
            Some(c) => {
                let (o, n) = (sides.old_text(&s.old), sides.new_text(&s.new));
                if !o.is_empty() {
                    ops.push(Op::new(OpKind::Delete, o, Some(c)));
                }
                if !n.is_empty() {
                    ops.push(Op::new(OpKind::Insert, n, Some(c)));
                }
            }
        }
    }
    ops
}

#[cfg(test)]
mod tests;
