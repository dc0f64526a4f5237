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

/// Lists the invisible and mixed-script characters of `blocks`, in one
/// pass over each text (plain ASCII text is skipped outright).
pub fn char_notes(blocks: &[Block]) -> Vec<CharNote> {
    let mut out = Vec::new();
    for b in blocks {
        if b.text.is_ascii() {
            continue;
        }
        let note = |i: usize, c: char, class: &str, context: String| CharNote {
            block: Some(b.index),
            line: b.lines[0],
            code_point: format!("U+{:04X}", c as u32),
            class: class.to_owned(),
            context: if context.is_empty() {
                word_around(&b.text, i)
            } else {
                context
            },
        };
        // Current word: start byte and the scripts seen in it.
        let mut word_start = 0;
        let mut scripts: u8 = 0;
        let flush = |start: usize, end: usize, scripts: u8, out: &mut Vec<CharNote>| {
            if scripts.count_ones() > 1 {
                let w = &b.text[start..end];
                let first = w.chars().find(|c| script(*c) != Script::Other).map(script);
                for (k, c) in w.char_indices() {
                    if c.is_alphabetic() && script(c) != Script::Other && Some(script(c)) != first {
                        out.push(note(start + k, c, "mixed-script", w.to_owned()));
                    }
                }
            }
        };
        for (i, c) in b.text.char_indices() {
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    scripts |= 1;
                } else {
                    flush(word_start, i, scripts, &mut out);
                    scripts = 0;
                    word_start = i + 1;
                }
                continue;
            }
            if is_invisible(c) {
                out.push(note(i, c, "invisible", String::new()));
            }
            if c.is_alphabetic() {
                scripts |= match script(c) {
                    Script::Latin => 1,
                    Script::Cyrillic => 2,
                    Script::Greek => 4,
                    Script::Other => 0,
                };
            } else if !is_invisible(c) {
                flush(word_start, i, scripts, &mut out);
                scripts = 0;
                word_start = i + c.len_utf8();
            }
        }
        flush(word_start, b.text.len(), scripts, &mut out);
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
