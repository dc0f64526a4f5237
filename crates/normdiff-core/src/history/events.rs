//! Events between two consecutive versions of one file: which aligned
//! blocks gained, lost or kept the phrase, and what took its place.

use super::cache::DocumentCache;
use super::occur::{find_occurrences, sentence_around};
use super::{block_label, Event, EventKind, Matcher, Occurrence, Piece, PieceOp, Revision};
use crate::align::same::{align, SameOptions};
use crate::align::{Link, LinkKind};
use crate::model::Document;
use crate::normalize::{key, Profile};
use crate::segment::sentences;
use crate::{ingest, InputFormat};
use std::sync::Arc;

/// A parsed file version with the occurrences of every term.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub doc: Arc<Document>,
    pub occ: Vec<Occurrence>,
}

impl Parsed {
    /// Parses `text` (or takes its document from `cache`) and finds the
    /// terms.
    pub fn new(text: &str, path: &str, matcher: &Matcher, cache: Option<&DocumentCache>) -> Parsed {
        let format = InputFormat::from_path(path);
        let doc = match cache {
            Some(c) => c.document(text, format),
            None => Arc::new(ingest(text, format)),
        };
        let occ = find_occurrences(&doc, matcher);
        Parsed { doc, occ }
    }

    /// Does the version carry any term?
    pub fn hot(&self) -> bool {
        !self.occ.is_empty()
    }

    /// Occurrences of term `term`.
    pub fn count(&self, term: usize) -> usize {
        self.occ.iter().filter(|o| o.term == term).count()
    }

    /// The label of the first block carrying term `term`.
    pub fn label_of(&self, term: usize) -> Option<String> {
        self.first_block(term)
            .and_then(|b| block_label(&self.doc, b))
    }

    fn first_block(&self, term: usize) -> Option<usize> {
        self.occ.iter().find(|o| o.term == term).map(|o| o.block)
    }
}

/// Where the events happen.
pub(crate) struct Ctx<'a> {
    pub rev: &'a Revision,
    pub path: &'a str,
    pub previous_path: Option<&'a str>,
    pub matcher: &'a Matcher,
    pub align: &'a SameOptions,
    /// Alignments shared with other traces, if any.
    pub cache: Option<&'a DocumentCache>,
}

impl Ctx<'_> {
    fn event(&self, kind: EventKind, term: usize) -> Event {
        Event {
            kind,
            term: self.matcher.term(term).to_owned(),
            variant: term > 0,
            commit: self.rev.id.clone(),
            short_id: self.rev.short_id.clone(),
            date: self.rev.time.map(|t| t.iso8601()),
            author: self.rev.author.clone(),
            summary: self.rev.summary().to_owned(),
            path: self.path.to_owned(),
            file: self
                .rev
                .file
                .clone()
                .unwrap_or_else(|| self.path.to_owned()),
            previous_path: None,
            label: None,
            previous_label: None,
            count_before: 0,
            count_after: 0,
            before: None,
            after: None,
            replaced_by: None,
            redline: Vec::new(),
            bracketed_before: false,
            bracketed_after: false,
            warnings: Vec::new(),
        }
    }
}

/// The events of one file version, and each term's occurrences in the
/// file before and after it.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub events: Vec<Event>,
    /// Per term: occurrences in the previous version and in this one.
    pub counts: Vec<(usize, usize)>,
}

/// The events of one file version, given the previous parsed version of
/// the file (`None` when it did not exist or could not carry the phrase)
/// and this one (`None` when deleted or not parsed).
pub(crate) fn version_events(ctx: &Ctx, old: Option<&Parsed>, new: Option<&Parsed>) -> Outcome {
    let counts = (0..ctx.matcher.term_count())
        .map(|t| (old.map_or(0, |o| o.count(t)), new.map_or(0, |n| n.count(t))))
        .collect();
    Outcome {
        events: file_events(ctx, old, new),
        counts,
    }
}

fn file_events(ctx: &Ctx, old: Option<&Parsed>, new: Option<&Parsed>) -> Vec<Event> {
    let old_hot = old.is_some_and(Parsed::hot);
    let new_hot = new.is_some_and(Parsed::hot);
    if !old_hot && !new_hot {
        return Vec::new();
    }
    let links: Vec<Link> = match (old, new) {
        (Some(o), Some(n)) => {
            let links = match ctx.cache {
                Some(c) => c.links(&o.doc, &n.doc, ctx.align).to_vec(),
                None => align(&o.doc, &n.doc, ctx.align).links,
            };
            pair_gaps(links, &o.doc, &n.doc)
        }
        (Some(o), None) => alone(o.doc.blocks.len(), true),
        (None, Some(n)) => alone(n.doc.blocks.len(), false),
        (None, None) => Vec::new(),
    };
    let mut out = Vec::new();
    for term in 0..ctx.matcher.term_count() {
        if let (Some(prev), true) = (ctx.previous_path, old_hot) {
            let o = old.map_or(0, |o| o.count(term));
            if o > 0 {
                let mut e = ctx.event(EventKind::Renamed, term);
                e.previous_path = Some(prev.to_owned());
                e.count_before = o;
                e.count_after = new.map_or(0, |n| n.count(term));
                let label_src = new.and_then(|n| n.first_block(term).map(|b| (n, b)));
                let label_src =
                    label_src.or_else(|| old.and_then(|o| o.first_block(term).map(|b| (o, b))));
                e.label = label_src.and_then(|(p, b)| block_label(&p.doc, b));
                out.push(e);
            }
        }
        let mut evs = Vec::new();
        for link in &links {
            link_events(ctx, term, link, old, new, &mut evs);
        }
        out.extend(join_moves(evs));
    }
    out
}

/// A term lost in one block and gained in another of the same version,
/// with nothing put in its place, stayed in the file: the paragraph was
/// split, merged or rewritten beyond the aligner's reach. The pair becomes
/// one event that keeps the paragraph's identity: `moved` when the label
/// changed, else `changed`.
fn join_moves(mut evs: Vec<Event>) -> Vec<Event> {
    loop {
        let lost = evs
            .iter()
            .position(|e| e.kind == EventKind::Removed && e.replaced_by.is_none());
        let gained = evs.iter().position(|e| e.kind == EventKind::Introduced);
        let (Some(r), Some(i)) = (lost, gained) else {
            return evs;
        };
        let g = evs[i].clone();
        let e = &mut evs[r];
        let before_label = e.previous_label.take().or_else(|| e.label.take());
        e.kind = if before_label != g.label {
            EventKind::Moved
        } else {
            EventKind::Changed
        };
        e.previous_label = before_label.filter(|b| Some(b) != g.label.as_ref());
        e.label = g.label;
        e.count_after = g.count_after;
        e.after = g.after;
        e.bracketed_after = g.bracketed_after;
        e.redline = match (&e.before, &e.after) {
            (Some(b), Some(a)) => word_ops(b, a),
            _ => Vec::new(),
        };
        e.warnings = super::warn::redline_warnings(&e.redline);
        evs.remove(i);
    }
}

/// Pairs blocks the aligner left deleted and inserted in the same gap when
/// they stand in for each other: the gap holds exactly one of each, or they
/// carry the same label. A paragraph reworded beyond the aligner's
/// similarity threshold is still the same paragraph for its history.
fn pair_gaps(links: Vec<Link>, old: &Document, new: &Document) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::with_capacity(links.len());
    let mut gap: Vec<Link> = Vec::new();
    let flush = |gap: &mut Vec<Link>, out: &mut Vec<Link>| {
        let dels: Vec<usize> = (0..gap.len())
            .filter(|&i| gap[i].kind == LinkKind::Deleted)
            .collect();
        let ins: Vec<usize> = (0..gap.len())
            .filter(|&i| gap[i].kind == LinkKind::Inserted)
            .collect();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if dels.len() == 1 && ins.len() == 1 {
            pairs.push((dels[0], ins[0]));
        } else {
            for &d in &dels {
                let lk = &old.blocks[gap[d].old[0]].label_key;
                let hit = ins
                    .iter()
                    .find(|&&i| lk.is_some() && new.blocks[gap[i].new[0]].label_key == *lk);
                if let Some(&i) = hit.filter(|&&i| !pairs.iter().any(|p| p.1 == i)) {
                    pairs.push((d, i));
                }
            }
        }
        let olds: Vec<(usize, usize, usize)> =
            pairs.iter().map(|&(d, i)| (d, i, gap[d].old[0])).collect();
        for (i, l) in gap.drain(..).enumerate() {
            if let Some(&(_, _, o)) = olds.iter().find(|p| p.1 == i) {
                let (ok, nk) = (&old.blocks[o].label_key, &new.blocks[l.new[0]].label_key);
                out.push(Link {
                    kind: LinkKind::Modified,
                    old: vec![o],
                    renumbered: ok.is_some() && nk.is_some() && ok != nk,
                    new: l.new,
                    score: 0.0,
                });
            } else if !olds.iter().any(|p| p.0 == i) {
                out.push(l);
            }
        }
    };
    for l in links {
        if matches!(l.kind, LinkKind::Deleted | LinkKind::Inserted) {
            gap.push(l);
        } else {
            flush(&mut gap, &mut out);
            out.push(l);
        }
    }
    flush(&mut gap, &mut out);
    out
}

/// Links for a version compared with nothing: every block alone.
fn alone(n: usize, old_side: bool) -> Vec<Link> {
    (0..n)
        .map(|i| Link {
            kind: if old_side {
                LinkKind::Deleted
            } else {
                LinkKind::Inserted
            },
            old: if old_side { vec![i] } else { vec![] },
            new: if old_side { vec![] } else { vec![i] },
            score: 0.0,
            renumbered: false,
        })
        .collect()
}

/// One side of a link: its blocks' texts joined by a line end, with the
/// occurrences of the term shifted into the joined text.
struct Side {
    text: String,
    spans: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
    /// Label of the first block carrying the term (else the first block).
    label: Option<String>,
    /// Some occurrence stands inside square brackets.
    bracketed: bool,
}

fn side(p: Option<&Parsed>, blocks: &[usize], term: usize) -> Option<Side> {
    let p = p?;
    let first = *blocks.first()?;
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut sents = Vec::new();
    let mut bracketed = false;
    let mut carrier = None;
    for &b in blocks {
        if !text.is_empty() {
            text.push('\n');
        }
        let base = text.len();
        let block = &p.doc.blocks[b];
        text.push_str(&block.text);
        for o in p.occ.iter().filter(|o| o.term == term && o.block == b) {
            spans.push((base + o.span.0, base + o.span.1));
            sents.push((base + o.sentence.0, base + o.sentence.1));
            bracketed |= o.bracketed;
            carrier.get_or_insert(b);
        }
    }
    Some(Side {
        text,
        spans,
        sentences: sents,
        label: block_label(&p.doc, carrier.unwrap_or(first)),
        bracketed,
    })
}

fn link_events(
    ctx: &Ctx,
    term: usize,
    link: &Link,
    old: Option<&Parsed>,
    new: Option<&Parsed>,
    out: &mut Vec<Event>,
) {
    let o = side(old, &link.old, term);
    let n = side(new, &link.new, term);
    let cb = o.as_ref().map_or(0, |s| s.spans.len());
    let ca = n.as_ref().map_or(0, |s| s.spans.len());
    if cb == 0 && ca == 0 {
        return;
    }
    let ops = match (&o, &n) {
        (Some(o), Some(n)) => word_ops(&o.text, &n.text),
        _ => Vec::new(),
    };
    let segs = segments(&ops);
    // Sentences around the term on the side(s) carrying it, mapped through
    // the diff to the other side.
    let before = match (&o, &n) {
        (Some(o), _) if cb > 0 => Some(cover(&o.sentences)),
        (Some(o), Some(n)) => Some(map_range(&segs, cover(&n.sentences), false, &o.text)),
        _ => None,
    };
    let after = match (&o, &n) {
        (_, Some(n)) if ca > 0 => Some(cover(&n.sentences)),
        (Some(o), Some(n)) => Some(map_range(&segs, cover(&o.sentences), true, &n.text)),
        _ => None,
    };
    let before_text = o
        .as_ref()
        .zip(before)
        .map(|(s, r)| s.text[r.0..r.1].trim().to_owned());
    let after_text = n
        .as_ref()
        .zip(after)
        .map(|(s, r)| s.text[r.0..r.1].trim().to_owned());
    let sentence_changed = match (&before_text, &after_text) {
        (Some(b), Some(a)) => key(b, Profile::NORMAL) != key(a, Profile::NORMAL),
        _ => false,
    };
    let mut kinds = Vec::new();
    if ca < cb {
        kinds.push(EventKind::Removed);
    } else if ca > cb {
        kinds.push(EventKind::Introduced);
    } else {
        if link.kind == LinkKind::Moved {
            kinds.push(EventKind::Moved);
        }
        if link.renumbered {
            kinds.push(EventKind::Renumbered);
        }
        // A split or merge changes the paragraph even when the sentence
        // around the term stays: one `changed` event keeps its identity.
        let regrouped = link.old.len() != link.new.len();
        if sentence_changed || regrouped {
            kinds.push(EventKind::Changed);
        }
    }
    let old_label = o.as_ref().and_then(|s| s.label.clone());
    let new_label = n.as_ref().and_then(|s| s.label.clone());
    for kind in kinds {
        let mut e = ctx.event(kind, term);
        e.label = new_label.clone().or_else(|| old_label.clone());
        if new_label.is_some() && old_label != new_label {
            e.previous_label = old_label.clone();
        }
        e.count_before = cb;
        e.count_after = ca;
        e.before = before_text.clone().filter(|s| !s.is_empty());
        e.after = after_text.clone().filter(|s| !s.is_empty());
        if kind == EventKind::Removed {
            if let (Some(o), Some(n)) = (&o, &n) {
                e.replaced_by = replaced_by(&segs, o, &n.text);
            }
        }
        e.bracketed_before = o.as_ref().is_some_and(|s| s.bracketed);
        e.bracketed_after = n.as_ref().is_some_and(|s| s.bracketed);
        if let (Some(b), Some(a)) = (&e.before, &e.after) {
            e.redline = word_ops(b, a);
        }
        e.warnings = super::warn::redline_warnings(&e.redline);
        out.push(e);
    }
}

/// The smallest range covering all `ranges` (non-empty input).
fn cover(ranges: &[(usize, usize)]) -> (usize, usize) {
    let s = ranges.iter().map(|r| r.0).min().unwrap_or(0);
    let e = ranges.iter().map(|r| r.1).max().unwrap_or(0);
    (s, e)
}

/// A stretch of the word diff: equal text, or a hunk of changes, with its
/// byte ranges on the old and new side.
#[derive(Debug, Clone, Copy)]
struct Seg {
    equal: bool,
    old: (usize, usize),
    new: (usize, usize),
}

/// Groups diff pieces into equal stretches and change hunks.
fn segments(ops: &[Piece]) -> Vec<Seg> {
    let (mut o, mut n) = (0, 0);
    let mut out: Vec<Seg> = Vec::new();
    for p in ops {
        let len = p.text.len();
        let (dl_o, dl_n) = match p.op {
            PieceOp::Equal => (len, len),
            PieceOp::Delete => (len, 0),
            PieceOp::Insert => (0, len),
        };
        let equal = p.op == PieceOp::Equal;
        match out.last_mut() {
            Some(last) if !equal && !last.equal => {
                last.old.1 += dl_o;
                last.new.1 += dl_n;
            }
            _ => out.push(Seg {
                equal,
                old: (o, o + dl_o),
                new: (n, n + dl_n),
            }),
        }
        o += dl_o;
        n += dl_n;
    }
    out
}

/// Maps a byte position of one side to the other (`to_new`: old → new).
/// A start position inside a change maps to the change's start, an end
/// position (`is_end`) to the change's end, so a mapped range covers the
/// whole replacement.
fn map_point(segs: &[Seg], pos: usize, is_end: bool, to_new: bool) -> usize {
    let mut last = 0;
    for s in segs {
        let (from, to) = if to_new {
            (s.old, s.new)
        } else {
            (s.new, s.old)
        };
        last = to.1;
        let inside = if is_end {
            pos > from.0 && pos <= from.1
        } else {
            pos >= from.0 && pos < from.1
        };
        if inside {
            return match (s.equal, is_end) {
                (true, _) => to.0 + (pos - from.0),
                (false, false) => to.0,
                (false, true) => to.1,
            };
        }
        if !is_end && pos < from.0 {
            return to.0;
        }
    }
    last
}

/// Maps a byte range of one side to the other (`to_new`: old → new),
/// widened to whole sentences of the target text.
fn map_range(segs: &[Seg], r: (usize, usize), to_new: bool, target: &str) -> (usize, usize) {
    let start = map_point(segs, r.0, false, to_new).min(target.len());
    let end = map_point(segs, r.1, true, to_new).clamp(start, target.len());
    sentence_around(&sentences(target), start, end)
}

/// What the new text puts in place of each old occurrence that the diff
/// touches. The occurrence's sentence is mapped through the paragraphs'
/// diff to its new sentence; the words of the two sentences are then
/// aligned ([`aligned_replacement`]), so the replacement is the words
/// aligned to the removed span, not a whole merged hunk. Distinct
/// replacements are joined by ` … `; `None` when the term was deleted with
/// nothing in its place.
fn replaced_by(segs: &[Seg], old: &Side, new_text: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for (&(a, b), &sent) in old.spans.iter().zip(&old.sentences) {
        if segs.iter().any(|s| s.equal && s.old.0 <= a && b <= s.old.1) {
            continue; // this occurrence survived unchanged
        }
        let (ns, ne) = map_range(segs, sent, true, new_text);
        let new_s = &new_text[ns..ne];
        let old_s = &old.text[sent.0..sent.1];
        let t = match aligned_replacement(old_s, (a - sent.0, b - sent.0), new_s) {
            Some(t) => t,
            None => {
                let na = map_point(segs, a, false, true).min(new_text.len());
                &new_text[na..map_point(segs, b, true, true).clamp(na, new_text.len())]
            }
        }
        .trim();
        if !t.is_empty() && !parts.iter().any(|p| p == t) {
            parts.push(t.to_owned());
        }
    }
    (!parts.is_empty()).then(|| parts.join(" … "))
}

/// Sentences longer than this (words × words) are not aligned word by
/// word; the paragraph diff's coarser mapping serves instead.
const ALIGN_CELLS: usize = 1 << 20;

/// The words of `new` aligned to the byte range `span` of `old`.
///
/// The two sentences' words (compared under [`Profile::NORMAL`]) are
/// aligned by a heaviest common subsequence where a word weighs its length
/// in characters, and the span's own words [`SPAN_WEIGHT`] times more, so
/// the words the term kept anchor its replacement while a short word of
/// the term (`de`) does not pull it away from longer common words. The replacement runs from just after the last common word
/// before the span to just before the first common word after it, less as
/// many leading (trailing) new words as there were changed old words
/// before (after) the span in that stretch, when the new stretch is longer
/// than the span: they replaced those words, not the term. `None` when the
/// sentences are too long to align.
fn aligned_replacement<'a>(old: &str, span: (usize, usize), new: &'a str) -> Option<&'a str> {
    let (a, b) = (words(old), words(new));
    if a.len() * b.len() > ALIGN_CELLS {
        return None;
    }
    let i0 = a.iter().take_while(|x| x.1 < span.0).count();
    let i1 = a.iter().take_while(|x| x.1 < span.1).count();
    let pairs = weighted_lcs(&a, &b, (i0, i1));
    let before = pairs.iter().rev().find(|p| p.0 < i0);
    let after = pairs.iter().find(|p| p.0 >= i1);
    let inside: Vec<&(usize, usize)> = pairs.iter().filter(|p| (i0..i1).contains(&p.0)).collect();
    let (old_from, from) = before.map_or((0, 0), |p| (p.0 + 1, p.1 + 1));
    let (old_to, to) = after.map_or((a.len(), b.len()), |p| *p);
    // Changed old words around the span, and the new words facing them.
    let old_lead = i0 - old_from;
    let old_trail = old_to - i1;
    let (span_lead, new_lead) = match inside.first() {
        Some(p) => (p.0 - i0, p.1 - from),
        None => (i1 - i0, to - from),
    };
    let mut drop_front = old_lead.min(new_lead.saturating_sub(span_lead));
    // An elided article belongs to the word it is glued to (`l'infrastructure`).
    while drop_front > 0 && b[from + drop_front - 1].0.ends_with(['\'', '’']) {
        drop_front -= 1;
    }
    let drop_back = match (inside.last(), inside.is_empty()) {
        (Some(p), false) => old_trail.min((to - p.1 - 1).saturating_sub(i1 - p.0 - 1)),
        _ => old_trail.min((new_lead - drop_front).saturating_sub(i1 - i0)),
    };
    let (from, to) = (from + drop_front, to - drop_back);
    let kept: Vec<usize> = inside.iter().map(|p| p.1).collect();
    let (from, to) = widen_to_new_words(&pairs, &kept, (from, to), b.len());
    Some(if from < to {
        &new[b[from].1..b[to - 1].2]
    } else {
        ""
    })
}

/// How far (in common words) a replacement made only of the term's
/// surviving words may reach for the new words that took its place.
const WIDEN_REACH: usize = 8;

/// When the replacement `range` (indexes of new words) holds nothing but
/// words the term kept (`kept`) — "public core of the Internet" → "of the
/// Internet" while "technical infrastructure essential to the" came in a
/// few words before — the new words that took the term's place are the
/// nearest run of new words (words in no pair of `pairs`) within
/// [`WIDEN_REACH`] common words: the range is widened to take them in.
fn widen_to_new_words(
    pairs: &[(usize, usize)],
    kept: &[usize],
    range: (usize, usize),
    len: usize,
) -> (usize, usize) {
    let (from, to) = range;
    if from >= to || !(from..to).all(|j| kept.contains(&j)) {
        return range;
    }
    let common = |j: usize| pairs.iter().any(|p| p.1 == j);
    // Distance to the nearest new word before `from` and after `to`.
    let before = (0..from)
        .rev()
        .find(|&j| !common(j))
        .map(|j| (from - 1 - j, j));
    let after = (to..len).find(|&j| !common(j)).map(|j| (j - to, j));
    let pick = match (before, after) {
        (Some(b), Some(a)) if a.0 < b.0 => Some((a, false)),
        (Some(b), _) => Some((b, true)),
        (None, Some(a)) => Some((a, false)),
        (None, None) => None,
    };
    match pick {
        Some(((gap, j), true)) if gap <= WIDEN_REACH => {
            let start = (0..=j)
                .rev()
                .take_while(|&k| !common(k))
                .last()
                .unwrap_or(j);
            (start, to)
        }
        Some(((gap, j), false)) if gap <= WIDEN_REACH => {
            let end = (j..len).take_while(|&k| !common(k)).last().unwrap_or(j);
            (from, end + 1)
        }
        _ => range,
    }
}

/// How much more a common word of the removed span weighs in the
/// alignment than any other common word of the same length.
const SPAN_WEIGHT: u32 = 3;

/// The (old, new) index pairs of a heaviest common subsequence of `a` and
/// `b`, words of `a` inside `span` weighing [`SPAN_WEIGHT`].
fn weighted_lcs(
    a: &[(String, usize, usize)],
    b: &[(String, usize, usize)],
    span: (usize, usize),
) -> Vec<(usize, usize)> {
    let w = b.len() + 1;
    let weight = |i: usize| {
        let len = a[i].0.chars().count() as u32;
        if (span.0..span.1).contains(&i) {
            SPAN_WEIGHT * len
        } else {
            len
        }
    };
    // best[i][j]: heaviest common subsequence of a[i..] and b[j..].
    let mut best = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let skip = best[(i + 1) * w + j].max(best[i * w + j + 1]);
            best[i * w + j] = if a[i].0 == b[j].0 {
                skip.max(best[(i + 1) * w + j + 1] + weight(i))
            } else {
                skip
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        if a[i].0 == b[j].0 && best[i * w + j] == best[(i + 1) * w + j + 1] + weight(i) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if best[(i + 1) * w + j] >= best[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The words of `text` (punctuation and brackets left out): folded key,
/// start, end.
fn words(text: &str) -> Vec<(String, usize, usize)> {
    use crate::segment::tokenize;
    tokenize(text)
        .into_iter()
        .filter(|t| t.is_wordlike())
        .map(|t| (key(t.text(text), Profile::NORMAL), t.start, t.end))
        .collect()
}

/// The word diff of `old` and `new` ([`crate::diff::diff_text`], with its
/// semantic clean-up) as pieces whose equal and delete texts give `old`,
/// equal and insert texts `new`.
fn word_ops(old: &str, new: &str) -> Vec<Piece> {
    use crate::diff::{diff_text, DiffOptions};
    pieces(diff_text(old, new, &DiffOptions::default()).ops)
}

fn pieces(ops: Vec<crate::diff::Op>) -> Vec<Piece> {
    use crate::diff::OpKind;
    ops.into_iter()
        .map(|o| Piece {
            op: match o.op {
                OpKind::Equal => PieceOp::Equal,
                OpKind::Delete => PieceOp::Delete,
                OpKind::Insert => PieceOp::Insert,
            },
            text: o.text,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An old side with one occurrence in a one-sentence text.
    fn one(text: &str, span: (usize, usize)) -> Side {
        Side {
            text: text.to_owned(),
            spans: vec![span],
            sentences: vec![(0, text.len())],
            label: None,
            bracketed: false,
        }
    }

    #[test]
    fn replaced_by_keeps_to_the_span_when_the_clause_after_it_merges() {
        let old = "Les États s'abstiennent de toute activité portant atteinte au [noyau public de l'Internet], dont dépendent la disponibilité et l'intégrité du réseau.";
        let new = "Les États s'abstiennent de toute activité portant atteinte à l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet.";
        let s = old.find("noyau").unwrap();
        let span = (s, s + "noyau public de l'Internet".len());
        assert_eq!(
            aligned_replacement(old, span, new),
            Some("l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet")
        );
        // A short word of the term (`de`) does not pull the replacement
        // away from longer common words.
        let old = "Il donne caution de jouir en bon père de famille, s'il n'en est dispensé.";
        let new = "Il donne caution de jouir raisonnablement, s'il n'en est dispensé.";
        let s = old.find("bon").unwrap();
        assert_eq!(
            aligned_replacement(old, (s, s + "bon père de famille".len()), new),
            Some("raisonnablement")
        );
        // Nothing of the term kept: the changed words before it are not
        // part of its replacement.
        let old = "Il agit en bon père de famille.";
        let new = "Il agit raisonnablement.";
        let s = old.find("bon").unwrap();
        assert_eq!(
            aligned_replacement(old, (s, s + "bon père de famille".len()), new),
            Some("raisonnablement")
        );
    }

    #[test]
    fn replaced_by_reaches_the_new_words_when_only_the_terms_tail_survives() {
        // The term's last words survive, the new wording came in a few
        // words before: the replacement is the new wording through them.
        let old = "The Group asks States to respect the stability and security of the open core of the network.";
        let new = "The Group asks States to respect the critical shared infrastructure behind the stability and security of the network.";
        let s = old.find("open core").unwrap();
        let span = (s, s + "open core of the network".len());
        assert_eq!(
            aligned_replacement(old, span, new),
            Some("critical shared infrastructure behind the stability and security of the network")
        );
        // The same in Spanish, the new words after the surviving tail.
        let old = "Los Estados protegen el núcleo público de Internet en todo momento.";
        let new = "Los Estados protegen Internet y su infraestructura esencial en todo momento.";
        let s = old.find("núcleo").unwrap();
        let span = (s, s + "núcleo público de Internet".len());
        assert_eq!(
            aligned_replacement(old, span, new),
            Some("Internet y su infraestructura esencial")
        );
        // No new word within reach: the surviving words alone.
        let old = "Los Estados protegen el núcleo público de Internet.";
        let new = "Los Estados protegen Internet.";
        let s = old.find("núcleo").unwrap();
        let span = (s, s + "núcleo público de Internet".len());
        assert_eq!(aligned_replacement(old, span, new), Some("Internet"));
    }

    #[test]
    fn replaced_by_is_the_words_aligned_to_the_span_not_the_hunk() {
        let old = "21. Les États devraient s'abstenir de porter atteinte au noyau public de l'Internet, et de la protection des données des usagers.";
        let new = "18. Les États devraient s'abstenir de porter atteinte à l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet.";
        let segs = segments(&word_ops(old, new));
        let s = old.find("noyau").unwrap();
        let span = (s, s + "noyau public de l'Internet".len());
        assert_eq!(
            replaced_by(&segs, &one(old, span), new).as_deref(),
            Some("l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet")
        );
    }

    #[test]
    fn replaced_by_maps_the_phrase_through_the_diff() {
        let old = "Il apporte tous les soins d'un bon père de famille.";
        let new = "Il apporte tous les soins raisonnables.";
        let ops = word_ops(old, new);
        let rebuilt_old: String = ops
            .iter()
            .filter(|p| p.op != PieceOp::Insert)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(rebuilt_old, old);
        let segs = segments(&ops);
        let s = old.find("bon").unwrap();
        let span = (s, s + "bon père de famille".len());
        assert_eq!(
            replaced_by(&segs, &one(old, span), new).as_deref(),
            Some("raisonnables")
        );
        let mapped = map_range(&segs, (0, old.len()), true, new);
        assert_eq!(&new[mapped.0..mapped.1], new);
    }
}
