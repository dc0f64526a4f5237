//! The trace as one standalone HTML page.

use super::status::{line, para_move};
use super::{day, shown, shown_redline, stats_line, svg, warnings, what, Lang};
use crate::escape;
use normdiff_core::history::{Event, History, PieceOp};
use std::io::{self, Write};

fn esc(s: &str) -> String {
    escape::html(&shown(s))
}

const STYLE: &str =
    "body{font-family:system-ui,sans-serif;max-width:75em;margin:2em auto;padding:0 1em}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}\
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}\
blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em}.warn{color:#900}";

/// Writes `history` as one standalone HTML page (no external resources):
/// status lines, warnings, the timeline picture and table, then each event.
pub fn html(h: &History, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let w = lang.words();
    let title = format!("{} {}", w.trace_of, lang.quote(&h.phrase));
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        w.code,
        esc(&title)
    )?;
    writeln!(
        out,
        "<h1>{}</h1>\n<h2>{}</h2>\n<ul>",
        esc(&title),
        esc(w.status)
    )?;
    for s in &h.summary {
        writeln!(out, "<li>{}</li>", escape::html(&line(h, s, lang)))?;
    }
    writeln!(out, "</ul>\n<p>{}</p>", esc(&stats_line(h, lang)))?;
    let warns = warnings(h);
    if !warns.is_empty() {
        writeln!(out, "<h2>{}</h2>\n<ul class=\"warn\">", esc(w.warnings))?;
        for (n, msg) in warns {
            writeln!(
                out,
                "<li><a href=\"#e{n}\">{} {n}</a>: {}</li>",
                esc(w.event),
                escape::html(msg)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    if h.events.is_empty() {
        writeln!(out, "<p>{}</p>", esc(w.never))?;
    } else {
        writeln!(
            out,
            "<h2>{}</h2>\n{}",
            esc(w.timeline),
            svg::timeline(h, lang)
        )?;
        table(h, lang, out)?;
        writeln!(out, "<h2>{}</h2>", esc(w.events))?;
        for (i, e) in h.events.iter().enumerate() {
            event(out, i + 1, e, lang)?;
        }
    }
    writeln!(out, "</body>\n</html>")
}

fn table(h: &History, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let head: String = lang
        .words()
        .columns
        .iter()
        .map(|c| format!("<th>{}</th>", esc(c)))
        .collect();
    writeln!(out, "<table>\n<tr>{head}</tr>")?;
    for (i, e) in h.events.iter().enumerate() {
        writeln!(
            out,
            "<tr><td><a href=\"#e{n}\">{n}</a></td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(day(e)),
            esc(&e.short_id),
            esc(&e.file),
            esc(&e.author),
            esc(&e.summary),
            esc(&para_move(e)),
            escape::html(&what(e, lang)),
            n = i + 1
        )?;
    }
    writeln!(out, "</table>")
}

fn event(out: &mut dyn Write, n: usize, e: &Event, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "<h3 id=\"e{n}\">{n}. {} · {} · {}</h3>\n<p>{} (<code>{}</code>, {}) — {}</p>",
        esc(day(e)),
        escape::html(&what(e, lang)),
        esc(&para_move(e)),
        esc(&e.summary),
        esc(&e.short_id),
        esc(&e.author),
        esc(&e.file)
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
    for (op, text) in shown_redline(&e.redline) {
        let t = escape::html(&text);
        match op {
            PieceOp::Equal => body.push_str(&t),
            PieceOp::Delete => body.push_str(&format!("<del>{t}</del>")),
            PieceOp::Insert => body.push_str(&format!("<ins>{t}</ins>")),
        }
    }
    writeln!(out, "<blockquote>{}</blockquote>", body.trim())
}
