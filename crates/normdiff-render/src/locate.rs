//! Rendering of quote locations ([`LocateReport`]): the output of
//! `normdiff locate`.
//!
//! # JSON wire format (`schema_version` 1)
//!
//! A single object:
//! - `schema_version`: `1`;
//! - `results`: one object per quote, in the order given, each with
//!   `quote` (as given) and `matches`, best first (ties by index), empty
//!   when the quote was not found. Each match has `index` (block index,
//!   0-based, as `normdiff parse` prints it), `label` (as printed, or
//!   null), `score` (0–1, 4 decimals), `start` and `end` (the best
//!   matching passage inside the block's text, in Unicode scalar values,
//!   0-based, end exclusive) and `passage` (that text). With `--via`, a
//!   match also has `link_score` (0–1, the score of the alignment link
//!   followed) and `via`: the match in the via document, with the same
//!   fields (`index`, `label`, `score`, `start`, `end`, `passage`).
//! - a result may carry `notes`: sentences for the reader (a quote in
//!   another script than the document, with the suggestion to use `--via`;
//!   a via paragraph without counterpart). Absent when there are none.

use crate::escape;
use normdiff_core::LocateReport;
use std::io::{self, Write};

/// The JSON schema version of [`json`].
pub const SCHEMA_VERSION: u32 = 1;

/// Writes `report` as JSON (schema in the module docs) and a newline.
pub fn json(report: &LocateReport, out: &mut dyn Write) -> io::Result<()> {
    crate::wire::write(SCHEMA_VERSION, report, out)
}

/// `s` on one line, bidi controls shown as markers.
fn one_line(s: &str) -> String {
    escape::bidi(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Writes `report` as Markdown: one section per quote, with a table of
/// the matching blocks and their passages, or "not found".
pub fn markdown(report: &LocateReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Quote locations")?;
    for (n, r) in report.results.iter().enumerate() {
        writeln!(out, "\n## Quote {}\n", n + 1)?;
        writeln!(
            out,
            "> {}\n",
            escape::markdown_line_start(&escape::markdown_cell(&one_line(&r.quote)))
        )?;
        for note in &r.notes {
            writeln!(out, "Note: {}\n", escape::markdown_cell(note))?;
        }
        if r.matches.is_empty() {
            writeln!(out, "Not found.")?;
            continue;
        }
        if r.matches.iter().any(|m| m.via.is_some()) {
            via_table(r, out)?;
            continue;
        }
        writeln!(out, "| block | label | score | chars | passage |")?;
        writeln!(out, "|---:|---|---:|---|---|")?;
        for m in &r.matches {
            writeln!(
                out,
                "| {} | {} | {:.2} | {}–{} | {} |",
                m.index,
                escape::markdown_cell(&escape::bidi(m.label.as_deref().unwrap_or("—"))),
                m.score,
                m.start,
                m.end,
                escape::markdown_cell(&one_line(&m.passage))
            )?;
        }
    }
    Ok(())
}

/// The table of a result found `--via`: both paragraphs of each match.
fn via_table(r: &normdiff_core::QuoteResult, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "| via block | via passage | link | block | label | score | chars | passage |"
    )?;
    writeln!(out, "|---:|---|---:|---:|---|---:|---|---|")?;
    for m in &r.matches {
        let (vi, vp) = m.via.as_ref().map_or(("—".to_owned(), String::new()), |v| {
            (v.index.to_string(), one_line(&v.passage))
        });
        writeln!(
            out,
            "| {} | {} | {:.2}{} | {} | {} | {:.2} | {}–{} | {} |",
            vi,
            escape::markdown_cell(&vp),
            m.link_score.unwrap_or(0.0),
            if m.link_score
                .is_some_and(|s| s < normdiff_core::align::cross::LOW_CONFIDENCE)
            {
                " ⚠"
            } else {
                ""
            },
            m.index,
            escape::markdown_cell(m.label.as_deref().unwrap_or("—")),
            m.score,
            m.start,
            m.end,
            escape::markdown_cell(&one_line(&m.passage))
        )?;
    }
    Ok(())
}
