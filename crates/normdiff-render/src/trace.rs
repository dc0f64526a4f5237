//! The output of `normdiff trace`: a phrase's [`History`] as a Markdown
//! monitoring update, a standalone HTML page, or JSON.
//!
//! # JSON wire format (`schema_version` 1)
//!
//! The JSON is [`History`] serialized as is; `docs/json-trace.md` gives
//! every field. In short: top-level `schema_version`, `phrase`, `variants`,
//! `mode`, `fuzzy`, `events` (time order; each with `kind`, `term`,
//! `variant`, `commit`, `short_id`, `date` (ISO 8601 or null), `author`,
//! `summary`, `path`, `previous_path`, `label`, `previous_label`,
//! `count_before`, `count_after`, `before`, `after`, `replaced_by`,
//! `redline`), `stats` and `skipped`. Byte offsets never appear; texts are
//! whole sentences.

use crate::escape;
use normdiff_core::history::{Event, EventKind, History, Piece, PieceOp};
use std::io::{self, Write};

/// Writes `history` as pretty JSON followed by a line end.
pub fn json(history: &History, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, history)?;
    writeln!(out)
}

/// Text made inert for a Markdown cell, heading or quote line.
fn md(s: &str) -> String {
    escape::markdown_cell(s)
}

/// Date part of an ISO 8601 date, or `–`.
fn day(e: &Event) -> &str {
    e.date.as_deref().map_or("–", |d| d.get(..10).unwrap_or(d))
}

/// The event column: kind, variant and replacement.
fn what(e: &Event) -> String {
    let mut s = e.kind.name().to_owned();
    if e.variant {
        s.push_str(&format!(" (variant “{}”)", e.term));
    }
    if let Some(r) = &e.replaced_by {
        s.push_str(&format!(" → “{r}”"));
    }
    if let (EventKind::Renumbered, Some(p)) = (e.kind, &e.previous_label) {
        s.push_str(&format!(" (was {p})"));
    }
    if let (EventKind::Renamed, Some(p)) = (e.kind, &e.previous_path) {
        s.push_str(&format!(" (from {p})"));
    }
    s
}

fn summary_line(h: &History) -> String {
    let s = &h.stats;
    let variants = if h.variants.is_empty() {
        String::new()
    } else {
        let v: Vec<String> = h.variants.iter().map(|v| format!("“{v}”")).collect();
        format!(", with variants {}", v.join(", "))
    };
    let fuzzy = if h.fuzzy > 0 {
        format!(", up to {} word edits", h.fuzzy)
    } else {
        String::new()
    };
    format!(
        "{} events{variants}; matching: {}{fuzzy}. Walked {} versions: {} file versions read, {} skipped ({} unchanged, {} binary, {} not UTF-8), {} parsed.",
        h.events.len(),
        match h.mode {
            normdiff_core::history::MatchMode::Exact => "exact",
            normdiff_core::history::MatchMode::Normalized => "normalized",
        },
        s.commits_visited,
        s.blobs_read,
        s.blobs_skipped,
        s.blobs_unchanged,
        s.blobs_binary,
        s.blobs_not_utf8,
        s.versions_parsed
    )
}

/// Writes `history` as a Markdown monitoring update: a timeline table, then
/// one section per event with the sentence before and after as a redline
/// (`<del>`/`<ins>`).
pub fn markdown(h: &History, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Trace of “{}”\n", md(&h.phrase))?;
    writeln!(out, "{}\n", md(&summary_line(h)))?;
    if h.events.is_empty() {
        writeln!(out, "The phrase never occurs in the versions walked.")?;
    } else {
        writeln!(out, "## Timeline\n")?;
        writeln!(
            out,
            "| # | Date | Version | Message | File | Paragraph | Event |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for (i, e) in h.events.iter().enumerate() {
            writeln!(
                out,
                "| {} | {} | `{}` | {} | {} | {} | {} |",
                i + 1,
                md(day(e)),
                e.short_id.replace('`', "'"),
                md(&e.summary),
                md(&e.path),
                md(e.label.as_deref().unwrap_or("–")),
                md(&what(e))
            )?;
        }
        writeln!(out, "\n## Events")?;
        for (i, e) in h.events.iter().enumerate() {
            write_event(out, i + 1, e)?;
        }
    }
    if !h.skipped.is_empty() {
        writeln!(out, "\n## Skipped file versions\n")?;
        for s in &h.skipped {
            writeln!(
                out,
                "- `{}` {}: {}",
                s.commit.get(..7).unwrap_or(&s.commit).replace('`', "'"),
                md(&s.path),
                md(&s.reason)
            )?;
        }
    }
    Ok(())
}

fn write_event(out: &mut dyn Write, n: usize, e: &Event) -> io::Result<()> {
    writeln!(
        out,
        "\n### {n}. {} · {} · {}\n",
        md(day(e)),
        md(&what(e)),
        md(e.label.as_deref().unwrap_or(&e.path))
    )?;
    writeln!(
        out,
        "{} (`{}`, {}) — {}\n",
        md(&e.summary),
        e.short_id.replace('`', "'"),
        md(&e.author),
        md(&e.path)
    )?;
    writeln!(
        out,
        "Occurrences in the paragraph: {} → {}.\n",
        e.count_before, e.count_after
    )?;
    match (&e.before, &e.after) {
        (Some(_), Some(_)) if !e.redline.is_empty() => {
            let mut line = String::new();
            for p in &e.redline {
                line.push_str(&piece_md(p));
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

fn piece_md(p: &Piece) -> String {
    if p.text.trim().is_empty() {
        return if p.op == PieceOp::Insert {
            String::new()
        } else {
            " ".to_owned()
        };
    }
    let lead = if p.text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if p.text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let t = md(p.text.trim());
    match p.op {
        PieceOp::Equal => md(&p.text),
        PieceOp::Delete => format!("{lead}<del>{t}</del>{trail}"),
        PieceOp::Insert => format!("{lead}<ins>{t}</ins>{trail}"),
    }
}

/// Writes `history` as one standalone HTML page (no external resources).
pub fn html(h: &History, out: &mut dyn Write) -> io::Result<()> {
    let esc = escape::html;
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(out, "<title>Trace of “{}”</title>", esc(&h.phrase))?;
    writeln!(
        out,
        "<style>body{{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}}\
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}}\
del{{background:#fdd;color:#900}}ins{{background:#dfd;color:#060;text-decoration:none}}\
blockquote{{border-left:3px solid #ccc;margin-left:0;padding-left:1em}}</style>\n</head>\n<body>"
    )?;
    writeln!(
        out,
        "<h1>Trace of “{}”</h1>\n<p>{}</p>",
        esc(&h.phrase),
        esc(&summary_line(h))
    )?;
    if !h.events.is_empty() {
        writeln!(out, "<h2>Timeline</h2>\n<table>\n<tr><th>#</th><th>Date</th><th>Version</th><th>Message</th><th>File</th><th>Paragraph</th><th>Event</th></tr>")?;
        for (i, e) in h.events.iter().enumerate() {
            writeln!(
                out,
                "<tr><td><a href=\"#e{n}\">{n}</a></td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(day(e)),
                esc(&e.short_id),
                esc(&e.summary),
                esc(&e.path),
                esc(e.label.as_deref().unwrap_or("–")),
                esc(&what(e)),
                n = i + 1
            )?;
        }
        writeln!(out, "</table>\n<h2>Events</h2>")?;
        for (i, e) in h.events.iter().enumerate() {
            writeln!(
                out,
                "<h3 id=\"e{}\">{}. {} · {} · {}</h3>\n<p>{} (<code>{}</code>) — {}</p>",
                i + 1,
                i + 1,
                esc(day(e)),
                esc(&what(e)),
                esc(e.label.as_deref().unwrap_or(&e.path)),
                esc(&e.summary),
                esc(&e.short_id),
                esc(&e.path)
            )?;
            let mut body = String::new();
            if e.redline.is_empty() {
                if let Some(b) = &e.before {
                    body.push_str(&format!("<del>{}</del> ", esc(b)));
                }
                if let Some(a) = &e.after {
                    body.push_str(&format!("<ins>{}</ins>", esc(a)));
                }
            }
            for p in &e.redline {
                match p.op {
                    PieceOp::Equal => body.push_str(&esc(&p.text)),
                    PieceOp::Delete => body.push_str(&format!("<del>{}</del>", esc(&p.text))),
                    PieceOp::Insert => body.push_str(&format!("<ins>{}</ins>", esc(&p.text))),
                }
            }
            writeln!(out, "<blockquote>{}</blockquote>", body.trim())?;
        }
    }
    writeln!(out, "</body>\n</html>")
}
