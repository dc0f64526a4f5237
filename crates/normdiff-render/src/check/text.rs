//! Plain text for terminals and CI logs: one block per entry, the most
//! serious first, each finding with its place and redline
//! (`[-old-]{+new+}`). Document text goes through
//! [`crate::escape::terminal`], so no control sequence from a document
//! reaches the terminal. With [`Text::color`], the verdict words are
//! coloured (FAIL red, WARN yellow, PASS green) and the redline's
//! deletions red and insertions green.

use super::{describe, entry_line, plain_mark, redline, totals, verdict_word, RenderCheck};
use crate::escape::terminal as esc;
use normdiff_core::check::CheckReport;
use std::io::{self, Write};

/// The text renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Text {
    /// Emit ANSI colours (decided by the caller: `--color`, `NO_COLOR`).
    pub color: bool,
}

impl Text {
    fn verdict(&self, v: normdiff_core::check::Verdict) -> String {
        use normdiff_core::check::Verdict;
        let word = format!("{:<4}", verdict_word(v));
        if !self.color {
            return word;
        }
        let code = match v {
            Verdict::Fail => "\x1b[1;31m",
            Verdict::Warn => "\x1b[1;33m",
            Verdict::Pass => "\x1b[32m",
        };
        format!("{code}{word}\x1b[0m")
    }
}

impl RenderCheck for Text {
    fn render(&self, r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "normdiff check: {} → {}", esc(&r.base), esc(&r.head))?;
        for e in &r.entries {
            writeln!(out)?;
            writeln!(out, "{}  {}", self.verdict(e.verdict), esc(&entry_line(e)))?;
            writeln!(out, "      {}", esc(&e.subject))?;
            for f in &e.findings {
                writeln!(out, "      - {}", esc(&describe(e, f)))?;
                if let Some(line) = redline(f, &|s| esc(s).replace('\n', " ¶ "), &plain_mark) {
                    writeln!(out, "        {line}")?;
                }
            }
            if e.findings.is_empty() {
                for l in &e.locations {
                    writeln!(out, "      at {}", esc(&super::place(l)))?;
                }
                if e.locations.is_empty() {
                    writeln!(out, "      not found in either version")?;
                }
            }
        }
        writeln!(out)?;
        writeln!(out, "{}", totals(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{render, sample};

    #[test]
    fn text_report() {
        insta::assert_snapshot!(render(&Text::default(), &sample()));
    }

    #[test]
    fn colour_only_on_request() {
        let plain = render(&Text::default(), &sample());
        assert!(!plain.contains('\u{1b}'));
        let col = render(&Text { color: true }, &sample());
        assert!(col.contains("\u{1b}[1;31mFAIL"), "{col}");
    }
}
