//! Where quoted passages sit in a document (`normdiff locate`).
//!
//! A quote may be an excerpt of a paragraph, another translation of it into
//! the same language (different word choices), or a translation into
//! another language. So the comparison is on **word keys** that survive all
//! three: the first five letters of each word's loose key (case and accents
//! folded, so `infrastructures`/`infrastructure` and `dignity`/`dignité`
//! meet as cognates), whole short words, single ideographs, and numbers by
//! value in any script (`١٨` = `18`). Each key is weighted by its inverse
//! document frequency over the document's blocks, so `de` or `the` weigh
//! little and `COVID-19` or `70/237` weigh a lot.
//!
//! For every block, every window of its words that starts and ends on a
//! word shared with the quote is scored by the weighted F-measure of
//! - recall: the weight of the quote's distinct keys found in the window
//!   over the weight of all the quote's keys, and
//! - precision: the weight of the window's words whose key is in the quote
//!   over the weight of all the window's words.
//!
//! The best window of each block is then rescored by the same weighted
//! F-measure counted only over the words shared **in the same order**
//! (a weighted longest common subsequence): another translation of the
//! same sentence keeps most of its order, while a different paragraph on
//! the same subject shares words scattered. Quote words whose key occurs
//! nowhere in the document (in practice, another language's function
//! words) count in neither recall nor the common subsequence, and a
//! passage sharing fewer than [`MIN_WORDS`] words with the quote has its
//! score scaled down in proportion. That ordered score is the block's
//! score; the window is the reported passage. Blocks scoring under [`LocateOptions::min_score`] (default
//! [`DEFAULT_MIN_SCORE`]) are not reported: a quote whose best block scores
//! under it is **not found**.
//!
//! **Another language.** The language of the quote and of the document
//! is told by [`glossary::detect`] (the script, and in Latin script the
//! function words of English, French and Spanish). When they differ, the
//! words of both are rewritten into the concepts of a compiled-in
//! [`glossary`] (function words written by hand, word pairs learnt from
//! the 2030 Agenda in the six languages), so that `avec`, `con` and
//! `with` meet, and `pauvreté` and `poverty`; cognates, numbers and names
//! meet as before, and so do words whose spelling differs in the usual
//! ways (`locate/cognates.rs`: `tyranny`/`tiranía`). Quote words the
//! document does not know then count against recall, the ordered score
//! weighs recall [`CROSS_BETA`] times as much as precision (a translation
//! keeps most of the quote's concepts, but its passage holds words the
//! glossary cannot map), and scores are scaled by [`CROSS_SCALE`] so that
//! the default threshold is the one calibrated across languages.
//! Paragraphs that open alike may all be reported, best first: no
//! stand-out is asked (it cost more true quotes than false ones on the
//! calibration data). When nothing is found, the result carries a note
//! suggesting [`locate_via`].
//!
//! A quote of which the document knows under [`OTHER_LANGUAGE`] of the
//! words, in a language not told apart, is taken to be in another
//! language: only that share of its words can meet any passage, so
//! precision is measured against it; and a passage is found only when it
//! stands out from every other block ([`STANDOUT`]).
//!
//! Between scripts (a Russian quote in an English document) word keys
//! cannot meet: only numbers and other anchors can. A result then carries
//! a note saying so, and suggesting [`locate_via`]: find the quote in the
//! document in its own language, and follow the alignment.
//!
//! Spans are in **Unicode scalar values** (Rust `char`s), 0-based,
//! end-exclusive, counted in [`crate::Block::text`].

mod cognates;
pub mod glossary;
mod script;
mod via;

pub use via::locate_via;

use crate::model::Document;
use crate::normalize::{key, Profile};
use crate::numerals::parse_digits;
use crate::segment::{tokenize, TokenKind};
use serde::Serialize;
use std::collections::HashMap;

/// The default threshold under which a quote is "not found".
pub const DEFAULT_MIN_SCORE: f64 = 0.4;

/// A quote of which the document knows fewer than this share of words is
/// taken to be in another language (see [`locate`]'s docs).
pub const OTHER_LANGUAGE: f64 = 0.75;

/// In another language, a block scoring this share of its score above
/// every other block keeps its whole score (see [`locate`]).
pub const STANDOUT: f64 = 0.5;

/// Between two languages the glossary knows (see [`glossary`]), the
/// ordered score is the F-measure weighing recall this many times as much
/// as precision (F-beta), chosen on the even-ranked UDHR paragraphs.
pub const CROSS_BETA: f64 = 1.5;

/// Between two languages the glossary knows, scores are multiplied by this
/// (capped at 1), so that [`DEFAULT_MIN_SCORE`] stands for 0.24, the
/// threshold calibrated on the even-ranked UDHR paragraphs in English,
/// French and Spanish: the one finding most of them while finding at most
/// 4 % of the quotes with nothing to find (`tests/locate_languages.rs`).
pub const CROSS_SCALE: f64 = DEFAULT_MIN_SCORE / 0.24;

/// Passages sharing fewer words than this with the quote have their score
/// scaled down in proportion.
pub const MIN_WORDS: usize = 4;

/// Options of [`locate`].
#[derive(Debug, Clone, PartialEq)]
pub struct LocateOptions {
    /// Blocks scoring under this (0–1) are not reported.
    pub min_score: f64,
    /// At most this many blocks are reported per quote.
    pub max_matches: usize,
}

impl Default for LocateOptions {
    fn default() -> Self {
        LocateOptions {
            min_score: DEFAULT_MIN_SCORE,
            max_matches: 3,
        }
    }
}

/// One block where a quote was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteMatch {
    /// The block's index, 0-based.
    pub index: usize,
    /// The block's label as printed (`"45"`, `"d)"` is `"d"`), or `None`.
    pub label: Option<String>,
    /// Similarity of the quote and the passage, 0 to 1.
    pub score: f64,
    /// Start of the passage in the block's text, in Unicode scalar values.
    pub start: usize,
    /// End of the passage (exclusive), in Unicode scalar values.
    pub end: usize,
    /// The passage itself: the block's text from `start` to `end`.
    pub passage: String,
    /// With `--via`: the score of the alignment link followed from the
    /// via paragraph to this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_score: Option<f64>,
    /// With `--via`: where the quote was found in the via document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Box<QuoteMatch>>,
}

/// The result for one quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteResult {
    /// The quote as given.
    pub quote: String,
    /// Matching blocks, best first (ties by index); empty when not found.
    pub matches: Vec<QuoteMatch>,
    /// What the reader should know about the result (a quote in another
    /// script than the document, a via paragraph without counterpart).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The results for all quotes, in the order given.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct LocateReport {
    /// One result per quote.
    pub results: Vec<QuoteResult>,
}

/// A word of a text: its key and its span in chars.
struct Word {
    key: String,
    /// The whole word's loose key (empty for numbers and ideographs), for
    /// cognates across languages.
    form: String,
    start: usize,
    end: usize,
}

/// The words of `text` with their comparison keys (see the module docs).
fn words(text: &str) -> Vec<Word> {
    // Byte offset → char offset, built once.
    let mut char_at = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in &mut char_at[b..b + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    char_at[text.len()] = n;
    let mut out = Vec::new();
    for t in tokenize(text) {
        let (k, form) = match t.kind {
            TokenKind::Number => match parse_digits(t.text(text)) {
                Some(v) => (format!("n:{v}"), String::new()),
                None => (key(t.text(text), Profile::LOOSE), String::new()),
            },
            TokenKind::Ideograph => (t.text(text).to_owned(), String::new()),
            TokenKind::Word => {
                let loose = key(t.text(text), Profile::LOOSE);
                let letters: String = loose
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .take(5)
                    .collect();
                if letters.is_empty() {
                    continue;
                }
                (letters, loose)
            }
            _ => continue,
        };
        out.push(Word {
            key: k,
            form,
            start: char_at[t.start],
            end: char_at[t.end],
        });
    }
    out
}

/// The word keys of a document's blocks, with their document frequencies.
struct Index {
    cross: bool,
    blocks: Vec<Vec<Word>>,
    df: HashMap<String, usize>,
    /// Across languages: cognate key ([`cognates::form_key`]) of the
    /// document's words → their key, `None` when two keys share it.
    cognate: HashMap<String, Option<String>>,
}

impl Index {
    fn new(blocks: Vec<Vec<Word>>) -> Index {
        let mut df: HashMap<String, usize> = HashMap::new();
        for ws in &blocks {
            let mut keys: Vec<&str> = ws.iter().map(|w| w.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                *df.entry(k.to_owned()).or_default() += 1;
            }
        }
        Index {
            cross: false,
            blocks,
            df,
            cognate: HashMap::new(),
        }
    }

    /// The index across languages: with the cognate keys of its words.
    fn cross(blocks: Vec<Vec<Word>>) -> Index {
        let mut i = Index::new(blocks);
        i.cross = true;
        for w in i.blocks.iter().flatten() {
            let Some(c) = cognates::form_key(&w.form) else {
                continue;
            };
            i.cognate
                .entry(c)
                .and_modify(|k| {
                    if k.as_deref() != Some(w.key.as_str()) {
                        *k = None;
                    }
                })
                .or_insert_with(|| Some(w.key.clone()));
        }
        i
    }

    /// Does the document hold a word of key `k`?
    fn known(&self, k: &str) -> bool {
        self.df.contains_key(k)
    }

    /// The inverse document frequency of key `k`.
    fn weight(&self, k: &str) -> f64 {
        let n = self.blocks.len() as f64;
        (1.0 + n / (1.0 + *self.df.get(k).unwrap_or(&0) as f64)).ln()
    }
}

/// Rewrites the keys of `ws`, words of a text in `lang`, into the
/// glossary's concepts.
fn concepts(mut ws: Vec<Word>, lang: Option<glossary::Lang>) -> Vec<Word> {
    if let Some(lang) = lang {
        glossary::to_concepts(lang, ws.iter_mut().map(|w| &mut w.key));
    }
    ws
}

/// Gives each word of `ws` the document does not know the key of its near
/// cognate in the document, if it has one ([`cognates::near`]).
fn near_cognates(mut ws: Vec<Word>, index: &Index) -> Vec<Word> {
    for w in ws.iter_mut().filter(|w| !index.known(&w.key)) {
        let same = cognates::form_key(&w.form).and_then(|c| index.cognate.get(&c));
        if let Some(Some(k)) = same {
            w.key.clone_from(k);
        } else if let Some(k) = cognates::near(&w.key, &index.df) {
            w.key = k.to_owned();
        }
    }
    ws
}

/// Finds each of `quotes` in `doc`.
pub fn locate(doc: &Document, quotes: &[String], opts: &LocateOptions) -> LocateReport {
    let texts = || doc.blocks.iter().map(|b| b.text.as_str());
    let raw = Index::new(texts().map(words).collect());
    let doc_lang = glossary::detect(texts());
    let mut pivot: Option<Index> = None;
    let doc_script = script::dominant(texts());
    let mut results = Vec::with_capacity(quotes.len());
    for q in quotes {
        let qwords = words(q);
        let q_lang = glossary::detect([q.as_str()]);
        let cross = q_lang.is_some() && doc_lang.is_some() && q_lang != doc_lang;
        let (index, qwords) = if cross {
            let index = pivot.get_or_insert_with(|| {
                Index::cross(texts().map(|t| concepts(words(t), doc_lang)).collect())
            });
            (&*index, near_cognates(concepts(qwords, q_lang), index))
        } else {
            (&raw, qwords)
        };
        let mut matches = find(&qwords, index);
        let foreign = known_share(&qwords, index) < OTHER_LANGUAGE;
        if cross {
            matches
                .iter_mut()
                .for_each(|m| m.2 = (m.2 * CROSS_SCALE).min(1.0));
        } else if foreign {
            stand_out(&mut matches, STANDOUT);
        }
        matches.retain(|m| m.2 >= opts.min_score);
        matches.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        matches.truncate(opts.max_matches);
        let mut r = QuoteResult {
            quote: q.clone(),
            matches: matches
                .into_iter()
                .map(|(index, span, score)| quote_match(doc, index, span, score))
                .collect(),
            notes: Vec::new(),
        };
        if let Some(note) = script::note(&r.quote, doc_script, !r.matches.is_empty()) {
            r.notes.push(note);
        } else if r.matches.is_empty() && (cross || (foreign && q_lang.is_none())) {
            r.notes
                .push(not_found_note(q_lang.filter(|_| cross), doc_lang));
        }
        results.push(r);
    }
    LocateReport { results }
}

/// The note for a quote in another language of the same script that is
/// not found (the quote's language when it was told).
fn not_found_note(quote: Option<glossary::Lang>, doc: Option<glossary::Lang>) -> String {
    let langs = match (quote, doc) {
        (Some(q), Some(d)) => format!(
            "it seems to be in {} and the document in {}",
            q.name(),
            d.name()
        ),
        _ => "it seems to be in another language than the document".to_owned(),
    };
    format!("nothing in the quote supports a match: {langs}; use --via with the document in the quote's language")
}

/// The match of block `index`, passage `(start, end)` in chars.
fn quote_match(
    doc: &Document,
    index: usize,
    (start, end): (usize, usize),
    score: f64,
) -> QuoteMatch {
    QuoteMatch {
        index,
        label: doc.blocks[index].label.clone(),
        score: (score * 10_000.0).round() / 10_000.0,
        start,
        end,
        passage: doc.blocks[index]
            .text
            .chars()
            .skip(start)
            .take(end - start)
            .collect(),
        link_score: None,
        via: None,
    }
}

/// The char offset of byte offset `byte` in `text`.
pub(crate) fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |t| t.chars().count())
}

/// Best window of every block that shares a word with `quote`:
/// `(block index, (start, end) in chars, score)`.
fn find(qwords: &[Word], index: &Index) -> Vec<(usize, (usize, usize), f64)> {
    let weight = |k: &str| index.weight(k);
    let mut qkeys: Vec<String> = qwords.iter().map(|w| w.key.clone()).collect();
    qkeys.sort_unstable();
    qkeys.dedup();
    let qid: HashMap<&str, usize> = qkeys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let qw: Vec<f64> = qkeys.iter().map(|k| weight(k)).collect();
    let q_total: f64 = qw.iter().sum();
    if q_total <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (bi, ws) in index.blocks.iter().enumerate() {
        // Prefix sums of word weights, and the shared words.
        let mut prefix = Vec::with_capacity(ws.len() + 1);
        prefix.push(0.0);
        let mut hits: Vec<(usize, usize, f64)> = Vec::new(); // (word pos, qid, w)
        for (p, w) in ws.iter().enumerate() {
            let wt = weight(&w.key);
            prefix.push(prefix[p] + wt);
            if let Some(&id) = qid.get(w.key.as_str()) {
                hits.push((p, id, wt));
            }
        }
        if hits.is_empty() {
            continue;
        }
        let mut best = (0.0, 0, 0);
        let mut seen = vec![false; qkeys.len()];
        for a in 0..hits.len() {
            seen.iter_mut().for_each(|s| *s = false);
            let (mut recall_w, mut hit_w) = (0.0, 0.0);
            for &(pb, id, wt) in &hits[a..] {
                hit_w += wt;
                if !seen[id] {
                    seen[id] = true;
                    recall_w += qw[id];
                }
                let pa = hits[a].0;
                let window_w = prefix[pb + 1] - prefix[pa];
                let r = recall_w / q_total;
                let p = if window_w > 0.0 {
                    hit_w / window_w
                } else {
                    0.0
                };
                let f = if r + p > 0.0 {
                    2.0 * p * r / (p + r)
                } else {
                    0.0
                };
                if f > best.0 {
                    best = (f, pa, pb);
                }
            }
        }
        if best.0 > 0.0 {
            let score = ordered_f(qwords, &ws[best.1..=best.2], index);
            out.push((bi, (ws[best.1].start, ws[best.2].end), score));
        }
    }
    out
}

/// The share of `quote`'s words whose key occurs in the document.
fn known_share(quote: &[Word], index: &Index) -> f64 {
    let k = quote.iter().filter(|w| index.known(&w.key)).count();
    k as f64 / quote.len().max(1) as f64
}

/// In another language a passage is found only when it stands out: each
/// block's score is scaled by how far it lies above the best other block
/// (full at [`STANDOUT`] of its own score and more), so that a quote
/// sharing a few cognates with many paragraphs finds none.
fn stand_out(matches: &mut [(usize, (usize, usize), f64)], margin: f64) {
    let scores: Vec<f64> = matches.iter().map(|m| m.2).collect();
    for (k, m) in matches.iter_mut().enumerate() {
        let other = scores
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .map(|(_, &s)| s)
            .fold(0.0, f64::max);
        if m.2 > 0.0 {
            m.2 *= ((m.2 - other) / (margin * m.2)).clamp(0.0, 1.0);
        }
    }
}

/// The weighted F-measure of the words that `quote` and `window` share in
/// the same order (a weighted longest common subsequence of keys): a
/// passage that says the same thing in the same order scores high, one
/// that shares the same vocabulary scattered scores low.
fn ordered_f(quote: &[Word], window: &[Word], index: &Index) -> f64 {
    let (weight, known) = (|k: &str| index.weight(k), |k: &str| index.known(k));
    // Across languages the glossary carries the function words, so a
    // quote word the document does not know is a word the passage lacks
    // (or one the glossary cannot translate): it counts in recall.
    let unknown = if index.cross { 1.0 } else { 0.0 };
    // Quote words whose key occurs nowhere in the document cannot tell
    // blocks apart (another language's function words): they count in
    // neither recall nor the LCS.
    let qw: Vec<f64> = quote
        .iter()
        .map(|w| {
            if known(&w.key) {
                weight(&w.key)
            } else {
                unknown * weight(&w.key)
            }
        })
        .collect();
    let ww: Vec<f64> = window.iter().map(|w| weight(&w.key)).collect();
    let (q_total, w_total): (f64, f64) = (qw.iter().sum(), ww.iter().sum());
    if q_total <= 0.0 || w_total <= 0.0 {
        return 0.0;
    }
    // One row at a time: lcs[j] = best weight for quote[..i], window[..j].
    let mut prev = vec![0.0f64; window.len() + 1];
    let mut cur = vec![0.0f64; window.len() + 1];
    for (i, q) in quote.iter().enumerate() {
        for (j, w) in window.iter().enumerate() {
            cur[j + 1] = if q.key == w.key {
                prev[j] + qw[i]
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev[window.len()];
    let (r, mut p) = (lcs / q_total, lcs / w_total);
    // A quote in another language: only the share of its words the
    // document knows (cognates, numbers, names) can be found in any
    // passage, its translation included; precision is measured against
    // that share.
    let rate = known_share(quote, index);
    if rate < OTHER_LANGUAGE {
        p = (p / rate.max(0.2)).min(1.0);
    }
    if r + p <= 0.0 {
        return 0.0;
    }
    // Count the shared words; few of them make weak evidence whatever
    // their weight (two words in common are no quotation).
    let shared = window
        .iter()
        .filter(|w| quote.iter().any(|q| q.key == w.key))
        .count();
    let support = (shared as f64 / MIN_WORDS as f64).min(1.0);
    // Across languages recall weighs more (see [`CROSS_BETA`]).
    let b2 = if index.cross {
        CROSS_BETA * CROSS_BETA
    } else {
        1.0
    };
    support * (1.0 + b2) * p * r / (b2 * p + r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ingest, InputFormat};

    fn doc() -> Document {
        ingest(
            "1. Les infrastructures critiques fournissent des services essentiels au public.\n\n\
             2. La pandémie de COVID-19 a montré les risques. Les États coopèrent entre eux.\n\n\
             3. Le Groupe recommande la résolution 70/237 de l'Assemblée générale.\n",
            InputFormat::Text,
        )
    }

    fn one(q: &str) -> QuoteResult {
        locate(&doc(), &[q.to_owned()], &LocateOptions::default())
            .results
            .remove(0)
    }

    #[test]
    fn excerpt_found_with_its_span() {
        let r = one("Les États coopèrent entre eux");
        assert_eq!(r.matches[0].index, 1);
        let text = &doc().blocks[1].text;
        let passage: String = text
            .chars()
            .skip(r.matches[0].start)
            .take(r.matches[0].end - r.matches[0].start)
            .collect();
        assert_eq!(passage, "Les États coopèrent entre eux");
        assert_eq!(r.matches[0].passage, passage);
        assert!(r.matches[0].score > 0.9);
    }

    #[test]
    fn other_wording_found() {
        let r = one("l'infrastructure critique qui fournit des services essentiels aux publics");
        assert_eq!(r.matches[0].index, 0);
        assert_eq!(r.matches[0].label.as_deref(), Some("1"));
    }

    #[test]
    fn other_language_found_by_cognates_and_anchors() {
        let r = one("the General Assembly resolution 70/237");
        assert_eq!(r.matches[0].index, 2);
    }

    #[test]
    fn unrelated_quote_not_found() {
        let r = one("Nous regrettons vivement ce choix malheureux.");
        assert!(r.matches.is_empty(), "{r:?}");
        let r = one("");
        assert!(r.matches.is_empty());
    }

    fn udhr() -> Document {
        ingest(
            "1. Everyone has the right to life, liberty and security of person.\n\n\
             2. Everyone has the right to freedom of thought, conscience and religion.\n\n\
             3. Man should not be compelled to rebellion against tyranny and oppression.\n",
            InputFormat::Text,
        )
    }

    #[test]
    fn another_language_found_among_paragraphs_that_open_alike() {
        let q = "Toute personne a droit à la liberté de pensée, de conscience et de religion.";
        let r = locate(&udhr(), &[q.to_owned()], &LocateOptions::default());
        let r = &r.results[0];
        assert_eq!(r.matches.first().map(|m| m.index), Some(1), "{r:?}");
    }

    #[test]
    fn cognates_spelt_otherwise_meet_across_languages() {
        let q = "El hombre no se vea compelido a la rebelión contra la tiranía y la opresión.";
        let r = locate(&udhr(), &[q.to_owned()], &LocateOptions::default());
        let m = &r.results[0].matches[0];
        assert_eq!(m.index, 2);
        assert!(m.passage.ends_with("oppression"), "{m:?}");
    }

    #[test]
    fn spans_are_in_chars() {
        let d = ingest("Ωmega café été déjà vu.\n", InputFormat::Text);
        let r = locate(&d, &["déjà vu".to_owned()], &LocateOptions::default());
        let m = &r.results[0].matches[0];
        assert_eq!((m.start, m.end), (15, 22));
    }
}
