//! The parsers of the label schemes listed in [`super::SCHEMES`], one
//! function per scheme. Each reads a label at the start of a text and
//! returns it with its key and value path, or `None`.

use super::scan::Scan;
use super::{LabelClass, LabelMatch, ARTICLE_WORDS, CHAPTER_WORDS, GOAL_WORDS, LATIN_SUFFIXES};
use super::{PARAGRAPH_WORDS, SECTION_WORDS};
use crate::numerals::{
    digit_value, is_chinese_numeral, letter_rank, parse_arabic_ordinal, parse_chinese,
    parse_digits, parse_number, parse_roman, strip_arabic_marks,
};

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// What a scheme found before [`finish`] measures it.
struct Found {
    label: String,
    key: String,
    class: LabelClass,
    value: Vec<u32>,
    scheme: &'static str,
}

/// [`finish`] of `(label, key, value)` in `class`, read by `scheme`.
fn done(
    text: &str,
    sc: Scan<'_>,
    (label, key, value): (String, String, Vec<u32>),
    class: LabelClass,
    scheme: &'static str,
) -> LabelMatch {
    let f = Found {
        label,
        key,
        class,
        value,
        scheme,
    };
    finish(text, sc, f)
}

fn finish(text: &str, mut sc: Scan<'_>, f: Found) -> LabelMatch {
    let marker_end = sc.pos;
    sc.spaces();
    LabelMatch {
        len: sc.pos,
        marker: text[..marker_end].trim().to_owned(),
        number: f.value.first().copied(),
        label: f.label,
        key: f.key,
        class: f.class,
        value: f.value,
        scheme: f.scheme,
    }
}

/// The value of one component of a label path: digits of any script, a
/// Roman numeral of two letters or more (`ii`, `IV`), a Chinese numeral,
/// or one letter ranked in its alphabet.
fn component_value(s: &str) -> Option<u32> {
    if s.chars().all(is_digit) {
        return parse_digits(s);
    }
    if let Some(n) = parse_chinese(s) {
        return Some(n);
    }
    let bare = strip_arabic_marks(s);
    let mut cs = bare.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => letter_rank(c),
        _ => parse_roman(s),
    }
}

/// The key form of a component: digits as ASCII decimal, letters lower case.
fn component_key(s: &str) -> String {
    if s.chars().all(is_digit) {
        parse_digits(s).map_or_else(|| s.to_owned(), |n| n.to_string())
    } else {
        strip_arabic_marks(s).to_lowercase()
    }
}

/// Sub-components after a number: `.1`, `.a`, `-4`, `(b)`, `(ii)`.
/// Appends to the printed label, key and value; stops at anything else.
fn path_tail(sc: &mut Scan<'_>, label: &mut String, key: &mut String, value: &mut Vec<u32>) {
    loop {
        let save = sc.pos;
        let (open, close) = match sc.peek() {
            Some(c @ ('.' | '-')) => (c, None),
            Some('(') => ('(', Some(')')),
            _ => return,
        };
        sc.pos += 1;
        let part = match close {
            None => {
                let p = sc.take(is_digit);
                if p.is_empty() {
                    sc.take(char::is_alphabetic)
                } else {
                    p
                }
            }
            Some(_) => sc.take(char::is_alphanumeric),
        };
        let closed = close.is_none_or(|c| sc.eat(c));
        let n = part.chars().count();
        let is_digits = n > 0 && part.chars().all(is_digit);
        let ok = closed
            && n > 0
            && match open {
                '-' => is_digits && n <= 4,
                '.' => (is_digits && n <= 3) || n == 1,
                _ => n <= 4,
            };
        match component_value(part).filter(|_| ok) {
            Some(v) => {
                label.push(open);
                label.push_str(part);
                if let Some(c) = close {
                    label.push(c);
                }
                key.push(open);
                key.push_str(&component_key(part));
                if let Some(c) = close {
                    key.push(c);
                }
                value.push(v);
            }
            _ => {
                sc.pos = save;
                return;
            }
        }
    }
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

/// Trailing `.`, `:`, `–`, `-` after a label word's number, then a boundary.
fn word_label_end(sc: &mut Scan<'_>) -> bool {
    let before_punct = sc.pos;
    sc.spaces();
    if sc.eat_any(&['.', ':', '–', '-', '—']).is_none() {
        sc.pos = before_punct;
    }
    sc.at_boundary()
}

/// `Article premier`, `Art. 5`, `Статья 1`, `المادة ١`, `Article 1792-4`,
/// `Article 2.1`, `Artículo 1º`; `Section 4(b)(ii)`, `§ 5`; `Chapter IV`;
/// `Goal 1.`: a listed word, a number, sub-components.
fn word_number(
    text: &str,
    words: &[&str],
    prefix: &str,
    class: LabelClass,
    scheme: &'static str,
) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let word = if words.contains(&"§") && sc.eat('§') {
        "§"
    } else {
        sc.word_in(words)?
    };
    let spaced = sc.spaces() > 0;
    if !spaced && word != "§" {
        return None;
    }
    let num_text = sc.take(|c| {
        !c.is_whitespace() && !matches!(c, '.' | ':' | ',' | ';' | '-' | '–' | '(' | ')')
    });
    let n = parse_number(num_text).or_else(|| {
        (num_text.chars().all(|c| c.is_ascii_uppercase()) && num_text.len() > 1 || num_text == "I")
            .then(|| parse_roman(num_text))
            .flatten()
    })?;
    let mut label = if spaced {
        format!("{word} {num_text}")
    } else {
        format!("{word}{num_text}")
    };
    let mut key = format!("{prefix}:{n}");
    let mut value = vec![n];
    path_tail(&mut sc, &mut label, &mut key, &mut value);
    latin_suffix(&mut sc, &mut label, &mut key);
    if !word_label_end(&mut sc) {
        return None;
    }
    Some(done(text, sc, (label, key, value), class, scheme))
}

pub(super) fn article(text: &str) -> Option<LabelMatch> {
    word_number(text, ARTICLE_WORDS, "art", LabelClass::Article, "article")
}

pub(super) fn section_word(text: &str) -> Option<LabelMatch> {
    word_number(text, SECTION_WORDS, "§", LabelClass::Article, "section")
}

pub(super) fn chapter(text: &str) -> Option<LabelMatch> {
    word_number(text, CHAPTER_WORDS, "chap", LabelClass::Section, "chapter")
}

pub(super) fn goal(text: &str) -> Option<LabelMatch> {
    word_number(text, GOAL_WORDS, "goal", LabelClass::Section, "goal")
}

/// `第一条`, `第18条`, `第二章`, `第三节`; `目标1.` (goal).
pub(super) fn chinese_ordinal(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let goal = sc.rest().starts_with("目标");
    if goal {
        sc.pos += "目标".len();
    } else if !sc.eat('第') {
        return None;
    }
    let num = sc.take(|c| is_chinese_numeral(c) || is_digit(c));
    let n = parse_chinese(num).or_else(|| parse_digits(num))?;
    let mut value = vec![n];
    let (prefix, class) = if goal {
        let mut label = String::new();
        let mut key = String::new();
        path_tail(&mut sc, &mut label, &mut key, &mut value);
        if value.len() > 1 {
            return None;
        }
        sc.eat('.');
        ("goal", LabelClass::Section)
    } else {
        let unit = sc.peek()?;
        let p = match unit {
            '条' | '條' => ("art", LabelClass::Article),
            '章' => ("chap", LabelClass::Section),
            '节' | '節' => ("sec", LabelClass::Section),
            _ => return None,
        };
        sc.pos += unit.len_utf8();
        p
    };
    let label = text[..sc.pos].trim_end_matches('.').to_owned();
    value.truncate(1);
    Some(done(
        text,
        sc,
        (label, format!("{prefix}:{n}"), value),
        class,
        "chinese",
    ))
}

/// `一、` (a section: `I.`), `二、`.
pub(super) fn chinese_enumeration(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let num = sc.take(is_chinese_numeral);
    let n = parse_chinese(num)?;
    if !sc.eat('、') {
        return None;
    }
    let label = num.to_owned();
    Some(done(
        text,
        sc,
        (label, format!("sec:{n}"), vec![n]),
        LabelClass::Section,
        "chinese-enumeration",
    ))
}

/// `أولاً - مقدمة` (a section: `I. Introduction`), `ثانياً`.
pub(super) fn arabic_ordinal(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let word =
        sc.take(|c| c.is_alphabetic() || ('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0640}');
    let n = parse_arabic_ordinal(word)?;
    if !word_label_end(&mut sc) {
        return None;
    }
    Some(done(
        text,
        sc,
        (word.to_owned(), format!("sec:{n}"), vec![n]),
        LabelClass::Section,
        "arabic-ordinal",
    ))
}

/// An optional `a)` after a number: `13 a)`.
fn letter_suffix(sc: &mut Scan<'_>, label: &mut String, key: &mut String, value: &mut Vec<u32>) {
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
            value.extend(letter_rank(c));
            return;
        }
    }
    sc.pos = save;
}

/// `Norme 13 a) :`, `Point 45 :` (the word is dropped from the label).
pub(super) fn paragraph_word(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    sc.word_in(PARAGRAPH_WORDS)?;
    if sc.spaces() == 0 {
        return None;
    }
    let num = sc.take(is_digit);
    let n = parse_digits(num)?;
    let mut label = num.to_owned();
    let mut key = n.to_string();
    let mut value = vec![n];
    latin_suffix(&mut sc, &mut label, &mut key);
    letter_suffix(&mut sc, &mut label, &mut key, &mut value);
    sc.spaces();
    if !(sc.eat(':') || sc.eat('.')) {
        return None;
    }
    Some(done(
        text,
        sc,
        (label, key, value),
        LabelClass::Numbered,
        "paragraph-word",
    ))
}

/// `2.7`, `7.1.3`, `17.a`, `1.1.`, `I.A.1`: two components or more.
/// Without a closing dot, a two-level label must not go on in lower case
/// or with a digit (`1.5 million` is not a label; `2.3.1 renew` is).
pub(super) fn dotted(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let first = sc.take(is_digit);
    let n = if first.is_empty() {
        let r = sc.take(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
        parse_roman(r).filter(|_| r.len() <= 4)?
    } else if first.chars().count() <= 3 && !(first.len() > 1 && first.starts_with('0')) {
        parse_digits(first)?
    } else {
        return None;
    };
    let mut label = text[..sc.pos].to_owned();
    let mut key = if first.is_empty() {
        label.clone()
    } else {
        n.to_string()
    };
    let mut value = vec![n];
    path_tail(&mut sc, &mut label, &mut key, &mut value);
    let leading_zero = label
        .split('.')
        .skip(1)
        .any(|p| p.len() > 1 && p.starts_with('0'));
    if value.len() < 2 || leading_zero || label.contains('-') {
        return None;
    }
    let closed = sc.eat('.') || sc.eat(')');
    if !sc.at_boundary() {
        return None;
    }
    let next = sc.rest().trim_start().chars().next()?;
    // Three levels (`2.3.1`) are a label whatever follows; two (`1.5`) may
    // be a decimal number.
    if !closed && value.len() < 3 && (next.is_lowercase() || is_digit(next)) {
        return None;
    }
    Some(done(
        text,
        sc,
        (label, key, value),
        LabelClass::Numbered,
        "decimal",
    ))
}

/// `18.`, `18 bis.`, `١٨.`, `1º`.
pub(super) fn numbered(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let num = sc.take(is_digit);
    if num.is_empty() || num.chars().count() > 4 {
        return None;
    }
    let n = parse_digits(num)?;
    let mut label = num.to_owned();
    let mut key = n.to_string();
    if let Some(o) = sc.eat_any(&['º', '°', 'ª']) {
        label.push(o);
        if !(sc.eat('.') || sc.at_boundary()) {
            return None;
        }
    } else {
        latin_suffix(&mut sc, &mut label, &mut key);
        if !sc.eat('.') {
            return None;
        }
    }
    if !sc.at_boundary() || sc.rest().trim().is_empty() {
        return None;
    }
    Some(done(
        text,
        sc,
        (label, key, vec![n]),
        LabelClass::Numbered,
        "numbered",
    ))
}

/// `II.` followed by a heading.
pub(super) fn roman_section(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let num = sc.take(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let n = parse_roman(num)?;
    if !sc.eat('.') || !sc.at_boundary() {
        return None;
    }
    Some(done(
        text,
        sc,
        (num.to_owned(), format!("sec:{n}"), vec![n]),
        LabelClass::Section,
        "roman",
    ))
}

/// `A.`, `B.` (an upper-case letter of any alphabet and a dot) followed by
/// a capitalised heading.
pub(crate) fn letter_heading(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let c = sc.peek().filter(|c| c.is_uppercase())?;
    let n = letter_rank(c)?;
    sc.pos += c.len_utf8();
    if !sc.eat('.') || !sc.at_boundary() {
        return None;
    }
    let next = sc.rest().trim_start().chars().next()?;
    if !next.is_uppercase() {
        return None;
    }
    Some(done(
        text,
        sc,
        (c.to_string(), format!("sub:{c}"), vec![n]),
        LabelClass::Section,
        "letter-heading",
    ))
}

/// `a)`, `(a)`, `ii)`, `(iv)`, `а)`, `(أ)`, `(هـ)`, `1)`, `(1)`, `（一）`.
pub(super) fn sub(text: &str) -> Option<LabelMatch> {
    let mut sc = Scan::new(text);
    let open = sc.eat_any(&['(', '（']);
    let inner = sc.take(|c| {
        (c.is_alphabetic() && (c.is_lowercase() || !c.is_uppercase()))
            || is_digit(c)
            || c == '\u{0640}'
    });
    let chars = strip_arabic_marks(inner).chars().count();
    let digits = !inner.is_empty() && inner.chars().all(is_digit);
    let chinese = parse_chinese(inner).is_some();
    let is_roman = chars > 1 && parse_roman(inner).is_some() && inner == inner.to_lowercase();
    let ok = ((digits || chinese) && chars <= 3) || chars == 1 || is_roman;
    if inner.is_empty() || !ok {
        return None;
    }
    let close = sc.eat_any(&[')', '）'])?;
    if !(sc.at_boundary() || chinese || close == '）') {
        return None;
    }
    let v = component_value(inner)?;
    let label = match open {
        Some(o) => format!("{o}{inner}{close}"),
        None => format!("{inner}{close}"),
    };
    let key = if digits || chinese {
        v.to_string()
    } else {
        strip_arabic_marks(inner)
    };
    Some(done(
        text,
        sc,
        (label, key, vec![v]),
        LabelClass::Sub,
        "sub",
    ))
}
