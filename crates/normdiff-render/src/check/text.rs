//! Plain text for terminals and CI logs: one block per entry, the most
//! serious first, each finding with its place and redline
//! (`[-old-]{+new+}`). Document text goes through
//! [`crate::escape::terminal`], so no control sequence from a document
//! reaches the terminal.

use super::{describe, entry_line, plain_mark, redline, totals, verdict_word, RenderCheck};
use crate::escape::terminal as esc;
use normdiff_core::check::CheckReport;
use std::io::{self, Write};

/// The text renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Text;

impl RenderCheck for Text {
    fn render(&self, r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "normdiff check: {} → {}", esc(&r.base), esc(&r.head))?;
        for e in &r.entries {
            writeln!(out)?;
            writeln!(
                out,
                "{:<4}  {}",
                verdict_word(e.verdict),
                esc(&entry_line(e))
            )?;
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
        insta::assert_snapshot!(render(&Text, &sample()));
    }
}
