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

/// Lists the invisible and mixed-script characters of `blocks`.
pub fn char_notes(blocks: &[Block]) -> Vec<CharNote> {
    let mut out = Vec::new();
    for b in blocks {
        for (i, c) in b.text.char_indices() {
            if is_invisible(c) {
                out.push(CharNote {
                    block: Some(b.index),
                    line: b.lines[0],
                    code_point: format!("U+{:04X}", c as u32),
                    class: "invisible".to_owned(),
                    context: word_around(&b.text, i),
                });
            }
        }
        for w in b.text.split(|c: char| !c.is_alphabetic()) {
            if is_mixed_script(w) {
                let first = w.chars().next().map(script);
                for c in w.chars() {
                    if c.is_alphabetic() && Some(script(c)) != first {
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_scripts() {
        assert!(is_mixed_script("nоyau")); // Cyrillic о
        assert!(!is_mixed_script("noyau"));
        assert!(!is_mixed_script("Статья"));
    }
}
