//! Terminal redline: plain text, coloured on request.
//!
//! It opens with the changes at a glance, then the redline in reading
//! order. Without colour, changes are marked as wdiff does: `[-old-]{+new+}`;
//! typography, whitespace, punctuation and case changes are marked lighter,
//! `[~old~>new~]` (a deletion `[~old~]`, an insertion `{~new~}`). With
//! colour, deletions are red and struck through, insertions green and
//! underlined, lighter changes dim (ANSI SGR codes). Whether to colour is
//! decided once by the caller (`--color`, `NO_COLOR`, `TERM=dumb`, not a
//! terminal); this module only obeys [`Terminal::color`]. Control
//! characters and ANSI escapes in documents are shown as `⟦U+XXXX⟧`
//! ([`crate::escape::terminal`]), so a document cannot drive the terminal.

use super::glance::glance;
use super::view::{items, one_line, Item, ViewOptions};
use super::{changes_line, heading, light_tag, pieces, title, warning_lines};
use super::{with_context, Piece, PieceKind, Render};
use crate::escape::terminal as esc;
use normdiff_core::report::{DiffReport, Pair};
use std::io::{self, Write};

/// The terminal renderer.
#[derive(Debug, Clone, Default)]
pub struct Terminal {
    /// Emit ANSI colours.
    pub color: bool,
    /// What to show.
    pub view: ViewOptions,
}

const RED: &str = "\x1b[31;9m";
const GREEN: &str = "\x1b[32;4m";
const DIM_RED: &str = "\x1b[2;31;9m";
const DIM_GREEN: &str = "\x1b[2;32;4m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

impl Terminal {
    fn paint(&self, code: &str, s: &str, plain: (&str, &str)) -> String {
        if self.color && !code.is_empty() {
            format!("{code}{s}{RESET}")
        } else {
            format!("{}{s}{}", plain.0, plain.1)
        }
    }

    fn piece(&self, p: &Piece) -> String {
        let (old, new) = (esc(&p.old), esc(&p.new));
        if light_tag(p.class).is_none() || p.kind == PieceKind::Same {
            let del = self.paint(RED, &old, ("[-", "-]"));
            let ins = self.paint(GREEN, &new, ("{+", "+}"));
            return match p.kind {
                PieceKind::Same => old,
                PieceKind::Delete => del,
                PieceKind::Insert => ins,
                PieceKind::Replace => format!("{del}{ins}"),
            };
        }
        if self.color {
            let (del, ins) = (
                self.paint(DIM_RED, &old, ("", "")),
                self.paint(DIM_GREEN, &new, ("", "")),
            );
            return match p.kind {
                PieceKind::Delete => del,
                PieceKind::Insert => ins,
                _ => format!("{del}{ins}"),
            };
        }
        match p.kind {
            PieceKind::Delete => format!("[~{old}~]"),
            PieceKind::Insert => format!("{{~{new}~}}"),
            _ => format!("[~{old}~>{new}~]"),
        }
    }

    fn body(&self, pair: &Pair) -> String {
        with_context(pieces(pair), self.view.context)
            .iter()
            .map(|p| self.piece(p))
            .collect()
    }

    fn head(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        writeln!(out, "{}", self.paint(BOLD, &esc(&title(report)), ("", "")))?;
        writeln!(out, "pairs: {}", super::pairs_line(s))?;
        if let Some(line) = changes_line(s) {
            writeln!(out, "{}", esc(&line))?;
        }
        if !s.differences {
            return Ok(());
        }
        writeln!(
            out,
            "\n{}",
            self.paint(BOLD, "Changes at a glance", ("", ""))
        )?;
        let g = glance(report, &self.view);
        for l in &g.lines {
            let line = format!("- {}", esc(&l.text));
            let code = if l.light { DIM } else { "" };
            writeln!(out, "{}", self.paint(code, &line, ("", "")))?;
        }
        for l in g.tail_lines() {
            writeln!(out, "{}", esc(&l))?;
        }
        Ok(())
    }
}

impl Render for Terminal {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        self.head(report, out)?;
        if !report.summary.differences {
            return writeln!(out, "No differences.");
        }
        for w in warning_lines(report) {
            let line = format!("warning: {}", esc(&w));
            writeln!(out, "{}", self.paint(YELLOW, &line, ("", "")))?;
        }
        for item in items(report, &self.view) {
            let Some(line) = one_line(report, &item) else {
                if let Item::Pair(i) = item {
                    let pair = &report.pairs[i];
                    let h = format!("── {} ──", esc(&heading(pair)));
                    writeln!(out, "\n{}", self.paint(BOLD, &h, ("", "")))?;
                    writeln!(out, "{}", self.body(pair))?;
                }
                continue;
            };
            writeln!(
                out,
                "\n{}",
                self.paint(DIM, &format!("── {} ──", esc(&line)), ("", ""))
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::{render, report, NEW, OLD};

    #[test]
    fn document_escapes_never_reach_the_terminal() {
        let r = report(OLD, NEW, &[]);
        let plain = render(&Terminal::default(), &r);
        assert!(!plain.contains('\u{1b}'), "{plain}");
        assert!(plain.contains("⟦U+001B⟧[31m"));
        assert!(plain.contains("⟦U+200B⟧"));
        let coloured = render(
            &Terminal {
                color: true,
                ..Terminal::default()
            },
            &r,
        );
        assert!(plain.contains("[~l’~>l'~]"), "{plain}");
        // Only our own SGR sequences: every ESC starts one of them.
        for (i, _) in coloured.match_indices('\u{1b}') {
            let rest = &coloured[i..];
            assert!(
                [RED, GREEN, DIM_RED, DIM_GREEN, DIM, BOLD, YELLOW, RESET]
                    .iter()
                    .any(|c| rest.starts_with(c)),
                "stray escape at {i}"
            );
        }
    }
}
