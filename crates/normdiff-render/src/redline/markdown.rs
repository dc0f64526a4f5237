//! Markdown redline: the title, the changes at a glance (one line per
//! changed pair, then the deleted, inserted, moved paragraphs by number),
//! a one-line count per kind and class, a legend, the warnings, then the
//! redline in reading order: one section per changed pair headed by its
//! qualified labels (`¶ 45 → ¶ 50 · moved · renumbered`), its text as one
//! paragraph with the changes marked; renumber-only pairs, the old places
//! of moved pairs and collapsed front matter or annex as one-line items.
//!
//! Two styles: [`Style::Inline`] marks changes with `<del>`/`<ins>` (renders
//! on GitHub and in most Markdown viewers), a space between a deletion and
//! the insertion that replaces it so they never run together;
//! [`Style::Critic`] uses CriticMarkup (`{--…--}`, `{++…++}`,
//! `{~~…~>…~~}`). Typography, whitespace, punctuation and case changes are
//! tagged with their class (`<sup>typo</sup>`, or a CriticMarkup comment
//! `{>>typo<<}`) so they read lighter than substantive ones. Document text
//! is escaped ([`crate::escape::markdown`]) so the redline renders exactly
//! the words of the documents: no emphasis, link, HTML or CriticMarkup can
//! come from the text. A paragraph break inside a pair (split, merge) shows
//! as `¶`.

use super::glance::glance;
use super::view::{items, one_line, Item, ViewOptions};
use super::{changes_line, heading, light_tag, pieces, title, warning_lines, with_context};
use super::{PieceKind, Render};
use crate::escape::{markdown as esc, markdown_line_start};
use normdiff_core::report::{DiffReport, Pair};
use std::io::{self, Write};

/// How changes are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// `<del>old</del> <ins>new</ins>`.
    #[default]
    Inline,
    /// CriticMarkup: `{--old--}`, `{++new++}`, `{~~old~>new~~}`.
    Critic,
}

/// The Markdown renderer.
#[derive(Debug, Clone, Default)]
pub struct Markdown {
    /// How changes are marked.
    pub style: Style,
    /// What to show.
    pub view: ViewOptions,
}

/// Do `a` and `b` need a space between them so they do not read as one
/// word?
fn touching(a: &str, b: &str) -> bool {
    a.chars().last().is_some_and(|c| !c.is_whitespace())
        && b.chars().next().is_some_and(|c| !c.is_whitespace())
}

impl Markdown {
    /// The redline paragraph of one pair (one line, no newline).
    fn body(&self, pair: &Pair) -> String {
        let mut line = String::new();
        for p in with_context(pieces(pair), self.view.context) {
            let (old, new) = (esc(&p.old), esc(&p.new));
            let tag = light_tag(p.class);
            match (self.style, p.kind) {
                (_, PieceKind::Same) => line.push_str(&old),
                (Style::Inline, PieceKind::Delete) => line.push_str(&format!("<del>{old}</del>")),
                (Style::Inline, PieceKind::Insert) => line.push_str(&format!("<ins>{new}</ins>")),
                (Style::Inline, PieceKind::Replace) => {
                    let gap = if tag.is_none() && touching(&p.old, &p.new) {
                        " "
                    } else {
                        ""
                    };
                    line.push_str(&format!("<del>{old}</del>{gap}<ins>{new}</ins>"))
                }
                (Style::Critic, PieceKind::Delete) => line.push_str(&format!("{{--{old}--}}")),
                (Style::Critic, PieceKind::Insert) => line.push_str(&format!("{{++{new}++}}")),
                (Style::Critic, PieceKind::Replace) => {
                    line.push_str(&format!("{{~~{old}~>{new}~~}}"))
                }
            }
            match (self.style, tag) {
                (_, None) => {}
                (Style::Inline, Some(t)) => line.push_str(&format!("<sup>{t}</sup>")),
                (Style::Critic, Some(t)) => line.push_str(&format!("{{>>{t}<<}}")),
            }
        }
        markdown_line_start(line.trim_end())
    }

    fn legend(&self) -> String {
        let (del, ins, tag) = match self.style {
            Style::Inline => (
                "<del>deleted</del>",
                "<ins>inserted</ins>",
                "<sup>typo</sup>",
            ),
            Style::Critic => ("{--deleted--}", "{++inserted++}", "{>>typo<<}"),
        };
        format!(
            "Legend: {del} {ins} words (substantive); {tag} typography, ws whitespace, punct punctuation, case: lighter changes; ⚠ invisible or look-alike characters, always shown; ¶ a paragraph break."
        )
    }

    fn head(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        writeln!(out, "# {}\n", markdown_line_start(&esc(&title(report))))?;
        if s.differences {
            writeln!(out, "## Changes at a glance\n")?;
            let g = glance(report, &self.view);
            for l in &g.lines {
                writeln!(out, "- {}", esc(&l.text))?;
            }
            let tail = g.tail_lines();
            if !g.lines.is_empty() && !tail.is_empty() {
                writeln!(out)?;
            }
            for l in tail {
                writeln!(out, "- {}", esc(&l))?;
            }
            writeln!(out)?;
        }
        writeln!(out, "Pairs: {}.\n", super::pairs_line(s))?;
        if let Some(line) = changes_line(s) {
            writeln!(out, "{}\n", esc(&line))?;
        }
        Ok(())
    }
}

impl Render for Markdown {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        self.head(report, out)?;
        if !report.summary.differences {
            writeln!(out, "No differences.")?;
            return Ok(());
        }
        writeln!(out, "{}\n", self.legend())?;
        let warnings = warning_lines(report);
        if !warnings.is_empty() {
            writeln!(out, "## Warnings\n")?;
            for w in warnings {
                writeln!(out, "- ⚠ {}", esc(&w))?;
            }
            writeln!(out)?;
        }
        writeln!(out, "## Redline")?;
        let mut in_list = false;
        for item in items(report, &self.view) {
            let Some(one_line) = one_line(report, &item) else {
                if let Item::Pair(i) = item {
                    let pair = &report.pairs[i];
                    writeln!(out, "\n### {}\n", esc(&heading(pair)))?;
                    let body = self.body(pair);
                    if !body.is_empty() {
                        writeln!(out, "{body}")?;
                    }
                }
                in_list = false;
                continue;
            };
            if !in_list {
                writeln!(out)?;
                in_list = true;
            }
            writeln!(out, "- {}", esc(&one_line))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
