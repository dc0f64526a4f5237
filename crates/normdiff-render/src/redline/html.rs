//! HTML redline: one standalone page that works offline (inline style and
//! script, no external resources) and that a negotiator navigates.
//!
//! - A sticky bar: the title with both file names isolated (`<bdi>`),
//!   previous/next change buttons (keys `k`/`j`), a toggle that hides
//!   unchanged text, and one between inline and side-by-side views.
//! - The changes at a glance as a sticky list of links (`#p-18`).
//! - The redline in reading order: every shown pair has an id `p-N` (`N`
//!   its index in the JSON `pairs`), a heading with its qualified labels,
//!   an inline paragraph and two side-by-side columns under column heads
//!   that name the files and stay visible; a moved pair links to its old
//!   place (`from-p-N`) and back.
//! - Every element holding text carries `dir="auto"` (Arabic reads right
//!   to left), and `lang` when the script names the language.
//! - Typography, whitespace, punctuation and case changes carry the class
//!   `light` and their class name (`typography`...) and are drawn lighter;
//!   a legend explains the marks; invisible and confusable changes stay
//!   loud.
//!
//! All document text is escaped ([`crate::escape::html`]).

use super::glance::glance;
use super::view::{items, moved_from_line, place, run_line, Item, ViewOptions};
use super::{changes_line, heading, lang_of, pieces, title, warning_lines};
use super::{with_context, Piece, PieceKind, Render};
use crate::escape::html as esc;
use normdiff_core::align::LinkKind;
use normdiff_core::report::{DiffReport, Pair};
use std::io::{self, Write};

/// The HTML renderer.
#[derive(Debug, Clone, Default)]
pub struct Html {
    /// What to show.
    pub view: ViewOptions,
}

const STYLE: &str = include_str!("html/redline.css");
const SCRIPT: &str = include_str!("html/redline.js");

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

/// The class attribute of a change: `light typography`, or nothing.
fn class_attr(p: &Piece) -> String {
    match super::light_tag(p.class) {
        Some(_) => format!(
            " class=\"light {}\" title=\"{}\"",
            p.class.map_or("", |c| c.name()),
            p.class.map_or("", |c| c.name())
        ),
        None => match p.class {
            Some(c) if p.kind != PieceKind::Same => format!(" class=\"{}\"", c.name()),
            _ => String::new(),
        },
    }
}

fn piece_html(p: &Piece, old_side: bool, new_side: bool) -> String {
    let c = class_attr(p);
    let del = |s: &str| format!("<del{c}>{}</del>", text(s));
    let ins = |s: &str| format!("<ins{c}>{}</ins>", text(s));
    match p.kind {
        PieceKind::Same => format!("<span class=\"same\">{}</span>", text(&p.old)),
        PieceKind::Delete if old_side => del(&p.old),
        PieceKind::Insert if new_side => ins(&p.new),
        PieceKind::Replace => match (old_side, new_side) {
            (true, true) => format!("{} {}", del(&p.old), ins(&p.new)),
            (true, false) => del(&p.old),
            _ => ins(&p.new),
        },
        _ => String::new(),
    }
}

impl Html {
    fn redline(&self, pair: &Pair, old_side: bool, new_side: bool) -> String {
        with_context(pieces(pair), self.view.context)
            .iter()
            .map(|p| piece_html(p, old_side, new_side))
            .collect()
    }

    fn head(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
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
            "<title>{t}</title>\n<style>\n{STYLE}</style>\n</head>\n<body class=\"inline\">"
        )?;
        let (o, n) = names(report);
        writeln!(
            out,
            "<header class=\"bar\"><h1 dir=\"auto\"><bdi>{o}</bdi> → <bdi>{n}</bdi></h1>\
<button type=\"button\" id=\"prev\" title=\"previous change (k)\">↑ previous</button>\
<button type=\"button\" id=\"next\" title=\"next change (j)\">↓ next</button>\
<label><input type=\"checkbox\" id=\"hide-same\"> hide unchanged text</label>\
<label><input type=\"checkbox\" id=\"side-view\"> side by side</label></header>"
        )
    }

    fn glance(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let g = glance(report, &self.view);
        writeln!(
            out,
            "<nav id=\"changes\" aria-label=\"Changes at a glance\">\n<h2>Changes at a glance</h2>\n<ol>"
        )?;
        for l in &g.lines {
            let class = if l.light { " class=\"light\"" } else { "" };
            writeln!(
                out,
                "<li{class} dir=\"auto\"><a href=\"#p-{}\">{}</a></li>",
                l.pair,
                text(&l.text)
            )?;
        }
        writeln!(out, "</ol>")?;
        for l in g.tail_lines() {
            writeln!(out, "<p dir=\"auto\">{}</p>", text(&l))?;
        }
        writeln!(out, "</nav>")
    }

    fn summary(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        writeln!(out, "<p dir=\"auto\">Pairs: {}.</p>", super::pairs_line(s))?;
        if let Some(line) = changes_line(s) {
            writeln!(out, "<p dir=\"auto\">{}</p>", esc(&line))?;
        }
        writeln!(
            out,
            "<p class=\"legend\" dir=\"auto\">Legend: <del>deleted</del> <ins>inserted</ins> words (substantive); \
<del class=\"light\">’</del><ins class=\"light\">'</ins> typography, whitespace, punctuation and case changes, lighter; \
<span class=\"mark\">⟦U+200B⟧</span> invisible or look-alike characters, always shown with a warning; \
<span class=\"pb\">¶</span> a paragraph break.</p>"
        )?;
        for w in warning_lines(report) {
            writeln!(out, "<p class=\"warn\" dir=\"auto\">⚠ {}</p>", text(&w))?;
        }
        Ok(())
    }

    fn pair(&self, report: &DiffReport, i: usize, out: &mut dyn Write) -> io::Result<()> {
        let pair = &report.pairs[i];
        let class = if pair.changed || pair.kind != LinkKind::Unchanged {
            " change"
        } else {
            ""
        };
        let moved = if pair.kind == LinkKind::Moved {
            format!(" <a class=\"moved\" href=\"#from-p-{i}\">moved from its old place ↑</a>")
        } else {
            String::new()
        };
        writeln!(
            out,
            "<section class=\"pair{class} {}\" id=\"p-{i}\">\n<h3 dir=\"auto\"><a href=\"#p-{i}\">{}</a>{moved}</h3>",
            pair.kind.name(),
            text(&heading(pair))
        )?;
        let lang = |s: &str| lang_of(s).map_or(String::new(), |l| format!(" lang=\"{l}\""));
        let all: String = pair.ops.iter().map(|o| o.text.as_str()).collect();
        writeln!(
            out,
            "<p class=\"inline\" dir=\"auto\"{}>{}</p>",
            lang(&all),
            self.redline(pair, true, true)
        )?;
        let (old, new) = (
            self.redline(pair, true, false),
            self.redline(pair, false, true),
        );
        writeln!(
            out,
            "<div class=\"side\"><div class=\"old\" dir=\"auto\"{}>{old}</div><div class=\"new\" dir=\"auto\"{}>{new}</div></div>\n</section>",
            lang(&normdiff_core::diff::side_text(&pair.ops, normdiff_core::OpKind::Delete)),
            lang(&normdiff_core::diff::side_text(&pair.ops, normdiff_core::OpKind::Insert)),
        )
    }

    fn one_line(&self, id: &str, class: &str, line: &str, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "<p class=\"oneline {class}\" id=\"{id}\" dir=\"auto\">{line}</p>"
        )
    }
}

/// The two file names, escaped.
fn names(report: &DiffReport) -> (String, String) {
    (
        esc(report.old_name.as_deref().unwrap_or("old")),
        esc(report.new_name.as_deref().unwrap_or("new")),
    )
}

impl Render for Html {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        self.head(report, out)?;
        if !report.summary.differences {
            self.summary(report, out)?;
            writeln!(out, "<p dir=\"auto\">No differences.</p>\n</body>\n</html>")?;
            return Ok(());
        }
        writeln!(out, "<div class=\"layout\">")?;
        self.glance(report, out)?;
        writeln!(out, "<main>")?;
        self.summary(report, out)?;
        let (o, n) = names(report);
        writeln!(
            out,
            "<div class=\"colheads\"><div dir=\"auto\"><bdi>{o}</bdi></div><div dir=\"auto\"><bdi>{n}</bdi></div></div>"
        )?;
        for item in items(report, &self.view) {
            match item {
                Item::Pair(i) => self.pair(report, i, out)?,
                Item::Renumbered(i) => self.one_line(
                    &format!("p-{i}"),
                    "renum",
                    &format!("{} · renumbered only", text(&place(&report.pairs[i]))),
                    out,
                )?,
                Item::MovedFrom(i) => self.one_line(
                    &format!("from-p-{i}"),
                    "moved-from",
                    &format!(
                        "<a href=\"#p-{i}\">{} ↓</a>",
                        text(&moved_from_line(&report.pairs[i]))
                    ),
                    out,
                )?,
                Item::Run {
                    kind,
                    first,
                    last,
                    front,
                } => self.one_line(
                    &format!("p-{first}"),
                    "run",
                    &text(&run_line(report, kind, first, last, front)),
                    out,
                )?,
            }
        }
        writeln!(
            out,
            "</main>\n</div>\n<script>\n{SCRIPT}</script>\n</body>\n</html>"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::{render, report, NEW, OLD};

    #[test]
    fn hostile_text_is_escaped() {
        let html = render(&Html::default(), &report(OLD, NEW, &[]));
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(
            html.contains("&lt;/del&gt;"),
            "a document's </del> is escaped"
        );
        assert!(html.contains("<span class=\"mark\">⟦U+200B⟧</span>"));
        assert!(!html.contains('\u{1b}'));
    }

    #[test]
    fn pairs_have_ids_text_has_dir_light_changes_a_class() {
        let html = render(&Html::default(), &report(OLD, NEW, &[]));
        assert!(html.contains("id=\"p-0\""), "{html}");
        assert!(html.contains("href=\"#p-0\""));
        assert!(html.contains("class=\"light typography\""), "{html}");
        for tag in ["<p", "<li", "<h3", "<h1"] {
            for (i, _) in html.match_indices(tag) {
                let open = &html[i..i + html[i..].find('>').unwrap()];
                assert!(open.contains("dir=\"auto\""), "{open}");
            }
        }
        assert!(!html.contains("src=") && !html.contains("http"), "offline");
    }

    #[test]
    fn arabic_text_is_marked_rtl_capable_and_lang() {
        let r = report(
            "1. تتعاون الدول في مجال الأمن.\n",
            "1. تتعاون الدول في مجال الأمن السيبراني.\n",
            &[],
        );
        let html = render(&Html::default(), &r);
        assert!(html.contains("dir=\"auto\" lang=\"ar\""), "{html}");
    }
}
