//! `--format summary`: the changes at a glance and nothing else, as plain
//! text short enough to paste into a note. Control characters in document
//! text are shown as `⟦U+XXXX⟧` ([`crate::escape::terminal`]).

use super::glance::glance;
use super::{title, Render, ViewOptions};
use crate::escape::terminal as esc;
use normdiff_core::report::DiffReport;
use std::io::{self, Write};

/// The summary renderer.
#[derive(Debug, Clone, Default)]
pub struct AtAGlance {
    /// What to show.
    pub view: ViewOptions,
}

impl Render for AtAGlance {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", esc(&title(report)))?;
        if !report.summary.differences {
            return writeln!(out, "No differences.");
        }
        for line in glance(report, &self.view).text_lines() {
            writeln!(out, "{}", esc(&line))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::{render, report, NEW, OLD};

    #[test]
    fn summary_is_the_glance_only() {
        let out = render(&AtAGlance::default(), &report(OLD, NEW, &[]));
        assert!(
            out.lines().nth(1).is_some_and(|l| l.starts_with("- ¶")),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'));
        assert!(out.contains("Deleted (1): ¶ 3"), "{out}");
    }
}
