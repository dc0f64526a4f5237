//! The second, non-monotone pass of the cross-language aligner.
//!
//! The monotone dynamic programme ([`super::dp`]) is the spine. A
//! [`Scorer`] learns a [`Lexicon`] from the spine's confident 1-1 links;
//! after the move search ([`super::moves`]) this pass uses it, with the
//! same length and evidence costs, to:
//! 1. **rescore** every link: a link whose words find no translation in
//!    each other drops under [`super::LOW_CONFIDENCE`] (shown as ⚠);
//! 2. **release** the extra block of a 1-2 or 2-1 link when one block
//!    alone is the better explanation (a translator's note, or a moved
//!    paragraph absorbed next to its neighbour's translation) or when the
//!    lexicon finds the extra block no closer to the other side than
//!    unrelated paragraphs are, and the blocks of 1-1 links that score
//!    under [`super::LOW_CONFIDENCE`];
//! 3. **pair** the unmatched blocks anywhere in the documents, best first,
//!    when length and evidence agree and the lexicon supports the pair:
//!    this recovers a paragraph moved anywhere. A released 1-1 link whose
//!    blocks find no better partner is restored as it was.
//!
//! A block that finds no partner (an extra paragraph, a translator's note)
//! stays unaligned.

use super::dp::{self, Calibration};
use super::evidence::Features;
use super::lexicon::{Lexicon, Prepared, WordKey};
use super::{CrossLink, LOW_CONFIDENCE};
use std::borrow::Cow;

/// Links scoring at least this train the lexicon.
pub const CONFIDENT: f64 = 0.8;

/// Fewer confident links than this: too little to learn from, the pass
/// keeps the spine as it is.
pub const MIN_TRAINING: usize = 8;

/// Weight of the lexical evidence, in nats at full strength.
pub const LEX_WEIGHT: f64 = 4.0;

/// The blocks of both documents as the pass sees them.
pub struct Sides<'a> {
    /// Calibration of the length and evidence costs.
    pub cal: &'a Calibration,
    /// Per-block features of the source.
    pub source: &'a [Features],
    /// Per-block features of the target.
    pub target: &'a [Features],
}

/// The lexicon and its calibration on this pair.
struct Lex {
    lex: Lexicon,
    s: Vec<Vec<WordKey>>,
    t: Vec<Vec<WordKey>>,
    /// Each source and target block made ready for support queries.
    sp: Vec<Prepared>,
    tp: Vec<Prepared>,
    mid: f64,
    spread: f64,
}

impl Lex {
    fn keys<'k>(side: &'k [Vec<WordKey>], idx: &[usize]) -> Cow<'k, [WordKey]> {
        if let [i] = idx {
            return Cow::Borrowed(&side[*i]);
        }
        let mut k: Vec<WordKey> = idx.iter().flat_map(|&i| side[i].iter().copied()).collect();
        k.sort_unstable();
        k.dedup();
        Cow::Owned(k)
    }

    /// The lexicon's support for linking `si` with `ti` (blocks prepared
    /// once when both are single).
    fn support(&self, si: &[usize], ti: &[usize]) -> Option<f64> {
        if let ([i], [j]) = (si, ti) {
            let (s, t) = (&self.s[*i], &self.t[*j]);
            return Lexicon::support_prepared(s, &self.sp[*i], t, &self.tp[*j]);
        }
        let s = Self::keys(&self.s, si);
        let t = Self::keys(&self.t, ti);
        self.lex.support(&s, &t)
    }

    /// Does the lexicon find `si` and `ti` no closer than unrelated
    /// paragraphs are (the lower of its two levels)?
    fn unrelated(&self, si: &[usize], ti: &[usize]) -> bool {
        self.spread > 0.02
            && self
                .support(si, ti)
                .is_none_or(|v| v < self.mid - self.spread / 2.0)
    }

    /// The lexical cost of linking `si` with `ti` (negative supports), and
    /// whether the lexicon supports the link.
    fn cost(&self, si: &[usize], ti: &[usize]) -> (f64, bool) {
        match self.support(si, ti) {
            Some(v) if self.spread > 0.02 => {
                let c = (LEX_WEIGHT * (self.mid - v) / (self.spread / 2.0))
                    .clamp(-LEX_WEIGHT, LEX_WEIGHT);
                (c, v > self.mid)
            }
            _ => (0.0, false),
        }
    }
}

fn merged<'f>(side: &'f [Features], idx: &[usize]) -> Cow<'f, Features> {
    match idx {
        [i] => Cow::Borrowed(&side[*i]),
        _ => Cow::Owned(
            idx[1..]
                .iter()
                .fold(side[idx[0]].clone(), |f, &i| f.merge(&side[i])),
        ),
    }
}

impl Sides<'_> {
    /// Length plus evidence cost of linking `si` with `ti` (both
    /// non-empty).
    fn base_cost(&self, si: &[usize], ti: &[usize]) -> f64 {
        let (s, t) = (merged(self.source, si), merged(self.target, ti));
        self.cal.length(s.len, t.len) + self.cal.evidence(&s, &t)
    }
}

/// The full cost of a link (length, evidence and the lexicon learnt from
/// the spine), shared by this pass and [`super::moves`].
pub struct Scorer<'a> {
    sides: Sides<'a>,
    lex: Lex,
}

impl<'a> Scorer<'a> {
    /// Learns the lexicon from the confident 1-1 links of `links`, given
    /// the key set of each source and target block ([`super::lexicon::key_set`]); `None`
    /// when fewer than [`MIN_TRAINING`] are confident.
    pub fn learn(
        links: &[CrossLink],
        sides: Sides<'a>,
        s_keys: Vec<Vec<WordKey>>,
        t_keys: Vec<Vec<WordKey>>,
    ) -> Option<Scorer<'a>> {
        learn(links, s_keys, t_keys).map(|lex| Scorer { sides, lex })
    }

    /// The cost of linking `si` with `ti` (both non-empty; negative
    /// supports) and whether the lexicon supports the link.
    pub fn cost(&self, si: &[usize], ti: &[usize]) -> (f64, bool) {
        let (c, ok) = self.lex.cost(si, ti);
        (self.sides.base_cost(si, ti) + c, ok)
    }

    /// The length and evidence cost alone (cheap; a lower bound of
    /// [`Scorer::cost`] up to the lexicon's weight).
    pub fn base_cost(&self, si: &[usize], ti: &[usize]) -> f64 {
        self.sides.base_cost(si, ti)
    }

    /// The blocks of both documents.
    pub fn sides(&self) -> &Sides<'a> {
        &self.sides
    }

    /// The lexicon learnt.
    pub fn into_lexicon(self) -> Lexicon {
        self.lex.lex
    }
}

fn learn(links: &[CrossLink], s: Vec<Vec<WordKey>>, t: Vec<Vec<WordKey>>) -> Option<Lex> {
    let train: Vec<(usize, usize)> = links
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1 && l.score >= CONFIDENT)
        .map(|l| (l.source[0], l.target[0]))
        .collect();
    if train.len() < MIN_TRAINING {
        return None;
    }
    let pairs: Vec<(&[WordKey], &[WordKey])> = train
        .iter()
        .map(|&(i, j)| (s[i].as_slice(), t[j].as_slice()))
        .collect();
    let (lex, halves) = Lexicon::learn_with_halves(&pairs);
    // Levels of support, measured two-fold so that they are those of
    // paragraphs the lexicon did not learn from (the ones this pass
    // scores): a lexicon learnt on every other training pair scores the
    // pairs it left out (true pairs) and the same with the target shifted
    // half the list away (unrelated paragraphs).
    let (mut hi, mut lo, mut count) = (0.0, 0.0, 0.0);
    for (fold, half) in halves.iter().enumerate() {
        let level = |shift: usize| {
            let vals: Vec<f64> = (fold..train.len())
                .step_by(2)
                .filter_map(|k| {
                    let j = train[(k + shift) % train.len()].1;
                    half.support(&s[train[k].0], &t[j])
                })
                .collect();
            vals.iter().sum::<f64>() / vals.len().max(1) as f64
        };
        hi += level(0);
        lo += level(train.len() / 2);
        count += 1.0;
    }
    let (hi, lo) = (hi / count, lo / count);
    let sp = s.iter().map(|k| lex.prepare(k, true)).collect();
    let tp = t.iter().map(|k| lex.prepare(k, false)).collect();
    Some(Lex {
        lex,
        s,
        t,
        sp,
        tp,
        mid: (hi + lo) / 2.0,
        spread: hi - lo,
    })
}

/// A link's cost (length, evidence and lexicon) and whether the lexicon
/// supports it.
pub type CostFn<'a> = dyn Fn(&[usize], &[usize]) -> (f64, bool) + 'a;

/// A 1-1 link kept out of a 1-2 or 2-1 link: its source and target, and
/// the source and target blocks let go.
type SplitOption = (Vec<usize>, Vec<usize>, Vec<usize>, Vec<usize>);

/// A candidate link of the pairing step.
struct Candidate {
    cost: f64,
    s: usize,
    t: usize,
}

/// Runs the pass over the spine's `links` (see the module docs) with the
/// costs of `scorer`; returns the new links, in source order.
pub fn refine(links: Vec<CrossLink>, scorer: &Scorer<'_>) -> Vec<CrossLink> {
    let cost = |si: &[usize], ti: &[usize]| scorer.cost(si, ti);
    let (n_source, n_target) = (scorer.sides.source.len(), scorer.sides.target.len());
    let mut kept: Vec<CrossLink> = Vec::new();
    let mut released: Vec<CrossLink> = Vec::new();
    let (mut free_s, mut free_t) = (Vec::new(), Vec::new());
    for mut l in links {
        if l.source.is_empty() || l.target.is_empty() {
            free_s.extend(&l.source);
            free_t.extend(&l.target);
            continue;
        }
        let (c, _) = cost(&l.source, &l.target);
        l.score = dp::score(c);
        if l.source.len() + l.target.len() == 3 {
            if let Some((one, extra_s, extra_t)) =
                split_off(&l, c, &cost, &|si, ti| scorer.lex.unrelated(si, ti))
            {
                free_s.extend(extra_s);
                free_t.extend(extra_t);
                kept.push(one);
                continue;
            }
        }
        if l.score < LOW_CONFIDENCE && l.source.len() == 1 && l.target.len() == 1 {
            free_s.push(l.source[0]);
            free_t.push(l.target[0]);
            released.push(l);
            continue;
        }
        kept.push(l);
    }
    let paired = pair(&free_s, &free_t, &cost);
    let (mut used_s, mut used_t) = (vec![false; n_source], vec![false; n_target]);
    for l in kept.iter().chain(&paired) {
        l.source.iter().for_each(|&i| used_s[i] = true);
        l.target.iter().for_each(|&j| used_t[j] = true);
    }
    kept.extend(paired);
    for l in released {
        if !used_s[l.source[0]] && !used_t[l.target[0]] {
            used_s[l.source[0]] = true;
            used_t[l.target[0]] = true;
            kept.push(l);
        }
    }
    for i in (0..used_s.len()).filter(|&i| !used_s[i]) {
        kept.push(lone(vec![i], vec![]));
    }
    for j in (0..used_t.len()).filter(|&j| !used_t[j]) {
        kept.push(lone(vec![], vec![j]));
    }
    order(kept, n_target)
}

fn lone(source: Vec<usize>, target: Vec<usize>) -> CrossLink {
    CrossLink {
        source,
        target,
        score: 0.0,
    }
}

/// For a 1-2 or 2-1 link of cost `c`: the better 1-1 link and the block
/// it leaves out, when one block alone explains the other side better
/// than both together (by the DP's own step costs).
fn split_off(
    l: &CrossLink,
    c: f64,
    cost: &CostFn<'_>,
    unrelated: &dyn Fn(&[usize], &[usize]) -> bool,
) -> Option<(CrossLink, Vec<usize>, Vec<usize>)> {
    let options: Vec<SplitOption> = if l.source.len() == 2 {
        (0..2)
            .map(|k| {
                (
                    vec![l.source[k]],
                    l.target.clone(),
                    vec![l.source[1 - k]],
                    vec![],
                )
            })
            .collect()
    } else {
        (0..2)
            .map(|k| {
                (
                    l.source.clone(),
                    vec![l.target[k]],
                    vec![],
                    vec![l.target[1 - k]],
                )
            })
            .collect()
    };
    let (one_cost, (s, t, xs, xt)) = options
        .into_iter()
        .map(|o| (cost(&o.0, &o.1).0, o))
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    let one_step = dp::PRIOR_ONE + dp::SKIP_COST;
    // The extra block alone no closer to the other side than unrelated
    // paragraphs are (a translator's note): let it go whatever the costs.
    let stray = if xs.is_empty() {
        unrelated(&l.source, &xt)
    } else {
        unrelated(&xs, &l.target)
    };
    (stray || one_cost + one_step < c + dp::PRIOR_TWO).then(|| {
        (
            CrossLink {
                source: s,
                target: t,
                score: dp::score(one_cost),
            },
            xs,
            xt,
        )
    })
}

/// Pairs unmatched source and target blocks, best first, when the link
/// would score at least [`LOW_CONFIDENCE`] and the lexicon supports it.
fn pair(free_s: &[usize], free_t: &[usize], cost: &CostFn<'_>) -> Vec<CrossLink> {
    let mut cands = Vec::new();
    for &s in free_s {
        for &t in free_t {
            let (c, supported) = cost(&[s], &[t]);
            if supported && dp::score(c) >= LOW_CONFIDENCE {
                cands.push(Candidate { cost: c, s, t });
            }
        }
    }
    cands.sort_by(|a, b| {
        a.cost
            .total_cmp(&b.cost)
            .then(a.s.cmp(&b.s))
            .then(a.t.cmp(&b.t))
    });
    let (mut us, mut ut) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    for c in cands {
        if us.contains(&c.s) || ut.contains(&c.t) {
            continue;
        }
        us.push(c.s);
        ut.push(c.t);
        out.push(CrossLink {
            source: vec![c.s],
            target: vec![c.t],
            score: dp::score(c.cost),
        });
    }
    out
}

/// Puts links in source order; a target-only link goes right after the
/// link holding the target block before it.
pub fn order(links: Vec<CrossLink>, n_target: usize) -> Vec<CrossLink> {
    let mut holder = vec![usize::MAX; n_target];
    for (k, l) in links.iter().enumerate() {
        for &j in &l.target {
            holder[j] = k;
        }
    }
    // Sort key: (2·(source + 1), first target) for links with a source
    // block; (the key of the last such link before it in target order + 1,
    // target) for target-only links (1 before any).
    let mut keys = vec![(0usize, 0usize); links.len()];
    let mut after = 1usize;
    for &k in holder.iter().filter(|&&k| k != usize::MAX) {
        match links[k].source.first() {
            Some(&i) => after = 2 * (i + 1) + 1,
            None => keys[k].0 = after,
        }
    }
    for (k, l) in links.iter().enumerate() {
        if let Some(&i) = l.source.first() {
            keys[k] = (2 * (i + 1), l.target.first().copied().unwrap_or(0));
        } else if let Some(&j) = l.target.first() {
            keys[k].1 = j;
        }
    }
    let mut idx: Vec<usize> = (0..links.len()).collect();
    idx.sort_by_key(|&k| keys[k]);
    let mut slots: Vec<Option<CrossLink>> = links.into_iter().map(Some).collect();
    idx.into_iter().filter_map(|k| slots[k].take()).collect()
}
