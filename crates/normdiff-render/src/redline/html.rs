//! HTML redline: one standalone page that works offline (no scripts, no
//! external resources), with the summary, the warnings, an inline view
//! (deletions struck through in red, insertions underlined in green) and a
//! side-by-side view (old text with its deletions, new text with its
//! insertions). All document text is escaped ([`crate::escape::html`]).

use super::{changes_line, heading, pieces, shown_pairs, summary_rows, title, warning_lines};
use super::{Piece, PieceKind, Render};
use crate::escape::html as esc;
use normdiff_core::report::{DiffReport, Pair};
use std::io::{self, Write};

/// The HTML renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

const STYLE: &str = "body{font:16px/1.5 Georgia,serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.05rem;margin:1.5rem 0 .3rem;font-family:sans-serif;color:#444}
table.summary{border-collapse:collapse}table.summary td,table.summary th{border:1px solid #ccc;padding:.2rem .6rem}
td.n{text-align:right}del{background:#fde2e2;color:#8b0000;text-decoration:line-through}
ins{background:#dcf5dc;color:#0a5c0a;text-decoration:underline}
.warn{background:#fff4ce;border-left:4px solid #e0a800;padding:.3rem .8rem}
.mark{font-family:monospace;font-size:.8em;background:#eee;border:1px solid #bbb}
table.side{border-collapse:collapse;width:100%}table.side td{vertical-align:top;width:50%;padding:.4rem .6rem;border-top:1px solid #ddd}
table.side th{text-align:left;font-family:sans-serif;font-size:.9rem}nav a{margin-right:1rem}
.pb{color:#999}";

/// Escapes `s` (control characters become `⟦U+XXXX⟧`) and wraps the
/// markers and paragraph breaks so they stand out.
fn text(s: &str) -> String {
    let e = esc(&crate::escape::terminal(s));
    let mut out = String::with_capacity(e.len());
    let mut rest = e.as_str();
    while let Some(i) = rest.find(['⟦', '\n']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('\n') {
            let n = tail.len() - tail.trim_start_matches('\n').len();
            out.push_str("<span class=\"pb\">¶</span><br>");
            rest = &tail[n..];
        } else {
            let end = tail.find('⟧').map_or(tail.len(), |j| j + '⟧'.len_utf8());
            out.push_str(&format!("<span class=\"mark\">{}</span>", &tail[..end]));
            rest = &tail[end..];
        }
    }
    out.push_str(rest);
    out
}

fn piece_html(p: &Piece, old_side: bool, new_side: bool) -> String {
    let del = |s: &str| format!("<del>{}</del>", text(s));
    let ins = |s: &str| format!("<ins>{}</ins>", text(s));
    match p.kind {
        PieceKind::Same => text(&p.old),
        PieceKind::Delete if old_side => del(&p.old),
        PieceKind::Insert if new_side => ins(&p.new),
        PieceKind::Replace => match (old_side, new_side) {
            (true, true) => format!("{}{}", del(&p.old), ins(&p.new)),
            (true, false) => del(&p.old),
            _ => ins(&p.new),
        },
        _ => String::new(),
    }
}

fn redline(pair: &Pair, old_side: bool, new_side: bool) -> String {
    pieces(pair)
        .iter()
        .map(|p| piece_html(p, old_side, new_side))
        .collect()
}

impl Render for Html {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        let t = esc(&title(report));
        writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\">"
        )?;
        writeln!(
            out,
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        )?;
        writeln!(
            out,
            "<title>{t}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>"
        )?;
        writeln!(out, "<h1>{t}</h1>")?;
        writeln!(
            out,
            "<table class=\"summary\">\n<tr><th>kind</th><th>pairs</th></tr>"
        )?;
        for (name, n) in summary_rows(s) {
            writeln!(out, "<tr><td>{name}</td><td class=\"n\">{n}</td></tr>")?;
        }
        writeln!(out, "</table>")?;
        if let Some(line) = changes_line(s) {
            writeln!(out, "<p>{}</p>", esc(&line))?;
        }
        if !s.differences {
            writeln!(out, "<p>No differences.</p>\n</body>\n</html>")?;
            return Ok(());
        }
        for w in warning_lines(report) {
            writeln!(out, "<p class=\"warn\">⚠ {}</p>", text(&w))?;
        }
        writeln!(
            out,
            "<nav><a href=\"#inline\">Inline</a><a href=\"#side\">Side by side</a></nav>"
        )?;
        writeln!(out, "<section id=\"inline\">\n<h2>Inline</h2>")?;
        for pair in shown_pairs(report) {
            writeln!(out, "<h2>{}</h2>", text(&heading(pair)))?;
            writeln!(out, "<p>{}</p>", redline(pair, true, true))?;
        }
        writeln!(
            out,
            "</section>\n<section id=\"side\">\n<h2>Side by side</h2>"
        )?;
        writeln!(
            out,
            "<table class=\"side\">\n<tr><th>old</th><th>new</th></tr>"
        )?;
        for pair in shown_pairs(report) {
            writeln!(
                out,
                "<tr><th colspan=\"2\">{}</th></tr>\n<tr><td>{}</td><td>{}</td></tr>",
                text(&heading(pair)),
                redline(pair, true, false),
                redline(pair, false, true)
            )?;
        }
        writeln!(out, "</table>\n</section>\n</body>\n</html>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::{render, report, NEW, OLD};

    #[test]
    fn hostile_text_is_escaped() {
        let html = render(&Html, &report(OLD, NEW, &[]));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(
            html.contains("&lt;/del&gt;"),
            "a document's </del> is escaped"
        );
        assert!(html.contains("<span class=\"mark\">⟦U+200B⟧</span>"));
        assert!(!html.contains('\u{1b}'));
        assert!(html.contains("id=\"side\""));
    }
}
