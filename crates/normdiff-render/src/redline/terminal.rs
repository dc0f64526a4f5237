//! Terminal redline: plain text, coloured on request.
//!
//! Without colour, changes are marked as wdiff does: `[-old-]{+new+}`. With
//! colour, deletions are red and struck through, insertions green and
//! underlined (ANSI SGR codes). Whether to colour is decided once by the
//! caller (`--color`, `NO_COLOR`, `TERM=dumb`, not a terminal); this module
//! only obeys [`Terminal::color`]. Control characters and ANSI escapes in
//! documents are shown as `⟦U+XXXX⟧` ([`crate::escape::terminal`]), so a
//! document cannot drive the terminal.

use super::{changes_line, heading, pieces, shown_pairs, summary_rows, title, warning_lines};
use super::{PieceKind, Render};
use crate::escape::terminal as esc;
use normdiff_core::report::DiffReport;
use std::io::{self, Write};

/// The terminal renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    /// Emit ANSI colours.
    pub color: bool,
}

const RED: &str = "\x1b[31;9m";
const GREEN: &str = "\x1b[32;4m";
const BOLD: &str = "\x1b[1m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

impl Terminal {
    fn paint(&self, code: &str, s: &str, plain: (&str, &str)) -> String {
        if self.color {
            format!("{code}{s}{RESET}")
        } else {
            format!("{}{s}{}", plain.0, plain.1)
        }
    }
}

impl Render for Terminal {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        writeln!(out, "{}", self.paint(BOLD, &esc(&title(report)), ("", "")))?;
        let rows: Vec<String> = summary_rows(s)
            .into_iter()
            .filter(|&(_, n)| n > 0)
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        writeln!(out, "pairs: {}", rows.join(", "))?;
        if let Some(line) = changes_line(s) {
            writeln!(out, "{}", esc(&line))?;
        }
        if !s.differences {
            return writeln!(out, "No differences.");
        }
        for w in warning_lines(report) {
            let line = format!("warning: {}", esc(&w));
            writeln!(out, "{}", self.paint(YELLOW, &line, ("", "")))?;
        }
        for pair in shown_pairs(report) {
            let h = format!("── {} ──", esc(&heading(pair)));
            writeln!(out, "\n{}", self.paint(BOLD, &h, ("", "")))?;
            let mut line = String::new();
            for p in pieces(pair) {
                let (old, new) = (esc(&p.old), esc(&p.new));
                let del = self.paint(RED, &old, ("[-", "-]"));
                let ins = self.paint(GREEN, &new, ("{+", "+}"));
                match p.kind {
                    PieceKind::Same => line.push_str(&old),
                    PieceKind::Delete => line.push_str(&del),
                    PieceKind::Insert => line.push_str(&ins),
                    PieceKind::Replace => {
                        line.push_str(&del);
                        line.push_str(&ins);
                    }
                }
            }
            writeln!(out, "{line}")?;
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
        let plain = render(&Terminal { color: false }, &r);
        assert!(!plain.contains('\u{1b}'), "{plain}");
        assert!(plain.contains("⟦U+001B⟧[31m"));
        assert!(plain.contains("⟦U+200B⟧"));
        let coloured = render(&Terminal { color: true }, &r);
        // Only our own SGR sequences: every ESC starts one of them.
        for (i, _) in coloured.match_indices('\u{1b}') {
            let rest = &coloured[i..];
            assert!(
                [RED, GREEN, BOLD, YELLOW, RESET]
                    .iter()
                    .any(|c| rest.starts_with(c)),
                "stray escape at {i}"
            );
        }
    }
}
