//! Joining hard-wrapped lines into one text.
//!
//! Lines are trimmed and joined with one space, or none next to a Chinese
//! or Japanese character ([`crate::segment::is_unspaced`]). A line that ends in a
//! letter followed by a hyphen is joined without a space. The hyphen is
//! kept (`dommages-` + `intérêts` → `dommages-intérêts`: compounds broken
//! at their hyphen are the common case in wrapped legal text) unless the
//! document's own vocabulary says the word was split by hyphenation: the
//! unhyphenated word occurs elsewhere in the document and the hyphenated
//! form does not (`numé-` + `rique` → `numérique`). A soft hyphen (U+00AD)
//! at a line end is always removed.
//!
//! It also decides when two blocks are one paragraph split by a page break
//! ([`page_break_evidence`]): only on positive evidence that a page break
//! fell there, never for a run of parallel clauses.

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
        .find(|&(_, c)| !crate::segment::is_letter(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// The word that starts `s` (letters only).
fn first_word(s: &str) -> &str {
    let end = s
        .find(|c: char| !crate::segment::is_letter(c))
        .unwrap_or(s.len());
    &s[..end]
}

/// Do the end of `before` and the start of `line` meet without a space:
/// a Chinese or Japanese character on either side (`弱势` + `群体`,
/// `1.25美` + `元`), or ASCII punctuation set right after one (`贫困,` +
/// `极端`)?
pub(crate) fn unspaced_join(before: &str, line: &str) -> bool {
    let mut rev = before.chars().rev();
    let last = rev.next();
    let after_punct = last.is_some_and(|c| c.is_ascii_punctuation())
        && rev.next().is_some_and(crate::segment::is_unspaced);
    last.is_some_and(crate::segment::is_unspaced)
        || after_punct
        || line.chars().next().is_some_and(crate::segment::is_unspaced)
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
        } else if !out.text.is_empty() && !unspaced_join(&out.text, line) {
            out.text.push(' ');
        }
        out.text.push_str(line);
    }
    out
}

/// Why two blocks were taken for one paragraph split by a page break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BreakEvidence {
    /// Footnotes sit between the two halves.
    Footnotes,
    /// Page furniture (a running header or footer, a page counter) sits
    /// between the two halves.
    PageFurniture,
    /// A form feed (U+000C) sits between the two halves.
    FormFeed,
    /// The first half stops mid-phrase: on a word, not on punctuation.
    MidPhrase,
}

/// The two sides of a candidate page-break join.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BreakSides<'a> {
    /// The first line of the paragraph so far (its opening words).
    pub head: &'a str,
    /// The last line of the paragraph so far.
    pub tail: &'a str,
    /// The first line of the candidate continuation.
    pub next: &'a str,
    /// The last line of the candidate continuation.
    pub next_tail: &'a str,
    /// Footnotes were set aside between the two.
    pub footnotes: bool,
    /// A form feed was seen between the two.
    pub form_feed: bool,
    /// Page furniture was removed between the two.
    pub furniture: bool,
}

/// Clause punctuation that ends an item of a list of parallel clauses in
/// every UN language (Latin, Arabic and Chinese commas).
const CLAUSE_ENDS: &[char] = &[',', '،', '，', '、'];

/// The last character of `s` that is not a space, closing quote or
/// bracket, or footnote call.
fn last_sign(s: &str) -> Option<char> {
    s.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '»' | '”' | '"' | '\'' | '’' | ')' | ']' | '*' | '_')
            || matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{2079}')
    })
    .chars()
    .last()
}

/// The opening word of `s`, lower-cased (letters only).
fn opening_word(s: &str) -> String {
    first_word(s.trim_start()).to_lowercase()
}

/// Is the join of `sides` supported by evidence that a page break fell
/// there? The caller has checked that the first half does not end a
/// sentence and that the continuation is a plain paragraph without a
/// label. Cased continuations must start in lower case; continuations in
/// scripts without case (Arabic, Chinese) need a footnote, page furniture
/// or a form feed between the halves.
/// A run of parallel clauses (same opening word, or both halves ending
/// with a comma) is never joined.
pub(crate) fn page_break_evidence(sides: &BreakSides<'_>) -> Option<BreakEvidence> {
    let next = sides.next.trim_start();
    let first = next.chars().next()?;
    let cased = first.is_uppercase() || first.is_lowercase();
    if cased && !first.is_lowercase() {
        return None;
    }
    let opening = opening_word(sides.head);
    if !opening.is_empty() && opening == opening_word(next) {
        return None;
    }
    let end = last_sign(sides.tail)?;
    let strong = if sides.footnotes {
        Some(BreakEvidence::Footnotes)
    } else if sides.furniture {
        Some(BreakEvidence::PageFurniture)
    } else if sides.form_feed {
        Some(BreakEvidence::FormFeed)
    } else {
        None
    };
    if CLAUSE_ENDS.contains(&end) {
        // A clause ending: a page break may follow it, but so does the next
        // clause of a list. Only a break that is there, and a continuation
        // that does not end the same way, tell them apart.
        let same_rhythm = last_sign(sides.next_tail).is_some_and(|c| CLAUSE_ENDS.contains(&c));
        return strong.filter(|_| !same_rhythm);
    }
    if !end.is_alphanumeric() {
        return strong;
    }
    strong.or(cased.then_some(BreakEvidence::MidPhrase))
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
    fn chinese_lines_join_without_a_space() {
        let v = Vocabulary::default();
        let j = join_lines(["覆盖穷人和弱势", "群体"], &v);
        assert_eq!(j.text, "覆盖穷人和弱势群体");
        assert_eq!(join_lines(["不足1.25美", "元"], &v).text, "不足1.25美元");
        assert_eq!(join_lines(["到", "2030年"], &v).text, "到2030年");
        assert_eq!(join_lines(["极端贫困,", "极端"], &v).text, "极端贫困,极端");
        // Latin, Arabic and Korean keep their space.
        assert_eq!(
            join_lines(["le Groupe,", "note"], &v).text,
            "le Groupe, note"
        );
        assert_eq!(join_lines(["عام", "2030"], &v).text, "عام 2030");
        assert_eq!(join_lines(["대한", "민국"], &v).text, "대한 민국");
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

    fn sides<'a>(
        head: &'a str,
        tail: &'a str,
        next: &'a str,
        next_tail: &'a str,
    ) -> BreakSides<'a> {
        BreakSides {
            head,
            tail,
            next,
            next_tail,
            footnotes: false,
            form_feed: false,
            furniture: false,
        }
    }

    #[test]
    fn mid_phrase_break_joins() {
        let s = sides(
            "5. Il est vital",
            "pour le bien",
            "commun de tous.",
            "commun de tous.",
        );
        assert_eq!(page_break_evidence(&s), Some(BreakEvidence::MidPhrase));
    }

    #[test]
    fn russian_recitals_are_not_joined() {
        let s = sides(
            "принимая во внимание, что права человека универсальны,",
            "принимая во внимание, что права человека универсальны,",
            "ссылаясь на свою резолюцию 70/1,",
            "ссылаясь на свою резолюцию 70/1,",
        );
        assert_eq!(page_break_evidence(&s), None);
        // Even with a footnote or page furniture between them: same rhythm.
        let s = BreakSides {
            footnotes: true,
            ..s
        };
        assert_eq!(page_break_evidence(&s), None);
        let s = BreakSides {
            footnotes: false,
            furniture: true,
            ..s
        };
        assert_eq!(page_break_evidence(&s), None);
    }

    #[test]
    fn same_opening_word_is_a_list() {
        let s = sides(
            "renforcer la coopération",
            "renforcer la coopération",
            "renforcer les capacités",
            "renforcer les capacités",
        );
        assert_eq!(page_break_evidence(&s), None);
    }

    #[test]
    fn comma_break_needs_a_footnote_and_a_different_ending() {
        let s = sides(
            "Le Groupe, notant",
            "que les États,",
            "compte tenu de ce qui précède, décide.",
            "décide.",
        );
        assert_eq!(page_break_evidence(&s), None);
        let s = BreakSides {
            footnotes: true,
            ..s
        };
        assert_eq!(page_break_evidence(&s), Some(BreakEvidence::Footnotes));
    }

    #[test]
    fn uncased_scripts_need_a_page_break_mark() {
        let s = sides(
            "يؤكد أن الدول",
            "يؤكد أن الدول",
            "تتعاون فيما بينها.",
            "تتعاون فيما بينها.",
        );
        assert_eq!(page_break_evidence(&s), None);
        let s = BreakSides {
            form_feed: true,
            ..s
        };
        assert_eq!(page_break_evidence(&s), Some(BreakEvidence::FormFeed));
        let s = sides(
            "يؤكد أن الدول",
            "يؤكد أن الدول",
            "تتعاون فيما بينها.",
            "تتعاون فيما بينها.",
        );
        let s = BreakSides {
            furniture: true,
            ..s
        };
        assert_eq!(page_break_evidence(&s), Some(BreakEvidence::PageFurniture));
        let s = sides("各国应当", "各国应当", "加强合作。", "加强合作。");
        assert_eq!(
            page_break_evidence(&BreakSides {
                furniture: true,
                ..s
            }),
            Some(BreakEvidence::PageFurniture)
        );
        assert_eq!(
            page_break_evidence(&BreakSides {
                footnotes: true,
                ..s
            }),
            Some(BreakEvidence::Footnotes)
        );
    }

    #[test]
    fn capitalised_continuation_is_a_new_paragraph() {
        let s = sides("Titre", "Titre", "Le texte.", "Le texte.");
        assert_eq!(
            page_break_evidence(&BreakSides {
                footnotes: true,
                ..s
            }),
            None
        );
    }
}
