//! Characters worth a warning: invisible ones (zero-width, bidi controls,
//! soft hyphens) and words that mix scripts (a Cyrillic `а` inside a Latin
//! word), which can change wording without showing.

use crate::model::{Block, CharNote};
use crate::normalize::is_invisible;

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
    for c in word.chars().filter(|c| c.is_alphabetic()) {
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

fn word_around(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    text[start..end]
        .chars()
        .map(|c| {
            if is_invisible(c) {
                format!("⟦U+{:04X}⟧", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Lists the invisible and mixed-script characters of `blocks`. Only the
/// non-ASCII characters are examined (ASCII has neither kind), so the cost
/// follows the amount of non-ASCII text.
pub fn char_notes(blocks: &[Block]) -> Vec<CharNote> {
    let mut out = Vec::new();
    for b in blocks {
        let text = b.text.as_str();
        let bytes = text.as_bytes();
        // Start of the last word already checked for mixed scripts.
        let mut checked_word: Option<usize> = None;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                i += 1;
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
            } else if c.is_alphabetic() && script(c) != Script::Other {
                // The word around this letter (letters and invisible
                // characters), checked once.
                let is_word = |c: char| c.is_alphabetic() || is_invisible(c);
                let start = text[..i]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !is_word(c))
                    .map_or(0, |(k, c)| k + c.len_utf8());
                if checked_word != Some(start) {
                    checked_word = Some(start);
                    let end = text[i..]
                        .find(|c: char| !is_word(c))
                        .map_or(text.len(), |k| i + k);
                    let w = &text[start..end];
                    if is_mixed_script(w) {
                        let first = w.chars().find(|c| script(*c) != Script::Other).map(script);
                        for c in w.chars() {
                            if c.is_alphabetic()
                                && script(c) != Script::Other
                                && Some(script(c)) != first
                            {
                                out.push(CharNote {
                                    block: Some(b.index),
                                    line: b.lines[0],
                                    code_point: format!("U+{:04X}", c as u32),
                                    class: "mixed-script".to_owned(),
                                    context: w.to_owned(),
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

    #[test]
    fn mixed_scripts() {
        assert!(is_mixed_script("nоyau")); // Cyrillic о
        assert!(!is_mixed_script("noyau"));
        assert!(!is_mixed_script("Статья"));
    }
}
