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
//!   `de`, `qu'` as `que`) and an elided article `l'` after `de` is
//!   *optional* on either side, so `de l'Internet` and `d'Internet` match
//!   each other while `l'Internet` still matches inside `de l'Internet`.
//!
//! Keying depends on a token and (for the optional article) its
//! predecessor only, identically in the phrase and the text, and an
//! optional token may always be matched like any other: so every exact
//! match is also a normalized match (the property tests check it).
//!
//! With a fuzzy budget of N, a match may differ from the phrase by up to N
//! word insertions, deletions or substitutions (and always keeps at least
//! one word of the phrase).

use crate::error::{Error, ErrorKind, Result};
use crate::normalize::{key, search_fold, Profile};
use crate::segment::{tokenize, TokenKind};
use memchr::memmem::Finder;
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

/// The largest fold buffer a thread keeps between texts.
const MAX_KEPT_BUFFER: usize = 4 << 20;

/// The search folds the pre-filter looks for in a text that may hold the
/// term `text` (keyed as `toks`), sorted and without duplicates.
///
/// With `runs` (no word edits allowed), each run of consecutive
/// distinctive tokens is glued into one fold: a match pairs those tokens
/// with text tokens of the same key, hence the same fold, with nothing
/// between them but spaces and invisible characters, which the fold
/// drops (a text token is skipped only after `de`, which is no
/// distinctive token). Otherwise each distinctive word alone.
fn anchors(text: &str, toks: &[Keyed], runs: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for t in toks {
        if t.anchor {
            search_fold(&text[t.start..t.end], &mut run);
        }
        if !t.anchor || !runs {
            out.push(std::mem::take(&mut run));
        }
    }
    out.push(run);
    out.retain(|a| !a.is_empty());
    out.sort();
    out.dedup();
    out
}

/// A term (the phrase or a variant) prepared for matching.
#[derive(Debug, Clone)]
struct Term {
    text: String,
    /// Token keys, with the optional flag (an `l'` after `de`).
    keys: Vec<(String, bool)>,
    /// Searchers for the search folds the pre-filter looks for: each run
    /// of consecutive distinctive words glued together (a match without
    /// word edits folds to text that holds every run), or with a fuzzy
    /// budget each distinctive word alone.
    anchors: Vec<Finder<'static>>,
}

/// Finds a phrase and its variants in texts. Built once, shared by threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    terms: Vec<Term>,
    opts: MatchOptions,
    /// With a fuzzy budget in normalized mode, the same terms matched
    /// exactly: best windows chosen under the two keyings can differ, and
    /// every exact match must still be found ([`Matcher::find`]).
    exact: Option<Box<Matcher>>,
}

/// A token key with its byte range in the text.
struct Keyed {
    key: String,
    start: usize,
    end: usize,
    /// The token is a distinctive word (not an elision or its full form).
    anchor: bool,
    /// The token may be skipped when matching (an elided article `l'`
    /// after `de`: `de l'Internet` ≡ `d'Internet`).
    optional: bool,
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
                optional: false,
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
            // `de l'X` ≡ `d'X`: an elided article after `de` is optional.
            let optional = *el == "l" && out.last().is_some_and(|p| p.key == "de");
            out.push(Keyed {
                key: (*full).to_owned(),
                start: t.start,
                end: t.end,
                anchor: false,
                optional,
            });
            continue;
        }
        let is_base = ELISION_BASES.iter().any(|(_, full)| *full == k);
        out.push(Keyed {
            key: k,
            start: t.start,
            end: t.end,
            anchor: t.is_wordlike() && !is_base,
            optional: false,
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
            let anchors = anchors(text, &toks, opts.fuzzy == 0)
                .iter()
                .map(|a| Finder::new(a.as_bytes()).into_owned())
                .collect();
            terms.push(Term {
                text: text.to_owned(),
                keys: toks.into_iter().map(|t| (t.key, t.optional)).collect(),
                anchors,
            });
        }
        let exact = (opts.mode == MatchMode::Normalized && opts.fuzzy > 0)
            .then(|| {
                let exact = MatchOptions {
                    mode: MatchMode::Exact,
                    ..*opts
                };
                Matcher::new(phrase, variants, &exact).ok().map(Box::new)
            })
            .flatten();
        Ok(Matcher {
            terms,
            opts: *opts,
            exact,
        })
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
        thread_local! {
            static FOLDED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        FOLDED.with(|buf| {
            let mut folded = buf.borrow_mut();
            fold_into(text, &mut folded);
            let may = (0..self.terms.len()).any(|t| self.may_match_folded(t, &folded));
            // Keep the buffer for the next text, unless one huge text made it huge.
            if folded.capacity() > MAX_KEPT_BUFFER {
                *folded = Vec::new();
            }
            may
        })
    }

    /// [`Matcher::may_match`] for term `term`, on text already folded by
    /// [`fold`] (one fold serves every term).
    pub(crate) fn may_match_folded(&self, term: usize, folded: &[u8]) -> bool {
        if let Some(ex) = &self.exact {
            if ex.may_match_folded(term, folded) {
                return true;
            }
        }
        let t = &self.terms[term];
        let mut missing = 0;
        for a in &t.anchors {
            if a.find(folded).is_none() {
                missing += 1;
                if missing > self.opts.fuzzy {
                    return false;
                }
            }
        }
        true
    }

    /// [`Matcher::may_match`] on raw file bytes: `false` when they do not
    /// decode as text (the walk skips such versions anyway).
    pub fn may_match_bytes(&self, bytes: &[u8]) -> bool {
        // Plain UTF-8, the common case, is tested in place; the fold drops
        // carriage returns, so line ends need no rewriting. Anything else
        // (a byte-order mark, UTF-16, a Word file) is decoded first.
        let plain = !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
            && !bytes.starts_with(&[0xFF, 0xFE])
            && !bytes.starts_with(&[0xFE, 0xFF])
            && matches!(
                crate::ingest::sniff::sniff(bytes),
                crate::ingest::sniff::Sniffed::Text | crate::ingest::sniff::Sniffed::Pdf
            );
        if plain {
            return !bytes.contains(&0)
                && std::str::from_utf8(bytes).is_ok_and(|t| self.may_match(t));
        }
        crate::decode(bytes, "").is_ok_and(|d| self.may_match(&d.text))
    }

    /// Non-overlapping matches of term `term` in `text`, in text order.
    pub fn find(&self, term: usize, text: &str) -> Vec<PhraseMatch> {
        self.find_folded(term, text, &fold(text))
    }

    /// [`Matcher::find`] with `text` already folded by [`fold`] (one fold
    /// serves every term of a paragraph).
    pub(crate) fn find_folded(&self, term: usize, text: &str, folded: &[u8]) -> Vec<PhraseMatch> {
        // The cheap, conservative test first: tokenizing and keying the
        // text costs far more, and most paragraphs cannot hold the term.
        if !self.may_match_folded(term, folded) {
            return Vec::new();
        }
        let toks = keyed_tokens(text, self.opts.mode);
        let mut found = self.find_in(&self.terms[term], &toks);
        if let Some(ex) = &self.exact {
            // Normalized matching finds at least what exact matching
            // finds: an exact match no normalized one overlaps is added.
            for e in ex.find_folded(term, text, folded) {
                if !found.iter().any(|n| n.start < e.end && e.start < n.end) {
                    found.push(e);
                }
            }
            found.sort_by_key(|m| m.start);
        }
        found
    }

    fn find_in(&self, term: &Term, toks: &[Keyed]) -> Vec<PhraseMatch> {
        let p = &term.keys;
        let budget = self.opts.fuzzy;
        let mut cands: Vec<(usize, usize, usize)> = Vec::new(); // (distance, start, end) token indexes
        for s in 0..toks.len() {
            if budget == 0 {
                if let Some(len) = match_here(p, &toks[s..], true) {
                    cands.push((0, s, s + len));
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

/// Precomputed [`search_fold`] of the characters most texts are made of
/// besides ASCII: U+0080..U+0800 (Latin, Greek, Cyrillic...) and general
/// punctuation U+2000..U+2070 (quotes, dashes, special spaces). Folding
/// one of them costs hundreds of instructions (case, typography,
/// decomposition tables); a lookup costs a few.
struct FoldTable {
    /// (start, length) in `text` per character.
    spans: Vec<(u32, u8)>,
    text: String,
}

const TWO_BYTE: std::ops::Range<u32> = 0x80..0x800;
const PUNCT: std::ops::Range<u32> = 0x2000..0x2070;

impl FoldTable {
    fn get() -> &'static FoldTable {
        static TABLE: std::sync::OnceLock<FoldTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = FoldTable {
                spans: Vec::new(),
                text: String::new(),
            };
            for cp in TWO_BYTE.chain(PUNCT) {
                let start = t.text.len();
                if let Some(c) = char::from_u32(cp) {
                    search_fold(c.encode_utf8(&mut [0; 4]), &mut t.text);
                }
                let len = u8::try_from(t.text.len() - start).expect("a char folds short");
                t.spans.push((start as u32, len));
            }
            t
        })
    }

    fn fold(&self, cp: u32) -> Option<&str> {
        let i = if TWO_BYTE.contains(&cp) {
            cp - TWO_BYTE.start
        } else if PUNCT.contains(&cp) {
            TWO_BYTE.len() as u32 + cp - PUNCT.start
        } else {
            return None;
        };
        let (start, len) = self.spans[i as usize];
        Some(&self.text[start as usize..start as usize + usize::from(len)])
    }
}

/// ASCII bytes as [`search_fold`] keeps them: letters lowered, digits,
/// and 0 for what it drops.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// [`search_fold`] of `text` as UTF-8 bytes (same output: the fold works
/// character by character), with ASCII and common characters fast.
pub(crate) fn fold(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    fold_into(text, &mut out);
    out
}

/// [`fold`] into `out` (cleared first), so that a caller folding many
/// texts reuses one buffer.
///
/// `out` is kept at least as long as what is written plus what is left of
/// the input, so each ASCII byte is written unconditionally and the write
/// position advances only for letters and digits: no branch per byte.
pub(crate) fn fold_into(text: &str, out: &mut Vec<u8>) {
    let table = FoldTable::get();
    let bytes = text.as_bytes();
    out.clear();
    out.resize(bytes.len(), 0);
    let mut rare = String::new();
    let (mut i, mut w) = (0, 0);
    while i < bytes.len() {
        // A run of ASCII.
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii()) {
            let f = ASCII_FOLD[usize::from(b)];
            out[w] = f;
            w += usize::from(f != 0);
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        let width = match b {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        let ch = &text[i..i + width];
        let cp = ch.chars().next().map_or(0, u32::from);
        let f = match table.fold(cp) {
            Some(f) => f.as_bytes(),
            None => {
                rare.clear();
                search_fold(ch, &mut rare);
                rare.as_bytes()
            }
        };
        i += width;
        let need = w + f.len() + (bytes.len() - i);
        if out.len() < need {
            out.resize(need, 0);
        }
        out[w..w + f.len()].copy_from_slice(f);
        w += f.len();
    }
    out.truncate(w);
}

/// The number of text tokens of `t` (a prefix) that match all of `p`,
/// optional tokens on either side skippable; `None` without a match. At the
/// `first` position a text token is never skipped, so a match starts on a
/// token it uses. Tokens equal under their keys are always tried first;
/// optional tokens are rare, so the backtracking stays shallow.
fn match_here(p: &[(String, bool)], t: &[Keyed], first: bool) -> Option<usize> {
    let Some(((pk, p_opt), p_rest)) = p.split_first() else {
        return Some(0);
    };
    let Some((tok, t_rest)) = t.split_first() else {
        return p.iter().all(|k| k.1).then_some(0);
    };
    if *pk == tok.key {
        if let Some(n) = match_here(p_rest, t_rest, false) {
            return Some(n + 1);
        }
    }
    if *p_opt {
        if let Some(n) = match_here(p_rest, t, first) {
            return Some(n);
        }
    }
    if tok.optional && !first {
        return match_here(p, t_rest, false).map(|n| n + 1);
    }
    None
}

/// The best (distance, window length) of `p` against a prefix of `t`
/// within `budget` word edits: smallest distance, then longest window.
/// The window must start and end with a token equal to some phrase token
/// at the right place (no leading or trailing insertions), and keep at
/// least one phrase word.
/// Optional tokens (on either side) are skipped at no cost.
fn best_window(p: &[(String, bool)], t: &[Keyed], budget: usize) -> Option<(usize, usize)> {
    let m = p.len();
    let optional_in_text = t.iter().take(m + budget).filter(|k| k.optional).count();
    let max_len = (m + budget + optional_in_text).min(t.len());
    let in_phrase = |k: &str| p.iter().any(|(pk, _)| pk == k);
    if max_len == 0 || !in_phrase(&t[0].key) {
        return None;
    }
    let skip = |opt: bool| usize::from(!opt);
    // prev[i] = edit distance between p[..i] and t[..j].
    let mut prev: Vec<usize> = vec![0; m + 1];
    for i in 1..=m {
        prev[i] = prev[i - 1] + skip(p[i - 1].1);
    }
    let mut best: Option<(usize, usize)> = None;
    for j in 1..=max_len {
        let tok = &t[j - 1];
        let mut cur = vec![prev[0] + skip(tok.optional); m + 1];
        for i in 1..=m {
            let sub = prev[i - 1] + usize::from(p[i - 1].0 != tok.key);
            cur[i] = sub
                .min(prev[i] + skip(tok.optional))
                .min(cur[i - 1] + skip(p[i - 1].1));
        }
        let d = cur[m];
        if d <= budget && d < m && best.is_none_or(|(bd, _)| d <= bd) && in_phrase(&tok.key) {
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
    fn elided_article_phrase_matches_after_de() {
        let a = m("l'Internet", 0);
        assert_eq!(found(&a, "de l'Internet"), ["l'Internet"]);
        assert_eq!(
            found(&a, "de l’Internet et l'internet"),
            ["l’Internet", "l'internet"]
        );
        let b = m("l'autorité parentale", 0);
        assert_eq!(
            found(&b, "titulaires de l'autorité parentale."),
            ["l'autorité parentale"]
        );
        let c = m(
            "l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet",
            0,
        );
        let text = "protéger l’infrastructure technique essentielle à la disponibilité ou à l’intégrité générales de l’Internet.";
        assert_eq!(c.find(0, text).len(), 1);
        // `de l'` and `d'` still match each other, in both directions.
        assert_eq!(found(&m("de l'Internet", 0), "d'Internet"), ["d'Internet"]);
        assert_eq!(
            found(&m("d'Internet", 0), "de l'Internet"),
            ["de l'Internet"]
        );
    }

    #[test]
    fn elisions_fold_the_same_in_phrase_and_text() {
        for (phrase, text) in [
            ("jusqu'à la fin", "Jusqu’à la fin"),
            ("lorsqu'il", "lorsqu’il"),
            ("puisqu'elle", "puisqu’elle"),
            ("qu'il", "qu’il"),
            ("j'ai", "J’ai"),
            ("s'engage", "s’engage"),
            ("n'est", "n’est"),
            ("c'est", "C’est"),
            ("dell'Unione", "dell’Unione"),
            ("l'accord", "de l’accord"),
        ] {
            assert_eq!(m(phrase, 0).find(0, text).len(), 1, "{phrase} in {text}");
        }
    }

    #[test]
    fn fuzzy_skips_optional_articles_for_free() {
        let f = m("noyau public d'Internet", 1);
        let hits = f.find(0, "le noyau public de l'Internet");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].distance, 0);
        let g = m("l'Internet public", 1);
        assert_eq!(g.find(0, "de l'Internet public").len(), 1);
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
    fn fuzzy_normalized_matching_keeps_every_exact_match() {
        // Found by the property test: the best windows under the two
        // keyings differ ("de Internet" normalized; "Internet" at 0 exact).
        for (phrase, text) in [
            ("d'Internet", "Internet de Internet"),
            ("le internet", "le l'Internet"),
        ] {
            let opts = |mode| MatchOptions { mode, fuzzy: 1 };
            let ex = Matcher::new(phrase, &[], &opts(MatchMode::Exact)).unwrap();
            let no = Matcher::new(phrase, &[], &opts(MatchMode::Normalized)).unwrap();
            let norm = no.find(0, text);
            for e in ex.find(0, text) {
                assert!(
                    norm.iter().any(|n| n.start < e.end && e.start < n.end),
                    "{phrase:?} in {text:?}: exact {e:?} not in {norm:?}"
                );
            }
        }
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
    fn fast_fold_equals_search_fold() {
        for text in [
            "",
            "Agir en « bon père de famille »,\u{00A0}l’Œuvre — n° 12",
            "e\u{0301}te\u{0301} ÉTÉ straße ﬁn 1er\u{200B}x ΑΒΓ 中文",
            "plain ascii only, 123!",
            "ÀÉÎ",
        ] {
            let mut b = String::new();
            search_fold(text, &mut b);
            assert_eq!(fold(text), b.as_bytes(), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn fast_fold_equals_search_fold_on_any_text(text in "\\PC{0,40}") {
            let mut b = String::new();
            search_fold(&text, &mut b);
            proptest::prop_assert_eq!(fold(&text), b.into_bytes());
        }
    }

    /// Words that exercise the folds: elisions with both apostrophes,
    /// `de` before `l'`, case and typography variants.
    fn word() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "de",
            "De",
            "l'",
            "l’",
            "L'",
            "d'",
            "d’",
            "qu'",
            "jusqu'",
            "s’",
            "n'",
            "c'",
            "le",
            "la",
            "Internet",
            "internet",
            "autorité",
            "Autorité",
            "parentale",
            "noyau",
            "public",
            "à",
            "dell'",
            "l'Internet",
            "d'Internet",
            ",",
            "«",
            "»",
            "  ",
            "\n",
        ])
    }

    fn joined(words: &[&str]) -> String {
        let mut s = String::new();
        for w in words {
            if !s.is_empty() && !s.ends_with('\'') && !s.ends_with('’') {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Normalized matching finds every exact match: each exact match
        /// overlaps a normalized one, and there are at least as many.
        #[test]
        fn normalized_matches_cover_exact_matches(
            phrase in proptest::collection::vec(word(), 1..4),
            text in proptest::collection::vec(word(), 0..14),
            fuzzy in 0usize..2,
        ) {
            let (phrase, text) = (joined(&phrase), joined(&text));
            let opts = |mode| MatchOptions { mode, fuzzy };
            let (Ok(ex), Ok(no)) = (
                Matcher::new(&phrase, &[], &opts(MatchMode::Exact)),
                Matcher::new(&phrase, &[], &opts(MatchMode::Normalized)),
            ) else {
                return Ok(()); // no word, or a budget larger than the phrase
            };
            let exact = ex.find(0, &text);
            let norm = no.find(0, &text);
            for e in &exact {
                proptest::prop_assert!(
                    norm.iter().any(|n| n.start < e.end && e.start < n.end),
                    "exact match {:?} of {phrase:?} in {text:?} missed: {norm:?}",
                    &text[e.start..e.end]
                );
            }
            if fuzzy == 0 {
                proptest::prop_assert!(norm.len() >= exact.len());
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The pre-filter never refuses a text that holds a match: matches
        /// found without it (tokens keyed and compared directly) imply
        /// `may_match`, in both modes, with and without word edits.
        #[test]
        fn pre_filter_passes_every_text_with_a_match(
            phrase in proptest::collection::vec(word(), 1..4),
            text in proptest::collection::vec(
                proptest::prop_oneof![word(), proptest::sample::select(vec![
                    "\u{200B}", "\u{00A0}", "NOYAU", "Public", "-", "noyau-public", "PARENTALE",
                ])],
                0..14,
            ),
            fuzzy in 0usize..2,
            exact in proptest::bool::ANY,
        ) {
            let (phrase, text) = (joined(&phrase), joined(&text));
            let mode = if exact { MatchMode::Exact } else { MatchMode::Normalized };
            let Ok(m) = Matcher::new(&phrase, &[], &MatchOptions { mode, fuzzy }) else {
                return Ok(());
            };
            let found = m.find_in(&m.terms[0], &keyed_tokens(&text, mode));
            if !found.is_empty() {
                proptest::prop_assert!(
                    m.may_match(&text),
                    "{phrase:?} found in {text:?} ({found:?}) but refused by the pre-filter"
                );
            }
        }
    }

    #[test]
    fn may_match_bytes_agrees_with_decoding_first() {
        let ph = m("bon père de famille", 0);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "en bon père de famille"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let cases: Vec<(Vec<u8>, bool)> = vec![
            (b"en bon p\xc3\xa8re\r\nde famille".to_vec(), true),
            (b"\xef\xbb\xbfen bon p\xc3\xa8re de famille".to_vec(), true),
            (utf16, true),
            (b"en bon p\xc3\xa8re de famille\0".to_vec(), false),
            (b"en bon p\xe8re de famille \xff".to_vec(), false),
            (b"en bon oncle".to_vec(), false),
        ];
        for (bytes, want) in cases {
            let slow = crate::decode(&bytes, "").is_ok_and(|d| ph.may_match(&d.text));
            assert_eq!(slow, want, "{bytes:?}");
            assert_eq!(ph.may_match_bytes(&bytes), want, "{bytes:?}");
        }
    }

    #[test]
    fn runs_of_words_are_anchors_without_word_edits() {
        let exact = m("bon père de famille", 0);
        let folds = |m: &Matcher| {
            anchors(
                m.term(0),
                &keyed_tokens(m.term(0), MatchMode::Normalized),
                m.opts.fuzzy == 0,
            )
        };
        assert_eq!(folds(&exact), ["bonpere", "famille"]);
        assert_eq!(
            folds(&m("bon père de famille", 1)),
            ["bon", "famille", "pere"]
        );
        // The words are there, but not in a row: no match, refused early.
        assert!(!exact.may_match("un père bon et une famille"));
        assert!(exact.may_match("en bon\u{00A0}PÈRE de famille"));
        assert!(m("bon père de famille", 1).may_match("un père bon et une famille"));
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
