//! Positioned glyphs from a PDF, page by page, through `pdf-extract`.
//!
//! Each glyph carries its position in points from the page's top-left
//! corner (y grows downwards), its font size and advance width. A page the
//! library cannot read (or panics on) is skipped and counted; limits on
//! pages and glyphs stop a hostile file early. [`each_page`] hands each
//! page over as soon as it is read, so that a caller that keeps only what
//! it makes of a page never holds all of a file's glyphs (tens of
//! megabytes for a 100-page report) at once.
//!
//! A glyph whose font maps it to no text (U+0000 or U+FFFD: Arabic
//! kashida fillers in LibreOffice's PDFs, symbol fonts) is kept with empty
//! text, so that the space it fills is not taken for a gap between words;
//! it adds nothing to the text. Arabic presentation forms (a lam-alef
//! ligature mapped to U+FEFB) become the letters they stand for (NFKC).

use crate::error::Error;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// One glyph (or ligature) as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge, points from the page's left edge.
    pub x: f64,
    /// Baseline, points from the page's top edge.
    pub y: f64,
    /// Font size in points, after the text matrix.
    pub size: f64,
    /// Advance width in points.
    pub width: f64,
    /// The text it stands for (usually one character); empty for a glyph
    /// the font maps to no text.
    pub text: String,
    /// A space glyph was drawn right before this one.
    pub space_before: bool,
    /// The text position was moved (a new text line or positioned run)
    /// right before this glyph: most PDF producers start each word so.
    pub moved_before: bool,
}

/// The glyphs of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width: f64,
    /// Page height in points.
    pub height: f64,
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
}

/// Bounds for one file.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most pages read.
    pub max_pages: usize,
    /// Most glyphs read, all pages together.
    pub max_glyphs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pages: 5_000,
            max_glyphs: 20_000_000,
        }
    }
}

/// What was read.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Pages in order (unreadable pages are empty).
    pub pages: Vec<Page>,
    /// Number of pages the library could not read.
    pub failed_pages: usize,
}

/// Collects glyphs; implements the library's output device.
struct Collector {
    /// The page being read (its glyph buffer is reused page after page).
    page: Page,
    /// `begin_page` was called for it.
    started: bool,
    /// Text buffers of the glyphs of earlier pages, for reuse (allocating
    /// a `String` per glyph cost a tenth of the reading time).
    spare: Vec<String>,
    /// The page's left and top edges in user space.
    origin: (f64, f64),
    glyphs: usize,
    max_glyphs: usize,
    pending_space: bool,
    pending_move: bool,
    over: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let height = media_box.ury - media_box.lly;
        self.origin = (
            media_box.llx.min(media_box.urx),
            media_box.ury.max(media_box.lly),
        );
        self.page.width = (media_box.urx - media_box.llx).abs();
        self.page.height = height.abs();
        self.clear_page();
        self.started = true;
        self.pending_space = false;
        self.pending_move = false;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if text.chars().all(char::is_whitespace) {
            self.pending_space = true;
            return Ok(());
        }
        self.glyphs += 1;
        if self.glyphs > self.max_glyphs {
            self.over = true;
            return Err(OutputError::IoError(std::io::Error::other("glyph limit")));
        }
        // The font size's square after the text matrix, as pdf-extract's
        // own text output measures it.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let glyph = Glyph {
            x: trm.m31 - self.origin.0,
            y: self.origin.1 - trm.m32,
            size,
            width: width * size,
            text: readable(text, self.spare.pop().unwrap_or_default()),
            space_before: std::mem::take(&mut self.pending_space),
            moved_before: std::mem::take(&mut self.pending_move),
        };
        if glyph.x.is_finite() && glyph.y.is_finite() && size.is_finite() && self.started {
            self.page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        self.pending_move = true;
        Ok(())
    }
}

impl Collector {
    /// Empties the page, keeping its glyphs' text buffers.
    fn clear_page(&mut self) {
        self.spare
            .extend(self.page.glyphs.drain(..).map(|g| g.text));
    }
}

/// A glyph's text as read, written to `out` (emptied first): nothing for
/// an unmapped glyph, Arabic presentation forms as the letters they stand
/// for.
fn readable(text: &str, mut out: String) -> String {
    use unicode_normalization::UnicodeNormalization;
    out.clear();
    for c in text.chars().filter(|&c| c != '\0' && c != '\u{FFFD}') {
        if is_arabic_presentation_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

/// Arabic Presentation Forms-A and -B (contextual letter shapes and
/// ligatures that some fonts map their glyphs to).
fn is_arabic_presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Loads `bytes` as a PDF, refusing encrypted and unreadable files.
pub fn load(bytes: &[u8], name: &str) -> Result<pdf_extract::Document, Error> {
    let doc = catch_unwind(|| pdf_extract::Document::load_mem(bytes))
        .map_err(|_| Error::Damaged(name.to_owned(), "the PDF parser failed".to_owned()))?
        .map_err(|e| match e {
            pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword => {
                Error::Encrypted(name.to_owned())
            }
            other => Error::Damaged(name.to_owned(), short(&other.to_string())),
        })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(Error::Encrypted(name.to_owned()));
    }
    Ok(doc)
}

/// The first line of a library message, at most 120 characters.
fn short(msg: &str) -> String {
    let line = msg.lines().next().unwrap_or("").trim();
    let mut s: String = line.chars().take(120).collect();
    if s.is_empty() {
        s.push_str("unknown error");
    }
    s
}

/// Reads every page's glyphs.
pub fn glyphs(doc: &pdf_extract::Document, name: &str, limits: Limits) -> Result<Extracted, Error> {
    let mut pages = Vec::new();
    let failed_pages = each_page(doc, name, limits, |p| pages.push(p.clone()))?;
    Ok(Extracted {
        pages,
        failed_pages,
    })
}

/// Reads the pages in order, handing each to `each` as soon as it is read
/// (a page the library could not read is handed over empty, or with the
/// glyphs read before it failed). Returns the number of such pages.
pub fn each_page(
    doc: &pdf_extract::Document,
    name: &str,
    limits: Limits,
    mut each: impl FnMut(&Page),
) -> Result<usize, Error> {
    let page_numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if page_numbers.len() > limits.max_pages {
        return Err(Error::TooLarge(
            name.to_owned(),
            format!(
                "{} pages, more than the limit of {}",
                page_numbers.len(),
                limits.max_pages
            ),
        ));
    }
    let mut c = Collector {
        page: Page::default(),
        started: false,
        spare: Vec::new(),
        origin: (0.0, 0.0),
        glyphs: 0,
        max_glyphs: limits.max_glyphs,
        pending_space: false,
        pending_move: false,
        over: false,
    };
    let mut failed = 0;
    let empty = pdf_extract::Dictionary::new();
    let mut reader = pdf_extract::PageReader::new(&empty);
    for n in page_numbers {
        c.started = false;
        let ok = catch_unwind(AssertUnwindSafe(|| reader.page(doc, &mut c, n)));
        if c.over {
            return Err(Error::TooLarge(
                name.to_owned(),
                format!("more than {} glyphs", limits.max_glyphs),
            ));
        }
        if !matches!(ok, Ok(Ok(()))) {
            failed += 1;
        }
        if !c.started {
            // Failed before the page began: an empty page.
            c.page.width = 0.0;
            c.page.height = 0.0;
            c.clear_page();
        }
        each(&c.page);
    }
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readable_new(text: &str) -> String {
        readable(text, "reused".to_owned())
    }

    #[test]
    fn unmapped_glyphs_are_empty_and_presentation_forms_letters() {
        assert_eq!(readable_new("\0"), "");
        assert_eq!(readable_new("\u{FFFD}"), "");
        assert_eq!(readable_new("a\0"), "a");
        // Lam-alef ligature, isolated form: lam then alef.
        assert_eq!(readable_new("\u{FEFB}"), "\u{644}\u{627}");
        assert_eq!(readable_new("\u{FE8D}"), "\u{627}");
        // Superscripts and Latin stay as drawn.
        assert_eq!(readable_new("¹"), "¹");
        assert_eq!(readable_new("é"), "é");
    }
}
