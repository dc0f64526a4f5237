//! From raw blocks to [`Block`]s: labels, kinds and parents.
//!
//! Both readers (plain text and Markdown) produce [`RawBlock`]s; this module
//! recognises labels (see [`super::label`]), decides headings, and links
//! sub-paragraphs to their numbered paragraph and nested list items to
//! their parent item.

use super::label::{parse_label, LabelClass};
use crate::model::{Block, BlockKind};

/// A block as a reader found it, before labels and parents.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub level: u32,
    /// Parent among the raw blocks (nested list items).
    pub list_parent: Option<usize>,
    /// Joined text, label included.
    pub text: String,
    pub markup: Option<String>,
    pub lines: [usize; 2],
    pub spans: Vec<[usize; 2]>,
    /// Bullet characters of a list item (`-`, `- o`), kept as the marker.
    pub bullet: Option<String>,
    /// May this block be a heading by shape (short line, no punctuation)?
    pub heading_by_shape: bool,
}

/// Does `text` end a sentence (ignoring closing quotes, brackets, emphasis
/// marks and footnote references)?
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '»' | '”'
                    | '"'
                    | '\''
                    | '’'
                    | ')'
                    | ']'
                    | '*'
                    | '_'
                    | '¹'
                    | '²'
                    | '³'
                    | '⁴'
                    | '⁵'
                    | '⁶'
                    | '⁷'
                    | '⁸'
                    | '⁹'
                    | '⁰'
            )
    });
    t.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？', '؟', '؛'])
}

/// Builds the final blocks.
pub(crate) fn finish(raws: Vec<RawBlock>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::with_capacity(raws.len());
    // Index of the current numbered paragraph (parent of sub-paragraphs).
    let mut numbered: Option<usize> = None;
    // Last letter sub-paragraph under `numbered`: (index, key).
    let mut last_sub: Option<(usize, String)> = None;
    for (i, raw) in raws.into_iter().enumerate() {
        let m = if raw.kind == BlockKind::Code {
            None
        } else {
            parse_label(&raw.text)
        };
        let mut kind = raw.kind;
        let mut parent = raw.list_parent;
        let mut level = raw.level;
        let class = m.as_ref().map(|m| m.class);
        let sub_key = (class == Some(LabelClass::Sub))
            .then(|| m.as_ref().map(|m| m.key.clone()))
            .flatten();
        let (label, label_key, marker, text) = match m {
            // The block's text loses its label: the same buffer, shifted.
            Some(m) => {
                let mut text = raw.text;
                text.drain(..m.len);
                (Some(m.label), Some(m.key), Some(m.marker), text)
            }
            None => (None, None, raw.bullet, raw.text),
        };
        match class {
            Some(LabelClass::Section) => {
                if kind == BlockKind::Paragraph {
                    kind = BlockKind::Heading;
                    level = 1;
                }
                numbered = None;
                last_sub = None;
            }
            Some(LabelClass::Article) => {
                if kind == BlockKind::Paragraph && text.trim().is_empty() {
                    kind = BlockKind::Heading;
                    level = 2;
                }
                numbered = Some(i);
                last_sub = None;
            }
            Some(LabelClass::Numbered) => {
                numbered = Some(i);
                last_sub = None;
            }
            Some(LabelClass::Sub) => {
                let key = sub_key.unwrap_or_default();
                // "i)" after "h)" is the letter i; after another letter it
                // is a Roman sub-sub-paragraph.
                let looks_roman = crate::numerals::parse_roman(&key).is_some();
                let is_roman_child = last_sub
                    .as_ref()
                    .is_some_and(|(_, prev)| looks_roman && !is_next_letter(prev, &key));
                if is_roman_child {
                    parent = last_sub.as_ref().map(|(j, _)| *j);
                } else {
                    if parent.is_none() {
                        parent = numbered;
                    }
                    last_sub = Some((i, key));
                }
            }
            None => {
                if kind == BlockKind::Paragraph && raw.heading_by_shape {
                    kind = BlockKind::Heading;
                    level = 2;
                }
                if kind == BlockKind::Heading {
                    numbered = None;
                    last_sub = None;
                }
            }
        }
        // A parent always comes before its child (the model's invariant,
        // whatever a reader produced).
        let parent = parent.filter(|&p| p < i);
        blocks.push(Block {
            index: i,
            kind,
            label,
            label_key,
            marker,
            parent,
            level,
            text,
            markup: raw.markup,
            lines: raw.lines,
            spans: raw.spans,
        });
    }
    blocks
}

fn is_next_letter(prev: &str, key: &str) -> bool {
    let (mut p, mut k) = (prev.chars(), key.chars());
    match (p.next(), k.next(), p.next(), k.next()) {
        (Some(a), Some(b), None, None) => char::from_u32(a as u32 + 1) == Some(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("efforts."));
        assert!(ends_sentence("« ainsi ». "));
        assert!(ends_sentence("(voir A/69/723)."));
        assert!(ends_sentence("comme suit :"));
        assert!(ends_sentence("la paix.¹"));
        assert!(!ends_sentence("pour le bien"));
        assert!(!ends_sentence("**Guilherme de Aguiar Patriota**"));
    }

    fn raw(text: &str) -> RawBlock {
        RawBlock {
            kind: BlockKind::Paragraph,
            level: 0,
            list_parent: None,
            text: text.to_owned(),
            markup: None,
            lines: [1, 1],
            spans: vec![],
            bullet: None,
            heading_by_shape: false,
        }
    }

    #[test]
    fn sub_paragraphs_point_to_their_paragraph() {
        let texts = [
            "II. Titre",
            "30. Paragraphe :",
            "a) un ;",
            "b) deux ;",
            "i) sous-point ;",
            "ii) autre ;",
            "c) trois.",
        ];
        let b = finish(texts.iter().map(|t| raw(t)).collect());
        assert_eq!(b[0].kind, BlockKind::Heading);
        assert_eq!(b[2].parent, Some(1));
        assert_eq!(b[3].parent, Some(1));
        assert_eq!(b[4].parent, Some(3), "roman i) under b)");
        assert_eq!(b[5].parent, Some(3));
        assert_eq!(b[6].parent, Some(1));
        assert_eq!(b[1].text, "Paragraphe :");
    }

    #[test]
    fn letter_i_after_h_is_a_sibling() {
        let texts = ["5. P", "h) x ;", "i) y."];
        let b = finish(texts.iter().map(|t| raw(t)).collect());
        assert_eq!(b[2].parent, Some(0));
    }
}
