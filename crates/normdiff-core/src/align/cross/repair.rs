//! Last pass of the cross-language aligner: exchanges of partners.
//!
//! The spine ([`super::dp`]) has no lexicon, and the move search
//! ([`super::moves`]) only looks near disorder, so a moved paragraph next
//! to a near-duplicate one can end with its translation held by the
//! neighbour at full confidence, the neighbour's own translation held by
//! the next one, and so on, with one block left unmatched at each end of
//! the chain (or no block at all: two links with their targets swapped).
//! This pass works on the final links with the full cost
//! ([`Scorer::cost`]: length, evidence and lexicon) and tries
//! **alternating paths**: a block that needs a partner takes one of its
//! [`BRANCH`] best partners; the block that held that partner needs one in
//! turn, and so on for at most [`DEPTH`] links, until a partner is taken
//! that was unmatched. It starts from
//! - each unmatched block (a path that ends on an unmatched block of the
//!   other side pairs both ends), and
//! - each **odd** 1-1 link (scoring under [`LOW_CONFIDENCE`], or whose
//!   target lies more than [`super::moves::FAR`] blocks outside the
//!   targets of its neighbours in source order), broken: a path that ends
//!   on the broken link's other block is a cycle (two links swap their
//!   targets, or three rotate them).
//!
//! A path is taken only when every link it makes scores at least
//! [`LOW_CONFIDENCE`] and the alignment's total cost (step priors, link
//! costs, [`dp::SKIP_COST`] for each unmatched block) falls by more than
//! [`MARGIN`]; the best path is taken, then the search runs again, at most
//! [`MAX_ROUNDS`] times. Blocks of 1-2 and 2-1 links are left as they are.
//! A translator's note scores under [`LOW_CONFIDENCE`] with every block,
//! so it is never taken into a path.

use super::dp;
use super::refine::{order, Scorer, LEX_WEIGHT};
use super::{CrossLink, LOW_CONFIDENCE};

/// Candidate partners tried for each block of a path.
pub const BRANCH: usize = 3;

/// Most links made by one path.
pub const DEPTH: usize = 4;

/// A path must lower the total cost by more than this many nats.
pub const MARGIN: f64 = 1.0;

/// Paths are ranked by their change of total cost plus this many nats
/// for each link they move a block out of: of two paths that end alike,
/// the one that disturbs fewer links is taken (a near-duplicate paragraph
/// pulled into a longer chain saves a little and is usually wrong).
pub const DISPLACE: f64 = 1.0;

/// Most paths taken.
pub const MAX_ROUNDS: usize = 8;

/// Most link costs computed by the pass (blocks whose partners are
/// listed times the other document's blocks); past it, the paths found
/// so far are all that is tried.
pub const MAX_EVALUATIONS: usize = 400_000;

/// The highest cost of a link a path may make (a score of
/// [`LOW_CONFIDENCE`]).
fn max_link_cost() -> f64 {
    2.0 - (1.0 / LOW_CONFIDENCE - 1.0).ln()
}

/// What holds a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Nothing: the block is unmatched.
    Free,
    /// A 1-2 or 2-1 link, which this pass does not touch.
    Locked,
    /// A 1-1 link with this block of the other side.
    With(usize),
}

/// An alternating path: the links it makes (`x` of the side the path
/// started on, `y` of the other), the change of total cost and its rank
/// ([`DISPLACE`]).
#[derive(Debug, Clone)]
struct Path {
    delta: f64,
    rank: f64,
    links: Vec<(usize, usize)>,
}

/// A block's best partners and their costs, cheapest first.
type Partners = Vec<(usize, f64)>;

/// The state of the pass: what holds each block of each side (0 source,
/// 1 target), and each block's best partners once listed.
struct Repair<'c> {
    /// The full cost of linking a source block with a target block.
    cost: &'c dyn Fn(usize, usize) -> f64,
    /// Its length and evidence part (a lower bound up to [`LEX_WEIGHT`]).
    base: &'c dyn Fn(usize, usize) -> f64,
    slots: [Vec<Slot>; 2],
    top: [Vec<Option<Partners>>; 2],
    evaluations: usize,
}

impl Repair<'_> {
    /// The cost of linking block `x` of `side` with block `y` of the
    /// other side.
    fn cost(&self, side: usize, x: usize, y: usize) -> f64 {
        if side == 0 {
            (self.cost)(x, y)
        } else {
            (self.cost)(y, x)
        }
    }

    fn base_cost(&self, side: usize, x: usize, y: usize) -> f64 {
        if side == 0 {
            (self.base)(x, y)
        } else {
            (self.base)(y, x)
        }
    }

    /// The [`BRANCH`] best partners of block `x` of `side` that a path
    /// may link it with (not locked, a link scoring at least
    /// [`LOW_CONFIDENCE`]), cheapest first; `None` past the budget.
    fn top(&mut self, side: usize, x: usize) -> Option<Vec<(usize, f64)>> {
        if let Some(t) = &self.top[side][x] {
            return Some(t.clone());
        }
        let other = self.slots[1 - side].len();
        if self.evaluations + other > MAX_EVALUATIONS {
            return None;
        }
        self.evaluations += other;
        let limit = max_link_cost();
        let mut best: Vec<(usize, f64)> = Vec::with_capacity(BRANCH + 1);
        for y in 0..other {
            if self.slots[1 - side][y] == Slot::Locked {
                continue;
            }
            let worst = if best.len() == BRANCH {
                best[BRANCH - 1].1
            } else {
                limit
            };
            if self.base_cost(side, x, y) - LEX_WEIGHT > worst {
                continue;
            }
            let c = self.cost(side, x, y);
            if c <= worst {
                let at = best.partition_point(|b| b.1 <= c);
                best.insert(at, (y, c));
                best.truncate(BRANCH);
            }
        }
        self.top[side][x] = Some(best.clone());
        Some(best)
    }

    /// Extends the path `links` at block `x` of `side`, which needs a
    /// partner (the total so far `acc` counts it unmatched); `forbid` is a
    /// partner it may not take back. Keeps the cheapest complete path in
    /// `found`.
    fn extend(
        &mut self,
        side: usize,
        x: usize,
        acc: f64,
        forbid: Option<usize>,
        links: &mut Vec<(usize, usize)>,
        found: &mut Option<Path>,
    ) {
        let Some(top) = self.top(side, x) else { return };
        for (y, c) in top {
            if Some(y) == forbid || links.iter().any(|l| l.1 == y) {
                continue;
            }
            let step = acc - dp::SKIP_COST + dp::PRIOR_ONE + c;
            links.push((x, y));
            match self.slots[1 - side][y] {
                Slot::Free => {
                    let delta = step - dp::SKIP_COST;
                    let rank = delta + DISPLACE * (links.len() - 1) as f64;
                    if found.as_ref().is_none_or(|f| rank < f.rank) {
                        *found = Some(Path {
                            delta,
                            rank,
                            links: links.clone(),
                        });
                    }
                }
                Slot::With(x2) if links.len() < DEPTH => {
                    let old = self.cost(side, x2, y);
                    let acc2 = step - old - dp::PRIOR_ONE + dp::SKIP_COST;
                    self.extend(side, x2, acc2, None, links, found);
                }
                _ => {}
            }
            links.pop();
        }
    }

    /// The best path from block `x` of `side`: from it as it is when
    /// unmatched, or with its 1-1 link broken first.
    fn path_from(&mut self, side: usize, x: usize) -> Option<Path> {
        let mut found = None;
        match self.slots[side][x] {
            Slot::Free => self.extend(side, x, 0.0, None, &mut Vec::new(), &mut found),
            Slot::With(y0) => {
                let c0 = self.cost(side, x, y0);
                self.slots[side][x] = Slot::Free;
                self.slots[1 - side][y0] = Slot::Free;
                let acc = 2.0 * dp::SKIP_COST - c0 - dp::PRIOR_ONE;
                self.extend(side, x, acc, Some(y0), &mut Vec::new(), &mut found);
                self.slots[side][x] = Slot::With(y0);
                self.slots[1 - side][y0] = Slot::With(x);
            }
            Slot::Locked => {}
        }
        found
    }

    /// Takes `path`, which started at block `x0` of `side`.
    fn take(&mut self, side: usize, x0: usize, path: &Path) {
        if let Slot::With(y0) = self.slots[side][x0] {
            self.slots[1 - side][y0] = Slot::Free;
            self.slots[side][x0] = Slot::Free;
        }
        for &(x, y) in &path.links {
            self.slots[side][x] = Slot::With(y);
            self.slots[1 - side][y] = Slot::With(x);
        }
    }

    /// The sources of odd 1-1 links (see the module docs), in order.
    fn odd_links(&self) -> Vec<usize> {
        let pairs: Vec<(usize, usize)> = self.slots[0]
            .iter()
            .enumerate()
            .filter_map(|(s, slot)| match slot {
                Slot::With(t) => Some((s, *t)),
                _ => None,
            })
            .collect();
        let far = super::moves::FAR;
        let mut out = Vec::new();
        for (k, &(s, t)) in pairs.iter().enumerate() {
            let lo = k.checked_sub(1).map_or(0, |p| pairs[p].1);
            let hi = pairs.get(k + 1).map_or(usize::MAX, |p| p.1);
            let outside = t + far < lo.min(hi) || t > lo.max(hi).saturating_add(far);
            if outside || dp::score(self.cost(0, s, t)) < LOW_CONFIDENCE {
                out.push(s);
            }
        }
        out
    }

    /// One round: the best path from any start, taken when it lowers the
    /// total cost by more than [`MARGIN`]. Returns whether one was taken.
    fn round(&mut self) -> bool {
        let mut starts: Vec<(usize, usize)> = Vec::new();
        for side in 0..2 {
            starts.extend(
                (0..self.slots[side].len())
                    .filter(|&x| self.slots[side][x] == Slot::Free)
                    .map(|x| (side, x)),
            );
        }
        for s in self.odd_links() {
            if let Slot::With(t) = self.slots[0][s] {
                starts.push((0, s));
                starts.push((1, t));
            }
        }
        let mut best: Option<(usize, usize, Path)> = None;
        for (side, x) in starts {
            if let Some(p) = self.path_from(side, x) {
                if p.delta < -MARGIN && best.as_ref().is_none_or(|b| p.rank < b.2.rank) {
                    best = Some((side, x, p));
                }
            }
        }
        match best {
            Some((side, x, p)) => {
                self.take(side, x, &p);
                true
            }
            None => false,
        }
    }
}

/// Runs the pass over `links` (the second pass's output) with the costs
/// of `scorer`; returns the links, in source order.
pub fn repair(links: Vec<CrossLink>, scorer: &Scorer<'_>) -> Vec<CrossLink> {
    let (n, m) = (scorer.sides().source.len(), scorer.sides().target.len());
    repair_with(links, (n, m), &|s, t| scorer.cost(&[s], &[t]).0, &|s, t| {
        scorer.base_cost(&[s], &[t])
    })
}

/// [`repair`] for `n` source and `m` target blocks, given the full cost
/// of a 1-1 link and its length and evidence part.
fn repair_with(
    links: Vec<CrossLink>,
    (n, m): (usize, usize),
    cost: &dyn Fn(usize, usize) -> f64,
    base: &dyn Fn(usize, usize) -> f64,
) -> Vec<CrossLink> {
    let mut slots = [vec![Slot::Free; n], vec![Slot::Free; m]];
    for l in &links {
        match (l.source.as_slice(), l.target.as_slice()) {
            ([s], [t]) => {
                slots[0][*s] = Slot::With(*t);
                slots[1][*t] = Slot::With(*s);
            }
            (ss, ts) if !ss.is_empty() && !ts.is_empty() => {
                ss.iter().for_each(|&s| slots[0][s] = Slot::Locked);
                ts.iter().for_each(|&t| slots[1][t] = Slot::Locked);
            }
            _ => {}
        }
    }
    let mut r = Repair {
        cost,
        base,
        slots,
        top: [vec![None; n], vec![None; m]],
        evaluations: 0,
    };
    let mut changed = false;
    for _ in 0..MAX_ROUNDS {
        if !r.round() {
            break;
        }
        changed = true;
    }
    if !changed {
        return links;
    }
    rebuild(links, &r)
}

/// The links after the pass: the untouched ones as they were, the new 1-1
/// links scored, the blocks left unmatched alone.
fn rebuild(links: Vec<CrossLink>, r: &Repair<'_>) -> Vec<CrossLink> {
    let [slots_s, slots_t] = &r.slots;
    let mut out: Vec<CrossLink> = Vec::with_capacity(links.len());
    let mut done = vec![false; slots_s.len()];
    for l in links {
        match (l.source.as_slice(), l.target.as_slice()) {
            ([s], [t]) if slots_s[*s] == Slot::With(*t) => {
                done[*s] = true;
                out.push(l);
            }
            (ss, ts) if !ss.is_empty() && !ts.is_empty() && ss.len() + ts.len() > 2 => out.push(l),
            _ => {}
        }
    }
    let lone = |source: Vec<usize>, target: Vec<usize>| CrossLink {
        source,
        target,
        score: 0.0,
    };
    for (s, slot) in slots_s.iter().enumerate() {
        match *slot {
            Slot::With(t) if !done[s] => out.push(CrossLink {
                source: vec![s],
                target: vec![t],
                score: dp::score(r.cost(0, s, t)),
            }),
            Slot::Free => out.push(lone(vec![s], vec![])),
            _ => {}
        }
    }
    for (t, slot) in slots_t.iter().enumerate() {
        if *slot == Slot::Free {
            out.push(lone(vec![], vec![t]));
        }
    }
    order(out, slots_t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(s: &[usize], t: &[usize]) -> CrossLink {
        CrossLink {
            source: s.to_vec(),
            target: t.to_vec(),
            score: 0.9,
        }
    }

    fn pairs(links: &[CrossLink]) -> Vec<(Vec<usize>, Vec<usize>)> {
        links
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect()
    }

    /// Costs where source `i` translates target `gold[i]` (cost −4), a
    /// near-duplicate pair of sources both fit each other's target fairly
    /// well (`near`, cost 0), and everything else is unrelated (cost 6).
    fn costs(
        gold: &'static [usize],
        near: &'static [(usize, usize)],
    ) -> impl Fn(usize, usize) -> f64 {
        move |s, t| {
            if gold[s] == t {
                -4.0
            } else if near.contains(&(s, t)) {
                0.0
            } else {
                6.0
            }
        }
    }

    fn run(links: Vec<CrossLink>, n: usize, cost: &dyn Fn(usize, usize) -> f64) -> Vec<CrossLink> {
        repair_with(links, (n, n), cost, &|s, t| cost(s, t) + LEX_WEIGHT)
    }

    #[test]
    fn a_chain_ending_on_unmatched_blocks_is_rewired() {
        // Source 1 moved to target 4; sources 2 and 3 shifted onto the
        // near-duplicate targets before their own, source 4 and target 4
        // left unmatched.
        const GOLD: [usize; 5] = [0, 4, 1, 2, 3];
        let cost = costs(&GOLD, &[(1, 1), (2, 2), (3, 3)]);
        let links = vec![
            link(&[0], &[0]),
            link(&[1], &[1]),
            link(&[2], &[2]),
            link(&[3], &[3]),
            link(&[4], &[]),
            link(&[], &[4]),
        ];
        let out = run(links, 5, &cost);
        let want: Vec<(Vec<usize>, Vec<usize>)> =
            (0..5).map(|s| (vec![s], vec![GOLD[s]])).collect();
        assert_eq!(pairs(&out), want);
        assert!(out[1..].iter().all(|l| l.score > 0.99));
    }

    #[test]
    fn two_links_with_swapped_targets_are_swapped_back() {
        // Targets 1 and 8 swapped (each a near-duplicate of the other's
        // source): both links lie far outside their neighbours' targets.
        const GOLD: [usize; 10] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        let cost = costs(&GOLD, &[(1, 8), (8, 1)]);
        let mut links: Vec<CrossLink> = (0..10).map(|i| link(&[i], &[i])).collect();
        links[1].target = vec![8];
        links[8].target = vec![1];
        let out = run(links, 10, &cost);
        let want: Vec<(Vec<usize>, Vec<usize>)> = (0..10).map(|s| (vec![s], vec![s])).collect();
        assert_eq!(pairs(&out), want);
    }

    #[test]
    fn unmatched_blocks_that_fit_nothing_stay_unmatched() {
        // A translator's note (target 2) and a deleted paragraph's source
        // (source 2): no link scores at least LOW_CONFIDENCE for them.
        let cost = |s: usize, t: usize| match (s, t) {
            (0, 0) | (1, 1) | (3, 3) => -4.0,
            (2, 2) => 3.0,
            _ => 6.0,
        };
        let links = vec![
            link(&[0], &[0]),
            link(&[1], &[1]),
            link(&[2], &[]),
            link(&[], &[2]),
            link(&[3], &[3]),
        ];
        let out = run(links.clone(), 4, &cost);
        assert_eq!(pairs(&out), pairs(&links));
    }

    #[test]
    fn blocks_of_two_block_links_are_left_alone() {
        let cost = |s: usize, t: usize| if s == t { -4.0 } else { 6.0 };
        let links = vec![link(&[0], &[0, 1]), link(&[1], &[]), link(&[2], &[2])];
        let out = run(links.clone(), 3, &cost);
        assert_eq!(pairs(&out), pairs(&links));
    }
}
