//! Weighted token features of blocks and candidate pairs through an
//! inverted index, for the same-language aligner.
//!
//! Each block becomes a sparse TF-IDF vector over its word unigrams and
//! bigrams (comparison keys from [`crate::normalize`], tokens from
//! [`crate::segment`]), normalized to unit length, so that the dot product
//! of two vectors is their cosine similarity. Candidates for a block come
//! from an inverted index, rarest features first, under a fixed budget per
//! block: large documents never need all n×m pairs, and pathological input
//! (thousands of identical paragraphs) cannot blow the budget up.

use crate::normalize::{key, Profile};
use crate::segment::tokenize;
use std::collections::HashMap;

/// A sparse vector: (feature id, weight), sorted by feature id.
pub(crate) type Vector = Vec<(u32, f32)>;

/// Candidate pairs examined per block at most.
pub(crate) const CANDIDATES_PER_BLOCK: usize = 48;
/// Postings scanned per block at most while gathering candidates.
const POSTINGS_BUDGET: usize = 4096;
/// Weight of a bigram relative to a unigram.
const BIGRAM_WEIGHT: f32 = 0.5;

/// Features of both documents, sharing one vocabulary.
pub(crate) struct Features {
    /// Unit vectors of the old blocks.
    pub old: Vec<Vector>,
    /// Unit vectors of the new blocks.
    pub new: Vec<Vector>,
    /// Raw (unweighted) feature ids per new block, rarest first.
    new_rarest: Vec<Vec<u32>>,
    /// For each feature, the old blocks that have it, ascending.
    postings: Vec<Vec<u32>>,
}

/// Feature ids of a text: word unigrams then bigrams, with multiplicity.
fn raw_features(text: &str, vocab: &mut HashMap<String, u32>) -> Vec<(u32, f32)> {
    let k = key(text, Profile::NORMAL);
    let words: Vec<&str> = tokenize(&k)
        .into_iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.text(&k))
        .collect();
    let mut intern = |s: String| -> u32 {
        let next = vocab.len() as u32;
        *vocab.entry(s).or_insert(next)
    };
    let mut out = Vec::with_capacity(words.len() * 2);
    for w in &words {
        out.push((intern((*w).to_owned()), 1.0));
    }
    for pair in words.windows(2) {
        out.push((
            intern(format!("{}\u{1F}{}", pair[0], pair[1])),
            BIGRAM_WEIGHT,
        ));
    }
    out
}

fn weigh(raw: &[(u32, f32)], idf: &[f32]) -> Vector {
    let mut sorted = raw.to_vec();
    sorted.sort_by_key(|&(f, _)| f);
    // (feature, base weight, occurrences)
    let mut grouped: Vec<(u32, f32, f32)> = Vec::with_capacity(sorted.len());
    for (f, w) in sorted {
        match grouped.last_mut() {
            Some(last) if last.0 == f => last.2 += 1.0,
            _ => grouped.push((f, w, 1.0)),
        }
    }
    let mut v: Vector = grouped
        .into_iter()
        .map(|(f, base, count)| (f, base * (1.0 + count.ln()) * idf[f as usize]))
        .collect();
    normalize(&mut v);
    v
}

/// Scales `v` to unit length (no-op for the zero vector).
pub(crate) fn normalize(v: &mut Vector) {
    let n = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if n > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= n;
        }
    }
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

/// The unit vector of the sum of `a` and `b`.
pub(crate) fn sum(a: &Vector, b: &Vector) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i >= a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
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
        let mut vocab = HashMap::new();
        let old_raw: Vec<_> = old.iter().map(|t| raw_features(t, &mut vocab)).collect();
        let new_raw: Vec<_> = new.iter().map(|t| raw_features(t, &mut vocab)).collect();
        let mut df = vec![0u32; vocab.len()];
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        let mut seen = vec![u32::MAX; vocab.len()];
        for (b, raw) in old_raw.iter().enumerate() {
            for &(f, _) in raw {
                if seen[f as usize] != b as u32 {
                    seen[f as usize] = b as u32;
                    df[f as usize] += 1;
                    postings[f as usize].push(b as u32);
                }
            }
        }
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
        let new_rarest = new_raw
            .iter()
            .map(|raw| {
                let mut ids: Vec<u32> = raw.iter().map(|&(f, _)| f).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.sort_by_key(|&f| (postings[f as usize].len(), f));
                ids
            })
            .collect();
        Features {
            old: old_raw.iter().map(|r| weigh(r, &idf)).collect(),
            new: new_raw.iter().map(|r| weigh(r, &idf)).collect(),
            new_rarest,
            postings,
        }
    }

    /// Old blocks worth scoring against new block `j`, found through the
    /// inverted index (rarest features first, within a budget), ascending.
    pub(crate) fn candidates(&self, j: usize) -> Vec<u32> {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut scanned = 0usize;
        for &f in &self.new_rarest[j] {
            let p = &self.postings[f as usize];
            if p.is_empty() {
                continue;
            }
            if scanned + p.len() > POSTINGS_BUDGET && !counts.is_empty() {
                break;
            }
            scanned += p.len();
            for &b in p.iter().take(POSTINGS_BUDGET) {
                *counts.entry(b).or_insert(0) += 1;
            }
        }
        let mut c: Vec<(u32, u32)> = counts.into_iter().collect();
        // Most shared features first; ties by block index (deterministic).
        c.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c.truncate(CANDIDATES_PER_BLOCK);
        let mut out: Vec<u32> = c.into_iter().map(|(b, _)| b).collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(f.candidates(0), vec![1]);
    }
}
