//! Where a phrase occurs in a text: exact, normalized or fuzzy matching of
//! word sequences, plus user-given variants.
//!
//! Texts and phrases are cut into tokens by [`crate::segment::tokenize`]
//! (spaces and invisible characters ignored), so a phrase matches across
//! any run of spaces or a joined hard wrap. Token comparison:
//! - [`MatchMode::Exact`]: tokens equal byte for byte;
//! - [`MatchMode::Normalized`] (default): tokens equal under
//!   [`crate::normalize::Profile::NORMAL`] (typography and case folded), and
//!   French elisions folded: an elided word counts as its full form (`d'` as
//!   `de`, `qu'` as `que`) and an elided article `l'` after `de` is ignored,
//!   so `de l'Internet` and `d'Internet` match each other.
//!
//! With a fuzzy budget of N, a match may differ from the phrase by up to N
//! word insertions, deletions or substitutions (and always keeps at least
//! one word of the phrase).

use crate::error::{Error, ErrorKind, Result};
use crate::normalize::{key, search_fold, Profile};
use crate::segment::{tokenize, TokenKind};
use serde::Serialize;

/// How tokens are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchMode {
    /// Byte-for-byte equal tokens (spacing between words still free).
    Exact,
    /// Typography, case and French elisions folded.
    #[default]
    Normalized,
}

/// Options of a [`Matcher`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatchOptions {
    /// How tokens are compared.
    pub mode: MatchMode,
    /// Word edits allowed (0: the whole phrase, in order).
    pub fuzzy: usize,
}

/// One match of a term in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Byte offset of the first matched token.
    pub start: usize,
    /// Byte offset one past the last matched token.
    pub end: usize,
    /// Word edits between the match and the term.
    pub distance: usize,
}

/// Elided words and their full forms (lower case, apostrophe removed).
const ELISION_BASES: &[(&str, &str)] = &[
    ("l", "le"),
    ("d", "de"),
    ("j", "je"),
    ("m", "me"),
    ("n", "ne"),
    ("s", "se"),
    ("t", "te"),
    ("c", "ce"),
    ("qu", "que"),
    ("jusqu", "jusque"),
    ("lorsqu", "lorsque"),
    ("puisqu", "puisque"),
    ("quoiqu", "quoique"),
    ("presqu", "presque"),
    ("quelqu", "quelque"),
];

/// A term (the phrase or a variant) prepared for matching.
#[derive(Debug, Clone)]
struct Term {
    text: String,
    keys: Vec<String>,
    /// Search folds of distinctive words, for the pre-filter.
    anchors: Vec<String>,
}

/// Finds a phrase and its variants in texts. Built once, shared by threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    terms: Vec<Term>,
    opts: MatchOptions,
}

/// A token key with its byte range in the text.
struct Keyed {
    key: String,
    start: usize,
    end: usize,
    /// The token is a distinctive word (not an elision or its full form).
    anchor: bool,
}

fn keyed_tokens(text: &str, mode: MatchMode) -> Vec<Keyed> {
    let mut out: Vec<Keyed> = Vec::new();
    for t in tokenize(text) {
        if matches!(t.kind, TokenKind::Space | TokenKind::Invisible) {
            continue;
        }
        let raw = t.text(text);
        if mode == MatchMode::Exact {
            out.push(Keyed {
                key: raw.to_owned(),
                start: t.start,
                end: t.end,
                anchor: t.is_wordlike(),
            });
            continue;
        }
        let k = key(raw, Profile::NORMAL);
        if k.is_empty() {
            continue;
        }
        let elided = k.strip_suffix('\'').filter(|_| t.kind == TokenKind::Word);
        let base = elided.and_then(|e| ELISION_BASES.iter().find(|(el, _)| *el == e));
        if let Some((el, full)) = base {
            // `de l'X` ≡ `d'X`: drop an elided article after `de`.
            if *el == "l" && out.last().is_some_and(|p| p.key == "de") {
                continue;
            }
            out.push(Keyed {
                key: (*full).to_owned(),
                start: t.start,
                end: t.end,
                anchor: false,
            });
            continue;
        }
        let is_base = ELISION_BASES.iter().any(|(_, full)| *full == k);
        out.push(Keyed {
            key: k,
            start: t.start,
            end: t.end,
            anchor: t.is_wordlike() && !is_base,
        });
    }
    out
}

impl Matcher {
    /// Prepares `phrase` and `variants`. Errors when the phrase (or a
    /// variant) has no word, or when the fuzzy budget would let a match
    /// keep no word of a term.
    pub fn new(phrase: &str, variants: &[String], opts: &MatchOptions) -> Result<Matcher> {
        let mut terms = Vec::with_capacity(1 + variants.len());
        for text in std::iter::once(phrase).chain(variants.iter().map(String::as_str)) {
            let toks = keyed_tokens(text, opts.mode);
            if toks.is_empty() {
                return Err(Error::new(text, ErrorKind::EmptyPhrase));
            }
            if opts.fuzzy >= toks.len() {
                return Err(Error::new(
                    text,
                    ErrorKind::Invalid(format!(
                        "a fuzzy budget of {} word edits needs a phrase of more than {} words",
                        opts.fuzzy, opts.fuzzy
                    )),
                ));
            }
            let mut anchors: Vec<String> = toks
                .iter()
                .filter(|t| t.anchor)
                .map(|t| {
                    let mut f = String::new();
                    search_fold(&text[t.start..t.end], &mut f);
                    f
                })
                .filter(|f| !f.is_empty())
                .collect();
            anchors.sort();
            anchors.dedup();
            terms.push(Term {
                text: text.to_owned(),
                keys: toks.into_iter().map(|t| t.key).collect(),
                anchors,
            });
        }
        Ok(Matcher { terms, opts: *opts })
    }

    /// Number of terms: the phrase (index 0) then the variants.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The text of term `i` as given.
    pub fn term(&self, i: usize) -> &str {
        &self.terms[i].text
    }

    /// The options.
    pub fn options(&self) -> MatchOptions {
        self.opts
    }

    /// Can `text` contain any term? A fast, conservative test: `false`
    /// means no match is possible; `true` must be confirmed with
    /// [`Matcher::find`].
    pub fn may_match(&self, text: &str) -> bool {
        let mut folded = String::with_capacity(text.len());
        search_fold(text, &mut folded);
        self.terms.iter().any(|t| {
            let present = t
                .anchors
                .iter()
                .filter(|a| folded.contains(a.as_str()))
                .count();
            present + self.opts.fuzzy >= t.anchors.len()
        })
    }

    /// Non-overlapping matches of term `term` in `text`, in text order.
    pub fn find(&self, term: usize, text: &str) -> Vec<PhraseMatch> {
        let toks = keyed_tokens(text, self.opts.mode);
        self.find_in(&self.terms[term], &toks)
    }

    fn find_in(&self, term: &Term, toks: &[Keyed]) -> Vec<PhraseMatch> {
        let p = &term.keys;
        let budget = self.opts.fuzzy;
        let mut cands: Vec<(usize, usize, usize)> = Vec::new(); // (distance, start, end) token indexes
        for s in 0..toks.len() {
            if budget == 0 {
                if toks.len() - s >= p.len() && p.iter().zip(&toks[s..]).all(|(a, b)| *a == b.key) {
                    cands.push((0, s, s + p.len()));
                }
                continue;
            }
            if let Some((d, len)) = best_window(p, &toks[s..], budget) {
                cands.push((d, s, s + len));
            }
        }
        cands.sort();
        let mut taken: Vec<(usize, usize, usize)> = Vec::new();
        for c in cands {
            if taken.iter().all(|t| c.2 <= t.1 || c.1 >= t.2) {
                taken.push(c);
            }
        }
        taken.sort_by_key(|t| t.1);
        taken
            .into_iter()
            .map(|(d, s, e)| PhraseMatch {
                start: toks[s].start,
                end: toks[e - 1].end,
                distance: d,
            })
            .collect()
    }
}

/// The best (distance, window length) of `p` against a prefix of `t`
/// within `budget` word edits: smallest distance, then longest window.
/// The window must start and end with a token equal to some phrase token
/// at the right place (no leading or trailing insertions), and keep at
/// least one phrase word.
fn best_window(p: &[String], t: &[Keyed], budget: usize) -> Option<(usize, usize)> {
    let m = p.len();
    let max_len = (m + budget).min(t.len());
    if max_len == 0 || !p.iter().any(|k| *k == t[0].key) {
        return None;
    }
    // prev[i] = edit distance between p[..i] and t[..j].
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut best: Option<(usize, usize)> = None;
    for j in 1..=max_len {
        let mut cur = vec![j; m + 1];
        for i in 1..=m {
            let sub = prev[i - 1] + usize::from(p[i - 1] != t[j - 1].key);
            cur[i] = sub.min(prev[i] + 1).min(cur[i - 1] + 1);
        }
        let d = cur[m];
        if d <= budget && d < m && best.is_none_or(|(bd, _)| d <= bd) && p.contains(&t[j - 1].key) {
            best = Some((d, j));
        }
        prev = cur;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(phrase: &str, fuzzy: usize) -> Matcher {
        Matcher::new(
            phrase,
            &[],
            &MatchOptions {
                mode: MatchMode::Normalized,
                fuzzy,
            },
        )
        .unwrap()
    }

    fn found<'a>(m: &Matcher, text: &'a str) -> Vec<&'a str> {
        m.find(0, text)
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect()
    }

    #[test]
    fn normalized_folds_typography_case_spacing_and_wraps() {
        let ph = m("bon père de famille", 0);
        let text = "en Bon  Père de\nfamille, et d’un bon père\u{00A0}de famille.";
        assert_eq!(
            found(&ph, text),
            ["Bon  Père de\nfamille", "bon père\u{00A0}de famille"]
        );
        assert!(ph.may_match(text));
        assert!(!ph.may_match("un bon père attentif"));
    }

    #[test]
    fn french_elision_variants_match_each_other() {
        let a = m("noyau public de l'Internet", 0);
        assert_eq!(
            found(&a, "le noyau public d’Internet"),
            ["noyau public d’Internet"]
        );
        let b = m("noyau public d'Internet", 0);
        assert_eq!(
            found(&b, "du noyau public de l'Internet."),
            ["noyau public de l'Internet"]
        );
        assert!(b.may_match("du noyau public de l'Internet."));
    }

    #[test]
    fn exact_mode_keeps_case_and_typography() {
        let ex = Matcher::new(
            "l'Internet",
            &[],
            &MatchOptions {
                mode: MatchMode::Exact,
                fuzzy: 0,
            },
        )
        .unwrap();
        assert!(ex.find(0, "de l’Internet").is_empty());
        assert!(ex.find(0, "de l'internet").is_empty());
        assert_eq!(ex.find(0, "de l'Internet").len(), 1);
    }

    #[test]
    fn fuzzy_allows_word_edits() {
        let f = m("bon père de famille", 1);
        assert_eq!(
            found(&f, "un bon père de la famille"),
            ["bon père de la famille"]
        );
        assert_eq!(found(&f, "un bon père de famille"), ["bon père de famille"]);
        assert_eq!(
            found(&f, "un bon parent de famille"),
            ["bon parent de famille"]
        );
        assert!(found(&f, "un bon parent de la famille").is_empty());
        let hits = f.find(0, "un bon père de la famille");
        assert_eq!(hits[0].distance, 1);
    }

    #[test]
    fn variants_are_separate_terms() {
        let mm = Matcher::new(
            "bon père de famille",
            &["raisonnablement".into()],
            &MatchOptions::default(),
        )
        .unwrap();
        assert_eq!(mm.term_count(), 2);
        assert_eq!(mm.find(1, "agir raisonnablement").len(), 1);
        assert!(mm.may_match("agir raisonnablement"));
    }

    #[test]
    fn empty_phrase_is_an_error() {
        for p in ["", "   ", "\u{200B}"] {
            let e = Matcher::new(p, &[], &MatchOptions::default()).unwrap_err();
            assert_eq!(e.kind(), &ErrorKind::EmptyPhrase);
        }
        assert!(Matcher::new(
            "deux mots",
            &[],
            &MatchOptions {
                mode: MatchMode::Normalized,
                fuzzy: 2
            }
        )
        .is_err());
    }
}
