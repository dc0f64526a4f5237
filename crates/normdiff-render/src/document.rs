//! Rendering of an ingested [`Document`]: the output of `normdiff parse`.
//!
//! # JSON wire format (`schema_version` 1)
//!
//! A single object:
//! - `schema_version`: `1`;
//! - `format`: `"text"`, `"markdown"`, `"word"` or `"pdf"`, how the input
//!   was read;
//! - `blocks`: array in document order; each block has `index` (0-based),
//!   `kind` (`heading`, `paragraph`, `list_item`, `table_row`, `quote`,
//!   `code`), `label` (as printed, without trailing `.` or ` :`, or null),
//!   `label_key` (script-neutral key such as `"13a"`, `"art:1"`, or null),
//!   `marker` (the label exactly as printed, or the bullet), `parent`
//!   (index or null), `level`, `text` (markup removed), `markup` (Markdown
//!   source when it differs, omitted otherwise), `lines` (`[first, last]`,
//!   1-based, inclusive) and `spans` (byte ranges `[start, end)` in the
//!   decoded text, LF line ends);
//! - `footnotes`: array of `{label, text, lines}`;
//! - `repairs`: array of `{kind, lines, continued_at?, block, detail}` with
//!   `kind` one of `page_break_join`, `footnote_removed`, `line_join`,
//!   `dehyphenate`, `markdown_too_deep`, `page_furniture`,
//!   `unmapped_glyphs`;
//! - `char_notes`: invisible and mixed-script characters found, each
//!   `{block, line, code_point, class, context}`.

use crate::escape;
use normdiff_core::{BlockKind, Document, RepairKind};
use serde::Serialize;
use std::io::{self, Write};

/// The JSON schema version of [`json`].
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Wire<'a> {
    schema_version: u32,
    #[serde(flatten)]
    doc: &'a Document,
}

/// Writes `doc` as JSON (see the module docs for the schema), followed by a
/// newline.
pub fn json(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(
        &mut *out,
        &Wire {
            schema_version: SCHEMA_VERSION,
            doc,
        },
    )?;
    out.write_all(b"\n")
}

fn kind_name(k: BlockKind) -> &'static str {
    match k {
        BlockKind::Heading => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem => "list_item",
        BlockKind::TableRow => "table_row",
        BlockKind::Quote => "quote",
        BlockKind::Code => "code",
    }
}

/// Writes `doc` as a human-readable outline: one line per block (index,
/// kind, label, parent, lines, start of text), then footnotes, repairs and
/// character notes. Text is made safe for terminals.
pub fn text(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    const PREVIEW: usize = 72;
    writeln!(
        out,
        "{} blocks, {} footnotes, {} repairs",
        doc.blocks.len(),
        doc.footnotes.len(),
        doc.repairs.len()
    )?;
    for b in &doc.blocks {
        let label = b.label.as_deref().unwrap_or("-");
        let parent = b.parent.map_or(String::new(), |p| format!(" ^{p}"));
        let mut preview: String = b.text.chars().take(PREVIEW).collect();
        if b.text.chars().count() > PREVIEW {
            preview.push('…');
        }
        writeln!(
            out,
            "{:>4}  {:<9} {:<14} L{}-{}{}  {}",
            b.index,
            kind_name(b.kind),
            escape::terminal(label),
            b.lines[0],
            b.lines[1],
            parent,
            escape::preview(&preview.replace('\n', " "))
        )?;
    }
    if !doc.footnotes.is_empty() {
        writeln!(out, "\nfootnotes:")?;
        for f in &doc.footnotes {
            let preview: String = f.text.chars().take(PREVIEW).collect();
            writeln!(
                out,
                "  {:<4} L{}  {}",
                escape::terminal(&f.label),
                f.lines[0],
                escape::preview(&preview)
            )?;
        }
    }
    let shown: Vec<_> = doc
        .repairs
        .iter()
        .filter(|r| r.kind != RepairKind::LineJoin)
        .collect();
    if !shown.is_empty() {
        writeln!(out, "\nrepairs:")?;
        for r in shown {
            writeln!(out, "  L{}-{}  {}", r.lines[0], r.lines[1], r.detail)?;
        }
    }
    let wraps = doc
        .repairs
        .iter()
        .filter(|r| r.kind == RepairKind::LineJoin)
        .count();
    if wraps > 0 {
        writeln!(out, "  ({wraps} blocks had hard-wrapped lines joined)")?;
    }
    if !doc.char_notes.is_empty() {
        writeln!(out, "\nwarning: invisible or mixed-script characters:")?;
        for n in &doc.char_notes {
            writeln!(
                out,
                "  L{}  {} {}  in “{}”",
                n.line,
                n.class,
                n.code_point,
                escape::terminal(&n.context)
            )?;
        }
    }
    Ok(())
}
