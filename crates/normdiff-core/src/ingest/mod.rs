//! Text or Markdown to [`Document`], repairing PDF- and Word-conversion
//! damage on the way.
//!
//! [`ingest`] chooses a reader (`text` for plain text, `markdown` for
//! Markdown), then `structure` recognises labels ([`label`]), headings
//! and parents. Every repair is recorded in [`Document::repairs`].

pub mod label;

mod furniture;
mod join;
mod markdown;
pub mod sniff;
mod structure;
mod text;
pub mod word;

use crate::inspect::char_notes;
use crate::model::{Document, Repair, RepairKind, SourceFormat};

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Plain text, as converted from PDF or Word.
    #[default]
    Text,
    /// Markdown (CommonMark with GFM tables and footnotes).
    Markdown,
}

impl InputFormat {
    /// Guesses the format from a file name: `.md`, `.markdown` → Markdown,
    /// anything else → plain text.
    pub fn from_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdown") {
            InputFormat::Markdown
        } else {
            InputFormat::Text
        }
    }
}

/// Reads decoded `text` as a document.
///
/// An empty text gives an empty document. Never panics on any input.
pub fn ingest(text: &str, format: InputFormat) -> Document {
    if word::flat::is_word_text(text) {
        return ingest_word_text(text);
    }
    let (raws, footnotes, mut repairs, format) = match format {
        InputFormat::Markdown => match markdown::read(text) {
            Some((raws, footnotes)) => (raws, footnotes, Vec::new(), SourceFormat::Markdown),
            None => {
                let (r, f, mut rep) = text::read(text);
                rep.insert(
                    0,
                    Repair {
                        kind: RepairKind::MarkdownTooDeep,
                        lines: [1, text.lines().count().max(1)],
                        continued_at: None,
                        block: None,
                        detail: format!(
                            "Markdown nested deeper than {} levels; read as plain text",
                            markdown::MAX_NESTING
                        ),
                    },
                );
                (r, f, rep, SourceFormat::Text)
            }
        },
        InputFormat::Text => {
            let (r, f, rep) = text::read(text);
            (r, f, rep, SourceFormat::Text)
        }
    };
    let blocks = structure::finish(raws);
    repairs.sort_by_key(|r| (r.lines[0], r.lines[1]));
    let char_notes = char_notes(&blocks);
    Document {
        format,
        blocks,
        footnotes,
        repairs,
        char_notes,
    }
}

/// Reads Word text (what [`word::read_word`] makes of a `.docx`).
fn ingest_word_text(text: &str) -> Document {
    let (raws, footnotes, given) = word::flat::read(text);
    let mut blocks = structure::finish(raws);
    word::flat::keep_printed_labels(&mut blocks, &given);
    let char_notes = char_notes(&blocks);
    Document {
        format: SourceFormat::Word,
        blocks,
        footnotes,
        repairs: Vec::new(),
        char_notes,
    }
}
