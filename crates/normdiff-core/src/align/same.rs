//! Same-language block alignment (old draft → new draft).
//!
//! 1. **Features.** Each block becomes a TF-IDF vector of word unigrams and
//!    bigrams over comparison keys (`align::features`); candidate pairs
//!    come from an inverted index within a fixed budget per block, plus
//!    blocks whose normalized text is identical.
//! 2. **Spine.** The heaviest chain of candidate pairs increasing on both
//!    sides (`align::chain`): the monotone 1-1 part of the alignment;
//!    unpaired blocks are the 1-0 and 0-1 steps.
//! 3. **Splits and merges.** A spine pair extends to 1-2 (split) or 2-1
//!    (merged) when an unpaired neighbour, joined to its side, raises the
//!    similarity clearly and has no better partner of its own.
//! 4. **Moves.** Blocks still unpaired on both sides are paired greedily,
//!    best similarity first, above a stricter threshold; a pair out of
//!    document order is `moved`.
//!
//! Labels are data, not identity: they never decide a pairing (a tiny
//! bonus breaks ties between equally similar blocks) and a label change is
//! reported as `renumbered`, never as a change of text. Renumbering compares
//! label paths ([`Document::label_path`]): sub-paragraph `a)` of a
//! renumbered paragraph is renumbered too. Deterministic: no
//! hash-map order reaches the result.

use super::chain::{heaviest_chain, Pair};
use super::features::{dot, dot_dense, spread, sum, Features, NO_WORDS};
use super::{Alignment, Link, LinkKind};
use crate::diff::look_alike_labels;
use crate::fxhash::{hash_bytes, FxHashMap};
use crate::model::{Block, Document};
use crate::normalize::{key, Profile};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Options of the same-language aligner.
#[derive(Debug, Clone, PartialEq)]
pub struct SameOptions {
    /// Minimum similarity (cosine, 0–1) for two blocks in document order to
    /// be paired.
    pub min_score: f64,
    /// Minimum similarity for two blocks out of document order to be paired
    /// as a move.
    pub move_score: f64,
    /// How much joining a neighbour must raise the similarity to make a
    /// split or merge.
    pub split_gain: f64,
}

impl Default for SameOptions {
    fn default() -> Self {
        SameOptions {
            min_score: 0.3,
            move_score: 0.45,
            split_gain: 0.04,
        }
    }
}

/// Spine gain of two blocks with identical normalized text: that of a
/// perfect similarity plus a little, so that identical blocks win ties but
/// one unchanged paragraph out of place does not outweigh several reworded
/// ones in place (the unchanged one is then the one reported as moved).
const EXACT_GAIN: f64 = 0.8;

/// Below this similarity, two blocks pair only if they share a fair part
/// of their content words ([`shares_content`]): a clause replaced
/// wholesale under the same number is a deletion and an insertion, not a
/// modification at similarity 0.33.
const REWRITE_SCORE: f64 = 0.5;
/// Share of the shorter block's content words the other must contain.
const CONTENT_SHARE: f64 = 0.25;

/// Bonus added to the similarity of blocks with the same label key.
const LABEL_BONUS: f64 = 0.02;
/// Old blocks with one text paired with every new block with that text
/// when there are at most this many; positionally beyond.
const SMALL_GROUP: usize = 8;

/// The text a block is compared by: its text, or its marker when the text
/// is empty (a lone `Article premier` heading).
fn compared_text(b: &Block) -> &str {
    if b.text.trim().is_empty() {
        b.marker.as_deref().unwrap_or("")
    } else {
        &b.text
    }
}

fn round3(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

/// Aligns `old` with `new`. The result covers every block of both
/// documents exactly once, links in reading order.
pub fn align(old: &Document, new: &Document, opts: &SameOptions) -> Alignment {
    let old_texts: Vec<&str> = old.blocks.iter().map(compared_text).collect();
    let new_texts: Vec<&str> = new.blocks.iter().map(compared_text).collect();

    // Anchors: a text that stands once in each document (or as many times
    // in each) pairs its blocks outright (most paragraphs of two drafts are
    // unchanged); features are built for the other blocks only.
    let anchors = identical_anchors(&old_texts, &new_texts);
    let mut old_anchor: Vec<Option<usize>> = vec![None; old_texts.len()];
    let mut new_anchor: Vec<Option<usize>> = vec![None; new_texts.len()];
    for &(i, j) in &anchors {
        old_anchor[i] = Some(j);
        new_anchor[j] = Some(i);
    }
    let old_rest: Vec<usize> = (0..old_texts.len())
        .filter(|&i| old_anchor[i].is_none())
        .collect();
    let new_rest: Vec<usize> = (0..new_texts.len())
        .filter(|&j| new_anchor[j].is_none())
        .collect();
    let mut old_sub: Vec<Option<usize>> = vec![None; old_texts.len()];
    let mut new_sub: Vec<Option<usize>> = vec![None; new_texts.len()];
    old_rest
        .iter()
        .enumerate()
        .for_each(|(k, &i)| old_sub[i] = Some(k));
    new_rest
        .iter()
        .enumerate()
        .for_each(|(k, &j)| new_sub[j] = Some(k));
    let feats = Features::build(
        &old_rest.iter().map(|&i| old_texts[i]).collect::<Vec<_>>(),
        &new_rest.iter().map(|&j| new_texts[j]).collect::<Vec<_>>(),
    );
    let ov = |i: usize| old_sub[i].map(|k| &feats.old[k]);
    let nv = |j: usize| new_sub[j].map(|k| &feats.new[k]);
    let on = |i: usize| old_sub[i].map_or(1.0, |k| feats.old_norms[k]);
    let nn = |j: usize| new_sub[j].map_or(1.0, |k| feats.new_norms[k]);
    let with_label_bonus = |mut s: f64, i: usize, j: usize| -> f64 {
        if old.blocks[i].label_key.is_some() && old.blocks[i].label_key == new.blocks[j].label_key {
            s += LABEL_BONUS;
        }
        s.min(1.0)
    };
    let sim = |i: usize, j: usize| -> f64 {
        let s = match (ov(i), nv(j)) {
            (Some(a), Some(b)) => f64::from(dot(a, b)),
            _ if old_anchor[i] == Some(j) => 1.0,
            _ => 0.0,
        };
        with_label_bonus(s, i, j)
    };

    // Candidate old blocks of each new block, with their similarity.
    let mut cands: Vec<Vec<(usize, f64)>> = vec![Vec::new(); new_texts.len()];
    // (The new block's vector is spread out once, and each candidate's
    // dot product read against it: the same sums as `sim`.)
    let sub_cands: Vec<Vec<(usize, f64)>> = feats
        .all_candidates()
        .into_par_iter()
        .enumerate()
        .map_init(
            || vec![0.0f32; feats.n_features],
            |dense, (k, c)| {
                let j = new_rest[k];
                spread(&feats.new[k], dense, false);
                let scored = c
                    .into_iter()
                    .map(|ko| {
                        let i = old_rest[ko as usize];
                        let s = f64::from(dot_dense(&feats.old[ko as usize], dense));
                        (i, with_label_bonus(s, i, j))
                    })
                    .collect();
                spread(&feats.new[k], dense, true);
                scored
            },
        )
        .collect();
    for (k, c) in sub_cands.into_iter().enumerate() {
        cands[new_rest[k]] = c;
    }

    // Spine candidates: anchors, identical normalized texts, then the
    // inverted index.
    let mut pairs: Vec<Pair> = anchors
        .iter()
        .map(|&(i, j)| Pair {
            old: i,
            new: j,
            gain: EXACT_GAIN,
        })
        .collect();
    let mut by_key: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (k, &key) in feats.old_keys.iter().enumerate() {
        if key != NO_WORDS {
            by_key.entry(key).or_default().push(old_rest[k]);
        }
    }
    let mut seen_new: FxHashMap<u64, usize> = FxHashMap::default();
    for (k, &key) in feats.new_keys.iter().enumerate() {
        let j = new_rest[k];
        if let Some(olds) = by_key.get(&key) {
            let nth = seen_new.entry(key).or_insert(0);
            if olds.len() <= SMALL_GROUP {
                pairs.extend(olds.iter().map(|&i| Pair {
                    old: i,
                    new: j,
                    gain: EXACT_GAIN,
                }));
            } else if let Some(&i) = olds.get(*nth) {
                pairs.push(Pair {
                    old: i,
                    new: j,
                    gain: EXACT_GAIN,
                });
            }
            *nth += 1;
        }
        for &(i, s) in &cands[j] {
            let same_key = old_sub[i].is_some_and(|ko| feats.old_keys[ko] == key);
            if (same_key && key != NO_WORDS) || s < opts.min_score {
                continue;
            }
            if s < REWRITE_SCORE && !shares_content(old_texts[i], new_texts[j]) {
                continue;
            }
            pairs.push(Pair {
                old: i,
                new: j,
                gain: s - opts.min_score + 0.01,
            });
        }
    }
    let spine = heaviest_chain(pairs, new.blocks.len());

    let mut old_link: Vec<Option<usize>> = vec![None; old.blocks.len()];
    let mut new_link: Vec<Option<usize>> = vec![None; new.blocks.len()];
    let mut links: Vec<Link> = Vec::new();
    for p in &spine {
        let idx = links.len();
        old_link[p.old] = Some(idx);
        new_link[p.new] = Some(idx);
        links.push(Link {
            kind: LinkKind::Modified,
            old: vec![p.old],
            new: vec![p.new],
            score: round3(sim(p.old, p.new)),
            renumbered: false,
        });
    }

    // Moves: anchors left off the spine (an identical paragraph moved),
    // then leftovers paired best first.
    let mut leftovers: Vec<(f64, usize, usize)> = anchors
        .iter()
        .filter(|&&(i, j)| old_link[i].is_none() && new_link[j].is_none())
        .map(|&(i, j)| (2.0, i, j))
        .collect();
    for j in (0..new.blocks.len()).filter(|&j| new_link[j].is_none()) {
        for &(i, s) in &cands[j] {
            if old_link[i].is_none() && s >= opts.move_score {
                leftovers.push((s, i, j));
            }
        }
    }
    leftovers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    for (s, i, j) in leftovers {
        if old_link[i].is_some() || new_link[j].is_some() {
            continue;
        }
        let idx = links.len();
        old_link[i] = Some(idx);
        new_link[j] = Some(idx);
        let in_order = in_spine_order(&spine, i, j);
        links.push(Link {
            kind: if in_order {
                LinkKind::Modified
            } else {
                LinkKind::Moved
            },
            old: vec![i],
            new: vec![j],
            score: round3(s),
            renumbered: false,
        });
    }

    // A moved clause takes its continuation with it: the blocks after a
    // moved block, unpaired on both sides, pair in step while they stay
    // similar enough.
    let moved: Vec<(usize, usize)> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Moved)
        .map(|l| (l.old[0], l.new[0]))
        .collect();
    for (i, j) in moved {
        for k in 1.. {
            let (oi, nj) = (i + k, j + k);
            let free = oi < old.blocks.len()
                && nj < new.blocks.len()
                && old_link[oi].is_none()
                && new_link[nj].is_none();
            let s = if free { sim(oi, nj) } else { 0.0 };
            if s < opts.min_score * 0.5 {
                break;
            }
            old_link[oi] = Some(links.len());
            new_link[nj] = Some(links.len());
            links.push(Link {
                kind: LinkKind::Moved,
                old: vec![oi],
                new: vec![nj],
                score: round3(s),
                renumbered: false,
            });
        }
    }

    // Best partner score of each unpaired block among unpaired blocks of
    // the other side, so that a neighbour with a better partner of its own
    // (a move) is not swallowed by a split or merge.
    let mut best_free_old = vec![0.0f64; old.blocks.len()];
    let mut best_free_new = vec![0.0f64; new.blocks.len()];
    for j in (0..new.blocks.len()).filter(|&j| new_link[j].is_none()) {
        for &(i, s) in &cands[j] {
            if old_link[i].is_none() && s >= opts.move_score {
                best_free_old[i] = best_free_old[i].max(s);
                best_free_new[j] = best_free_new[j].max(s);
            }
        }
    }

    // Splits and merges around 1-1 links (in order or moved).
    for (idx, link) in links.iter_mut().enumerate() {
        let (i, j) = (link.old[0], link.new[0]);
        // Anchored (identical) pairs have no features and need no extension.
        let (Some(vi), Some(vj)) = (ov(i), nv(j)) else {
            continue;
        };
        let base = f64::from(dot(vi, vj));
        let mut best: Option<(f64, bool, usize)> = None; // (score, is_split, neighbour)
        for nj in [j.wrapping_sub(1), j + 1] {
            let Some(vn) = (nj < new.blocks.len() && new_link[nj].is_none())
                .then(|| nv(nj))
                .flatten()
            else {
                continue;
            };
            let joined = if nj < j {
                sum(vn, nn(nj), vj, nn(j))
            } else {
                sum(vj, nn(j), vn, nn(nj))
            };
            let s = f64::from(dot(vi, &joined));
            let part = f64::from(dot(vi, vn));
            if joins_well(s, base, part, opts)
                && best_free_new[nj] <= part
                && best.is_none_or(|b| s > b.0)
            {
                best = Some((s, true, nj));
            }
        }
        for ni in [i.wrapping_sub(1), i + 1] {
            let Some(vn) = (ni < old.blocks.len() && old_link[ni].is_none())
                .then(|| ov(ni))
                .flatten()
            else {
                continue;
            };
            let joined = if ni < i {
                sum(vn, on(ni), vi, on(i))
            } else {
                sum(vi, on(i), vn, on(ni))
            };
            let s = f64::from(dot(&joined, vj));
            let part = f64::from(dot(vn, vj));
            if joins_well(s, base, part, opts)
                && best_free_old[ni] <= part
                && best.is_none_or(|b| s > b.0)
            {
                best = Some((s, false, ni));
            }
        }
        if let Some((s, is_split, n)) = best {
            link.score = round3(s);
            if is_split {
                link.kind = LinkKind::Split;
                link.new.push(n);
                link.new.sort_unstable();
                new_link[n] = Some(idx);
            } else {
                link.kind = LinkKind::Merged;
                link.old.push(n);
                link.old.sort_unstable();
                old_link[n] = Some(idx);
            }
        }
    }

    // Kinds and renumbering of 1-1 links.
    for l in links.iter_mut() {
        let (i, j) = (l.old[0], l.new[0]);
        if l.kind == LinkKind::Modified && same_text(&old.blocks[i].text, &new.blocks[j].text) {
            l.kind = LinkKind::Unchanged;
            l.score = 1.0;
        }
        l.renumbered = is_renumbered(old, new, i, j);
    }
    super::swap::mark_swaps(&mut links, old, new);
    order_links(links, &old_link, &new_link)
}

/// Did the label of old block `i` change number in new block `j`? Label
/// paths compare (a sub-paragraph of a renumbered paragraph is renumbered);
/// the same number written with look-alike characters (`13 a)` with a
/// Cyrillic `а`) is not a renumbering but a change of text, which the diff
/// shows ([`crate::diff::label_ops`]).
fn is_renumbered(old: &Document, new: &Document, i: usize, j: usize) -> bool {
    // A label that prints its parents' numbers (`2.7`, `13 a)`) is
    // compared as printed: its parents are already in it.
    let prints_parents = |d: &Document, k: usize| {
        d.blocks[k]
            .label_info
            .as_ref()
            .is_some_and(|l| l.value.len() > 1)
    };
    let (a, b) = if prints_parents(old, i) && prints_parents(new, j) {
        (
            old.blocks[i].label_key.clone(),
            new.blocks[j].label_key.clone(),
        )
    } else {
        (old.label_path(i), new.label_path(j))
    };
    a.is_some()
        && b.is_some()
        && a != b
        && !(look_alike_labels(&old.blocks[i], &new.blocks[j])
            && old.value_path(i) == new.value_path(j))
}

/// Do `a` and `b` share at least [`CONTENT_SHARE`] of the content words
/// (four letters or more, compared by key) of the one with fewer?
fn shares_content(a: &str, b: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        let k = key(t, Profile::NORMAL);
        let mut w: Vec<String> = k
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_owned)
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let (wa, wb) = (words(a), words(b));
    let fewer = wa.len().min(wb.len());
    if fewer == 0 {
        return true;
    }
    let common = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    common as f64 >= CONTENT_SHARE * fewer as f64
}

/// Does joining a neighbour (similarity `part` on its own) to a pair of
/// similarity `base`, giving `joined`, make a split or merge? Either the
/// similarity rises clearly, or the neighbour is itself close to the other
/// side and the similarity does not fall.
fn joins_well(joined: f64, base: f64, part: f64, opts: &SameOptions) -> bool {
    part >= opts.min_score * 0.5
        && (joined > base + opts.split_gain || (part >= opts.min_score + 0.05 && joined > base))
}

/// Pairs `(old, new)` of texts that occur as many times in each list
/// (mostly once; see [`equal_count_pairs`]), in old order: first as they are,
/// then, among the rest, after
/// typography folding (quotes, apostrophes, dashes, kinds and runs of
/// spaces: `l'Assemblée ;` and `l’Assemblée\u{a0};` are one text). Drafts
/// often differ only so; their word diff still shows every such change.
fn identical_anchors(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    let blank = |t: &&str| t.trim().is_empty();
    let mut out = equal_count_pairs(
        old.iter().copied().enumerate().filter(|(_, t)| !blank(t)),
        new.iter().copied().enumerate(),
    );
    let (mut old_done, mut new_done) = (vec![false; old.len()], vec![false; new.len()]);
    for &(i, j) in &out {
        old_done[i] = true;
        new_done[j] = true;
    }
    let folded = |(i, t): (usize, &&str)| (i, key(t, Profile::TYPOGRAPHY));
    let second = equal_count_pairs(
        old.iter()
            .enumerate()
            .filter(|&(i, t)| !old_done[i] && !blank(t))
            .map(folded),
        new.iter()
            .enumerate()
            .filter(|&(j, _)| !new_done[j])
            .map(folded),
    );
    for &(i, j) in &second {
        old_done[i] = true;
        new_done[j] = true;
    }
    out.extend(second);
    let copies = repeated_copies(old, new, &old_done, &new_done, &out);
    out.extend(copies);
    out.sort_unstable();
    out
}

/// Pairs of the copies of texts repeated a different number of times in
/// each draft (a schedule of 30 identical clauses of which two changed):
/// copies pair by their position in the run, so an edited copy is left,
/// in place, to pair with its old self. Each new copy has an expected old
/// position (its offset from the last anchor before it, applied to that
/// anchor's old side); the pairs nearest to their expected position are
/// taken first ([`nearest_first`]), so a second copy inserted elsewhere
/// does not take the one old copy from the copy still in its place.
fn repeated_copies(
    old: &[&str],
    new: &[&str],
    old_done: &[bool],
    new_done: &[bool],
    anchors: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let hashed = |texts: &[&str], done: &[bool]| -> Vec<(usize, u64)> {
        texts
            .iter()
            .enumerate()
            .filter(|&(i, t)| !done[i] && !t.trim().is_empty())
            .map(|(i, t)| (i, hash_bytes(key(t, Profile::TYPOGRAPHY).as_bytes())))
            .collect()
    };
    // Per text: its free old copies, and its new copies with the old
    // position each is expected at.
    type Group = (Vec<usize>, Vec<(usize, usize)>);
    let mut groups: FxHashMap<u64, Group> = FxHashMap::default();
    for (i, h) in hashed(old, old_done) {
        groups.entry(h).or_default().0.push(i);
    }
    // Anchors by new index, to find the last one before a block.
    let mut by_new: Vec<(usize, usize)> = anchors.iter().map(|&(i, j)| (j, i)).collect();
    by_new.sort_unstable();
    for (j, h) in hashed(new, new_done) {
        let Some(g) = groups.get_mut(&h) else {
            continue;
        };
        let before = by_new.partition_point(|&(aj, _)| aj < j);
        let expected = match before.checked_sub(1).map(|k| by_new[k]) {
            Some((aj, ai)) => ai + (j - aj),
            None => j,
        };
        g.1.push((j, expected));
    }
    let mut out: Vec<(usize, usize)> = groups
        .into_values()
        .filter(|g| !g.1.is_empty())
        .flat_map(|(olds, news)| nearest_first(olds, &news))
        .collect();
    out.sort_unstable();
    out
}

/// Above this many (old copy, new copy) combinations in one group of
/// repeated texts, [`nearest_first`] pairs each new copy in turn with the
/// nearest free old copy instead of ranking every combination.
const COPY_PAIR_BUDGET: usize = 1 << 16;

/// Pairs old copies `olds` (ascending) with new copies `news` (`(new
/// index, expected old index)`, ascending), closest to the expected
/// position first (ties: earlier new copy, then earlier old copy).
fn nearest_first(olds: Vec<usize>, news: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if olds.len().saturating_mul(news.len()) <= COPY_PAIR_BUDGET {
        let mut all: Vec<(usize, usize, usize)> = news
            .iter()
            .flat_map(|&(j, e)| olds.iter().map(move |&i| (i.abs_diff(e), j, i)))
            .collect();
        all.sort_unstable();
        let (mut old_used, mut new_used) = (BTreeSet::new(), BTreeSet::new());
        for (_, j, i) in all {
            if !old_used.contains(&i) && !new_used.contains(&j) {
                old_used.insert(i);
                new_used.insert(j);
                out.push((i, j));
            }
        }
        return out;
    }
    let mut free: BTreeSet<usize> = olds.into_iter().collect();
    for &(j, expected) in news {
        let after = free.range(expected..).next().copied();
        let below = free.range(..expected).next_back().copied();
        let pick = match (below, after) {
            (Some(b), Some(a)) => Some(if expected - b <= a - expected { b } else { a }),
            (b, a) => b.or(a),
        };
        if let Some(i) = pick {
            free.remove(&i);
            out.push((i, j));
        }
    }
    out
}

/// Pairs `(old, new)` of keys that occur the same number of times on each
/// side, occurrence by occurrence in document order (a text found once in
/// each draft, or a heading repeated in the same number of sections).
fn equal_count_pairs<K: std::hash::Hash + Eq>(
    old: impl Iterator<Item = (usize, K)>,
    new: impl Iterator<Item = (usize, K)>,
) -> Vec<(usize, usize)> {
    let old: Vec<(usize, K)> = old.collect();
    let new: Vec<(usize, K)> = new.collect();
    // key → (occurrences in old, first old index, occurrences in new, first new index)
    let mut seen: FxHashMap<&K, (u32, usize, u32, usize)> = FxHashMap::default();
    for (i, k) in &old {
        let e = seen.entry(k).or_insert((0, *i, 0, 0));
        e.0 += 1;
    }
    for (j, k) in &new {
        if let Some(e) = seen.get_mut(k) {
            if e.2 == 0 {
                e.3 = *j;
            }
            e.2 += 1;
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    // Repeated keys: the k-th old occurrence with the k-th new one.
    let mut repeated: FxHashMap<&K, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for (k, e) in &seen {
        if e.0 == e.2 {
            if e.0 == 1 {
                out.push((e.1, e.3));
            } else {
                repeated.insert(*k, (Vec::new(), Vec::new()));
            }
        }
    }
    if !repeated.is_empty() {
        for (i, k) in &old {
            if let Some(r) = repeated.get_mut(k) {
                r.0.push(*i);
            }
        }
        for (j, k) in &new {
            if let Some(r) = repeated.get_mut(k) {
                r.1.push(*j);
            }
        }
        for (olds, news) in repeated.into_values() {
            out.extend(olds.into_iter().zip(news));
        }
    }
    out
}

/// Equal texts, white space runs aside (the same words by
/// `split_whitespace`). Identical stretches are compared as bytes; only
/// where the texts differ is white space looked at.
pub(super) fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (mut a, mut b) = (a.trim(), b.trim());
    loop {
        let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        while !a.is_char_boundary(n) {
            n -= 1;
        }
        let (ra, rb) = (&a[n..], &b[n..]);
        if ra.is_empty() && rb.is_empty() {
            return true;
        }
        let wa = ra.len() - ra.trim_start().len();
        let wb = rb.len() - rb.trim_start().len();
        // White space on one side only is a word boundary on both sides
        // only if the common part ended with white space.
        let after_space = a[..n].chars().next_back().is_some_and(char::is_whitespace);
        if (wa == 0 && wb == 0) || ((wa == 0 || wb == 0) && !after_space) {
            return false;
        }
        (a, b) = (&ra[wa..], &rb[wb..]);
    }
}

/// Would pairing old `i` with new `j` keep the spine monotone?
fn in_spine_order(spine: &[Pair], i: usize, j: usize) -> bool {
    let before = spine.partition_point(|p| p.new < j);
    let prev_ok = before == 0 || spine[before - 1].old < i;
    let next_ok = before >= spine.len() || spine[before].old > i;
    prev_ok && next_ok
}

/// Puts links in reading order (new-document order) and adds deleted and
/// inserted blocks; a deleted block stands after the link of the old block
/// before it.
fn order_links(
    mut links: Vec<Link>,
    old_link: &[Option<usize>],
    new_link: &[Option<usize>],
) -> Alignment {
    // Inserted blocks.
    for (j, l) in new_link.iter().enumerate() {
        if l.is_none() {
            links.push(Link {
                kind: LinkKind::Inserted,
                old: vec![],
                new: vec![j],
                score: 0.0,
                renumbered: false,
            });
        }
    }
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by_key(|&k| links[k].new.first().copied().unwrap_or(usize::MAX));
    // Deleted blocks, attached after the in-order link of the old block before.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); links.len()];
    let mut head: Vec<usize> = Vec::new();
    let mut deleted = Vec::new();
    for (i, l) in old_link.iter().enumerate() {
        if l.is_none() {
            let anchor = (0..i)
                .rev()
                .find_map(|p| old_link[p].filter(|&k| links[k].kind != LinkKind::Moved));
            let d = links.len() + deleted.len();
            deleted.push(Link {
                kind: LinkKind::Deleted,
                old: vec![i],
                new: vec![],
                score: 0.0,
                renumbered: false,
            });
            match anchor {
                Some(k) => after[k].push(d),
                None => head.push(d),
            }
        }
    }
    let n = links.len();
    links.extend(deleted);
    let mut out = Vec::with_capacity(links.len());
    let take = |k: usize, out: &mut Vec<Link>| out.push(links[k].clone());
    for &k in &head {
        take(k, &mut out);
    }
    for &k in &order {
        take(k, &mut out);
        if k < n {
            for &d in &after[k] {
                take(d, &mut out);
            }
        }
    }
    Alignment { links: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ingest, InputFormat};

    #[test]
    fn repeated_and_retypeset_texts_anchor_in_order() {
        let old = [
            "Recommandations",
            "Le Groupe note.",
            "Recommandations",
            "l'Assemblée ;",
            "x",
            "x",
            "x",
        ];
        let new = [
            "Recommandations",
            "Le Groupe a noté.",
            "Recommandations",
            "l’Assemblée\u{a0};",
            "x",
            "x",
        ];
        // The heading twice on each side pairs in order; the retypeset line
        // pairs by its folded text; "x" (3 against 2) pairs copy by copy by
        // position.
        assert_eq!(
            identical_anchors(&old, &new),
            vec![(0, 0), (2, 2), (3, 3), (4, 4), (5, 5)]
        );
    }

    proptest::proptest! {
        #[test]
        fn same_text_is_split_whitespace_equality(
            a in "[xyé«; \u{00A0}\t\n]{0,12}",
            b in "[xyé«; \u{00A0}\t\n]{0,12}",
        ) {
            let want = a.split_whitespace().eq(b.split_whitespace());
            proptest::prop_assert_eq!(same_text(&a, &b), want);
            // Texts that differ only in white space, often.
            let c: String = a.replace(' ', "\u{00A0} ");
            proptest::prop_assert!(same_text(&a, &c));
        }
    }

    fn doc(s: &str) -> Document {
        ingest(s, InputFormat::Text)
    }

    fn kinds(a: &Alignment) -> Vec<(LinkKind, Vec<usize>, Vec<usize>)> {
        a.links
            .iter()
            .map(|l| (l.kind, l.old.clone(), l.new.clone()))
            .collect()
    }

    const P1: &str = "Le Groupe réaffirme que le droit international est applicable.";
    const P2: &str =
        "Les normes facultatives et non contraignantes réduisent les risques pour la paix.";
    const P3: &str =
        "La coopération internationale et le renforcement des capacités sont essentiels aux États.";

    #[test]
    fn identical_documents_are_unchanged() {
        let d = doc(&format!("1. {P1}\n\n2. {P2}\n\n3. {P3}"));
        let a = align(&d, &d, &SameOptions::default());
        assert!(a.covers(3, 3));
        assert!(a
            .links
            .iter()
            .all(|l| l.kind == LinkKind::Unchanged && !l.renumbered));
    }

    #[test]
    fn renumbering_is_not_a_text_change() {
        let old = doc(&format!("1. {P1}\n\n2. {P2}"));
        let new = doc(&format!("4. {P1}\n\n5. {P2}"));
        let a = align(&old, &new, &SameOptions::default());
        assert!(a
            .links
            .iter()
            .all(|l| l.kind == LinkKind::Unchanged && l.renumbered));
    }

    #[test]
    fn moves_inserts_deletes_in_reading_order() {
        let old = doc(&format!(
            "{P1}\n\n{P2}\n\n{P3}\n\nUn paragraphe supprimé entièrement différent."
        ));
        let new = doc(&format!(
            "{P3}\n\n{P1}\n\n{P2}\n\nTout autre chose ajoutée ici sans rapport."
        ));
        let a = align(&old, &new, &SameOptions::default());
        assert!(a.covers(4, 4));
        let k = kinds(&a);
        assert_eq!(k[0], (LinkKind::Moved, vec![2], vec![0]));
        assert_eq!(k[1], (LinkKind::Unchanged, vec![0], vec![1]));
        assert_eq!(k[2], (LinkKind::Unchanged, vec![1], vec![2]));
        assert!(k.contains(&(LinkKind::Inserted, vec![], vec![3])));
        assert!(k.contains(&(LinkKind::Deleted, vec![3], vec![])));
    }

    #[test]
    fn split_and_merge() {
        let old = doc(&format!("{P1} {P2}\n\n{P3}"));
        let new = doc(&format!("{P1}\n\n{P2}\n\n{P3}"));
        let a = align(&old, &new, &SameOptions::default());
        assert_eq!(kinds(&a)[0], (LinkKind::Split, vec![0], vec![0, 1]));
        let b = align(&new, &old, &SameOptions::default());
        assert_eq!(kinds(&b)[0], (LinkKind::Merged, vec![0, 1], vec![0]));
    }

    #[test]
    fn a_short_last_sentence_split_off_a_long_paragraph_is_a_split() {
        // Joining the short piece must weigh it by its content, not as much
        // as the long rest (the unit vectors' plain sum lowered the
        // similarity, and the piece was reported inserted).
        let long = "En outre, les États et d'autres acteurs utilisent activement des capacités numériques plus complexes et sophistiquées à des fins politiques et autres. Le Groupe note avec préoccupation que les États se livrent de plus en plus à des campagnes d'information clandestines facilitées par les technologies numériques en vue d'influencer les procédures, les systèmes et la stabilité générale d'autres États. Ces activités minent la confiance, comportent un risque d'escalade et peuvent menacer la paix et la sécurité internationales.";
        let tail =
            "Elles peuvent également causer des dommages directs et indirects aux personnes.";
        let old = doc(&format!("{P1}\n\n{long} {tail}\n\n{P3}"));
        let new = doc(&format!("{P1}\n\n{long}\n\n{tail}\n\n{P3}"));
        let k = kinds(&align(&old, &new, &SameOptions::default()));
        assert!(k.contains(&(LinkKind::Split, vec![1], vec![1, 2])), "{k:?}");
    }

    #[test]
    fn empty_documents() {
        let e = doc("");
        assert!(align(&e, &e, &SameOptions::default()).links.is_empty());
        let d = doc(P1);
        let a = align(&e, &d, &SameOptions::default());
        assert_eq!(kinds(&a), vec![(LinkKind::Inserted, vec![], vec![0])]);
    }

    const CLAUSE: &str =
        "The Supplier shall deliver the Goods to the Delivery Point on the Delivery Date.";

    /// Five distinct paragraphs, then a sixth.
    const OTHERS: [&str; 5] = [
        "The Buyer shall pay all invoices within thirty days of receipt.",
        "Each Party shall keep the Confidential Information secret.",
        "The Contractor shall insure the Works against all risks.",
        "The Licensee may not assign this licence without consent.",
        "Notices are given in writing to the addresses above.",
    ];

    #[test]
    fn a_second_copy_inserted_elsewhere_leaves_the_first_in_place() {
        // A text standing once in the old draft and twice in the new one (a
        // paragraph inserted again far before its first copy): the copy in
        // the old one's place is that paragraph, the other is inserted.
        let mut old: Vec<&str> = OTHERS.to_vec();
        old.push(CLAUSE);
        old.push(P1);
        let mut new = old.clone();
        new.insert(1, CLAUSE);
        let a = align(
            &doc(&old.join("\n\n")),
            &doc(&new.join("\n\n")),
            &SameOptions::default(),
        );
        let k = kinds(&a);
        assert!(
            k.contains(&(LinkKind::Unchanged, vec![5], vec![6])),
            "{k:?}"
        );
        assert!(k.contains(&(LinkKind::Inserted, vec![], vec![1])), "{k:?}");
        assert!(!k.iter().any(|l| l.0 == LinkKind::Moved), "{k:?}");
    }

    #[test]
    fn nearest_copies_pair_first() {
        // Old copies at 10 and 40; new copies expected at 12, 38 and 90.
        let p = nearest_first(vec![10, 40], &[(3, 90), (5, 12), (8, 38)]);
        assert_eq!(p, vec![(10, 5), (40, 8)]);
    }

    #[test]
    fn edited_copies_of_a_repeated_clause_stay_in_place() {
        let old: Vec<String> = (0..30).map(|_| CLAUSE.to_owned()).collect();
        let mut new = old.clone();
        new[7] = CLAUSE.replace("shall", "must");
        new[21] = CLAUSE.replace("shall", "must");
        let a = align(
            &doc(&old.join("\n\n")),
            &doc(&new.join("\n\n")),
            &SameOptions::default(),
        );
        assert!(a.covers(30, 30));
        for l in &a.links {
            assert_eq!(l.old, l.new, "{l:?}");
            let want = if l.old == [7] || l.old == [21] {
                LinkKind::Modified
            } else {
                LinkKind::Unchanged
            };
            assert_eq!(l.kind, want, "{l:?}");
        }
    }

    #[test]
    fn a_clause_rewritten_wholesale_is_deleted_and_inserted() {
        let old = doc(&format!("1. {P1}\n\n2. {CLAUSE}\n\n3. {P3}"));
        let new = doc(&format!(
            "1. {P1}\n\n2. Fishing vessels flying a foreign flag require a licence issued by the harbour master.\n\n3. {P3}"
        ));
        let k = kinds(&align(&old, &new, &SameOptions::default()));
        assert!(k.contains(&(LinkKind::Deleted, vec![1], vec![])), "{k:?}");
        assert!(k.contains(&(LinkKind::Inserted, vec![], vec![1])), "{k:?}");
        assert!(shares_content(P1, &P1.replace("applicable", "pertinent")));
        assert!(!shares_content(
            CLAUSE,
            "Fishing vessels require a licence."
        ));
    }

    const CLAUSES: [&str; 7] = [
        "1. The Parties agree to cooperate in good faith on all matters.",
        "2. Payment is due within thirty days of the invoice date.",
        "3. Either Party may terminate this Agreement by written notice.",
        "Notice takes effect ninety days after its receipt by the other Party.",
        "No termination affects rights accrued before it takes effect.",
        "4. This Agreement is governed by the laws of Switzerland.",
        "5. Disputes go to arbitration in Geneva under the UNCITRAL Rules.",
    ];

    fn moved_olds(a: &Alignment) -> Vec<usize> {
        let mut m: Vec<usize> = kinds(a)
            .iter()
            .filter(|x| x.0 == LinkKind::Moved)
            .flat_map(|x| x.1.clone())
            .collect();
        m.sort_unstable();
        m
    }

    #[test]
    fn two_adjacent_groups_swapped_are_both_moved() {
        let body = CLAUSES;
        let moved = [
            body[0], body[5], body[6], body[1], body[2], body[3], body[4],
        ];
        let old = doc(&body.join("\n\n"));
        let new_text = moved
            .join("\n\n")
            .replace("4. This", "2. This")
            .replace("5. Disp", "3. Disp")
            .replace("2. Pay", "4. Pay")
            .replace("3. Either", "5. Either");
        let a = align(&old, &doc(&new_text), &SameOptions::default());
        // Clauses 2–3 (3 with its continuation) and 4–5 traded places:
        // nothing says which pair was picked up, so both are moved.
        assert_eq!(moved_olds(&a), vec![1, 2, 3, 4, 5, 6], "{:?}", kinds(&a));
        assert!(a
            .links
            .iter()
            .filter(|l| l.old.len() == 1 && l.old[0] != 0 && l.old[0] != 3 && l.old[0] != 4)
            .all(|l| l.renumbered));
    }

    #[test]
    fn a_moved_clause_takes_its_continuation() {
        // Clause 3 and its two continuation paragraphs go to the end, past
        // three clauses: one move of three blocks, not a swap.
        let mut body = CLAUSES.to_vec();
        body.push("6. Each Party bears its own costs of the arbitration.");
        let new = [
            body[0], body[1], body[5], body[6], body[7], body[2], body[3], body[4],
        ];
        let a = align(
            &doc(&body.join("\n\n")),
            &doc(&new.join("\n\n")),
            &SameOptions::default(),
        );
        assert_eq!(moved_olds(&a), vec![2, 3, 4], "{:?}", kinds(&a));
    }

    #[test]
    fn a_clause_moved_into_the_next_section_leaves_the_heading() {
        let old = [
            "PAYMENT",
            CLAUSES[1],
            "3. Interest runs on late payments at the statutory rate.",
            "DELIVERY",
            "4. The Goods are delivered to the Delivery Point.",
            "5. Risk passes to the Buyer on delivery.",
        ];
        let new = [old[0], old[1], old[3], old[2], old[4], old[5]];
        let a = align(
            &doc(&old.join("\n\n")),
            &doc(&new.join("\n\n")),
            &SameOptions::default(),
        );
        // Clause 3 changed section; the heading stayed between the sections.
        assert_eq!(moved_olds(&a), vec![2], "{:?}", kinds(&a));
    }

    #[test]
    fn a_clause_moved_past_two_is_the_only_move() {
        let old = [CLAUSES[0], CLAUSES[1], CLAUSES[2], CLAUSES[5], CLAUSES[6]];
        let new = [old[0], old[2], old[3], old[1], old[4]];
        let a = align(
            &doc(&old.join("\n\n")),
            &doc(&new.join("\n\n")),
            &SameOptions::default(),
        );
        assert_eq!(moved_olds(&a), vec![1], "{:?}", kinds(&a));
    }

    #[test]
    fn many_identical_paragraphs_pair_in_order() {
        let text = vec![P1; 500].join("\n\n");
        let d = doc(&text);
        let a = align(&d, &d, &SameOptions::default());
        assert!(a.covers(500, 500));
        assert!(a
            .links
            .iter()
            .all(|l| l.kind == LinkKind::Unchanged && l.old == l.new));
    }
}
