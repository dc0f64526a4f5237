//! A small cursor over the start of a block, for the label schemes.

/// Bytes past which a word cannot be one of the listed words (the longest
/// is far shorter, trailing punctuation included).
pub(super) const LONGEST_WORD: usize = 24;

/// A cursor over a string.
pub(super) struct Scan<'a> {
    pub s: &'a str,
    pub pos: usize,
}

impl<'a> Scan<'a> {
    pub fn new(s: &'a str) -> Self {
        Scan { s, pos: 0 }
    }
    pub fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    /// Skips spaces (ASCII, tab, NBSP, narrow NBSP); returns the bytes skipped.
    pub fn spaces(&mut self) -> usize {
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
    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    /// Eats one of `cs`.
    pub fn eat_any(&mut self, cs: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| cs.contains(c))?;
        self.pos += c.len_utf8();
        Some(c)
    }
    /// Takes a run of characters satisfying `f`.
    pub fn take(&mut self, f: impl Fn(char) -> bool) -> &'a str {
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
    pub fn word_in(&mut self, words: &[&str]) -> Option<&'a str> {
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
    pub fn at_boundary(&self) -> bool {
        self.peek().is_none_or(char::is_whitespace)
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
