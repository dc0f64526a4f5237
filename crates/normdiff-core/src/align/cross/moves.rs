//! Paragraphs moved far from where the monotone spine put them.
//!
//! A paragraph moved in the translation leaves the monotone spine
//! ([`super::dp`]) in disorder twice: where it was and where it went, the
//! spine skips a block, joins it to a neighbour in a 1-2 or 2-1 link, or
//! shifts a run of links by one. This step, run once the lexicon is learnt:
//! 1. marks as **suspect** the blocks of the spine's links within
//!    [`RADIUS`] links of a disordered one (a skip, a 1-2 or 2-1 link, or a
//!    1-1 link the full cost scores under [`super::refine::CONFIDENT`]);
//! 2. looks, for each suspect block, for its best partner anywhere in the
//!    other document by the full cost (length, evidence and lexicon,
//!    [`Scorer::cost`]), among the blocks not held by a cheaper 1-1 link
//!    of the spine;
//! 3. takes as a **candidate** a pair of blocks that are each other's best
//!    partner, cheaper than leaving a block unmatched, cheaper by
//!    [`MIN_MARGIN`] than each block's second-best partner, and lying more
//!    than [`FAR`] blocks from where the spine put them;
//! 4. keeps a candidate only if taking its blocks out and running the
//!    spine again on the rest ([`apply`]) lowers the total cost of the
//!    alignment: the rest is monotone again and the neighbours of a moved
//!    paragraph get their own partners back, while a pair that merely
//!    resembles each other would shift every link between them.
//!
//! Costs are computed for suspect blocks only, within a budget of
//! [`MAX_EVALUATIONS`] (documents too disordered for it are left as the
//! spine made them), and the spine is run again at most [`MAX_TRIES`]
//! times, fewer on long documents.

use super::dp::{self, Calibration};
use super::evidence::Features;
use super::refine::{Scorer, CONFIDENT};
use super::CrossLink;

/// Links this close to a disordered one (in spine order) are suspect.
pub const RADIUS: usize = 2;

/// Most link costs computed in the search for moves (suspect blocks times
/// the other document's blocks).
pub const MAX_EVALUATIONS: usize = 2_000_000;

/// A pair is a move only when both blocks lie more than this many blocks
/// from where the spine put them (closer, the spine's own steps do).
pub const FAR: usize = 3;

/// Finds the moves in `spine` (links in order, monotone): the moved
/// pairs, as 1-1 links with their scores, best first.
pub fn find(spine: &[CrossLink], scorer: &Scorer<'_>) -> Vec<CrossLink> {
    let (n, m) = (scorer.sides().source.len(), scorer.sides().target.len());
    // The full cost of each block's 1-1 spine link (infinite otherwise).
    let (mut held_s, mut held_t) = (vec![f64::INFINITY; n], vec![f64::INFINITY; m]);
    let mut disordered = Vec::with_capacity(spine.len());
    for l in spine {
        if let ([s], [t]) = (l.source.as_slice(), l.target.as_slice()) {
            let c = scorer.cost(&[*s], &[*t]).0;
            (held_s[*s], held_t[*t]) = (c, c);
            disordered.push(dp::score(c) < CONFIDENT);
        } else {
            disordered.push(true);
        }
    }
    let (mut sus_s, mut sus_t) = (Vec::new(), Vec::new());
    for (k, l) in spine.iter().enumerate() {
        let lo = k.saturating_sub(RADIUS);
        let hi = (k + RADIUS + 1).min(spine.len());
        if disordered[lo..hi].iter().any(|&d| d) {
            sus_s.extend(&l.source);
            sus_t.extend(&l.target);
        }
    }
    if (sus_s.len() + sus_t.len()) * n.max(m) > MAX_EVALUATIONS {
        return Vec::new();
    }
    let best_t = |s: usize| {
        best(
            &held_t,
            |t| scorer.cost(&[s], &[t]).0,
            |t| scorer.base_cost(&[s], &[t]),
        )
    };
    let best_s = |t: usize| {
        best(
            &held_s,
            |s| scorer.cost(&[s], &[t]).0,
            |s| scorer.base_cost(&[s], &[t]),
        )
    };
    let (at_t, at_s) = positions(spine, n, m);
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    let mut consider = |s: usize, t: usize, c: f64, margin: f64| {
        let far = at_t[s].abs_diff(t) > FAR && at_s[t].abs_diff(s) > FAR;
        if far && margin >= MIN_MARGIN && !pairs.iter().any(|p| p.0 == s || p.1 == t) {
            pairs.push((s, t, c));
        }
    };
    for &s in &sus_s {
        if let Some((t, c, m1)) = best_t(s) {
            if let Some((b, _, m2)) = best_s(t) {
                if b == s {
                    consider(s, t, c, m1.min(m2) - c);
                }
            }
        }
    }
    for &t in &sus_t {
        if let Some((s, c, m1)) = best_s(t) {
            if let Some((b, _, m2)) = best_t(s) {
                if b == t {
                    consider(s, t, c, m1.min(m2) - c);
                }
            }
        }
    }
    pairs.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)));
    pairs
        .into_iter()
        .map(|(s, t, c)| CrossLink {
            source: vec![s],
            target: vec![t],
            score: dp::score(c),
        })
        .collect()
}

/// For each source block, the target position the spine put it at (its
/// first target, else the first target after it), and the same for each
/// target block.
fn positions(spine: &[CrossLink], n: usize, m: usize) -> (Vec<usize>, Vec<usize>) {
    let (mut at_t, mut at_s) = (vec![m; n], vec![n; m]);
    let (mut next_t, mut next_s) = (m, n);
    for l in spine.iter().rev() {
        next_t = l.target.first().copied().unwrap_or(next_t);
        next_s = l.source.first().copied().unwrap_or(next_s);
        l.source.iter().for_each(|&s| at_t[s] = next_t);
        l.target.iter().for_each(|&t| at_s[t] = next_s);
    }
    (at_t, at_s)
}

/// The best partner `k` of a block by `cost`, among the blocks of the
/// other side that are free to take it (a block whose own 1-1 spine link,
/// of cost `held[k]`, is cheaper is not), with its cost and the cost of
/// the second best. `None` unless the best link is cheaper than leaving a
/// block unmatched. `base` (the cost without the lexicon, which lowers it
/// by at most its weight) skips hopeless ones.
fn best(
    held: &[f64],
    cost: impl Fn(usize) -> f64,
    base: impl Fn(usize) -> f64,
) -> Option<(usize, f64, f64)> {
    let mut out: Option<(usize, f64)> = None;
    let mut second = dp::SKIP_COST;
    for (k, &h) in held.iter().enumerate() {
        if base(k) - super::refine::LEX_WEIGHT >= second.min(h) {
            continue;
        }
        let c = cost(k);
        if c >= h || c >= second {
            continue;
        }
        match out {
            Some((_, b)) if c >= b => second = c,
            _ => {
                second = out.map_or(second, |o| o.1);
                out = Some((k, c));
            }
        }
    }
    out.map(|(k, c)| (k, c, second))
}

/// A move must be cheaper, by this many nats, than the second-best
/// partner of each of its blocks: a block that fits nowhere in particular
/// (a translator's note) is not moved.
pub const MIN_MARGIN: f64 = 1.0;

/// Most candidate moves tried (each try runs the spine again); fewer on
/// documents of more than about 700 blocks a side.
pub const MAX_TRIES: usize = 16;

/// Takes the candidate `moves` (best first) that lower the total cost of
/// the alignment, one at a time: the moved blocks out, the spine run again
/// on the rest. A pair of blocks that merely resemble each other is
/// refused: taking them out shifts every link between them, which costs
/// more than it saves.
pub fn apply(
    spine: Vec<CrossLink>,
    moves: Vec<CrossLink>,
    scorer: &Scorer<'_>,
    cal: &Calibration,
) -> Vec<CrossLink> {
    if moves.is_empty() {
        return spine;
    }
    let mut best_total = total(&spine, scorer);
    let mut best = spine;
    let mut accepted: Vec<CrossLink> = Vec::new();
    let (n, m) = (scorer.sides().source.len(), scorer.sides().target.len());
    let tries = ((8 << 20) / ((n + 1) * (m + 1))).clamp(1, MAX_TRIES);
    for m in moves.into_iter().take(tries) {
        accepted.push(m);
        let links = respine(&accepted, scorer, cal);
        let t = total(&links, scorer);
        if t < best_total {
            best_total = t;
            best = links;
        } else {
            accepted.pop();
        }
    }
    best
}

/// The full cost of an alignment: each link's step prior and cost.
fn total(links: &[CrossLink], scorer: &Scorer<'_>) -> f64 {
    links
        .iter()
        .map(|l| match (l.source.len(), l.target.len()) {
            (0, _) | (_, 0) => dp::SKIP_COST,
            (1, 1) => dp::PRIOR_ONE + scorer.cost(&l.source, &l.target).0,
            _ => dp::PRIOR_TWO + scorer.cost(&l.source, &l.target).0,
        })
        .sum()
}

/// Runs the spine again without the blocks of `moves` and returns its
/// links (indexes of the whole documents) followed by the moves.
fn respine(moves: &[CrossLink], scorer: &Scorer<'_>, cal: &Calibration) -> Vec<CrossLink> {
    let (source, target) = (scorer.sides().source, scorer.sides().target);
    let keep_s: Vec<usize> = (0..source.len())
        .filter(|i| !moves.iter().any(|l| l.source[0] == *i))
        .collect();
    let keep_t: Vec<usize> = (0..target.len())
        .filter(|j| !moves.iter().any(|l| l.target[0] == *j))
        .collect();
    let (s1, s2) = subset(source, &keep_s);
    let (t1, t2) = subset(target, &keep_t);
    let mut links = super::spine(cal, &s1, &t1, &s2, &t2);
    for l in &mut links {
        l.source.iter_mut().for_each(|i| *i = keep_s[*i]);
        l.target.iter_mut().for_each(|j| *j = keep_t[*j]);
    }
    links.extend(moves.iter().cloned());
    links
}

/// The features of the blocks `keep` of a side, and of each adjacent pair
/// of them.
fn subset(side: &[Features], keep: &[usize]) -> (Vec<Features>, Vec<Features>) {
    let one: Vec<Features> = keep.iter().map(|&i| side[i].clone()).collect();
    let two = one.windows(2).map(|w| w[0].merge(&w[1])).collect();
    (one, two)
}
