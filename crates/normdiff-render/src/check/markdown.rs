//! Markdown for a pull-request comment: a title with the totals, a
//! summary table (one row per entry), then a section per entry that has
//! findings, each finding with its redline (`<del>`/`<ins>`). Document
//! text is escaped with [`crate::escape::markdown`]: no markup can come
//! from the documents or the watch file.

use super::{describe, place, redline, totals, RenderCheck};
use crate::escape::{markdown as esc, markdown_line_start};
use crate::redline::PieceKind;
use normdiff_core::check::{CheckReport, EntryResult, Verdict};
use std::io::{self, Write};

/// The Markdown renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

fn badge(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "✅ pass",
        Verdict::Warn => "⚠️ warn",
        Verdict::Fail => "❌ fail",
    }
}

fn html_mark(kind: PieceKind, old: &str, new: &str) -> String {
    match kind {
        PieceKind::Same => old.to_owned(),
        PieceKind::Delete => format!("<del>{old}</del>"),
        PieceKind::Insert => format!("<ins>{new}</ins>"),
        PieceKind::Replace => format!("<del>{old}</del><ins>{new}</ins>"),
    }
}

fn where_(e: &EntryResult) -> String {
    e.findings
        .first()
        .map(|f| &f.location)
        .or(e.locations.first())
        .map_or_else(|| "—".to_owned(), place)
}

impl RenderCheck for Markdown {
    fn render(&self, r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
        let head = if r.summary.failed {
            "❌"
        } else if r.summary.warnings > 0 {
            "⚠️"
        } else {
            "✅"
        };
        writeln!(out, "## {head} normdiff check: {}", totals(r))?;
        writeln!(out)?;
        writeln!(
            out,
            "`{}` → `{}` · {} file(s) compared",
            r.base.replace('`', "'"),
            r.head.replace('`', "'"),
            r.summary.files
        )?;
        writeln!(out)?;
        writeln!(out, "| Verdict | Entry | Watched | Status | Where |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for e in &r.entries {
            writeln!(
                out,
                "| {} | {} | {} | {}{} | {} |",
                badge(e.verdict),
                esc(&e.id),
                esc(&e.subject),
                e.status.name(),
                if e.suspicious {
                    " ⟦invisible/look-alike⟧"
                } else {
                    ""
                },
                esc(&where_(e))
            )?;
        }
        for e in r.entries.iter().filter(|e| !e.findings.is_empty()) {
            writeln!(out)?;
            writeln!(
                out,
                "### {} {} · {}",
                badge(e.verdict),
                esc(&e.id),
                e.status.name()
            )?;
            writeln!(out)?;
            for f in &e.findings {
                writeln!(out, "- {}", markdown_line_start(&esc(&describe(e, f))))?;
                if let Some(line) = redline(f, &|s| esc(s), &html_mark) {
                    writeln!(out)?;
                    writeln!(out, "  {}", markdown_line_start(&line))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{render, sample};

    #[test]
    fn markdown_report() {
        let s = render(&Markdown, &sample());
        insta::assert_snapshot!(s);
        // Parses back without stray markup: no emphasis or raw text.
        let arena = comrak::Arena::new();
        let root = comrak::parse_document(&arena, &s, &comrak::Options::default());
        let strong = root
            .descendants()
            .any(|n| matches!(n.data.borrow().value, comrak::nodes::NodeValue::Strong));
        assert!(!strong);
    }
}
