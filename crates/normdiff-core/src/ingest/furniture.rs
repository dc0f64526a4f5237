//! Page furniture in plain text converted from PDF: running headers and
//! footers, page counters, job numbers and bar codes that `pdftotext`
//! (with or without `-layout`) leaves at every page break.
//!
//! The text reader has no page geometry, only lines, blank lines and form
//! feeds (U+000C, one per page break in `pdftotext` output). A line is
//! *furniture-like* when
//! - its text, digits masked (`A/76/135`, `21-09447`, `3/27` vary only in
//!   digits from page to page), stands at the same edge of the page (among
//!   its first or last [`ZONE`] non-blank lines) on at least three pages
//!   and two fifths of them; without form feeds, when it stands alone between
//!   blank lines at least three times at a regular interval;
//! - or it is, by its shape alone, a page counter (`3/27`, `- 3 -`,
//!   `Page 3 of 27`, `стр. 3`, `第 3 页`, `صفحة ٣`), a UN job number
//!   (`21-09447 (E)`, `GE.21-09447`), a bar code (`*2109447*`), the
//!   `/...` that ends a typewritten page, or, at a
//!   page edge, a document symbol (`A/76/135`) or a lower-case Roman page
//!   number. A lone number is a page counter only when it follows the page
//!   sequence: with form feeds, its distance to the page's own index is
//!   the one most counters share; without, a run of lone numbers at a
//!   regular interval (the last line `2030` of an Arabic target is body
//!   text).
//!
//! A furniture-like line is furniture when the lines between it and the
//! page edge are furniture too, or when every line of its block (a run of
//! at most four non-blank lines) is. A line that opens with a label and
//! goes on with text (`3. The Group…`, `(3) …`) is never running furniture;
//! a short line that is neither repeated nor a counter stays.

use super::label::parse_label;
use crate::numerals::digit_value;
use std::borrow::Cow;
use std::collections::HashMap;

/// Non-blank lines searched at each edge of a page.
pub(crate) const ZONE: usize = 3;

/// Longest furniture line, in characters (after trimming).
const LONGEST: usize = 80;

/// Largest block that may be furniture as a whole.
const TINY_BLOCK: usize = 4;

/// Masked page counters (digits as `#`, lower case, no spaces) in the six
/// UN languages and Portuguese.
const COUNTERS: &[&str] = &[
    "#/#",
    "-#-",
    "–#–",
    "—#—",
    "page#",
    "page#of#",
    "page#sur#",
    "p.#",
    "pág.#",
    "página#",
    "página#de#",
    "стр.#",
    "с.#",
    "страница#",
    "#of#",
    "第#页",
    "第#页,共#页",
    "第#页，共#页",
    "第#頁",
    "صفحة#",
    "الصفحة#",
    "ص.#",
];

/// Words that announce a page number after a symbol (`A/RES/48/246 Page 2`).
const PAGE_WORDS: &[&str] = &["page", "página", "pág.", "стр.", "p."];

/// What a line is by its shape alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A lone number, with its value.
    Number(u32),
    /// A page counter (`3/27`, `Page 3`), with its first number.
    Counter(Option<u32>),
    /// A job number or bar code, with or without symbols and counters.
    Code,
    /// Document symbols (and counters) only.
    Symbol,
    /// A lower-case Roman numeral (front-matter page number).
    Roman,
}

/// Form feeds and direction marks, left out of a line by [`clean`].
fn is_noise(c: char) -> bool {
    matches!(
        c,
        '\u{c}' | '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// The line without form feeds, direction marks and outer spaces
/// (borrowed when it holds none of them, which is nearly every line).
pub(crate) fn clean(line: &str) -> Cow<'_, str> {
    if !line.contains(is_noise) {
        return Cow::Borrowed(line.trim());
    }
    let kept: String = line.chars().filter(|&c| !is_noise(c)).collect();
    Cow::Owned(kept.trim().to_owned())
}

/// The text with every digit run (any script) as `#`, lower-cased and
/// without spaces.
fn mask(text: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in text.chars() {
        if digit_value(c).is_some() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            if !c.is_whitespace() {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// The digit runs of `text`, as numbers (any script).
fn numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut cur: Option<u32> = None;
    for c in text.chars() {
        match digit_value(c) {
            Some(d) => cur = Some(cur.unwrap_or(0).saturating_mul(10).saturating_add(d)),
            None => out.extend(cur.take()),
        }
    }
    out.extend(cur);
    out
}

/// `21-09447`, `GE.21-09447`: two digits, a hyphen, five digits, after an
/// optional office prefix ending with a dot.
fn is_job_number(tok: &str) -> bool {
    let digits = tok.rsplit_once('.').map_or(tok, |(pre, rest)| {
        if pre.chars().all(|c| c.is_ascii_uppercase()) {
            rest
        } else {
            tok
        }
    });
    let b = digits.as_bytes();
    b.len() == 8
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// `A/76/135`, `A/RES/70/1`, `E/CN.6/2021/1`: an upper-case series
/// letter, then at least two more parts, one with a digit.
fn is_symbol(tok: &str) -> bool {
    let parts: Vec<&str> = tok.split('/').collect();
    // A symbol cited at the end of a footnote (`A/48/586.`) is text.
    parts.len() >= 3
        && !tok.ends_with('.')
        && parts[0].len() <= 8
        && parts[0].chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        })
        && parts.iter().any(|p| p.chars().any(|c| c.is_ascii_digit()))
}

/// `3/27` with 3 ≤ 27.
fn is_fraction_counter(tok: &str) -> bool {
    mask(tok) == "#/#" && matches!(numbers(tok)[..], [a, b] if a <= b && a > 0)
}

/// Classifies a line (already cleaned) by its shape.
fn shape(t: &str) -> Option<Shape> {
    if t.is_empty() || t.chars().count() > LONGEST {
        return None;
    }
    let m = mask(t);
    if m == "#" {
        return numbers(t).first().map(|&v| Shape::Number(v));
    }
    if COUNTERS.contains(&m.as_str()) {
        if m == "#/#" && !is_fraction_counter(t) {
            return None;
        }
        return Some(Shape::Counter(numbers(t).first().copied()));
    }
    if t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')) {
        return Some(Shape::Roman);
    }
    let (mut code, mut symbol) = (false, false);
    let toks: Vec<&str> = t.split_whitespace().collect();
    for (k, &tok) in toks.iter().enumerate() {
        // `Page 2` after a symbol: a counter.
        let page_word = PAGE_WORDS.contains(&tok.to_lowercase().as_str())
            && toks.get(k + 1).is_some_and(|n| mask(n) == "#");
        if page_word
            || (k > 0
                && mask(tok) == "#"
                && PAGE_WORDS.contains(&toks[k - 1].to_lowercase().as_str()))
        {
            continue;
        }
        let bar_code = tok.len() > 2 && mask(tok) == "*#*";
        // `/...`: "continued overleaf" at the foot of a typewritten page.
        if is_job_number(tok) || bar_code || tok == "/..." {
            code = true;
        } else if is_symbol(tok) {
            symbol = true;
        } else if !(is_fraction_counter(tok)
            || is_letter_in_brackets(tok)
            || (tok.len() == 6 && tok.bytes().all(|b| b.is_ascii_digit())))
        {
            return None;
        }
    }
    if code {
        Some(Shape::Code)
    } else if symbol {
        Some(Shape::Symbol)
    } else {
        None
    }
}

/// `(E)`, `(F)`: the language letter after a job number.
fn is_letter_in_brackets(tok: &str) -> bool {
    let mut c = tok.chars();
    matches!((c.next(), c.next(), c.next(), c.next()), (Some('('), Some(l), Some(')'), None) if l.is_ascii_uppercase())
}

/// Where each line stands: its page (form feeds before it) and its rank
/// among the page's non-blank lines from the top and from the bottom.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    page: usize,
    from_top: usize,
    from_bottom: usize,
}

/// The lines, cleaned, and where each stands.
struct Pages<'a> {
    text: Vec<Cow<'a, str>>,
    place: Vec<Place>,
    /// Pages with at least one non-blank line.
    count: usize,
    form_feeds: bool,
}

impl<'a> Pages<'a> {
    fn of(lines: &[&'a str]) -> Self {
        let mut page = 0;
        let mut place = Vec::with_capacity(lines.len());
        let mut text = Vec::with_capacity(lines.len());
        let mut form_feeds = false;
        for l in lines {
            let lead = l.chars().take_while(|&c| c == '\u{c}').count();
            page += lead;
            form_feeds |= l.contains('\u{c}');
            place.push(Place {
                page,
                ..Place::default()
            });
            page += l.chars().skip(lead).filter(|&c| c == '\u{c}').count();
            text.push(clean(l));
        }
        let mut per_page: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, t) in text.iter().enumerate() {
            if !t.is_empty() {
                per_page.entry(place[i].page).or_default().push(i);
            }
        }
        for idx in per_page.values() {
            for (r, &i) in idx.iter().enumerate() {
                place[i].from_top = r;
                place[i].from_bottom = idx.len() - 1 - r;
            }
        }
        Pages {
            text,
            place,
            count: per_page.len(),
            form_feeds,
        }
    }

    fn blank(&self, i: usize) -> bool {
        self.text[i].is_empty()
    }

    /// Does line `i` stand among the first or last [`ZONE`] non-blank lines
    /// of its page (only meaningful with form feeds)?
    fn in_zone(&self, i: usize) -> bool {
        self.form_feeds && (self.place[i].from_top < ZONE || self.place[i].from_bottom < ZONE)
    }

    /// Is line `i` alone between blank lines (or the text's ends)?
    fn alone(&self, i: usize) -> bool {
        (i == 0 || self.blank(i - 1)) && (i + 1 >= self.text.len() || self.blank(i + 1))
    }
}

/// Can line `t` be running furniture: not a labelled paragraph, and with
/// two letters at least (`3/`, a typewritten footnote's number, recurs at
/// the foot of pages too; counters without letters go by their shape)?
fn may_run(t: &str) -> bool {
    t.chars().count() <= LONGEST
        && t.chars().filter(|&c| crate::segment::is_letter(c)).count() >= 2
        && parse_label(t).is_none()
}

/// Lines whose masked text recurs at page edges (with form feeds) or
/// alone at a regular interval (without).
fn running(p: &Pages<'_>) -> Vec<bool> {
    let n = p.text.len();
    let mut out = vec![false; n];
    if p.form_feeds {
        let mut pages: HashMap<(bool, String), Vec<usize>> = HashMap::new();
        for i in (0..n).filter(|&i| p.in_zone(i) && may_run(&p.text[i])) {
            let top = p.place[i].from_top < ZONE;
            let v = pages.entry((top, mask(&p.text[i]))).or_default();
            if v.last() != Some(&p.place[i].page) {
                v.push(p.place[i].page);
            }
        }
        let need = 3.max((p.count * 2).div_ceil(5));
        for i in (0..n).filter(|&i| p.in_zone(i) && may_run(&p.text[i])) {
            let top = p.place[i].from_top < ZONE;
            out[i] = pages
                .get(&(top, mask(&p.text[i])))
                .is_some_and(|v| v.len() >= need);
        }
        return out;
    }
    let mut at: HashMap<String, Vec<usize>> = HashMap::new();
    for i in (0..n).filter(|&i| p.alone(i) && may_run(&p.text[i])) {
        at.entry(mask(&p.text[i])).or_default().push(i);
    }
    for v in at.values().filter(|v| v.len() >= 3 && regular(v)) {
        for &i in v {
            out[i] = true;
        }
    }
    out
}

/// Are the line numbers `v` (increasing) at a regular interval of at least
/// ten lines, the longest gap at most half as long again as the shortest?
fn regular(v: &[usize]) -> bool {
    let gaps: Vec<usize> = v.windows(2).map(|w| w[1] - w[0]).collect();
    let (lo, hi) = (
        gaps.iter().min().copied().unwrap_or(0),
        gaps.iter().max().copied().unwrap_or(0),
    );
    lo >= 10 && hi * 2 <= lo * 3
}

/// Which lone numbers follow the page sequence.
fn sequence_ok(p: &Pages<'_>, shapes: &[Option<Shape>]) -> Vec<bool> {
    let n = p.text.len();
    let mut ok = vec![false; n];
    let lone: Vec<(usize, u32)> = (0..n)
        .filter_map(|i| match shapes[i] {
            Some(Shape::Number(v)) if p.in_zone(i) || p.alone(i) => Some((i, v)),
            _ => None,
        })
        .collect();
    if p.form_feeds {
        // The distance from page index to printed number most counters share.
        let mut offsets: HashMap<i64, usize> = HashMap::new();
        let counters: Vec<(usize, u32)> = (0..n)
            .filter_map(|i| match shapes[i] {
                Some(Shape::Counter(Some(v))) => Some((i, v)),
                _ => None,
            })
            .collect();
        let basis = if counters.is_empty() {
            &lone
        } else {
            &counters
        };
        for &(i, v) in basis {
            *offsets
                .entry(i64::from(v) - p.place[i].page as i64)
                .or_default() += 1;
        }
        let best = offsets
            .iter()
            .max_by_key(|&(o, c)| (*c, std::cmp::Reverse(*o)))
            .map(|(&o, _)| o);
        for &(i, v) in &lone {
            ok[i] = Some(i64::from(v) - p.place[i].page as i64) == best;
        }
        return ok;
    }
    // Without pages: lone numbers counting up by one at a regular interval.
    let alone: Vec<(usize, u32)> = lone.into_iter().filter(|&(i, _)| p.alone(i)).collect();
    let mut run: Vec<(usize, u32)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, u32)>| {
        let lines: Vec<usize> = run.iter().map(|&(i, _)| i).collect();
        if run.len() >= 3 && regular(&lines) {
            for &i in &lines {
                ok[i] = true;
            }
        }
        run.clear();
    };
    for (i, v) in alone {
        if run.last().is_some_and(|&(_, w)| w + 1 != v) {
            flush(&mut run);
        }
        run.push((i, v));
    }
    flush(&mut run);
    ok
}

/// Marks the furniture lines of `lines` (the text split at `\n`).
pub(crate) fn detect(lines: &[&str]) -> Vec<bool> {
    let p = Pages::of(lines);
    let n = lines.len();
    let shapes: Vec<Option<Shape>> = p.text.iter().map(|t| shape(t)).collect();
    let runs = running(&p);
    let seq = sequence_ok(&p, &shapes);
    let like: Vec<bool> = (0..n)
        .map(|i| {
            runs[i]
                || match shapes[i] {
                    Some(Shape::Number(_)) => seq[i],
                    Some(Shape::Counter(_) | Shape::Code) => true,
                    Some(Shape::Symbol | Shape::Roman) => p.in_zone(i),
                    None => false,
                }
        })
        .collect();
    let mut out = vec![false; n];
    for i in (0..n).filter(|&i| like[i]) {
        out[i] = edge_run(&p, &like, i) || tiny_block(&p, &like, i);
    }
    out
}

/// Are line `i` and every non-blank line between it and the nearer page
/// edge furniture-like?
fn edge_run(p: &Pages<'_>, like: &[bool], i: usize) -> bool {
    if !p.in_zone(i) {
        return false;
    }
    let page = p.place[i].page;
    let same = |j: &usize| p.place[*j].page == page && !p.blank(*j);
    let up = (0..i).rev().take_while(|j| p.place[*j].page == page);
    let down = (i + 1..like.len()).take_while(|j| p.place[*j].page == page);
    (p.place[i].from_top < ZONE && up.filter(same).all(|j| like[j]))
        || (p.place[i].from_bottom < ZONE && down.filter(same).all(|j| like[j]))
}

/// Is line `i` in a block of at most [`TINY_BLOCK`] non-blank lines, all
/// furniture-like?
fn tiny_block(p: &Pages<'_>, like: &[bool], i: usize) -> bool {
    let mut a = i;
    while a > 0 && !p.blank(a - 1) {
        a -= 1;
    }
    let mut b = i;
    while b + 1 < like.len() && !p.blank(b + 1) {
        b += 1;
    }
    b - a < TINY_BLOCK && (a..=b).all(|j| like[j])
}

#[cfg(test)]
mod tests;
