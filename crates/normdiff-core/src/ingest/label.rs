//! Labels printed at the start of a block, recognised as data.
//!
//! Recognised forms (digits of any script, see [`crate::numerals`]):
//! - numbered paragraphs `18.`, `18 bis.`, `١٨.`;
//! - norms and points `Norme 13 a) :`, `Point 45 :` (the word is dropped
//!   from the label: `13 a)`, `45`), per [`PARAGRAPH_WORDS`];
//! - sub-paragraphs `a)`, `(a)`, `i)`, `(iv)`, `а)` (any single letter);
//! - section headings `II.` (upper-case Roman numeral and a dot);
//! - articles `Article premier`, `Article 1er`, `Art. 5`, `Статья 1`,
//!   `Artículo 1`, `المادة ١`, `Article 1792-4` per [`ARTICLE_WORDS`], and
//!   `第一条` / `第18条` (Chinese article), `第二章` (chapter).
//!
//! The label key is script-neutral: `18`, `18bis`, `13a`, `a`, `sec:2`,
//! `art:1`, `chap:2`, so that labels compare across languages.

use crate::numerals::{parse_chinese, parse_digits, parse_number, parse_roman};

/// Bytes past which a word cannot be one of the listed words (the longest
/// is far shorter, trailing punctuation included).
const LONGEST_WORD: usize = 24;

/// Words that introduce an article label (matched case-insensitively).
pub const ARTICLE_WORDS: &[&str] = &[
    "article",
    "art.",
    "artículo",
    "artigo",
    "articolo",
    "статья",
    "ст.",
    "المادة",
    "مادة",
];

/// Words that introduce a paragraph number whose label drops the word
/// (matched case-insensitively).
pub const PARAGRAPH_WORDS: &[&str] = &[
    "norme",
    "norm",
    "norma",
    "point",
    "paragraphe",
    "paragraph",
    "párrafo",
    "пункт",
    "норма",
];

/// Latin suffixes of inserted paragraphs (`18 bis`).
pub const LATIN_SUFFIXES: &[&str] = &[
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "nonies",
    "decies",
];

/// What family a label belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelClass {
    /// `18.`, `Norme 13 a) :`, `Point 45 :`.
    Numbered,
    /// `a)`, `(a)`, `i)`: a sub-paragraph.
    Sub,
    /// `II.`: a section heading.
    Section,
    /// `Article premier`, `第一条`, `第二章`.
    Article,
}

/// A label found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMatch {
    /// Byte length of the marker, including trailing punctuation and the
    /// spaces after it.
    pub len: usize,
    /// The marker as printed, trimmed (`Norme 13 a) :`).
    pub marker: String,
    /// The label (`13 a)`).
    pub label: String,
    /// The script-neutral key (`13a`).
    pub key: String,
    /// The family.
    pub class: LabelClass,
    /// The main number, when there is one.
    pub number: Option<u32>,
}

/// A small cursor over a string.
struct Scan<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Scan<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn spaces(&mut self) -> usize {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' || c == '\u{00A0}' || c == '\u{202F}' {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        self.pos - start
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    /// Takes a run of characters satisfying `f`.
    fn take(&mut self, f: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if f(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        &self.s[start..self.pos]
    }
    /// Takes the word (up to a space), case-insensitively matching one of
    /// `words`; returns the word as printed.
    fn word_in(&mut self, words: &[&str]) -> Option<&'a str> {
        let rest = self.rest();
        let mut end = 0;
        for (k, c) in rest.char_indices() {
            if matches!(c, ' ' | '\u{00A0}' | '\t') {
                break;
            }
            if k >= LONGEST_WORD {
                return None;
            }
            end = k + c.len_utf8();
        }
        let w = &rest[..end];
        // Most blocks start with a word that is not listed: a cheap test of
        // the first letter spares the comparisons.
        let first = w.chars().next()?.to_lowercase().next()?;
        if !words.iter().any(|word| word.starts_with(first)) {
            return None;
        }
        // Try the whole word, then without trailing punctuation ("bis.").
        let bare = w.trim_end_matches(['.', ':', ',', ';', ')']);
        for cand in [w, bare] {
            if !cand.is_empty() && words.iter().any(|word| lowercase_eq(cand, word)) {
                self.pos += cand.len();
                return Some(cand);
            }
        }
        None
    }
    /// At end of text or before white space?
    fn at_boundary(&self) -> bool {
        self.peek()
            .is_none_or(|c| c.is_whitespace() || c == '\u{00A0}')
    }
}

/// Is `lower` the lower-case form of `s`? Compared without allocating (the
/// label scan runs on every block).
fn lowercase_eq(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(lower)
    } else {
        s.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

fn is_digit(c: char) -> bool {
    crate::numerals::digit_value(c).is_some()
}

/// Recognises a label at the start of `text`.
pub fn parse_label(text: &str) -> Option<LabelMatch> {
    article(text)
        .or_else(|| chinese_article(text))
        .or_else(|| paragraph_word(text))
        .or_else(|| numbered(text))
        .or_else(|| section(text))
        .or_else(|| sub(text))
}

fn finish(
    text: &str,
    mut sc: Scan<'_>,
    label: String,
    key: String,
    class: LabelClass,
    number: Option<u32>,
) -> LabelMatch {
    let marker_end = sc.pos;
    sc.spaces();
    LabelMatch {
        len: sc.pos,
        marker: text[..marker_end].trim().to_owned(),
        label,
        key,
        class,
        number,
    }
}

/// `Article premier`, `Art. 5`, `Статья 1`, `المادة ١`, `Article 1792-4`.
fn article(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan { s: text, pos: 0 };
    let word = sc.word_in(ARTICLE_WORDS)?;
    if sc.spaces() == 0 {
        return None;
    }
    let num_start = sc.pos;
    let num_text =
        sc.take(|c| !c.is_whitespace() && !matches!(c, '.' | ':' | ',' | ';' | '-' | '–'));
    let (num_text, n) = match parse_number(num_text) {
        Some(n) => (num_text, n),
        None => {
            // "1er." and friends followed by punctuation were cut above.
            return None;
        }
    };
    let mut label = format!("{word} {num_text}");
    let mut key = format!("art:{n}");
    // Hyphenated sub-number: Article 1792-4.
    let save = sc.pos;
    if sc.eat('-') {
        let sub = sc.take(is_digit);
        if let Some(sn) = parse_digits(sub) {
            label.push('-');
            label.push_str(sub);
            key.push_str(&format!("-{sn}"));
        } else {
            sc.pos = save;
        }
    }
    latin_suffix(&mut sc, &mut label, &mut key);
    let _ = num_start;
    let before_punct = sc.pos;
    sc.spaces();
    if !(sc.eat('.') || sc.eat(':') || sc.eat('–') || sc.eat('-')) {
        sc.pos = before_punct;
    }
    if !sc.at_boundary() {
        return None;
    }
    Some(finish(text, sc, label, key, LabelClass::Article, Some(n)))
}

/// `第一条`, `第18条`, `第二章`.
fn chinese_article(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan { s: text, pos: 0 };
    if !sc.eat('第') {
        return None;
    }
    let num = sc.take(|c| crate::numerals::is_chinese_numeral(c) || is_digit(c));
    let n = parse_chinese(num).or_else(|| parse_digits(num))?;
    let unit = sc.peek()?;
    let prefix = match unit {
        '条' | '條' => "art",
        '章' => "chap",
        '节' | '節' => "sec",
        _ => return None,
    };
    sc.pos += unit.len_utf8();
    let label = text[..sc.pos].to_owned();
    Some(finish(
        text,
        sc,
        label,
        format!("{prefix}:{n}"),
        LabelClass::Article,
        Some(n),
    ))
}

fn latin_suffix(sc: &mut Scan<'_>, label: &mut String, key: &mut String) {
    let save = sc.pos;
    if sc.spaces() > 0 {
        if let Some(w) = sc.word_in(LATIN_SUFFIXES) {
            label.push(' ');
            label.push_str(w);
            key.push_str(&w.to_lowercase());
            return;
        }
    }
    sc.pos = save;
}

/// An optional `a)` after a number: `13 a)`.
fn letter_suffix(sc: &mut Scan<'_>, label: &mut String, key: &mut String) {
    let save = sc.pos;
    sc.spaces();
    let paren = sc.eat('(');
    if let Some(c) = sc.peek().filter(|c| c.is_alphabetic() && c.is_lowercase()) {
        sc.pos += c.len_utf8();
        if sc.eat(')') {
            label.push(' ');
            if paren {
                label.push('(');
            }
            label.push(c);
            label.push(')');
            key.push(c);
            return;
        }
    }
    sc.pos = save;
}

/// `Norme 13 a) :`, `Point 45 :`.
fn paragraph_word(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan { s: text, pos: 0 };
    sc.word_in(PARAGRAPH_WORDS)?;
    if sc.spaces() == 0 {
        return None;
    }
    let num = sc.take(is_digit);
    let n = parse_digits(num)?;
    let mut label = num.to_owned();
    let mut key = n.to_string();
    latin_suffix(&mut sc, &mut label, &mut key);
    letter_suffix(&mut sc, &mut label, &mut key);
    sc.spaces();
    if !(sc.eat(':') || sc.eat('.')) {
        return None;
    }
    Some(finish(text, sc, label, key, LabelClass::Numbered, Some(n)))
}

/// `18.`, `18 bis.`, `١٨.`
fn numbered(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan { s: text, pos: 0 };
    let num = sc.take(is_digit);
    if num.is_empty() || num.chars().count() > 4 {
        return None;
    }
    let n = parse_digits(num)?;
    let mut label = num.to_owned();
    let mut key = n.to_string();
    latin_suffix(&mut sc, &mut label, &mut key);
    if !sc.eat('.') || !sc.at_boundary() || sc.rest().trim().is_empty() {
        return None;
    }
    Some(finish(text, sc, label, key, LabelClass::Numbered, Some(n)))
}

/// `II.` followed by a heading.
fn section(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan { s: text, pos: 0 };
    let num = sc.take(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let n = parse_roman(num)?;
    if !sc.eat('.') || !sc.at_boundary() {
        return None;
    }
    Some(finish(
        text,
        sc,
        num.to_owned(),
        format!("sec:{n}"),
        LabelClass::Section,
        Some(n),
    ))
}

/// `a)`, `(a)`, `ii)`, `(iv)`.
fn sub(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan { s: text, pos: 0 };
    let paren = sc.eat('(');
    let letters = sc.take(|c| c.is_alphabetic() && (c.is_lowercase() || !c.is_uppercase()));
    let count = letters.chars().count();
    let is_roman = count > 1 && parse_roman(letters).is_some() && letters == letters.to_lowercase();
    if count == 0 || (count > 1 && !is_roman) {
        return None;
    }
    if !sc.eat(')') || !sc.at_boundary() {
        return None;
    }
    let label = if paren {
        format!("({letters})")
    } else {
        format!("{letters})")
    };
    Some(finish(
        text,
        sc,
        label,
        letters.to_owned(),
        LabelClass::Sub,
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(s: &str) -> Option<(String, String)> {
        parse_label(s).map(|m| (m.label, m.key))
    }

    #[test]
    fn listed_words_fit_the_scan_limit() {
        for w in [ARTICLE_WORDS, PARAGRAPH_WORDS, LATIN_SUFFIXES].concat() {
            assert!(w.len() + 4 < LONGEST_WORD, "{w}");
        }
        assert_eq!(lab("Статья 12.").map(|l| l.0), Some("Статья 12".into()));
        assert_eq!(lab("ARTÍCULO 3").map(|l| l.0), Some("ARTÍCULO 3".into()));
    }

    fn l(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_owned(), b.to_owned()))
    }

    #[test]
    fn numbered_paragraphs() {
        assert_eq!(lab("18. Dans la résolution"), l("18", "18"));
        assert_eq!(lab("18 bis. Texte"), l("18 bis", "18bis"));
        assert_eq!(lab("١٨. نص"), l("١٨", "18"));
        assert_eq!(lab("28 mai 2021"), None);
        assert_eq!(lab("2021.5 n'est pas un label"), None);
    }

    #[test]
    fn norms_and_points() {
        let m = parse_label("Norme 13 a) : Conformément").unwrap();
        assert_eq!((m.label.as_str(), m.key.as_str()), ("13 a)", "13a"));
        assert_eq!(m.marker, "Norme 13 a) :");
        assert_eq!(&"Norme 13 a) : Conformément"[m.len..], "Conformément");
        assert_eq!(lab("Point 45 : « Les infrastructures"), l("45", "45"));
    }

    #[test]
    fn sub_paragraphs() {
        assert_eq!(lab("a) La norme"), l("a)", "a"));
        assert_eq!(lab("(b) The norm"), l("(b)", "b"));
        assert_eq!(lab("iv) Texte"), l("iv)", "iv"));
        assert_eq!(lab("а) Кириллица"), l("а)", "а"));
        assert_eq!(lab("abc) non"), None);
    }

    #[test]
    fn sections() {
        assert_eq!(lab("II. Menaces existantes"), l("II", "sec:2"));
        assert_eq!(lab("IL. n'est pas"), None);
    }

    #[test]
    fn articles_in_every_script() {
        assert_eq!(lab("Article premier"), l("Article premier", "art:1"));
        assert_eq!(lab("Article 1er"), l("Article 1er", "art:1"));
        assert_eq!(lab("Art. 5"), l("Art. 5", "art:5"));
        assert_eq!(lab("Artículo 1"), l("Artículo 1", "art:1"));
        assert_eq!(lab("Статья 1"), l("Статья 1", "art:1"));
        assert_eq!(lab("المادة ١"), l("المادة ١", "art:1"));
        assert_eq!(lab("المادة 1"), l("المادة 1", "art:1"));
        assert_eq!(lab("第一条"), l("第一条", "art:1"));
        assert_eq!(lab("第十八条 规定"), l("第十八条", "art:18"));
        assert_eq!(lab("Article 1792-4"), l("Article 1792-4", "art:1792-4"));
        assert_eq!(
            lab("Article premier.  Tous les"),
            l("Article premier", "art:1")
        );
        assert_eq!(lab("Articles connexes"), None);
    }
}
