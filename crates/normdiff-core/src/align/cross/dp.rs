//! Costs and the monotone dynamic programme of the cross-language aligner.
//!
//! A candidate link joins `a` source blocks with `b` target blocks,
//! `(a, b)` one of 1-1, 1-0, 0-1, 1-2, 2-1. Its cost, in nats, is a step
//! prior plus a length cost plus an evidence cost:
//!
//! - **step prior**: `-ln P(step)` with Gale and Church's priors (1-1: 0.89,
//!   1-2 and 2-1: 0.089 split evenly, 1-0 and 0-1: a fixed [`SKIP_COST`]);
//! - **length** (Gale–Church): `δ = (l_t − c·l_s) / sqrt(s²·(c·l_s + l_t)/2)`
//!   where `c` is the ratio of total target to total source length of this
//!   very pair of documents and `s² =` [`VARIANCE`]; the cost is
//!   `-ln(2·(1 − Φ(|δ|)))`, 0 for a perfect ratio, capped at [`MAX_COST`];
//! - **evidence** ([`Calibration::evidence`]): negative when labels, anchors,
//!   cognates and punctuation agree, positive when they disagree.
//!
//! The score of a link is `1 / (1 + e^(cost − step prior − 2))`: 0.88 for a
//! link with perfect length and no evidence either way, near 1 with agreeing
//! labels or anchors, under 0.5 ("low confidence") when length and
//! evidence argue against it. Unmatched blocks score 0.

use super::evidence::{common, dice, Features};

/// Cost of leaving one block unmatched (1-0 or 0-1).
pub const SKIP_COST: f64 = 4.5;
/// Gale and Church's variance of the length ratio, per character.
pub const VARIANCE: f64 = 6.8;
/// Ceiling of one length or evidence cost.
pub const MAX_COST: f64 = 25.0;

/// Step prior of a 1-1 link, `-ln 0.89`.
pub const PRIOR_ONE: f64 = 0.1165;
/// Step prior of a 1-2 or 2-1 link, `-ln 0.0445`.
pub const PRIOR_TWO: f64 = 3.1160;

/// Constants calibrated on the document pair before the DP runs.
#[derive(Debug, Clone, Copy)]
pub struct Calibration {
    /// Expected target length per source character.
    pub ratio: f64,
    /// Cognate Dice expected of a true pair (both Latin).
    pub cognate_true: f64,
    /// Cognate Dice expected of an unrelated pair.
    pub cognate_false: f64,
}

/// Standard normal upper tail 2·(1 − Φ(|x|)), by the Abramowitz–Stegun
/// 7.1.26 approximation of erfc (error below 1.5e-7).
fn two_tail(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    poly * (-z * z).exp()
}

impl Calibration {
    /// Calibrates on the pair: the length ratio from the totals, the
    /// cognate levels from the blocks near the diagonal (likely true pairs)
    /// and half a document away from it (likely unrelated).
    pub fn of(source: &[Features], target: &[Features]) -> Calibration {
        let ls: f64 = source.iter().map(|f| f.len).sum();
        let lt: f64 = target.iter().map(|f| f.len).sum();
        let ratio = if ls > 0.0 && lt > 0.0 { lt / ls } else { 1.0 };
        let (n, m) = (source.len(), target.len());
        let (mut t_sum, mut f_sum, mut count) = (0.0, 0.0, 0usize);
        if n > 2 && m > 2 {
            for (i, s) in source.iter().enumerate() {
                if !s.latin || s.cognates.is_empty() {
                    continue;
                }
                let d = i * m / n;
                let near = (d.saturating_sub(1)..(d + 2).min(m))
                    .map(|j| dice(&s.cognates, &target[j].cognates))
                    .fold(0.0, f64::max);
                let far = dice(&s.cognates, &target[(d + m / 2) % m].cognates);
                t_sum += near;
                f_sum += far;
                count += 1;
            }
        }
        let (cognate_true, cognate_false) = if count > 0 {
            (t_sum / count as f64, f_sum / count as f64)
        } else {
            (0.0, 0.0)
        };
        Calibration {
            ratio,
            cognate_true,
            cognate_false,
        }
    }

    /// The Gale–Church length cost of `ls` source and `lt` target
    /// characters.
    pub fn length(&self, ls: f64, lt: f64) -> f64 {
        let mean = (self.ratio * ls + lt) / 2.0;
        let delta = (lt - self.ratio * ls) / (VARIANCE * mean.max(1.0)).sqrt();
        let p = two_tail(delta).max(1e-12);
        (-p.ln()).min(MAX_COST)
    }

    /// The evidence cost of linking `s` with `t` (negative supports).
    pub fn evidence(&self, s: &Features, t: &Features) -> f64 {
        let mut cost = 0.0;
        // Labels: the strongest evidence when both sides carry one.
        match (s.labels.is_empty(), t.labels.is_empty()) {
            (false, false) => {
                if common(&s.labels, &t.labels) > 0 {
                    cost -= 4.0;
                } else {
                    cost += 6.0;
                }
            }
            (true, true) => {}
            _ => cost += 1.5,
        }
        // Anchors: each shared one supports, each lone one argues against.
        let shared = common(&s.anchors, &t.anchors) as f64;
        let lone = (s.anchors.len() + t.anchors.len()) as f64 - 2.0 * shared;
        cost += -2.0 * shared.min(5.0) + (1.5 * lone).min(6.0);
        // Cognates between Latin-script texts, against the calibrated levels.
        let spread = self.cognate_true - self.cognate_false;
        if s.latin && t.latin && spread > 0.02 {
            let d = dice(&s.cognates, &t.cognates);
            let mid = (self.cognate_true + self.cognate_false) / 2.0;
            cost += (3.0 * (mid - d) / spread).clamp(-4.0, 4.0);
        }
        // Punctuation profile.
        let mut diff = 0.0;
        for (a, b) in s.punct.iter().zip(&t.punct) {
            let (a, b) = (f64::from(*a), f64::from(*b));
            diff += (a - b).abs() / (1.0 + a.max(b));
        }
        cost += 0.4 * diff;
        cost.clamp(-MAX_COST, MAX_COST)
    }
}

/// One step of the best path: `(a, b)` blocks taken on each side, ending
/// at source `i` and target `j` (exclusive), with its cost.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// Source blocks taken (0, 1 or 2).
    pub a: usize,
    /// Target blocks taken (0, 1 or 2).
    pub b: usize,
    /// Source blocks consumed before this step.
    pub i: usize,
    /// Target blocks consumed before this step.
    pub j: usize,
    /// The link's cost without its step prior.
    pub cost: f64,
}

const STEPS: [(usize, usize, f64); 5] = [
    (1, 1, PRIOR_ONE),
    (1, 0, SKIP_COST),
    (0, 1, SKIP_COST),
    (2, 1, PRIOR_TWO),
    (1, 2, PRIOR_TWO),
];

/// Most DP cells visited (and back-pointer bytes kept) for one document
/// pair: 64 Mi, one byte each. Within it the band is the classic one
/// (`30 + |n − m| + max(n, m)/10` blocks either side of the diagonal);
/// past it the band narrows so that the cells stay under this budget, and
/// memory and time stay linear in the number of blocks.
pub const MAX_CELLS: usize = 64 << 20;

/// Runs the DP over `source` and `target` (per-block features) and
/// `source2`/`target2` (features of blocks `k` and `k + 1` merged, at
/// `k`). Cells farther than a band from the diagonal are not visited, so
/// time and memory grow with `(n + m) · band`, not `n · m`, and never past
/// [`MAX_CELLS`].
pub fn best_path(
    cal: &Calibration,
    source: &[Features],
    target: &[Features],
    source2: &[Features],
    target2: &[Features],
) -> Vec<Step> {
    best_path_within(
        cal,
        &Sides {
            source,
            target,
            source2,
            target2,
        },
        MAX_CELLS,
    )
}

/// The features of both documents, single blocks and merged pairs.
struct Sides<'a> {
    source: &'a [Features],
    target: &'a [Features],
    source2: &'a [Features],
    target2: &'a [Features],
}

impl Sides<'_> {
    /// The cost (without step prior) of step `(a, b)` ending at `(i, j)`.
    fn link(&self, cal: &Calibration, a: usize, b: usize, i: usize, j: usize) -> f64 {
        match (a, b) {
            (1, 0) | (0, 1) => 0.0,
            _ => {
                let s = if a == 2 {
                    &self.source2[i - 2]
                } else {
                    &self.source[i - 1]
                };
                let t = if b == 2 {
                    &self.target2[j - 2]
                } else {
                    &self.target[j - 1]
                };
                cal.length(s.len, t.len) + cal.evidence(s, t)
            }
        }
    }
}

/// The visited cells: for each source position `i` in `0..=n`, the target
/// positions `lo..=hi`, and where that row starts in the back-pointers.
struct Band {
    rows: Vec<(usize, usize)>,
    starts: Vec<usize>,
}

impl Band {
    /// The classic band when it fits in `max_cells`, else a narrower one
    /// that still joins `(0, 0)` to `(n, m)` (each row reaches the next
    /// row's diagonal).
    fn new(n: usize, m: usize, max_cells: usize) -> Band {
        let diag = |i: usize| (i * m).checked_div(n).unwrap_or(0);
        let band = 30 + n.abs_diff(m) + n.max(m) / 10;
        let classic = |i: usize| (diag(i).saturating_sub(band), (diag(i) + band).min(m));
        let count = |r: &[(usize, usize)]| r.iter().map(|(lo, hi)| hi + 1 - lo).sum::<usize>();
        let mut rows: Vec<_> = (0..=n).map(classic).collect();
        if count(&rows) > max_cells {
            let width = (max_cells.saturating_sub(n + m + 1) / (2 * (n + 1))).max(2);
            rows = (0..=n)
                .map(|i| {
                    let next = if i < n { diag(i + 1) } else { m };
                    (diag(i).saturating_sub(width), (next + width).min(m))
                })
                .collect();
        }
        let mut starts = Vec::with_capacity(rows.len());
        let mut total = 0;
        for (lo, hi) in &rows {
            starts.push(total);
            total += hi + 1 - lo;
        }
        Band { rows, starts }
    }

    /// The number of cells.
    fn cells(&self) -> usize {
        self.rows.last().map_or(0, |(lo, hi)| hi + 1 - lo)
            + self.starts.last().copied().unwrap_or(0)
    }

    /// The back-pointer index of `(i, j)`, if that cell is in the band.
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let (lo, hi) = self.rows[i];
        (lo..=hi).contains(&j).then(|| self.starts[i] + j - lo)
    }
}

/// The DP with at most `max_cells` cells (see [`best_path`]).
fn best_path_within(cal: &Calibration, sides: &Sides, max_cells: usize) -> Vec<Step> {
    let (n, m) = (sides.source.len(), sides.target.len());
    let band = Band::new(n, m, max_cells);
    // back[cell] = 1 + index in STEPS of the best step into it, 0 if none.
    let mut back = vec![0u8; band.cells()];
    // The best costs of the last three rows (i − 2, i − 1, i).
    let mut best: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for i in 0..=n {
        let (lo, hi) = band.rows[i];
        let mut row = std::mem::take(&mut best[0]);
        row.clear();
        row.resize(hi + 1 - lo, f64::INFINITY);
        best.rotate_left(1);
        // best[0] is row i − 2, best[1] row i − 1; row i is built in `row`.
        let cost_at = |best: &[Vec<f64>; 3], row: &[f64], a: usize, j: usize| -> f64 {
            let (r, data) = match a {
                0 => (i, row),
                1 => (i - 1, best[1].as_slice()),
                _ => (i - 2, best[0].as_slice()),
            };
            let (rlo, rhi) = band.rows[r];
            if (rlo..=rhi).contains(&j) {
                data[j - rlo]
            } else {
                f64::INFINITY
            }
        };
        for j in lo..=hi {
            if (i, j) == (0, 0) {
                row[0] = 0.0;
                continue;
            }
            for (k, &(a, b, prior)) in STEPS.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let prev = cost_at(&best, &row, a, j - b);
                if !prev.is_finite() {
                    continue;
                }
                let total = prev + prior + sides.link(cal, a, b, i, j);
                if total < row[j - lo] {
                    row[j - lo] = total;
                    back[band.starts[i] + j - lo] = k as u8 + 1;
                }
            }
        }
        best[2] = row;
    }
    trace_back(cal, sides, &band, &back)
}

/// Follows the back-pointers from `(n, m)` to `(0, 0)`.
fn trace_back(cal: &Calibration, sides: &Sides, band: &Band, back: &[u8]) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut i, mut j) = (sides.source.len(), sides.target.len());
    while i > 0 || j > 0 {
        let code = band.index(i, j).map_or(0, |c| back[c]);
        let (a, b) = match code {
            // Unreachable cell (cannot happen: the band always contains a
            // path of skips along its edge); fall back to skipping.
            0 if i > 0 => (1, 0),
            0 => (0, 1),
            k => (STEPS[usize::from(k) - 1].0, STEPS[usize::from(k) - 1].1),
        };
        let cost = if code == 0 {
            0.0
        } else {
            sides.link(cal, a, b, i, j)
        };
        steps.push(Step {
            a,
            b,
            i: i - a,
            j: j - b,
            cost,
        });
        i -= a;
        j -= b;
    }
    steps.reverse();
    steps
}

/// The score of a link of cost `cost` (without its step prior).
pub fn score(cost: f64) -> f64 {
    1.0 / (1.0 + (cost - 2.0).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_matches_known_values() {
        assert!((two_tail(0.0) - 1.0).abs() < 1e-6);
        assert!((two_tail(1.96) - 0.05).abs() < 1e-3);
        assert!((two_tail(-1.96) - 0.05).abs() < 1e-3);
    }

    #[test]
    fn length_cost_is_zero_at_the_calibrated_ratio() {
        let cal = Calibration {
            ratio: 1.2,
            cognate_true: 0.0,
            cognate_false: 0.0,
        };
        assert!(cal.length(100.0, 120.0) < 1e-3);
        assert!(cal.length(100.0, 300.0) > 5.0);
        assert!(cal.length(100.0, 150.0) > 1.0);
        assert!(cal.length(0.0, 0.0) < 1e-3);
    }

    /// The DP as it was before the band was stored sparsely: full n×m
    /// tables, the classic band. The reference for the equivalence test.
    fn full_table_path(cal: &Calibration, sides: &Sides) -> Vec<Step> {
        let (n, m) = (sides.source.len(), sides.target.len());
        let band = 30 + n.abs_diff(m) + n.max(m) / 10;
        let in_band = |i: usize, j: usize| {
            let d = (i * m).checked_div(n).unwrap_or(0);
            j.abs_diff(d) <= band
        };
        let w = m + 1;
        let mut best = vec![f64::INFINITY; (n + 1) * w];
        let mut back: Vec<(u8, u8, f64)> = vec![(0, 0, 0.0); (n + 1) * w];
        best[0] = 0.0;
        for i in 0..=n {
            for j in 0..=m {
                if (i, j) == (0, 0) || !in_band(i, j) {
                    continue;
                }
                for &(a, b, prior) in &STEPS {
                    if a > i || b > j || !best[(i - a) * w + (j - b)].is_finite() {
                        continue;
                    }
                    let link = sides.link(cal, a, b, i, j);
                    let total = best[(i - a) * w + (j - b)] + prior + link;
                    if total < best[i * w + j] {
                        best[i * w + j] = total;
                        back[i * w + j] = (a as u8, b as u8, link);
                    }
                }
            }
        }
        let mut steps = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (a, b, cost) = back[i * w + j];
            let (a, b) = (usize::from(a), usize::from(b));
            assert!(a + b > 0, "the classic band is connected");
            steps.push(Step {
                a,
                b,
                i: i - a,
                j: j - b,
                cost,
            });
            i -= a;
            j -= b;
        }
        steps.reverse();
        steps
    }

    /// Block texts drawn from a few labels, numbers and words, so that
    /// evidence both agrees and disagrees.
    fn block_text() -> impl proptest::strategy::Strategy<Value = String> {
        let word = proptest::sample::select(vec![
            "Article 1",
            "Article 2",
            "13.",
            "14.",
            "a)",
            "A/RES/70/1",
            "2021",
            "mai",
            "May",
            "développement",
            "development",
            "durable",
            "Internet",
            "ICANN",
            "право",
            "التنمية",
            "发展",
            ",",
            ";",
            "«",
            "»",
            "(",
            ")",
        ]);
        proptest::collection::vec(word, 1..8).prop_map(|w| w.join(" "))
    }

    fn features_of(texts: &[String]) -> (Vec<Features>, Vec<Features>) {
        let one: Vec<Features> = texts.iter().map(|t| Features::of(None, t, &[])).collect();
        let two = one.windows(2).map(|w| w[0].merge(&w[1])).collect();
        (one, two)
    }

    fn key(steps: &[Step]) -> Vec<(usize, usize, usize, usize, u64)> {
        steps
            .iter()
            .map(|s| (s.a, s.b, s.i, s.j, s.cost.to_bits()))
            .collect()
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// The banded, byte-per-cell DP gives exactly the old output.
        #[test]
        fn banded_dp_equals_the_full_tables(
            src in proptest::collection::vec(block_text(), 0..45),
            tgt in proptest::collection::vec(block_text(), 0..45),
        ) {
            let (s1, s2) = features_of(&src);
            let (t1, t2) = features_of(&tgt);
            let sides = Sides { source: &s1, target: &t1, source2: &s2, target2: &t2 };
            let cal = Calibration::of(&s1, &t1);
            let new = best_path(&cal, &s1, &t1, &s2, &t2);
            prop_assert_eq!(key(&new), key(&full_table_path(&cal, &sides)));
        }

        /// A narrowed band (a tiny cell budget) still yields a monotone
        /// path covering every block exactly once.
        #[test]
        fn narrowed_band_still_covers(
            src in proptest::collection::vec(block_text(), 0..60),
            tgt in proptest::collection::vec(block_text(), 0..60),
            budget in 0usize..400,
        ) {
            let (s1, s2) = features_of(&src);
            let (t1, t2) = features_of(&tgt);
            let sides = Sides { source: &s1, target: &t1, source2: &s2, target2: &t2 };
            let cal = Calibration::of(&s1, &t1);
            let band = Band::new(s1.len(), t1.len(), budget);
            prop_assert!(band.cells() <= budget.max(s1.len() + t1.len() + 1) + 5 * (s1.len() + 1));
            let steps = best_path_within(&cal, &sides, budget);
            let (mut i, mut j) = (0, 0);
            for st in &steps {
                prop_assert_eq!((st.i, st.j), (i, j));
                prop_assert!(st.a + st.b > 0);
                i += st.a;
                j += st.b;
            }
            prop_assert_eq!((i, j), (s1.len(), t1.len()));
        }
    }

    #[test]
    fn scores_fall_with_cost() {
        assert!(score(-4.0) > 0.99);
        assert!(score(0.0) > 0.85);
        assert!(score(5.0) < 0.1);
    }
}
