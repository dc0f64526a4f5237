//! Cross-language block alignment (a document and its translation).
//!
//! No network and no language model: the evidence is what survives
//! translation in every UN language (see [`evidence`]):
//! - **labels** (`Block::label_key` is script-neutral: `Article premier`,
//!   `Artículo 1`, `Статья 1`, `المادة ١` and `第一条` all key to `art:1`);
//! - **anchors**: numbers in any script, dates, document symbols
//!   (`A/76/135`, `70/237`), URLs, Latin-script acronyms and names inside
//!   other scripts, and terms of an optional user [`Glossary`];
//! - the **punctuation profile** (script variants folded);
//! - the **length ratio**, calibrated on the document pair itself
//!   (Gale–Church);
//! - **cognates** between Latin-script texts (first four letters of words).
//!
//! A monotone dynamic programme over 1-1, 1-0, 0-1, 1-2 and 2-1 steps picks
//! the cheapest path (see [`dp`]). A lexicon is learnt from its confident
//! links ([`lexicon`]); a move search ([`moves`]) finds paragraphs moved
//! far away, takes them out and runs the spine again on the rest; a second
//! pass ([`refine`]) rescores every link with the lexicon, lets go of
//! blocks it does not support (a translator's note) and pairs unmatched
//! blocks anywhere in the documents; a last pass ([`repair`]) exchanges
//! partners along short alternating paths when that lowers the total cost
//! (a moved paragraph whose translation a near-duplicate neighbour held).
//! Every link carries a score in 0–1. No
//! language pair is special-cased: everything language-specific lives in
//! documented tables ([`evidence::MONTHS`], [`crate::numerals::ORDINAL_WORDS`],
//! [`crate::ingest::label::ARTICLE_WORDS`]).
//!
//! ```
//! use normdiff_core::{ingest, InputFormat};
//! use normdiff_core::align::cross::{align, CrossOptions};
//!
//! let en = ingest("Article 1\n\nAll human beings are born free.\n\nArticle 2\n\nEveryone is entitled to all the rights.\n", InputFormat::Text);
//! let ru = ingest("Статья 1\n\nВсе люди рождаются свободными.\n\nСтатья 2\n\nКаждый человек должен обладать всеми правами.\n", InputFormat::Text);
//! let al = align(&en, &ru, &CrossOptions::default());
//! assert!(al.covers(4, 4));
//! assert_eq!(al.links[2].source, vec![2]);
//! assert_eq!(al.links[2].target, vec![2]);
//! ```

pub mod dp;
pub mod evidence;
pub mod lexicon;
pub mod moves;
pub mod refine;
pub mod repair;
pub mod report;
pub mod words;

use crate::model::Document;
use evidence::Features;
use serde::Serialize;

/// A user glossary: term equivalents used as extra anchors. A block on the
/// source side containing one of an entry's `source` terms and a block on
/// the target side containing one of its `target` terms share an anchor.
/// Terms match as substrings of the loose key (case and accents folded).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Glossary {
    /// The entries, in file order.
    pub entries: Vec<GlossaryEntry>,
}

/// One glossary entry: variants of one term on each side.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct GlossaryEntry {
    /// Source-language variants (`["noyau public"]`).
    pub source: Vec<String>,
    /// Target-language variants (`["public core"]`).
    pub target: Vec<String>,
}

/// Options of the cross-language aligner.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CrossOptions {
    /// Term equivalents used as extra anchors.
    pub glossary: Glossary,
}

/// Links under this score are marked low-confidence in reports.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// One link between source and target blocks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossLink {
    /// Source block indexes (0, 1 or 2, ascending, 0-based).
    pub source: Vec<usize>,
    /// Target block indexes (0, 1 or 2, ascending, 0-based).
    pub target: Vec<usize>,
    /// Confidence, 0 to 1 (0 when one side is empty); see [`dp`].
    pub score: f64,
}

impl CrossLink {
    /// Is this a link between both sides scoring under [`LOW_CONFIDENCE`]?
    pub fn low_confidence(&self) -> bool {
        !self.source.is_empty() && !self.target.is_empty() && self.score < LOW_CONFIDENCE
    }
}

/// A cross-language alignment: links in source order (a target-only link
/// after the link of the target block before it). A moved paragraph makes
/// the target side non-monotone.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CrossAlignment {
    /// The links, in source order.
    pub links: Vec<CrossLink>,
}

impl CrossAlignment {
    /// Does the alignment cover each of `n_source` and `n_target` blocks
    /// exactly once?
    pub fn covers(&self, n_source: usize, n_target: usize) -> bool {
        let mut seen_s = vec![0u32; n_source];
        let mut seen_t = vec![0u32; n_target];
        for l in &self.links {
            for (idx, seen) in [(&l.source, &mut seen_s), (&l.target, &mut seen_t)] {
                for &i in idx {
                    match seen.get_mut(i) {
                        Some(s) => *s += 1,
                        None => return false,
                    }
                }
            }
        }
        seen_s.iter().chain(&seen_t).all(|&s| s == 1)
    }
}

/// The features of every block of `doc`, and of every adjacent pair.
pub fn features(doc: &Document, terms: &[Vec<String>]) -> (Vec<Features>, Vec<Features>) {
    let (one, two, _) = prepare(doc, terms);
    (one, two)
}

/// [`features`], and the lexicon's key set of each block
/// ([`lexicon::key_set`]), from one cut of each block into
/// [`words::words`].
fn prepare(
    doc: &Document,
    terms: &[Vec<String>],
) -> (Vec<Features>, Vec<Features>, Vec<Vec<lexicon::WordKey>>) {
    let (one, keys): (Vec<Features>, Vec<_>) = doc
        .blocks
        .iter()
        .map(|b| {
            let w = words::words(&b.text);
            (
                Features::of_words(b.label_key.as_deref(), &b.text, &w, terms),
                lexicon::key_set_of(&b.text, &w),
            )
        })
        .unzip();
    let two = one.windows(2).map(|w| w[0].merge(&w[1])).collect();
    (one, two, keys)
}

/// Aligns `source` with its translation `target`.
pub fn align(source: &Document, target: &Document, opts: &CrossOptions) -> CrossAlignment {
    align_learning(source, target, opts).0
}

/// [`align`], also returning the lexicon learnt from the pair (`None` when
/// too few links were confident to learn one; see [`refine`]).
pub fn align_learning(
    source: &Document,
    target: &Document,
    opts: &CrossOptions,
) -> (CrossAlignment, Option<lexicon::Lexicon>) {
    let (s1, s2, s_keys) = prepare(source, &evidence::glossary_terms(&opts.glossary, true));
    let (t1, t2, t_keys) = prepare(target, &evidence::glossary_terms(&opts.glossary, false));
    let cal = dp::Calibration::of(&s1, &t1);
    let links = spine(&cal, &s1, &t1, &s2, &t2);
    let sides = refine::Sides {
        cal: &cal,
        source: &s1,
        target: &t1,
    };
    let Some(scorer) = refine::Scorer::learn(&links, sides, s_keys, t_keys) else {
        return (CrossAlignment { links }, None);
    };
    let found = moves::find(&links, &scorer);
    let links = moves::apply(links, found, &scorer, &cal);
    let links = refine::refine(links, &scorer);
    let links = repair::repair(links, &scorer);
    (CrossAlignment { links }, Some(scorer.into_lexicon()))
}

/// The monotone spine ([`dp::best_path`]) as links, in order.
fn spine(
    cal: &dp::Calibration,
    s1: &[Features],
    t1: &[Features],
    s2: &[Features],
    t2: &[Features],
) -> Vec<CrossLink> {
    dp::best_path(cal, s1, t1, s2, t2)
        .into_iter()
        .map(|st| CrossLink {
            source: (st.i..st.i + st.a).collect(),
            target: (st.j..st.j + st.b).collect(),
            score: if st.a == 0 || st.b == 0 {
                0.0
            } else {
                dp::score(st.cost)
            },
        })
        .collect()
}

#[cfg(test)]
mod tests;
