//! `--stat`: counts per kind and per class of change, one line each with a
//! bar scaled to the largest count (as `git diff --stat`), then the total.

use super::{summary_rows, title, Render};
use crate::escape::terminal as esc;
use normdiff_core::report::DiffReport;
use std::io::{self, Write};

/// The `--stat` renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stat;

/// Width of the longest bar.
const BAR: usize = 40;

fn bar(n: usize, max: usize) -> String {
    if n == 0 || max == 0 {
        return String::new();
    }
    "+".repeat((n * BAR).div_ceil(max).max(1))
}

impl Render for Stat {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        writeln!(out, "{}", esc(&title(report)))?;
        let mut rows: Vec<(String, usize)> = summary_rows(s)
            .into_iter()
            .map(|(k, n)| (k.to_owned(), n))
            .collect();
        rows.extend(
            s.changes
                .iter()
                .map(|(c, &n)| (format!("{} changes", c.name()), n)),
        );
        rows.extend(
            s.ignored_changes
                .iter()
                .map(|(c, &n)| (format!("{} changes (ignored)", c.name()), n)),
        );
        let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
        let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        for (name, n) in &rows {
            let line = format!(" {name:<width$} | {n:>5} {}", bar(*n, max));
            writeln!(out, "{}", line.trim_end())?;
        }
        let differ = report.pairs.iter().filter(|p| p.differs()).count();
        writeln!(
            out,
            " {} pairs, {differ} differ, {} warnings",
            report.pairs.len(),
            s.warnings.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::{render, report, NEW, OLD};

    #[test]
    fn counts_per_kind_and_class() {
        let out = render(&Stat, &report(OLD, NEW, &[]));
        assert!(out.contains(" modified "), "{out}");
        let typo = out
            .lines()
            .find(|l| l.contains("typography changes"))
            .unwrap();
        assert!(typo.contains("|     1 +"), "{out}");
        assert!(out.lines().all(|l| l == l.trim_end()), "no trailing spaces");
        assert!(out.contains(" 5 pairs, 4 differ, 1 warnings"), "{out}");
    }
}
