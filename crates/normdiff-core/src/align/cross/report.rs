//! The finished model of a bilingual alignment: what the `align` renderers
//! see (they never recompute anything).

use super::CrossAlignment;
use crate::model::Document;
use crate::segment::is_letter;
use serde::Serialize;

/// Writing direction of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Left to right (Latin, Cyrillic, Han...).
    Ltr,
    /// Right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko).
    Rtl,
}

/// Is `c` a strong right-to-left character (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms)?
pub fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// The direction of `text`: right to left when most of its letters are
/// right-to-left (so an Arabic paragraph opening with `COVID-19` stays
/// right to left); digits and punctuation are neutral; left to right when
/// there are no letters.
pub fn direction(text: &str) -> Direction {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            ltr += usize::from(c.is_ascii_alphabetic());
        } else if is_letter(c) {
            if is_rtl(c) {
                rtl += 1;
            } else {
                ltr += 1;
            }
        }
    }
    if rtl > ltr {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// One block as shown in a bilingual table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockView {
    /// Block index, 0-based (as `normdiff parse` prints it).
    pub index: usize,
    /// The label as printed, or `None`.
    pub label: Option<String>,
    /// The block's text (after the label).
    pub text: String,
    /// Writing direction of the text (label included when it has no text).
    pub dir: Direction,
}

/// One row of a bilingual table: a link with its blocks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignRow {
    /// Source blocks (0, 1 or 2).
    pub source: Vec<BlockView>,
    /// Target blocks (0, 1 or 2).
    pub target: Vec<BlockView>,
    /// Link score, 0–1, rounded to 4 decimals (0 when a side is empty).
    pub score: f64,
    /// Both sides present and score under [`super::LOW_CONFIDENCE`].
    pub low_confidence: bool,
}

/// A bilingual alignment ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignReport {
    /// Name of the source document, as given on the command line.
    pub source_name: String,
    /// Name of the target document.
    pub target_name: String,
    /// Number of source blocks.
    pub source_blocks: usize,
    /// Number of target blocks.
    pub target_blocks: usize,
    /// Main writing direction of the source (that of most blocks).
    pub source_dir: Direction,
    /// Main writing direction of the target.
    pub target_dir: Direction,
    /// The rows, in document order.
    pub rows: Vec<AlignRow>,
}

fn view(doc: &Document, i: usize) -> BlockView {
    let b = &doc.blocks[i];
    let shown = if b.text.is_empty() {
        b.label.as_deref().unwrap_or("")
    } else {
        &b.text
    };
    BlockView {
        index: i,
        label: b.label.clone(),
        text: b.text.clone(),
        dir: direction(shown),
    }
}

fn main_dir(doc: &Document) -> Direction {
    let rtl = doc
        .blocks
        .iter()
        .filter(|b| direction(&b.text) == Direction::Rtl)
        .count();
    if rtl * 2 > doc.blocks.len() {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// Builds the report of `alignment` between `source` and `target`, named
/// `source_name` and `target_name` in headings.
pub fn report(
    source: &Document,
    target: &Document,
    alignment: &CrossAlignment,
    source_name: &str,
    target_name: &str,
) -> AlignReport {
    let rows = alignment
        .links
        .iter()
        .map(|l| AlignRow {
            source: l.source.iter().map(|&i| view(source, i)).collect(),
            target: l.target.iter().map(|&i| view(target, i)).collect(),
            score: (l.score * 10_000.0).round() / 10_000.0,
            low_confidence: l.low_confidence(),
        })
        .collect();
    AlignReport {
        source_name: source_name.to_owned(),
        target_name: target_name.to_owned(),
        source_blocks: source.blocks.len(),
        target_blocks: target.blocks.len(),
        source_dir: main_dir(source),
        target_dir: main_dir(target),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions() {
        assert_eq!(direction("يولد جميع الناس"), Direction::Rtl);
        assert_eq!(direction("١. يولد"), Direction::Rtl);
        assert_eq!(direction("COVID-19 في الجائحة"), Direction::Rtl);
        assert_eq!(direction("the word في"), Direction::Ltr);
        assert_eq!(direction("Все люди"), Direction::Ltr);
        assert_eq!(direction("人人生而自由"), Direction::Ltr);
        assert_eq!(direction("18."), Direction::Ltr);
    }
}
