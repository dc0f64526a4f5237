//! Joining hard-wrapped lines into one text.
//!
//! Lines are trimmed and joined with one space. A line that ends in a
//! letter followed by a hyphen is joined without a space. The hyphen is
//! kept (`dommages-` + `intérêts` → `dommages-intérêts`: compounds broken
//! at their hyphen are the common case in wrapped legal text) unless the
//! document's own vocabulary says the word was split by hyphenation: the
//! unhyphenated word occurs elsewhere in the document and the hyphenated
//! form does not (`numé-` + `rique` → `numérique`). A soft hyphen (U+00AD)
//! at a line end is always removed.

use std::collections::HashSet;

/// Lower-cased words of a document, for the hyphenation decision.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    /// Collects every word of `text` (split on anything not a letter or an
    /// inner hyphen), or nothing when no line of `text` ends in a hyphen
    /// after a letter (the only case that consults the vocabulary).
    pub(crate) fn of(text: &str) -> Self {
        let needed = text.lines().any(|l| {
            let l = l.trim_end();
            l.ends_with('-')
                && l[..l.len() - 1]
                    .chars()
                    .last()
                    .is_some_and(char::is_alphabetic)
        });
        if !needed {
            return Vocabulary::default();
        }
        let mut words = HashSet::new();
        for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let w = w.trim_matches('-');
            if w.chars().count() > 2 {
                words.insert(w.to_lowercase());
            }
        }
        Vocabulary { words }
    }

    fn contains(&self, w: &str) -> bool {
        self.words.contains(&w.to_lowercase())
    }
}

/// The result of joining lines.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Joined {
    /// The joined text.
    pub text: String,
    /// Number of line breaks replaced.
    pub joins: usize,
    /// Number of hyphens removed.
    pub dehyphenated: usize,
}

/// The word that ends `s` (letters only).
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// The word that starts `s` (letters only).
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

/// Joins `lines` (already without their line ends) into one text.
pub(crate) fn join_lines<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    vocab: &Vocabulary,
) -> Joined {
    let mut out = Joined::default();
    for (i, line) in lines.into_iter().enumerate() {
        let line = if i == 0 { line.trim_end() } else { line.trim() };
        if i == 0 {
            out.text.push_str(line);
            continue;
        }
        if line.is_empty() {
            continue;
        }
        out.joins += 1;
        if out.text.ends_with('\u{00AD}') {
            out.text.pop();
            out.dehyphenated += 1;
        } else if out.text.ends_with('-') && {
            let before = &out.text[..out.text.len() - 1];
            before.chars().last().is_some_and(char::is_alphabetic)
        } {
            let head = last_word(&out.text[..out.text.len() - 1]).to_owned();
            let tail = first_word(line);
            let glued = format!("{head}{tail}");
            let hyphenated = format!("{head}-{tail}");
            if !tail.is_empty()
                && line.starts_with(|c: char| c.is_lowercase())
                && vocab.contains(&glued)
                && !vocab.contains(&hyphenated)
            {
                out.text.pop();
                out.dehyphenated += 1;
            }
        } else if !out.text.is_empty() {
            out.text.push(' ');
        }
        out.text.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_with_one_space() {
        let v = Vocabulary::default();
        let j = join_lines(["le locataire  ", "  ou le fermier"], &v);
        assert_eq!(j.text, "le locataire ou le fermier");
        assert_eq!(j.joins, 1);
    }

    #[test]
    fn compound_hyphen_is_kept() {
        let v = Vocabulary::of("rien");
        let j = join_lines(["les dommages-", "intérêts dus"], &v);
        assert_eq!(j.text, "les dommages-intérêts dus");
    }

    #[test]
    fn hyphenation_is_removed_when_the_document_knows_the_word() {
        let v = Vocabulary::of("le numérique et le\nnumé-\nrique");
        let j = join_lines(["du numé-", "rique à"], &v);
        assert_eq!(j.text, "du numérique à");
        assert_eq!(j.dehyphenated, 1);
    }

    #[test]
    fn dash_with_space_is_not_a_hyphen() {
        let j = join_lines(["Internet -", "ce que"], &Vocabulary::default());
        assert_eq!(j.text, "Internet - ce que");
    }

    #[test]
    fn soft_hyphen_is_removed() {
        let j = join_lines(["numé\u{00AD}", "rique"], &Vocabulary::default());
        assert_eq!(j.text, "numérique");
    }
}
