//! The trace as a Markdown monitoring update.

use super::status::{line, para_move};
use super::{day, shown, shown_redline, stats_line, warnings, what, Lang};
use crate::escape;
use normdiff_core::history::{Event, History, PieceOp};
use std::io::{self, Write};

/// Text made inert for a Markdown cell, heading or quote line.
fn md(s: &str) -> String {
    escape::markdown_cell(&shown(s))
}

/// Writes `history` as a Markdown monitoring update: status lines, then a
/// timeline table, then one section per event with the sentence before
/// and after as a redline (`<del>`/`<ins>`).
pub fn markdown(h: &History, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let w = lang.words();
    writeln!(out, "# {} {}\n", w.trace_of, md(&lang.quote(&h.phrase)))?;
    writeln!(out, "## {}\n", w.status)?;
    for s in &h.summary {
        writeln!(out, "- {}", escape::markdown_cell(&line(h, s, lang)))?;
    }
    writeln!(out, "\n{}\n", md(&stats_line(h, lang)))?;
    let warns = warnings(h);
    if !warns.is_empty() {
        writeln!(out, "## {}\n", w.warnings)?;
        for (n, msg) in warns {
            writeln!(
                out,
                "- {} {n}{}{}",
                w.event,
                w.colon,
                escape::markdown_cell(msg)
            )?;
        }
        writeln!(out)?;
    }
    if h.events.is_empty() {
        writeln!(out, "{}", w.never)?;
    } else {
        timeline(h, lang, out)?;
        writeln!(out, "\n## {}", w.events)?;
        for (i, e) in h.events.iter().enumerate() {
            write_event(out, i + 1, e, lang)?;
        }
    }
    if !h.skipped.is_empty() {
        writeln!(out, "\n## {}\n", w.skipped)?;
        for s in &h.skipped {
            writeln!(
                out,
                "- `{}` {}: {}",
                shown(s.commit.get(..7).unwrap_or(&s.commit)).replace('`', "'"),
                md(&s.path),
                md(&s.reason)
            )?;
        }
    }
    Ok(())
}

fn timeline(h: &History, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let w = lang.words();
    writeln!(out, "## {}\n", w.timeline)?;
    writeln!(out, "| {} |", w.columns.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(w.columns.len()))?;
    for (i, e) in h.events.iter().enumerate() {
        writeln!(
            out,
            "| {} | {} | `{}` | {} | {} | {} | {} | {} |",
            i + 1,
            md(day(e)),
            shown(&e.short_id).replace('`', "'"),
            md(&e.file),
            md(&e.author),
            md(&e.summary),
            md(&para_move(e)),
            md(&what(e, lang))
        )?;
    }
    Ok(())
}

fn write_event(out: &mut dyn Write, n: usize, e: &Event, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "\n### {n}. {} · {} · {}\n",
        md(day(e)),
        md(&what(e, lang)),
        md(&para_move(e))
    )?;
    writeln!(
        out,
        "{} (`{}`, {}) — {}\n",
        md(&e.summary),
        shown(&e.short_id).replace('`', "'"),
        md(&e.author),
        md(&e.file)
    )?;
    writeln!(
        out,
        "{}{}{} → {}.\n",
        lang.words().occurrences,
        lang.words().colon,
        e.count_before,
        e.count_after
    )?;
    match (&e.before, &e.after) {
        (Some(_), Some(_)) if !e.redline.is_empty() => {
            let mut line = String::new();
            for (op, text) in shown_redline(&e.redline) {
                line.push_str(&piece_md(op, &text));
            }
            writeln!(out, "> {}", escape::markdown_line_start(line.trim()))?;
        }
        (Some(b), Some(a)) if b == a => writeln!(out, "> {}", escape::markdown_line_start(&md(a)))?,
        (b, a) => {
            if let Some(b) = b {
                writeln!(out, "> <del>{}</del>", md(b))?;
            }
            if b.is_some() && a.is_some() {
                writeln!(out, ">")?;
            }
            if let Some(a) = a {
                writeln!(out, "> <ins>{}</ins>", md(a))?;
            }
        }
    }
    Ok(())
}

/// One redline piece (already made visible) as inline Markdown.
fn piece_md(op: PieceOp, text: &str) -> String {
    let cell = escape::markdown_cell;
    if text.trim().is_empty() {
        return if op == PieceOp::Insert {
            String::new()
        } else {
            " ".to_owned()
        };
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let t = cell(text.trim());
    match op {
        PieceOp::Equal => cell(text),
        PieceOp::Delete => format!("{lead}<del>{t}</del>{trail}"),
        PieceOp::Insert => format!("{lead}<ins>{t}</ins>{trail}"),
    }
}
