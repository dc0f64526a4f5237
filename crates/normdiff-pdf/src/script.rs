//! Scripts on a line: which way it reads, where words meet without a
//! space, and how wide a gap between words is.
//!
//! A PDF draws glyphs where they go on the page; read left to right, a
//! right-to-left line (Arabic, Hebrew) comes out backwards. A line whose
//! strong letters are mostly right-to-left is put back in reading order
//! by reversing its pieces and turning its left-to-right runs (digits
//! `2030`, `1.25`, Latin `A/RES/70/1`, with the punctuation between them)
//! back round: the inverse of the Unicode bidirectional algorithm for a
//! right-to-left line without explicit embeddings. Character classes come
//! from `unicode-bidi` (see docs/DECISIONS.md, "PDF scripts").

use std::sync::OnceLock;
use unicode_bidi::{bidi_class, BidiClass};

/// A gap wider than this many em is a space between two Arabic or Hebrew
/// letters. Measured on LibreOffice's justified Arabic (12 pt): letters of
/// a word touch (gaps ≤ 0.03 em, kashida fillers included), words are
/// 0.31–0.34 em apart. The text-positioning moves that usually mark words
/// in Latin PDFs fall inside Arabic words, so only the gap counts.
pub const RTL_SPACE_EM: f64 = 0.15;

/// Characters below this come from a table (Latin, Greek, Cyrillic,
/// Hebrew, Arabic): `bidi_class` searches all of Unicode's ranges, and
/// was a tenth of the time of reading a PDF.
const TABLE_END: u32 = 0x800;

/// `c`'s bidirectional class (`unicode_bidi::bidi_class`, cached for the
/// first [`TABLE_END`] code points).
fn class(c: char) -> BidiClass {
    static TABLE: OnceLock<Vec<BidiClass>> = OnceLock::new();
    match TABLE
        .get_or_init(|| {
            (0..TABLE_END)
                .map(|u| char::from_u32(u).map_or(BidiClass::ON, bidi_class))
                .collect()
        })
        .get(c as usize)
    {
        Some(&k) => k,
        None => bidi_class(c),
    }
}

/// What a piece of text is, for reordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    /// Arabic, Hebrew letters.
    Rtl,
    /// Latin, Cyrillic, Chinese letters.
    Ltr,
    /// Digits.
    Number,
    /// Separators inside a number (`.`, `,`, `:`, `/`).
    Separator,
    /// Spaces, other punctuation, marks.
    Neutral,
}

/// The class of `text`'s first character that is not a mark.
fn dir_of(text: &str) -> Dir {
    for c in text.chars() {
        match class(c) {
            BidiClass::R | BidiClass::AL => return Dir::Rtl,
            BidiClass::L => return Dir::Ltr,
            BidiClass::EN | BidiClass::AN => return Dir::Number,
            BidiClass::CS => return Dir::Separator,
            BidiClass::NSM => {}
            _ => return Dir::Neutral,
        }
    }
    Dir::Neutral
}

/// Is `c` an Arabic or Hebrew letter (a right-to-left strong character)?
pub fn is_rtl(c: char) -> bool {
    matches!(class(c), BidiClass::R | BidiClass::AL)
}

/// Is `text` only combining marks (Arabic vowels, shadda, accents drawn
/// apart)? Such a glyph belongs to a letter, never starts a word.
pub fn is_mark(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| class(c) == BidiClass::NSM)
}

/// Does a line made of `pieces` read right to left: more right-to-left
/// letters than left-to-right ones?
pub fn reads_rtl<'a>(pieces: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in pieces.into_iter().flat_map(str::chars) {
        match class(c) {
            BidiClass::R | BidiClass::AL => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    rtl > ltr
}

/// Puts the pieces of a right-to-left line, given left to right as drawn,
/// in reading order: all reversed, then each left-to-right run turned
/// back. Between two right-to-left letters, a stretch with a Latin letter
/// is one run from its first to its last letter or digit (`A/RES/70/1`,
/// `UN DP`); a stretch of numbers only is one run per number, digits
/// joined by single `.`, `,`, `:` or `/` (`1.25`, `2015`-`2030` stay two:
/// a hyphen or space between numbers takes the line's direction).
/// Brackets are not mirrored: the fonts seen map a bracket drawn mirrored
/// to the character it stands for.
pub fn visual_to_logical(pieces: &mut [String]) {
    pieces.reverse();
    let dirs: Vec<Dir> = pieces.iter().map(|p| dir_of(p)).collect();
    let mut start = 0;
    while start < pieces.len() {
        let end = (start..pieces.len())
            .find(|&i| dirs[i] == Dir::Rtl)
            .unwrap_or(pieces.len());
        for (a, b) in runs(&dirs[start..end]) {
            pieces[start + a..=start + b].reverse();
        }
        start = end + 1;
    }
}

/// The left-to-right runs (first and last index) of a stretch without
/// right-to-left letters.
fn runs(dirs: &[Dir]) -> Vec<(usize, usize)> {
    let strong = |d: &Dir| matches!(d, Dir::Ltr | Dir::Number);
    if dirs.contains(&Dir::Ltr) {
        let first = dirs.iter().position(strong);
        let last = dirs.iter().rposition(strong);
        return first.zip(last).into_iter().collect();
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        if *d != Dir::Number {
            continue;
        }
        match out.last_mut() {
            Some(r) if r.1 + 1 == i => r.1 = i,
            Some(r) if r.1 + 2 == i && dirs[i - 1] == Dir::Separator => r.1 = i,
            _ => out.push((i, i)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_table_agrees_with_unicode_bidi() {
        for c in (0..TABLE_END + 0x100).filter_map(char::from_u32) {
            assert_eq!(class(c), bidi_class(c), "U+{:04X}", c as u32);
        }
        for c in ['中', '\u{FEFB}', '\u{1F600}'] {
            assert_eq!(class(c), bidi_class(c));
        }
    }

    fn logical(visual: &[&str]) -> String {
        let mut v: Vec<String> = visual.iter().map(|s| (*s).to_owned()).collect();
        visual_to_logical(&mut v);
        v.concat()
    }

    #[test]
    fn arabic_reads_right_to_left_with_numbers_left_to_right() {
        // «عام 2030، وهو» as drawn left to right: وهو ،2030 عام
        let drawn = [
            "و", "ه", "و", " ", "،", "2", "0", "3", "0", " ", "م", "ا", "ع",
        ];
        assert_eq!(logical(&drawn), "عام 2030، وهو");
        let drawn = ["م", "و", "ي", " ", "1", ".", "2", "5", " ", "ن", "م"];
        assert_eq!(logical(&drawn), "من 1.25 يوم");
        // Numbers apart: «عام 2020 (3)», «للفترة 2015-2030».
        let drawn = [")", "3", "(", " ", "2", "0", "2", "0", " ", "م", "ا", "ع"];
        assert_eq!(logical(&drawn), "عام 2020 (3)");
        let drawn = [
            "2", "0", "3", "0", "-", "2", "0", "1", "5", " ", "ة", "ر", "ت", "ف",
        ];
        assert_eq!(logical(&drawn), "فترة 2015-2030");
    }

    #[test]
    fn latin_phrases_and_ligatures_keep_their_order() {
        let drawn = [
            "ر", "ا", "ر", "ق", " ", "A", "/", "7", "0", "/", "1", " ", "لا",
        ];
        assert_eq!(logical(&drawn), "لا A/70/1 قرار");
        let drawn = ["U", "N", " ", "D", "P", " ", "ة", "ط", "خ"];
        assert_eq!(logical(&drawn), "خطة UN DP");
    }

    #[test]
    fn direction_by_majority_of_letters() {
        assert!(reads_rtl(["القضاء", " 2030 ", "A"]));
        assert!(!reads_rtl(["A/RES/70/1"]));
        assert!(!reads_rtl(["到2030年"]));
        assert!(is_mark("\u{64b}") && !is_mark("ا") && !is_mark(""));
    }
}
