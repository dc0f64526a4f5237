//! # normdiff-pdf
//!
//! Reads text PDFs into normdiff's [`Document`], through the same text
//! reader as converted text, so labels, headings, hyphenation and
//! footnotes are recognised the same way.
//!
//! The steps, one module each:
//!
//! 1. [`extract`]: positioned glyphs per page (`pdf-extract`, on `lopdf`);
//!    encrypted and unreadable files refused, limits on pages and glyphs.
//! 2. [`lines`]: glyphs to line fragments by baseline; raised footnote
//!    calls become superscript digits; right-to-left lines put in reading
//!    order and no spaces set between Chinese characters ([`script`]).
//! 3. [`columns`]: reading order of one- and two-column pages.
//! 4. [`furniture`]: running headers and footers, page counters and bar
//!    codes removed (lines repeated at the same height across pages).
//! 5. [`footnotes`]: notes at the foot of each page set aside.
//! 6. [`layout`]: paragraphs, and paragraphs cut by a page break rejoined,
//!    written as plain text with `[^N]:` notes.
//!
//! [`to_text`] gives that text (what `check` and `trace --files` compare);
//! [`to_document`] ingests it and records the page-break joins as repairs.
//!
//! ```no_run
//! let bytes = std::fs::read("report.pdf").unwrap();
//! assert!(normdiff_pdf::is_pdf(&bytes));
//! let doc = normdiff_pdf::to_document(&bytes, "report.pdf", &Default::default()).unwrap();
//! println!("{} blocks", doc.blocks.len());
//! ```
#![deny(missing_docs)]

pub mod columns;
mod error;
pub mod extract;
pub mod footnotes;
pub mod furniture;
pub mod layout;
pub mod lines;
pub mod script;

pub use error::Error;
pub use extract::Limits;

use normdiff_core::{ingest, Document, InputFormat, Repair, RepairKind, SourceFormat};
use std::time::Duration;

/// How to read a PDF.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Bounds on pages and glyphs.
    pub limits: Limits,
    /// Give up after this long (the reading thread is left to finish on
    /// its own); `None` waits for ever.
    pub deadline: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            deadline: Some(Duration::from_secs(60)),
        }
    }
}

/// A PDF as plain text, with what reading it found.
#[derive(Debug, Clone, Default)]
pub struct PdfText {
    /// The layout text: paragraphs separated by blank lines, footnotes as
    /// `[^N]:` units at the end.
    pub text: String,
    /// Paragraphs rejoined across page breaks (line numbers in `text`).
    pub joins: Vec<layout::PageJoin>,
    /// Number of pages.
    pub pages: usize,
    /// Pages the PDF library could not read (left out).
    pub failed_pages: usize,
    /// Lines removed as page furniture.
    pub furniture_lines: usize,
    /// Footnotes set aside.
    pub footnotes: usize,
    /// Pages read as two columns.
    pub two_column_pages: usize,
    /// Glyphs without text left out (kashida fillers included).
    pub unmapped_glyphs: usize,
    /// Of those, fillers between two Arabic letters (kashida).
    pub kashidas: usize,
}

/// Does `bytes` look like a PDF? (`%PDF-` within its first 1024 bytes, as
/// readers accept.)
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads the PDF `bytes` (named `name` in errors) as layout text.
pub fn to_text(bytes: &[u8], name: &str, opts: &Options) -> Result<PdfText, Error> {
    let Some(deadline) = opts.deadline else {
        return read(bytes, name, opts.limits);
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let (owned, owned_name, limits) = (bytes.to_vec(), name.to_owned(), opts.limits);
    let spawned = std::thread::Builder::new()
        .name("normdiff-pdf".into())
        .spawn(move || {
            let _ = tx.send(read(&owned, &owned_name, limits));
        });
    if spawned.is_err() {
        return read(bytes, name, opts.limits);
    }
    rx.recv_timeout(deadline).unwrap_or_else(|e| {
        Err(match e {
            std::sync::mpsc::RecvTimeoutError::Timeout => Error::TooLarge(
                name.to_owned(),
                format!("not read within {} s", deadline.as_secs_f64()),
            ),
            std::sync::mpsc::RecvTimeoutError::Disconnected => {
                Error::Damaged(name.to_owned(), "the PDF reader failed".to_owned())
            }
        })
    })
}

/// The pipeline on this thread. Each page is made into lines as soon as
/// it is read, so its glyphs are dropped at once.
fn read(bytes: &[u8], name: &str, limits: Limits) -> Result<PdfText, Error> {
    let doc = extract::load(bytes, name)?;
    let mut pass = PagePass::default();
    let mut visible = 0;
    let failed_pages = extract::each_page(&doc, name, limits, |p| {
        visible += p.glyphs.iter().filter(|g| !g.text.is_empty()).count();
        pass.add(p);
    })?;
    let pages = pass.pages.len();
    if pages == 0 || failed_pages == pages {
        return Err(Error::Damaged(
            name.to_owned(),
            "no page could be read".to_owned(),
        ));
    }
    if visible < 5 * pages {
        return Err(Error::NoText(name.to_owned()));
    }
    let mut t = pass.finish();
    t.failed_pages = failed_pages;
    Ok(t)
}

/// The layout text of extracted pages.
pub fn from_pages(pages_in: &[extract::Page]) -> PdfText {
    let mut pass = PagePass::default();
    for p in pages_in {
        pass.add(p);
    }
    pass.finish()
}

/// What is made of each page on its own (lines in reading order), before
/// the passes over all pages.
#[derive(Debug, Default)]
struct PagePass {
    pages: Vec<furniture::PageLines>,
    two_column_pages: usize,
    dropped: lines::Dropped,
}

impl PagePass {
    fn add(&mut self, p: &extract::Page) {
        let (frags, d) = lines::fragments_counted(&p.glyphs);
        self.dropped.unmapped += d.unmapped;
        self.dropped.kashidas += d.kashidas;
        self.two_column_pages += usize::from(columns::gutter(&frags, p.width).is_some());
        self.pages.push(furniture::PageLines {
            height: p.height,
            lines: columns::order(&frags, p.width),
        });
    }

    /// Furniture, footnotes and paragraphs, over all pages.
    fn finish(self) -> PdfText {
        let pages = self.pages;
        let furn = furniture::detect(&pages);
        let furniture_lines = furn.iter().flatten().filter(|&&f| f).count();
        let kept: Vec<Vec<columns::Line>> = pages
            .iter()
            .zip(&furn)
            .map(|(p, f)| {
                p.lines
                    .iter()
                    .zip(f)
                    .filter(|(_, &f)| !f)
                    .map(|(l, _)| l.clone())
                    .collect()
            })
            .collect();
        let size = footnotes::body_size(kept.iter().flatten());
        let mut notes = Vec::new();
        let bodies: Vec<layout::Body> = kept
            .into_iter()
            .zip(&pages)
            .map(|(lines, p)| {
                let (zone, page_notes) = footnotes::split(&lines, p.height, size);
                notes.extend(page_notes);
                let lines = lines
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| !zone.contains(i))
                    .map(|(_, l)| l)
                    .collect();
                layout::Body { lines }
            })
            .collect();
        let measures = layout::Measures {
            size,
            leading: layout::leading(&bodies, size),
        };
        let lay = layout::write(&bodies, &notes, &measures);
        PdfText {
            text: lay.text,
            joins: lay.joins,
            pages: pages.len(),
            failed_pages: 0,
            furniture_lines,
            footnotes: notes.len(),
            two_column_pages: self.two_column_pages,
            unmapped_glyphs: self.dropped.unmapped,
            kashidas: self.dropped.kashidas,
        }
    }
}

/// Reads the PDF `bytes` as a [`Document`]: the layout text ingested as
/// plain text, with the page-break joins recorded as repairs.
pub fn to_document(bytes: &[u8], name: &str, opts: &Options) -> Result<Document, Error> {
    Ok(document_of(&to_text(bytes, name, opts)?))
}

/// Ingests layout text read from a PDF.
pub fn document_of(pdf: &PdfText) -> Document {
    let mut doc = ingest(&pdf.text, InputFormat::Text);
    doc.format = SourceFormat::Pdf;
    for j in &pdf.joins {
        let block = doc
            .blocks
            .iter()
            .position(|b| b.lines[0] <= j.continued_at && j.continued_at <= b.lines[1]);
        doc.repairs.push(Repair {
            kind: RepairKind::PageBreakJoin,
            lines: [j.first, j.last],
            continued_at: Some(j.continued_at),
            block,
            detail: "paragraph split by a page break rejoined".to_owned(),
        });
    }
    if pdf.unmapped_glyphs > 0 {
        doc.repairs.push(Repair {
            kind: RepairKind::UnmappedGlyphs,
            lines: [1, pdf.text.lines().count().max(1)],
            continued_at: None,
            block: None,
            detail: format!(
                "{} glyphs without a Unicode mapping left out ({} of them kashida fillers between Arabic letters)",
                pdf.unmapped_glyphs, pdf.kashidas
            ),
        });
    }
    doc.repairs.sort_by_key(|r| (r.lines[0], r.lines[1]));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use extract::{Glyph, Page};
    use proptest::prelude::*;

    fn glyph() -> impl Strategy<Value = Glyph> {
        (
            -50.0..700.0f64,
            -50.0..900.0f64,
            0.0..40.0f64,
            0.0..20.0f64,
            "[a-z1¹ .-]{1,2}",
            any::<bool>(),
        )
            .prop_map(|(x, y, size, width, text, space_before)| Glyph {
                x,
                y,
                size,
                width,
                text,
                space_before,
                moved_before: false,
            })
    }

    proptest! {
        /// Any glyphs on any pages give a text, never a panic, and no
        /// letter that was not drawn.
        #[test]
        fn any_glyphs_lay_out(pages in prop::collection::vec(prop::collection::vec(glyph(), 0..80), 1..4)) {
            let pages: Vec<Page> = pages
                .into_iter()
                .map(|glyphs| Page { width: 612.0, height: 792.0, glyphs })
                .collect();
            let t = from_pages(&pages);
            let drawn: usize = pages.iter().flat_map(|p| &p.glyphs).map(|g| g.text.matches(char::is_alphabetic).count()).sum();
            prop_assert!(t.text.matches(char::is_alphabetic).count() <= drawn + t.footnotes * 2);
            let doc = document_of(&t);
            prop_assert!(doc.repairs.iter().all(|r| r.lines[0] <= r.lines[1]));
        }
    }

    #[test]
    fn signature_anywhere_in_the_first_kilobyte() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"junk\n%PDF-1.4"));
        assert!(!is_pdf(b"Le Groupe note %PDF"));
        assert!(!is_pdf(b""));
    }
}
