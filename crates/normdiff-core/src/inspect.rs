//! Characters worth a warning: invisible ones (zero-width, bidi controls,
//! soft hyphens) and words that mix scripts (a Cyrillic `а` inside a Latin
//! word), which can change wording without showing.

use crate::model::{Block, CharNote};
use crate::normalize::is_invisible;
use crate::segment::is_letter;

/// The script family of a letter, for mixed-script detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Greek letters.
    Greek,
    /// Anything else (Arabic, Han, ...), not checked for mixing.
    Other,
}

/// The script of `c` (coarse: by Unicode block).
pub fn script(c: char) -> Script {
    match c as u32 {
        0x0041..=0x005A | 0x0061..=0x007A | 0x00C0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// Does `word` mix Latin, Cyrillic or Greek letters?
pub fn is_mixed_script(word: &str) -> bool {
    let mut seen: Option<Script> = None;
    for c in word.chars().filter(|&c| is_letter(c)) {
        let s = script(c);
        if s == Script::Other {
            continue;
        }
        match seen {
            None => seen = Some(s),
            Some(p) if p != s => return true,
            _ => {}
        }
    }
    false
}

/// Characters of context kept on each side of a noted character.
const CONTEXT_CHARS: usize = 24;

/// The word around byte offset `at` (bounded to [`CONTEXT_CHARS`] on each
/// side, so that a note on a huge unbroken run stays cheap), with invisible
/// characters made visible as `⟦U+XXXX⟧`.
fn word_around(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .take_while(|&(_, c)| !c.is_whitespace())
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .take(CONTEXT_CHARS + 1)
        .take_while(|&(k, c)| k == 0 || !c.is_whitespace())
        .last()
        .map_or(at, |(k, c)| at + k + c.len_utf8());
    let mut out = String::new();
    for c in text[start..end].chars() {
        if is_invisible(c) {
            out.push_str(&format!("⟦U+{:04X}⟧", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Length of the ASCII run that starts `bytes` (at least 1 when `bytes`
/// starts with ASCII), read eight bytes at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// Lists the invisible and mixed-script characters of `blocks`. Only the
/// non-ASCII characters are examined (ASCII has neither kind), so the cost
/// follows the amount of non-ASCII text.
pub fn char_notes(blocks: &[Block]) -> Vec<CharNote> {
    let mut out = Vec::new();
    for b in blocks {
        let text = b.text.as_str();
        let bytes = text.as_bytes();
        // End of the last word already checked for mixed scripts: each word
        // is examined once, so the pass stays linear however long a word is.
        let mut checked_until = 0usize;
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, and U+00C0–U+033F (first bytes 0xC3–0xCC: accented
            // Latin letters, modifiers, most combining marks), hold
            // neither invisible characters nor Cyrillic or Greek letters.
            if bytes[i] < 0x80 {
                i += ascii_run(&bytes[i..]);
                continue;
            }
            if (0xC3..=0xCC).contains(&bytes[i]) {
                i += 2;
                continue;
            }
            let c = text[i..].chars().next().expect("char boundary");
            if is_invisible(c) {
                out.push(CharNote {
                    block: Some(b.index),
                    line: b.lines[0],
                    code_point: format!("U+{:04X}", c as u32),
                    class: "invisible".to_owned(),
                    context: word_around(text, i),
                });
            } else if i >= checked_until && matches!(script(c), Script::Cyrillic | Script::Greek) {
                // A mixed word holds a Cyrillic or Greek letter and a Latin
                // one: examining words at their Cyrillic and Greek letters
                // finds them all, and skips the accented letters of Latin
                // text (most of French).
                // The word around this letter (letters and invisible
                // characters), checked once.
                let is_word = |c: char| is_letter(c) || is_invisible(c);
                let start = text[checked_until..i]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !is_word(c))
                    .map_or(checked_until, |(k, c)| checked_until + k + c.len_utf8());
                {
                    let end = text[i..]
                        .find(|c: char| !is_word(c))
                        .map_or(text.len(), |k| i + k);
                    checked_until = end;
                    let w = &text[start..end];
                    if is_mixed_script(w) {
                        let first = w.chars().find(|c| script(*c) != Script::Other).map(script);
                        for (k, c) in w.char_indices() {
                            if is_letter(c)
                                && script(c) != Script::Other
                                && Some(script(c)) != first
                            {
                                out.push(CharNote {
                                    block: Some(b.index),
                                    line: b.lines[0],
                                    code_point: format!("U+{:04X}", c as u32),
                                    class: "mixed-script".to_owned(),
                                    context: word_around(text, start + k),
                                });
                            }
                        }
                    }
                }
            }
            i += c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_runs_end_at_the_first_non_ascii_byte() {
        for text in [
            "",
            "a",
            "abcdefgh",
            "abcdefghé",
            "abcdefghijklmnopqrsé",
            "abcé",
            "é",
        ] {
            let want = text.bytes().take_while(u8::is_ascii).count();
            assert_eq!(ascii_run(text.as_bytes()), want, "{text}");
        }
    }

    #[test]
    fn notes_name_invisible_and_look_alike_characters() {
        let doc = crate::ingest(
            "Le nоyau public de l'Inter\u{200B}net.",
            crate::InputFormat::Text,
        );
        let notes: Vec<(&str, &str)> = doc
            .char_notes
            .iter()
            .map(|n| (n.class.as_str(), n.code_point.as_str()))
            .collect();
        assert_eq!(
            notes,
            vec![("mixed-script", "U+043E"), ("invisible", "U+200B")]
        );
        assert_eq!(doc.char_notes[0].context, "nоyau");
        assert_eq!(doc.char_notes[1].context, "l'Inter⟦U+200B⟧net.");
    }

    /// Found by fuzzing: a huge unbroken run full of invisible and
    /// look-alike characters made the notes quadratic.
    #[test]
    fn notes_on_a_huge_unbroken_run_stay_linear_and_bounded() {
        let run: String = "aо\u{200B}".repeat(20_000);
        let doc = crate::ingest(&run, crate::InputFormat::Text);
        assert_eq!(doc.char_notes.len(), 40_000);
        assert!(doc
            .char_notes
            .iter()
            .all(|n| n.context.chars().count() < 200));
    }

    #[test]
    fn mixed_scripts() {
        assert!(is_mixed_script("nоyau")); // Cyrillic о
        assert!(!is_mixed_script("noyau"));
        assert!(!is_mixed_script("Статья"));
    }
}
