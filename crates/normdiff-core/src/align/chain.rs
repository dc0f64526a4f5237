//! The monotone spine of an alignment: the heaviest chain of candidate
//! pairs `(old, new)` strictly increasing on both sides.
//!
//! This is the monotone dynamic programme of the alignment over the sparse
//! set of scored candidate pairs rather than the full n×m grid: pairs are
//! taken in old-document order and a Fenwick tree over new-document
//! positions gives the best chain ending before each pair, so the cost is
//! O(P log P) for P candidate pairs.

/// A scored candidate pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pair {
    pub old: usize,
    pub new: usize,
    /// Positive gain of keeping this pair on the spine.
    pub gain: f64,
}

/// Prefix-maximum Fenwick tree over new-document positions.
struct Fenwick {
    tree: Vec<(f64, usize)>,
}

const NONE: usize = usize::MAX;

impl Fenwick {
    fn new(n: usize) -> Self {
        Fenwick {
            tree: vec![(0.0, NONE); n + 1],
        }
    }
    /// Best (value, pair) over positions `< pos`.
    fn query(&self, pos: usize) -> (f64, usize) {
        let mut i = pos;
        let mut best = (0.0, NONE);
        while i > 0 {
            if self.tree[i].0 > best.0 {
                best = self.tree[i];
            }
            i &= i - 1;
        }
        best
    }
    /// Records `value` for pair `id` at position `pos`.
    fn update(&mut self, pos: usize, value: f64, id: usize) {
        let mut i = pos + 1;
        while i < self.tree.len() {
            if value > self.tree[i].0 {
                self.tree[i] = (value, id);
            }
            i += i & i.wrapping_neg();
        }
    }
}

/// The heaviest chain of `pairs` strictly increasing in both `old` and
/// `new`, returned in order. `n_new` bounds the new positions.
pub(crate) fn heaviest_chain(mut pairs: Vec<Pair>, n_new: usize) -> Vec<Pair> {
    pairs.retain(|p| p.gain > 0.0 && p.new < n_new);
    pairs.sort_by(|a, b| a.old.cmp(&b.old).then(a.new.cmp(&b.new)));
    let mut fen = Fenwick::new(n_new);
    let mut score = vec![0.0; pairs.len()];
    let mut back = vec![NONE; pairs.len()];
    let mut k = 0;
    while k < pairs.len() {
        let group_end = pairs[k..]
            .iter()
            .position(|p| p.old != pairs[k].old)
            .map_or(pairs.len(), |d| k + d);
        for id in k..group_end {
            let (best, from) = fen.query(pairs[id].new);
            score[id] = best + pairs[id].gain;
            back[id] = from;
        }
        for id in k..group_end {
            fen.update(pairs[id].new, score[id], id);
        }
        k = group_end;
    }
    let (_, mut at) = fen.query(n_new);
    let mut chain = Vec::new();
    while at != NONE {
        chain.push(pairs[at]);
        at = back[at];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(old: usize, new: usize, gain: f64) -> Pair {
        Pair { old, new, gain }
    }

    #[test]
    fn keeps_the_heaviest_monotone_chain() {
        let pairs = vec![
            p(0, 0, 1.0),
            p(1, 1, 1.0),
            p(2, 2, 1.0),
            p(1, 3, 0.5),
            p(3, 1, 0.4),
        ];
        let got: Vec<_> = heaviest_chain(pairs, 4)
            .iter()
            .map(|p| (p.old, p.new))
            .collect();
        assert_eq!(got, vec![(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn one_pair_per_block() {
        let pairs = vec![p(0, 0, 1.0), p(0, 1, 1.0), p(1, 1, 0.1)];
        let got = heaviest_chain(pairs, 2);
        assert_eq!(got.len(), 2);
        assert!(got
            .windows(2)
            .all(|w| w[0].old < w[1].old && w[0].new < w[1].new));
    }

    #[test]
    fn empty_input() {
        assert!(heaviest_chain(vec![], 0).is_empty());
    }
}
