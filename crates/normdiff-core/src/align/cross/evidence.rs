//! Language-neutral evidence that two blocks translate each other.
//!
//! Each block is reduced once to [`Features`]: its label key, its anchor
//! tokens, its punctuation profile, its length and (for Latin-script text)
//! its cognate keys. [`Features::merge`] joins two adjacent blocks for the
//! 1-2 and 2-1 steps of the dynamic programme.
//!
//! Anchors are written as short keys so that equal keys mean the same thing
//! in any script:
//! - `n:18`: a number, digits of any script ([`crate::numerals`]), or a
//!   Chinese numeral followed by one of [`CHINESE_COUNTERS`] (`二〇二一年`);
//! - `s:A/RES/58/199`: a document symbol (a run of Latin letters, digits,
//!   `.` and `-` with at least one `/` and one digit: `70/237`,
//!   `A/AC.290/2021/CRP.3`), upper-cased, digits made ASCII;
//! - `u:https://…`: a URL, lower-cased, trailing punctuation removed;
//! - `m:5`: a month name from [`MONTHS`] (`mai`, `May`, `mayo`, `мая`,
//!   `مايو`, `五月`);
//! - `w:icann`: a Latin-script acronym (two or more capitals) anywhere, and
//!   any Latin-script word inside a block whose letters are mostly of
//!   another script (names such as `COVID` or `Internet` in Arabic text);
//! - `g:3`: the term of glossary entry 3 (see [`super::Glossary`]).

use super::words::{words, Word};
use super::Glossary;
use crate::fxhash::FxHashMap;
use crate::normalize::{key, Profile};
use crate::numerals::{digit_value, is_chinese_numeral, parse_chinese};
use crate::segment::{is_letter, TokenKind};

/// Month names in the six UN languages (and Latin-script variants), with
/// their number. Matched on the loose key of a word (case and accents
/// folded); Chinese months are matched as `N月`.
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("janvier", 1),
    ("enero", 1),
    ("января", 1),
    ("январь", 1),
    ("يناير", 1),
    ("february", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("февраля", 2),
    ("февраль", 2),
    ("فبراير", 2),
    ("march", 3),
    ("mars", 3),
    ("marzo", 3),
    ("марта", 3),
    ("март", 3),
    ("مارس", 3),
    ("april", 4),
    ("avril", 4),
    ("abril", 4),
    ("апреля", 4),
    ("апрель", 4),
    ("أبريل", 4),
    ("ابريل", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("мая", 5),
    ("май", 5),
    ("مايو", 5),
    ("june", 6),
    ("juin", 6),
    ("junio", 6),
    ("июня", 6),
    ("июнь", 6),
    ("يونيو", 6),
    ("july", 7),
    ("juillet", 7),
    ("julio", 7),
    ("июля", 7),
    ("июль", 7),
    ("يوليو", 7),
    ("august", 8),
    ("aout", 8),
    ("agosto", 8),
    ("августа", 8),
    ("август", 8),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("сентября", 9),
    ("сентябрь", 9),
    ("سبتمبر", 9),
    ("october", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("октября", 10),
    ("октябрь", 10),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("ноября", 11),
    ("ноябрь", 11),
    ("نوفمبر", 11),
    ("december", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("декабря", 12),
    ("декабрь", 12),
    ("ديسمبر", 12),
];

/// The month named `loose` (a loose key) in [`MONTHS`], by a table of the
/// names' loose keys built once (a scan of [`MONTHS`] for every word was a
/// third of the cost of the anchors of Russian text; keying the names too
/// lets `май`, whose loose key is `маи`, be found).
fn month(loose: &str) -> Option<u8> {
    static BY_NAME: std::sync::OnceLock<FxHashMap<String, u8>> = std::sync::OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut m = FxHashMap::default();
        for &(name, n) in MONTHS {
            m.entry(key(name, Profile::LOOSE)).or_insert(n);
        }
        m
    });
    by_name.get(loose).copied()
}

/// Chinese counters after which a run of Chinese numerals is read as a
/// number anchor (`二〇二一年`, `五月`, `十日`, `第十八条` inside text).
pub const CHINESE_COUNTERS: &[char] = &['年', '月', '日', '条', '條', '款', '项', '項', '段', '届'];

/// Punctuation classes of the profile, in order: comma, semicolon, colon,
/// question mark, exclamation mark, opening parenthesis, quotation mark.
/// Script variants count as their class (`،` and `，` `、` as commas, `؛`
/// `；` as semicolons, `؟` `？` as question marks, `« » “ ” „ 「 」` as
/// quotation marks).
pub const PUNCT_CLASSES: usize = 7;

fn punct_class(c: char) -> Option<usize> {
    Some(match c {
        ',' | '،' | '，' | '、' => 0,
        ';' | '؛' | '；' => 1,
        ':' | '：' => 2,
        '?' | '؟' | '？' => 3,
        '!' | '！' => 4,
        '(' | '（' | '[' => 5,
        '"' | '«' | '»' | '“' | '”' | '„' | '「' | '」' | '『' | '』' => 6,
        _ => return None,
    })
}

/// The dominant script of a block's letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (with or without diacritics).
    Latin,
    /// Any other script (Cyrillic, Arabic, Han, ...), or no letters.
    Other,
}

/// What one block (or two adjacent blocks merged) offers as evidence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Features {
    /// Label keys (`art:1`, `13a`), sorted.
    pub labels: Vec<String>,
    /// Anchor keys (see the module docs), sorted, with repeats.
    pub anchors: Vec<String>,
    /// Cognate keys (hashes of the first four letters of words of four or
    /// more letters, loose key), sorted, with repeats; empty unless the
    /// block is mostly Latin script.
    pub cognates: Vec<u32>,
    /// Counts per punctuation class ([`PUNCT_CLASSES`]).
    pub punct: [u16; PUNCT_CLASSES],
    /// Length in Unicode scalar values, spaces excluded.
    pub len: f64,
    /// Is the text mostly Latin script?
    pub latin: bool,
}

impl Features {
    /// The features of `text` labelled `label_key`, with glossary terms of
    /// `terms` (one list per glossary entry, already loose-keyed) turned
    /// into `g:N` anchors.
    pub fn of(label_key: Option<&str>, text: &str, terms: &[Vec<String>]) -> Features {
        Self::of_words(label_key, text, &words(text), terms)
    }

    /// [`Features::of`] with the block's [`words`] already cut.
    pub fn of_words(
        label_key: Option<&str>,
        text: &str,
        words: &[Word],
        terms: &[Vec<String>],
    ) -> Features {
        let mut f = Features {
            labels: label_key.map(|k| vec![k.to_owned()]).unwrap_or_default(),
            ..Features::default()
        };
        let (mut latin_letters, mut other_letters) = (0usize, 0usize);
        for c in text.chars() {
            if c.is_ascii_alphabetic() {
                latin_letters += 1;
            } else if !c.is_ascii() && is_letter(c) {
                if is_latin(c) {
                    latin_letters += 1;
                } else {
                    other_letters += 1;
                }
            }
            if let Some(k) = punct_class(c) {
                f.punct[k] = f.punct[k].saturating_add(1);
            }
            if !crate::normalize::is_space(c) {
                f.len += 1.0;
            }
        }
        f.punct[6] /= 2; // quotation marks come in pairs
        f.latin = latin_letters > 0 && latin_letters >= other_letters;
        anchors(text, f.latin, words, &mut f.anchors);
        if f.latin {
            f.cognates = cognates(words);
        }
        if !terms.is_empty() {
            let loose = key(text, Profile::LOOSE);
            for (i, variants) in terms.iter().enumerate() {
                if variants.iter().any(|t| !t.is_empty() && loose.contains(t)) {
                    f.anchors.push(format!("g:{i}"));
                }
            }
        }
        f.anchors.sort_unstable();
        f
    }

    /// The features of two adjacent blocks taken together.
    pub fn merge(&self, other: &Features) -> Features {
        let mut labels = [self.labels.clone(), other.labels.clone()].concat();
        labels.sort_unstable();
        let mut anchors = [self.anchors.clone(), other.anchors.clone()].concat();
        anchors.sort_unstable();
        let mut cognates = [self.cognates.clone(), other.cognates.clone()].concat();
        cognates.sort_unstable();
        let mut punct = self.punct;
        for (p, o) in punct.iter_mut().zip(other.punct) {
            *p = p.saturating_add(o);
        }
        Features {
            labels,
            anchors,
            cognates,
            punct,
            len: self.len + other.len,
            latin: self.latin && other.latin,
        }
    }
}

/// Builds a glossary's per-side term lists: for each entry, the loose keys
/// of its terms on the source (`source == true`) or target side.
pub fn glossary_terms(glossary: &Glossary, source: bool) -> Vec<Vec<String>> {
    glossary
        .entries
        .iter()
        .map(|e| {
            let side = if source { &e.source } else { &e.target };
            side.iter().map(|t| key(t.trim(), Profile::LOOSE)).collect()
        })
        .collect()
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

fn is_symbol_char(c: char) -> bool {
    is_latin(c) || digit_value(c).is_some() || matches!(c, '/' | '.' | '-')
}

fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Appends the anchors of `text` (cut into `words`) to `out` (unsorted).
pub fn anchors(text: &str, latin: bool, words: &[Word], out: &mut Vec<String>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Byte ranges taken by URLs and symbols: their words are not words.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let rest = &text[pos..];
        // URLs.
        if matches!(c, 'h' | 'w')
            && (rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www."))
        {
            let mut j = i;
            while j < chars.len()
                && chars[j].1.is_ascii_graphic()
                && !"<>\"()[]{}".contains(chars[j].1)
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let url = text[pos..end].trim_end_matches(['.', ',', ';', ':']);
            out.push(format!("u:{}", url.to_lowercase()));
            taken.push((pos, end));
            i = j;
            continue;
        }
        // Symbols and numbers: a run of Latin letters, digits, / . -
        // A symbol may follow any non-Latin letter (`报告A/76/135`, `第70/237号`).
        let starts_word = i == 0 || !is_symbol_char(chars[i - 1].1);
        if starts_word && is_symbol_char(c) && c != '/' && c != '.' && c != '-' {
            let mut j = i;
            while j < chars.len() && is_symbol_char(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let run = text[pos..end].trim_end_matches(['.', '-', '/']);
            if run.contains('/') && run.chars().any(|c| digit_value(c).is_some()) {
                out.push(format!("s:{}", ascii_digits(run).to_uppercase()));
                taken.push((pos, end));
                i = j;
                continue;
            }
        }
        // Plain digit runs (any script).
        if digit_value(c).is_some() {
            let mut j = i;
            let mut v: u64 = 0;
            while j < chars.len() {
                match digit_value(chars[j].1) {
                    Some(d) => v = v.saturating_mul(10).saturating_add(u64::from(d)),
                    None => break,
                }
                j += 1;
            }
            // `5月` is May, as `mai` is: a month, not a number.
            if chars.get(j).is_some_and(|&(_, c)| c == '月') {
                out.push(format!("m:{v}"));
            } else {
                out.push(format!("n:{v}"));
            }
            i = j;
            continue;
        }
        // Chinese numerals before a counter.
        if is_chinese_numeral(c) {
            let mut j = i;
            while j < chars.len() && is_chinese_numeral(chars[j].1) {
                j += 1;
            }
            if let Some(&(_, counter)) = chars.get(j) {
                if CHINESE_COUNTERS.contains(&counter) {
                    let end = chars[j].0;
                    if let Some(v) = parse_chinese(&text[pos..end]) {
                        let kind = if counter == '月' { "m" } else { "n" };
                        out.push(format!("{kind}:{v}"));
                    }
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    // Words: month names, acronyms, Latin words in non-Latin text.
    // `taken` and the tokens are both in text order, without overlaps: one
    // cursor finds the range that could hold each token (linear, where a
    // scan of every range per token was quadratic on symbol-dense text).
    let mut next = 0;
    for Word { token: t, loose } in words {
        while next < taken.len() && taken[next].1 < t.end {
            next += 1;
        }
        let inside = taken
            .get(next)
            .is_some_and(|&(a, b)| t.start >= a && t.end <= b);
        if t.kind != TokenKind::Word || inside {
            continue;
        }
        let w = t.text(text);
        if let Some(m) = month(loose) {
            out.push(format!("m:{m}"));
            continue;
        }
        let all_latin = w.chars().all(|c| is_latin(c) || c == '-');
        if !all_latin {
            continue;
        }
        let caps = w.chars().filter(|c| c.is_uppercase()).count();
        let acronym = caps >= 2 && w.chars().filter(|c| c.is_lowercase()).count() <= 1;
        if acronym || (!latin && w.chars().count() >= 2) {
            out.push(format!("w:{loose}"));
        }
    }
}

/// Cognate keys of Latin-script text (cut into `words`): the first four
/// letters of each word of four or more letters (loose key: case and
/// accents folded), hashed.
pub fn cognates(words: &[Word]) -> Vec<u32> {
    let mut out = Vec::new();
    for Word { token: t, loose } in words {
        if t.kind != TokenKind::Word {
            continue;
        }
        let letters: Vec<char> = loose.chars().filter(|&c| is_letter(c)).collect();
        if letters.len() < 4 {
            continue;
        }
        out.push(hash4(&letters[..4]));
    }
    out.sort_unstable();
    out
}

fn hash4(cs: &[char]) -> u32 {
    // FNV-1a: stable across runs and platforms.
    let mut h: u32 = 0x811c_9dc5;
    for &c in cs {
        h ^= c as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Size of the multiset intersection of two sorted slices.
pub fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two sorted multisets (0 when both are empty).
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anc(text: &str) -> Vec<String> {
        Features::of(None, text, &[]).anchors
    }

    #[test]
    fn symbols_numbers_urls() {
        assert_eq!(
            anc("Voir A/RES/58/199 et 70/237, puis https://undocs.org/a/res/75/282."),
            vec![
                "s:70/237",
                "s:A/RES/58/199",
                "u:https://undocs.org/a/res/75/282"
            ]
        );
        assert_eq!(anc("le 28 mai 2021"), vec!["m:5", "n:2021", "n:28"]);
        assert_eq!(anc("A/AC.290/2021/CRP.3*"), vec!["s:A/AC.290/2021/CRP.3"]);
        assert_eq!(
            anc("报告A/76/135。第70/237号"),
            vec!["s:70/237", "s:A/76/135"]
        );
        assert_eq!(anc("القرار ٧٠/٢٣٧"), vec!["s:70/237"]);
        assert_eq!(anc("见https://un.org/x。"), vec!["u:https://un.org/x"]);
    }

    #[test]
    fn numbers_in_every_script() {
        assert_eq!(anc("المادة ١٨ من ٢٠٢١"), vec!["n:18", "n:2021"]);
        assert_eq!(anc("二〇二一年五月"), vec!["m:5", "n:2021"]);
        assert_eq!(anc("2021年5月28日"), vec!["m:5", "n:2021", "n:28"]);
        assert_eq!(anc("第十八条"), vec!["n:18"]);
        assert_eq!(anc("28 мая 2021 года"), vec!["m:5", "n:2021", "n:28"]);
        assert_eq!(anc("٢٨ مايو"), vec!["m:5", "n:28"]);
    }

    #[test]
    fn every_month_name_is_found_with_its_number() {
        for &(name, n) in MONTHS {
            assert_eq!(month(&key(name, Profile::LOOSE)), Some(n), "{name}");
            assert_eq!(anc(name), vec![format!("m:{n}")], "{name}");
        }
        assert_eq!(anc("1 май 2021"), vec!["m:5", "n:1", "n:2021"]);
        assert_eq!(month("mayor"), None);
    }

    #[test]
    fn latin_words_in_other_scripts() {
        assert_eq!(
            anc("ИКАНН и ICANN, COVID-19"),
            vec!["n:19", "w:covid", "w:icann"]
        );
        assert_eq!(anc("شبكة Internet العالمية"), vec!["w:internet"]);
        // In Latin text only acronyms count.
        assert_eq!(anc("the Internet and the ICANN"), vec!["w:icann"]);
    }

    #[test]
    fn punctuation_profile_folds_scripts() {
        let f = Features::of(None, "a، b؛ c؟ «d»", &[]);
        assert_eq!(f.punct, [1, 1, 0, 1, 0, 0, 1]);
        let g = Features::of(None, "甲，乙；丙？「丁」", &[]);
        assert_eq!(g.punct, f.punct);
        assert!(!g.latin);
    }

    #[test]
    fn cognates_of_latin_text() {
        let en = Features::of(None, "national or social origin, religion", &[]);
        let fr = Features::of(None, "origine nationale ou sociale, religion", &[]);
        assert_eq!(common(&en.cognates, &fr.cognates), 4);
        let ru = Features::of(None, "национального или социального", &[]);
        assert!(ru.cognates.is_empty());
    }

    #[test]
    fn glossary_terms_become_anchors() {
        let terms = vec![vec!["noyau public".to_owned()], vec!["x".to_owned()]];
        let f = Features::of(None, "le Noyau public de l'Internet", &terms);
        assert_eq!(f.anchors, vec!["g:0"]);
    }

    #[test]
    fn merge_adds_up() {
        let a = Features::of(Some("1"), "A 12;", &[]);
        let b = Features::of(Some("2"), "B 12", &[]);
        let m = a.merge(&b);
        assert_eq!(m.labels, vec!["1", "2"]);
        assert_eq!(m.anchors, vec!["n:12", "n:12"]);
        assert_eq!(m.len, a.len + b.len);
        assert_eq!(m.punct[1], 1);
    }
}
