//! Weighted token features of blocks and candidate pairs through an
//! inverted index, for the same-language aligner.
//!
//! Each block becomes a sparse TF-IDF vector over its word unigrams and
//! bigrams (folded words from [`crate::segment::for_each_folded_word`]), normalized to unit length, so that the dot product
//! of two vectors is their cosine similarity. Candidates for a block come
//! from an inverted index, rarest features first, under a fixed budget per
//! block: large documents never need all n×m pairs, and pathological input
//! (thousands of identical paragraphs) cannot blow the budget up.

use crate::fxhash::FxHashMap;
use crate::segment::for_each_folded_word;
use rayon::prelude::*;

/// A sparse vector: (feature id, weight), sorted by feature id.
pub(crate) type Vector = Vec<(u32, f32)>;

/// Candidate pairs examined per block at most.
pub(crate) const CANDIDATES_PER_BLOCK: usize = 12;
/// Postings scanned per block at most while gathering candidates.
const POSTINGS_BUDGET: usize = 1024;
/// Weight of a bigram relative to a unigram.
const BIGRAM_WEIGHT: f32 = 0.5;

/// Features of both documents, sharing one vocabulary.
pub(crate) struct Features {
    /// Unit vectors of the old blocks.
    pub old: Vec<Vector>,
    /// Unit vectors of the new blocks.
    pub new: Vec<Vector>,
    /// Length of each old block's vector before it was scaled to unit
    /// length (to join two blocks in proportion to their content).
    pub old_norms: Vec<f32>,
    /// Length of each new block's vector before scaling.
    pub new_norms: Vec<f32>,
    /// Comparison keys of the old blocks' texts.
    pub old_keys: Vec<u64>,
    /// Comparison keys of the new blocks' texts.
    pub new_keys: Vec<u64>,
    /// Raw (unweighted) feature ids per new block, rarest first.
    new_rarest: Vec<Vec<u32>>,
    /// The old blocks that have each feature, ascending, feature after
    /// feature (compressed rows: feature `f`'s blocks are
    /// `postings[offsets[f]..offsets[f + 1]]`; one allocation, not one per
    /// feature).
    postings: Vec<u32>,
    /// Start of each feature's blocks in `postings`, plus the end.
    offsets: Vec<u32>,
    /// Number of distinct features of both documents.
    pub n_features: usize,
}

/// The shared vocabulary: word hashes and word-pair ids to dense feature ids.
#[derive(Default)]
struct Vocab {
    words: FxHashMap<u64, u32>,
    pairs: FxHashMap<(u32, u32), u32>,
    len: u32,
}

impl Vocab {
    fn word(&mut self, hash: u64) -> u32 {
        let next = self.len;
        let id = *self.words.entry(hash).or_insert(next);
        if id == next {
            self.len += 1;
        }
        id
    }
    fn pair(&mut self, a: u32, b: u32) -> u32 {
        let next = self.len;
        let id = *self.pairs.entry((a, b)).or_insert(next);
        if id == next {
            self.len += 1;
        }
        id
    }
}

/// The comparison key of a text without words.
pub(crate) const NO_WORDS: u64 = 0;

/// The folded words of a text as 64-bit hashes (collisions are
/// negligible at document scale), and the text's comparison key: a hash of
/// its folded word sequence (punctuation aside, equal keys mean equal
/// wording), [`NO_WORDS`] for a text without words. Independent per block,
/// so it runs in parallel.
fn word_hashes(text: &str) -> (Vec<u64>, u64) {
    use std::hash::Hasher;
    // (About one word per six bytes of French or English.)
    let mut hashes = Vec::with_capacity(text.len() / 6 + 1);
    let mut key = crate::fxhash::FxHasher::default();
    for_each_folded_word(text, |w| {
        let h = crate::fxhash::hash_bytes(w.as_bytes());
        key.write_u64(h);
        hashes.push(h);
    });
    let key = if hashes.is_empty() {
        NO_WORDS
    } else {
        key.finish().max(1)
    };
    (hashes, key)
}

/// Feature ids of a block: word unigrams then bigrams, with multiplicity.
fn raw_features(hashes: &[u64], vocab: &mut Vocab) -> Vec<(u32, f32)> {
    let ids: Vec<u32> = hashes.iter().map(|&h| vocab.word(h)).collect();
    let mut out = Vec::with_capacity(ids.len() * 2);
    out.extend(ids.iter().map(|&id| (id, 1.0)));
    for pair in ids.windows(2) {
        out.push((vocab.pair(pair[0], pair[1]), BIGRAM_WEIGHT));
    }
    out
}

/// The unit TF-IDF vector of a block's raw features. `counts` is scratch
/// space, one zero per feature, left all zeros again.
fn weigh(raw: &[(u32, f32)], idf: &[f32], counts: &mut [f32]) -> (Vector, f32) {
    // Distinct features in first-seen order, then sorted: fewer than the
    // raw features, which repeat.
    // (Feature id and whether it is a bigram, packed: integers sort fast.)
    let mut ids: Vec<u64> = Vec::with_capacity(raw.len());
    for &(f, base) in raw {
        let c = &mut counts[f as usize];
        if *c == 0.0 {
            ids.push((u64::from(f) << 1) | u64::from(base != 1.0));
        }
        *c += 1.0;
    }
    ids.sort_unstable();
    let mut v: Vector = ids
        .into_iter()
        .map(|packed| {
            let f = (packed >> 1) as u32;
            let base = if packed & 1 == 1 { BIGRAM_WEIGHT } else { 1.0 };
            let count = std::mem::take(&mut counts[f as usize]);
            (f, base * (1.0 + count.ln()) * idf[f as usize])
        })
        .collect();
    let n = normalize(&mut v);
    (v, n)
}

/// [`weigh`] of every block, in parallel, with scratch space per thread.
fn weigh_all(raws: &[Vec<(u32, f32)>], idf: &[f32]) -> (Vec<Vector>, Vec<f32>) {
    raws.par_iter()
        .map_init(
            || vec![0.0f32; idf.len()],
            |counts, r| weigh(r, idf, counts),
        )
        .unzip()
}

/// Scales `v` to unit length (no-op for the zero vector); returns its
/// length before.
pub(crate) fn normalize(v: &mut Vector) -> f32 {
    let n = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if n > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= n;
        }
    }
    n
}

/// Dot product of two sorted sparse vectors.
pub(crate) fn dot(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Dot product of sparse `a` with `dense`, a vector spread over every
/// feature (zero where absent): the same sum, in the same order, as
/// [`dot`] of `a` and that vector, without comparing feature ids.
pub(crate) fn dot_dense(a: &Vector, dense: &[f32]) -> f32 {
    let mut s = 0.0;
    for &(f, w) in a {
        s += w * dense[f as usize];
    }
    s
}

/// Writes sparse `v` into `dense` (all zeros before), or back to zeros
/// with `clear`.
pub(crate) fn spread(v: &Vector, dense: &mut [f32], clear: bool) {
    for &(f, w) in v {
        dense[f as usize] = if clear { 0.0 } else { w };
    }
}

/// The unit vector of `a` scaled by `wa` plus `b` scaled by `wb`: two unit
/// vectors given back their lengths ([`Features::old_norms`]) join as the
/// text of both blocks would, the longer one weighing more.
pub(crate) fn sum(a: &Vector, wa: f32, b: &Vector, wb: f32) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push((a[i].0, a[i].1 * wa));
            i += 1;
        } else if i >= a.len() || b[j].0 < a[i].0 {
            out.push((b[j].0, b[j].1 * wb));
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 * wa + b[j].1 * wb));
            i += 1;
            j += 1;
        }
    }
    normalize(&mut out);
    out
}

impl Features {
    /// Builds the vectors and the inverted index of two documents' texts.
    pub(crate) fn build(old: &[&str], new: &[&str]) -> Features {
        let mut vocab = Vocab::default();
        let (old_hashes, old_keys): (Vec<_>, Vec<_>) =
            old.par_iter().map(|t| word_hashes(t)).unzip();
        let (new_hashes, new_keys): (Vec<_>, Vec<_>) =
            new.par_iter().map(|t| word_hashes(t)).unzip();
        let old_raw: Vec<_> = old_hashes
            .iter()
            .map(|h| raw_features(h, &mut vocab))
            .collect();
        let new_raw: Vec<_> = new_hashes
            .iter()
            .map(|h| raw_features(h, &mut vocab))
            .collect();
        let n_features = vocab.len as usize;
        // Old-side document frequencies, then the compressed postings.
        let mut df = vec![0u32; n_features];
        let mut seen = vec![u32::MAX; n_features];
        for (b, raw) in old_raw.iter().enumerate() {
            for &(f, _) in raw {
                if seen[f as usize] != b as u32 {
                    seen[f as usize] = b as u32;
                    df[f as usize] += 1;
                }
            }
        }
        let mut offsets = Vec::with_capacity(n_features + 1);
        let mut total = 0u32;
        offsets.push(0);
        for &d in &df {
            total += d;
            offsets.push(total);
        }
        let mut fill: Vec<u32> = offsets[..n_features].to_vec();
        let mut postings = vec![0u32; total as usize];
        seen.iter_mut().for_each(|s| *s = u32::MAX);
        for (b, raw) in old_raw.iter().enumerate() {
            for &(f, _) in raw {
                if seen[f as usize] != b as u32 {
                    seen[f as usize] = b as u32;
                    postings[fill[f as usize] as usize] = b as u32;
                    fill[f as usize] += 1;
                }
            }
        }
        let old_df = df.clone();
        seen.iter_mut().for_each(|s| *s = u32::MAX);
        for (b, raw) in new_raw.iter().enumerate() {
            for &(f, _) in raw {
                if seen[f as usize] != b as u32 {
                    seen[f as usize] = b as u32;
                    df[f as usize] += 1;
                }
            }
        }
        let n = (old.len() + new.len()) as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
            .collect();
        let (old, old_norms) = weigh_all(&old_raw, &idf);
        let (new, new_norms) = weigh_all(&new_raw, &idf);
        // Each new block's distinct features (those of its vector), rarest
        // on the old side first; ties by feature id. Sorted as packed
        // integers, which is much cheaper than by a key of pairs.
        let new_rarest = new
            .iter()
            .map(|v| {
                let mut keys: Vec<u64> = v
                    .iter()
                    .map(|&(f, _)| (u64::from(old_df[f as usize]) << 32) | u64::from(f))
                    .collect();
                keys.sort_unstable();
                keys.into_iter().map(|k| k as u32).collect()
            })
            .collect();
        Features {
            old,
            new,
            old_norms,
            new_norms,
            old_keys,
            new_keys,
            new_rarest,
            postings,
            offsets,
            n_features,
        }
    }

    /// Old blocks worth scoring against each new block, found through the
    /// inverted index (rarest features first, within a budget), ascending.
    /// Among equally good candidates the ones nearest the diagonal (where
    /// new block `j` would stand in the old document if nothing moved) win.
    pub(crate) fn all_candidates(&self) -> Vec<Vec<u32>> {
        let n_old = self.old.len();
        let n_new = self.new.len().max(1);
        let mut counts = vec![0u32; n_old];
        let mut touched: Vec<u32> = Vec::new();
        let mut out = Vec::with_capacity(self.new.len());
        for (j, rarest) in self.new_rarest.iter().enumerate() {
            let diag = j * n_old / n_new;
            let mut scanned = 0usize;
            for &f in rarest {
                let p = &self.postings
                    [self.offsets[f as usize] as usize..self.offsets[f as usize + 1] as usize];
                if p.is_empty() {
                    continue;
                }
                if scanned + p.len() > POSTINGS_BUDGET && !touched.is_empty() {
                    break;
                }
                // A posting list longer than the budget is read around the
                // diagonal only.
                let window = if p.len() > POSTINGS_BUDGET {
                    let mid = p.partition_point(|&b| (b as usize) < diag);
                    let start = mid
                        .saturating_sub(POSTINGS_BUDGET / 2)
                        .min(p.len() - POSTINGS_BUDGET);
                    &p[start..start + POSTINGS_BUDGET]
                } else {
                    p
                };
                scanned += window.len();
                for &b in window {
                    if counts[b as usize] == 0 {
                        touched.push(b);
                    }
                    counts[b as usize] += 1;
                }
            }
            let diag = diag as i64;
            let mut c: Vec<(u32, u32)> = touched.iter().map(|&b| (b, counts[b as usize])).collect();
            let better = |a: &(u32, u32), b: &(u32, u32)| {
                b.1.cmp(&a.1)
                    .then(
                        (i64::from(a.0) - diag)
                            .abs()
                            .cmp(&(i64::from(b.0) - diag).abs()),
                    )
                    .then(a.0.cmp(&b.0))
            };
            if c.len() > CANDIDATES_PER_BLOCK {
                c.select_nth_unstable_by(CANDIDATES_PER_BLOCK, better);
                c.truncate(CANDIDATES_PER_BLOCK);
            }
            let mut cands: Vec<u32> = c.into_iter().map(|(b, _)| b).collect();
            cands.sort_unstable();
            out.push(cands);
            for &b in &touched {
                counts[b as usize] = 0;
            }
            touched.clear();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sorted sparse vector over features 0..64 from a bit mask.
    fn sparse(mask: u64, weights: &[f32]) -> Vector {
        (0..64u32)
            .filter(|f| mask & (1 << f) != 0)
            .map(|f| (f, weights[f as usize]))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn dense_dot_is_the_sparse_dot_bit_for_bit(
            ma in proptest::prelude::any::<u64>(),
            mb in proptest::prelude::any::<u64>(),
            w in proptest::collection::vec(0.0f32..1.0, 64),
        ) {
            let (a, b) = (sparse(ma, &w), sparse(mb, &w[..].iter().rev().copied().collect::<Vec<_>>()));
            let mut dense = vec![0.0f32; 64];
            spread(&b, &mut dense, false);
            proptest::prop_assert_eq!(dot_dense(&a, &dense).to_bits(), dot(&a, &b).to_bits());
            spread(&b, &mut dense, true);
            proptest::prop_assert!(dense.iter().all(|&x| x == 0.0));
        }
    }

    #[test]
    fn identical_texts_have_cosine_one() {
        let f = Features::build(
            &["Le noyau public de l'Internet."],
            &["le noyau public de l’Internet"],
        );
        assert!((dot(&f.old[0], &f.new[0]) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn candidates_come_from_shared_words() {
        let f = Features::build(
            &[
                "les normes facultatives",
                "la souveraineté des États",
                "rien à voir",
            ],
            &["la souveraineté étatique"],
        );
        assert_eq!(f.all_candidates(), vec![vec![1]]);
    }
}
