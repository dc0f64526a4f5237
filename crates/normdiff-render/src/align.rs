//! Rendering of a bilingual alignment ([`AlignReport`]): the output of
//! `normdiff align`.
//!
//! - [`markdown`]: a two-column GitHub table (labels, both texts, score);
//!   low-confidence links are marked `⚠`; right-to-left text is wrapped in
//!   Unicode isolates (RLI U+2067 … PDI U+2069) so it reads correctly inside
//!   a left-to-right table, and left-to-right text holding right-to-left
//!   letters in first-strong isolates (FSI U+2068 … PDI).
//! - [`html`]: a standalone page with the same table; each text cell has
//!   `dir="rtl"` (right-to-left text) or `dir="auto"`, each column header
//!   the document's main direction; low-confidence rows have class `low`.
//! - [`tsv`]: one line per link, `src_indexes<TAB>tgt_indexes<TAB>score`;
//!   indexes 0-based as `normdiff parse` prints them, comma-separated for
//!   two blocks, empty for an unmatched side; score with 4 decimals.
//! - [`json`]: the report (see below).
//!
//! # JSON wire format (`schema_version` 1)
//!
//! A single object:
//! - `schema_version`: `1`;
//! - `source_name`, `target_name`: the documents as named on the command
//!   line;
//! - `source_blocks`, `target_blocks`: block counts;
//! - `source_dir`, `target_dir`: `"ltr"` or `"rtl"`, main writing direction;
//! - `rows`: the links in document order, each with `source` and `target`
//!   (arrays of 0–2 blocks `{index, label, text, dir}`, `index` 0-based,
//!   `label` as printed or null), `score` (0–1, 4 decimals; 0 for an
//!   unmatched side) and `low_confidence` (both sides present and score
//!   under 0.5).

use crate::escape;
use normdiff_core::align::cross::report::{AlignReport, AlignRow, BlockView, Direction};
use std::io::{self, Write};

/// The JSON schema version of [`json`].
pub const SCHEMA_VERSION: u32 = 1;

/// Right-to-left isolate, first-strong isolate, pop directional isolate.
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Writes `report` as JSON (schema in the module docs) and a newline.
pub fn json(report: &AlignReport, out: &mut dyn Write) -> io::Result<()> {
    crate::wire::write(SCHEMA_VERSION, report, out)
}

fn indexes(blocks: &[BlockView]) -> String {
    blocks
        .iter()
        .map(|b| b.index.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Writes `report` as TSV: `src_indexes<TAB>tgt_indexes<TAB>score`.
pub fn tsv(report: &AlignReport, out: &mut dyn Write) -> io::Result<()> {
    for r in &report.rows {
        writeln!(
            out,
            "{}\t{}\t{:.4}",
            indexes(&r.source),
            indexes(&r.target),
            r.score
        )?;
    }
    Ok(())
}

fn labels(blocks: &[BlockView]) -> String {
    blocks
        .iter()
        .map(|b| b.label.clone().unwrap_or_else(|| format!("#{}", b.index)))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn has_rtl(s: &str) -> bool {
    s.chars().any(normdiff_core::align::cross::report::is_rtl)
}

/// A Markdown table cell: pipes escaped, isolates around bidi text.
fn md_cell(blocks: &[BlockView]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|b| {
            let t = if b.text.is_empty() {
                b.label.clone().unwrap_or_default()
            } else {
                b.text.clone()
            };
            let t = escape::markdown_cell(&escape::bidi(&t));
            match b.dir {
                Direction::Rtl => format!("{RLI}{t}{PDI}"),
                Direction::Ltr if has_rtl(&t) => format!("{FSI}{t}{PDI}"),
                Direction::Ltr => t,
            }
        })
        .collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join(" ¶ ")
    }
}

fn md_labels(blocks: &[BlockView]) -> String {
    let l = escape::markdown_cell(&escape::bidi(&labels(blocks)));
    if has_rtl(&l) {
        format!("{FSI}{l}{PDI}")
    } else {
        l
    }
}

/// Counts of links by shape, for the summary line.
fn summary(rows: &[AlignRow]) -> (usize, usize, usize) {
    let linked = rows
        .iter()
        .filter(|r| !r.source.is_empty() && !r.target.is_empty())
        .count();
    let low = rows.iter().filter(|r| r.low_confidence).count();
    (linked, rows.len() - linked, low)
}

/// Writes `report` as a Markdown bilingual table.
pub fn markdown(report: &AlignReport, out: &mut dyn Write) -> io::Result<()> {
    let (linked, unmatched, low) = summary(&report.rows);
    writeln!(
        out,
        "# Alignment: {} → {}\n",
        escape::markdown_cell(&escape::bidi(&report.source_name)),
        escape::markdown_cell(&escape::bidi(&report.target_name))
    )?;
    writeln!(
        out,
        "{} source blocks, {} target blocks: {linked} links, {unmatched} unmatched, {low} low-confidence (⚠, score < 0.5).\n",
        report.source_blocks, report.target_blocks
    )?;
    writeln!(
        out,
        "| source | {} | {} | target | score |",
        escape::markdown_cell(&escape::bidi(&report.source_name)),
        escape::markdown_cell(&escape::bidi(&report.target_name))
    )?;
    writeln!(out, "|---|---|---|---|---:|")?;
    for r in &report.rows {
        let mark = if r.low_confidence { " ⚠" } else { "" };
        writeln!(
            out,
            "| {} | {} | {} | {} | {:.2}{mark} |",
            md_labels(&r.source),
            md_cell(&r.source),
            md_cell(&r.target),
            md_labels(&r.target),
            r.score
        )?;
    }
    Ok(())
}

fn dir_attr(d: Direction) -> &'static str {
    match d {
        Direction::Rtl => "rtl",
        Direction::Ltr => "auto",
    }
}

fn html_cell(blocks: &[BlockView], out: &mut dyn Write) -> io::Result<()> {
    if blocks.is_empty() {
        return write!(out, "<td class=\"none\">—</td>");
    }
    let dir = blocks[0].dir;
    write!(out, "<td dir=\"{}\">", dir_attr(dir))?;
    for (k, b) in blocks.iter().enumerate() {
        let t = if b.text.is_empty() {
            b.label.as_deref().unwrap_or("")
        } else {
            &b.text
        };
        if k > 0 {
            write!(out, "<hr>")?;
        }
        write!(
            out,
            "<p dir=\"{}\">{}</p>",
            dir_attr(b.dir),
            escape::html(&escape::bidi(t))
        )?;
    }
    write!(out, "</td>")
}

/// Writes `report` as a standalone HTML page with a bilingual table.
pub fn html(report: &AlignReport, out: &mut dyn Write) -> io::Result<()> {
    let (linked, unmatched, low) = summary(&report.rows);
    let (s, t) = (
        escape::html(&escape::bidi(&report.source_name)),
        escape::html(&escape::bidi(&report.target_name)),
    );
    writeln!(
        out,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(out, "<title>Alignment: {s} → {t}</title>")?;
    writeln!(
        out,
        "<style>table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}}\
         tr.low{{background:#fff3cd}}td.none{{color:#999}}.score{{text-align:right}}</style>\n</head>\n<body>"
    )?;
    writeln!(out, "<h1>Alignment: {s} → {t}</h1>")?;
    writeln!(
        out,
        "<p>{} source blocks, {} target blocks: {linked} links, {unmatched} unmatched, {low} low-confidence (score &lt; 0.5).</p>",
        report.source_blocks, report.target_blocks
    )?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<tr><th>source</th><th dir=\"{}\">{s}</th><th dir=\"{}\">{t}</th><th>target</th><th>score</th></tr>",
        dir_attr(report.source_dir),
        dir_attr(report.target_dir)
    )?;
    for r in &report.rows {
        if r.low_confidence {
            write!(out, "<tr class=\"low\">")?;
        } else {
            write!(out, "<tr>")?;
        }
        write!(
            out,
            "<td dir=\"auto\">{}</td>",
            escape::html(&escape::bidi(&labels(&r.source)))
        )?;
        html_cell(&r.source, out)?;
        html_cell(&r.target, out)?;
        write!(
            out,
            "<td dir=\"auto\">{}</td>",
            escape::html(&escape::bidi(&labels(&r.target)))
        )?;
        let mark = if r.low_confidence { " ⚠" } else { "" };
        writeln!(out, "<td class=\"score\">{:.2}{mark}</td></tr>", r.score)?;
    }
    writeln!(out, "</table>\n</body>\n</html>")
}
