//! From raw blocks to [`Block`]s: labels, kinds and parents.
//!
//! Both readers (plain text and Markdown) produce [`RawBlock`]s; this module
//! recognises labels (see [`super::label`]), decides headings, and links
//! sub-paragraphs to their numbered paragraph and nested list items to
//! their parent item.

use super::label::{letter_heading, parse_label, LabelClass, LabelMatch};
use crate::fxhash::FxHashMap;
use crate::model::{Block, BlockKind, LabelInfo};
use crate::numerals::letter_rank;

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

/// The label of a raw block: none in code; in a Markdown list item, the
/// number printed in the text (`1.1.`) rather than the item's own list
/// number, which only says where the item stands in its list.
fn read_label(raw: &RawBlock, last_letter: Option<u32>) -> Option<LabelMatch> {
    if raw.kind == BlockKind::Code {
        return None;
    }
    let mut m = parse_label(&raw.text)?;
    if raw.kind == BlockKind::ListItem {
        if let Some(inner) = parse_label(&raw.text[m.len..]) {
            let marker = raw.text[..m.len + inner.len].trim().to_owned();
            m = LabelMatch {
                len: m.len + inner.len,
                marker,
                ..inner
            };
        }
    }
    // A letter heading starts a series at `A.` or continues one (`S.
    // Janakiraman` is a name, not heading S).
    if m.scheme == "letter-heading" {
        let rank = m.number.unwrap_or(0);
        if rank != 1 && last_letter.map(|l| l + 1) != Some(rank) {
            return None;
        }
    }
    // `C.` after `B.` is the letter C, not the Roman numeral 100.
    if m.scheme == "roman" && m.label.chars().count() == 1 {
        let rank = m.label.chars().next().and_then(letter_rank);
        if last_letter.is_some() && rank.zip(last_letter).is_some_and(|(r, l)| r == l + 1) {
            m = letter_heading(&raw.text).unwrap_or(m);
        }
    }
    Some(m)
}

/// Does a section label make its block a heading? Letter headings (`A.`)
/// and Chinese enumerations (`一、`) when the text is short and does not
/// end a sentence; other section schemes (`II.`, `Goal 1.`) always.
fn section_is_heading(scheme: &str, text: &str) -> bool {
    !matches!(scheme, "letter-heading" | "chinese-enumeration")
        || (text.chars().count() <= 200 && !ends_sentence(text))
}

/// Builds the final blocks.
pub(crate) fn finish(raws: Vec<RawBlock>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::with_capacity(raws.len());
    // Index of the current numbered paragraph (parent of sub-paragraphs).
    let mut numbered: Option<usize> = None;
    // Last letter sub-paragraph under `numbered`: (index, key).
    let mut last_sub: Option<(usize, String)> = None;
    // The current article (parent of its numbered paragraphs).
    let mut article: Option<usize> = None;
    // Rank of the last letter heading (`B.` → 2).
    let mut last_letter: Option<u32> = None;
    // The latest block with each qualified value path (parents of `1.1`).
    let mut by_value: FxHashMap<Vec<u32>, usize> = FxHashMap::default();
    let mut qualified: Vec<Option<Vec<u32>>> = Vec::with_capacity(raws.len());
    for (i, raw) in raws.into_iter().enumerate() {
        let m = read_label(&raw, last_letter);
        let mut kind = raw.kind;
        let mut parent = raw.list_parent;
        let mut level = raw.level;
        let class = m.as_ref().map(|m| m.class);
        let sub_key = (class == Some(LabelClass::Sub))
            .then(|| m.as_ref().map(|m| m.key.clone()))
            .flatten();
        // Scheme, value path and main number, kept past the match.
        let meta = m.as_ref().map(|m| (m.scheme, m.value.clone(), m.number));
        let (label, label_key, marker, info, text) = match m {
            // The block's text loses its label: the same buffer, shifted.
            Some(m) => {
                let mut text = raw.text;
                let printed: String = text.drain(..m.len).collect();
                let info = LabelInfo {
                    scheme: m.scheme.to_owned(),
                    value: m.value,
                    printed,
                };
                (Some(m.label), Some(m.key), Some(m.marker), Some(info), text)
            }
            None => (None, None, raw.bullet, None, raw.text),
        };
        match class {
            Some(LabelClass::Section) => {
                let (scheme, number) = meta.as_ref().map_or(("", None), |m| (m.0, m.2));
                if kind == BlockKind::Paragraph && section_is_heading(scheme, &text) {
                    kind = BlockKind::Heading;
                    level = 1;
                }
                last_letter = number.filter(|_| scheme == "letter-heading");
                article = None;
                numbered = None;
                last_sub = None;
            }
            Some(LabelClass::Article) => {
                if kind == BlockKind::Paragraph && text.trim().is_empty() {
                    kind = BlockKind::Heading;
                    level = 2;
                }
                numbered = Some(i);
                article = Some(i);
                last_sub = None;
            }
            Some(LabelClass::Numbered) => {
                // Paragraph 1. of Article 3 is 3(1): renumbering the
                // article renumbers its paragraphs.
                if parent.is_none() && meta.as_ref().is_some_and(|m| m.1.len() == 1) {
                    parent = article;
                }
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
        // A label that prints its parents' numbers (`1.1`, `7.1.3`) hangs
        // from the block whose value path is its prefix (`Goal 1.`, `7.1`).
        if let Some(v) = meta.as_ref().map(|m| &m.1).filter(|v| v.len() > 1) {
            if let Some(&p) = by_value.get(&v[..v.len() - 1]) {
                parent = Some(p);
            }
        }
        // A parent always comes before its child (the model's invariant,
        // whatever a reader produced).
        let parent = parent.filter(|&p| p < i);
        let q = meta.map(
            |(_, value, _)| match parent.and_then(|p| qualified[p].clone()) {
                Some(mut path) if value.len() == 1 => {
                    path.extend_from_slice(&value);
                    path
                }
                _ => value,
            },
        );
        if let Some(q) = &q {
            by_value.insert(q.clone(), i);
        }
        qualified.push(q);
        blocks.push(Block {
            index: i,
            kind,
            label,
            label_key,
            marker,
            label_info: info,
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
    fn numbering_schemes_find_their_parents() {
        let texts = [
            "Goal 1. End poverty",
            "1.1 By 2030, eradicate poverty.",
            "1.a Ensure resources.",
            "Article 4 - Payment",
            "1. The Buyer shall pay:",
            "(a) the price;",
            "(b) the taxes.",
            "7.1 Scope of work",
            "7.1.3 The Contractor shall.",
            "A. Background",
            "B. Context",
            "C. Cooperation",
            "S. Janakiraman, Secretary",
        ];
        let b = finish(texts.iter().map(|t| raw(t)).collect());
        assert_eq!(b[0].kind, BlockKind::Heading);
        assert_eq!((b[1].parent, b[2].parent), (Some(0), Some(0)));
        assert_eq!(b[4].parent, Some(3), "paragraph 1 of Article 4");
        assert_eq!((b[5].parent, b[6].parent), (Some(4), Some(4)));
        assert_eq!(b[8].parent, Some(7));
        let labels: Vec<_> = b[9..].iter().map(|x| x.label.as_deref()).collect();
        assert_eq!(labels, [Some("A"), Some("B"), Some("C"), None]);
        assert_eq!(
            b[11].label_key.as_deref(),
            Some("sub:C"),
            "C after B is a letter"
        );
        let doc = crate::model::Document {
            blocks: b,
            ..Default::default()
        };
        assert_eq!(doc.value_path(6), Some(vec![4, 1, 2]));
        assert_eq!(doc.qualified_label(6).as_deref(), Some("1(b)"));
        assert_eq!(doc.value_path(2), Some(vec![1, 1]));
        assert_eq!(doc.qualified_label(2).as_deref(), Some("1.a"));
    }

    #[test]
    fn markdown_list_items_take_the_printed_number() {
        let mut r = raw("1. 1.1. Premier texte.");
        r.kind = BlockKind::ListItem;
        let b = finish(vec![r]);
        assert_eq!(b[0].label.as_deref(), Some("1.1"));
        assert_eq!(b[0].text, "Premier texte.");
        assert_eq!(b[0].marker.as_deref(), Some("1. 1.1."));
    }

    #[test]
    fn letter_i_after_h_is_a_sibling() {
        let texts = ["5. P", "h) x ;", "i) y."];
        let b = finish(texts.iter().map(|t| raw(t)).collect());
        assert_eq!(b[2].parent, Some(0));
    }
}
