//! Markdown redline: a summary table (pairs per kind), warnings, then one
//! section per changed pair headed by its labels (`¶ 45 → ¶ 50 · moved ·
//! renumbered`), its text as one paragraph with the changes marked.
//!
//! Two styles: [`Style::Inline`] marks changes with `<del>`/`<ins>` (renders
//! on GitHub and in most Markdown viewers); [`Style::Critic`] uses
//! CriticMarkup (`{--…--}`, `{++…++}`, `{~~…~>…~~}`). Document text is
//! escaped ([`crate::escape::markdown`]) so the redline renders exactly the
//! words of the documents: no emphasis, link, HTML or CriticMarkup can come
//! from the text. A paragraph break inside a pair (split, merge) shows as
//! `¶`.

use super::{changes_line, heading, pieces, shown_pairs, summary_rows, title, warning_lines};
use super::{PieceKind, Render};
use crate::escape::{markdown as esc, markdown_line_start};
use normdiff_core::report::DiffReport;
use std::io::{self, Write};

/// How changes are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// `<del>old</del><ins>new</ins>`.
    #[default]
    Inline,
    /// CriticMarkup: `{--old--}`, `{++new++}`, `{~~old~>new~~}`.
    Critic,
}

/// The Markdown renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown {
    /// How changes are marked.
    pub style: Style,
}

impl Markdown {
    /// The redline paragraph of one pair (one line, no newline).
    fn body(&self, pair: &normdiff_core::report::Pair) -> String {
        let mut line = String::new();
        for p in pieces(pair) {
            let (old, new) = (esc(&p.old), esc(&p.new));
            match (self.style, p.kind) {
                (_, PieceKind::Same) => line.push_str(&old),
                (Style::Inline, PieceKind::Delete) => line.push_str(&format!("<del>{old}</del>")),
                (Style::Inline, PieceKind::Insert) => line.push_str(&format!("<ins>{new}</ins>")),
                (Style::Inline, PieceKind::Replace) => {
                    line.push_str(&format!("<del>{old}</del><ins>{new}</ins>"))
                }
                (Style::Critic, PieceKind::Delete) => line.push_str(&format!("{{--{old}--}}")),
                (Style::Critic, PieceKind::Insert) => line.push_str(&format!("{{++{new}++}}")),
                (Style::Critic, PieceKind::Replace) => {
                    line.push_str(&format!("{{~~{old}~>{new}~~}}"))
                }
            }
        }
        markdown_line_start(line.trim_end())
    }
}

impl Render for Markdown {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        writeln!(out, "# {}\n", markdown_line_start(&esc(&title(report))))?;
        writeln!(out, "| kind | pairs |\n|---|---:|")?;
        for (name, n) in summary_rows(s) {
            writeln!(out, "| {name} | {n} |")?;
        }
        writeln!(out)?;
        if let Some(line) = changes_line(s) {
            writeln!(out, "{}\n", esc(&line))?;
        }
        if !s.differences {
            writeln!(out, "No differences.")?;
            return Ok(());
        }
        let warnings = warning_lines(report);
        if !warnings.is_empty() {
            writeln!(out, "## Warnings\n")?;
            for w in warnings {
                writeln!(out, "- ⚠ {}", esc(&w))?;
            }
            writeln!(out)?;
        }
        for pair in shown_pairs(report) {
            writeln!(out, "## {}\n", esc(&heading(pair)))?;
            let body = self.body(pair);
            if !body.is_empty() {
                writeln!(out, "{body}\n")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
