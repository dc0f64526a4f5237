//! The HTML "prose blame" page: the last version's text, each word shaded
//! by the version that introduced it, with the version's name, date and
//! author on hover (a `title` and a status line), then the lineage table.
//! One offline file: inline style and script, no external asset (a
//! Content-Security-Policy forbids any fetch), `dir="auto"` on every text
//! element so right-to-left text reads right.

use super::{block_spans, cell, shown_paragraphs, status};
use crate::escape::html as esc;
use normdiff_core::lineage::Lineage;
use std::io::{self, Write};

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6}\
p.b{margin:.8rem 0}.lab{font-weight:bold;margin-inline-end:.4rem}\
span[data-v]{border-radius:.2rem;cursor:help}span[data-v]:hover{outline:1px solid #333}\
span.old{background:none}#who{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.3rem 0;min-height:1.6rem}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem}.legend span{padding:0 .4rem;margin-inline-end:.4rem}";

/// Shows the hovered word's version in the status line.
const SCRIPT: &str =
    "document.addEventListener('mouseover',function(e){var t=e.target.closest('span[data-v]');\
if(t){document.getElementById('who').textContent=t.getAttribute('title');}});";

/// The shade of version `v` of `n` (older: lighter).
fn shade(v: usize, n: usize) -> String {
    let hue = (v * 137) % 360;
    let light = 96 - (v * 30 / n.max(1)).min(30);
    format!("hsl({hue},70%,{light}%)")
}

/// The hover text of version `v`: name, date, author.
fn who(l: &Lineage, v: usize) -> String {
    let x = &l.versions[v];
    let mut s = format!("v{v} {}", x.name);
    if let Some(d) = &x.date {
        s.push_str(&format!(" — {d}"));
    }
    if let Some(a) = x.author.as_deref().filter(|a| !a.is_empty()) {
        s.push_str(&format!(" — {a}"));
    }
    s
}

fn head(l: &Lineage, since: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    let n = l.versions.len();
    writeln!(
        out,
        "<!DOCTYPE html>\n<html dir=\"auto\"><head><meta charset=\"utf-8\">"
    )?;
    writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")?;
    writeln!(
        out,
        "<title>normdiff history: {n} versions</title>\n<style>{STYLE}"
    )?;
    for v in 0..n {
        let hidden = since.is_some_and(|k| v <= k);
        let bg = if hidden {
            "none".to_owned()
        } else {
            shade(v, n)
        };
        writeln!(out, "span.v{v}{{background:{bg}}}")?;
    }
    writeln!(out, "</style></head><body>")?;
    writeln!(
        out,
        "<h1 dir=\"auto\">History of {n} versions</h1>\n<p class=\"legend\" dir=\"auto\">"
    )?;
    for v in 0..n {
        writeln!(
            out,
            "<span class=\"v{v}\" data-v=\"{v}\" title=\"{t}\">{t}</span>",
            t = esc(&who(l, v))
        )?;
    }
    writeln!(out, "</p>\n<div id=\"who\" dir=\"auto\"></div>")
}

fn text(l: &Lineage, out: &mut dyn Write) -> io::Result<()> {
    let last = l.versions.len().saturating_sub(1);
    for (b, &start) in l.block_starts.iter().enumerate() {
        let end = l.block_starts.get(b + 1).map_or(l.text.len(), |&s| s - 2);
        let t = &l.text[start..end];
        let p = l.paragraphs.get(l.last_block_id(b));
        write!(out, "<p class=\"b\" dir=\"auto\">")?;
        if let Some(p) = p {
            let lab = p
                .labels
                .get(&last)
                .and_then(|x| x.to_vec().into_iter().next().flatten());
            let lab = lab.unwrap_or_else(|| format!("#{}", b + 1));
            write!(
                out,
                "<span class=\"lab\" title=\"L{} — last changed in {}\">{}</span>",
                p.id,
                esc(&l.versions[p.last_changed].name),
                esc(&lab)
            )?;
        }
        let mut at = 0;
        for (s, e, v) in block_spans(l, b) {
            write!(out, "{}", esc(&t[at..s]))?;
            write!(
                out,
                "<span class=\"v{v}\" data-v=\"{v}\" title=\"{}\">{}</span>",
                esc(&who(l, v)),
                esc(&t[s..e])
            )?;
            at = e;
        }
        writeln!(out, "{}</p>", esc(&t[at..]))?;
    }
    Ok(())
}

fn lineage_table(l: &Lineage, since: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<h2>Paragraph lineage</h2>\n<table><thead><tr><th>lineage</th>"
    )?;
    for v in &l.versions {
        write!(out, "<th dir=\"auto\">{}</th>", esc(&v.name))?;
    }
    writeln!(
        out,
        "<th>status</th><th>last changed</th></tr></thead><tbody>"
    )?;
    for p in shown_paragraphs(l, since) {
        write!(out, "<tr><td>L{}</td>", p.id)?;
        for v in 0..l.versions.len() {
            write!(out, "<td dir=\"auto\">{}</td>", esc(&cell(p, v)))?;
        }
        writeln!(
            out,
            "<td>{}</td><td dir=\"auto\">{}</td></tr>",
            esc(&status(l, p)),
            esc(&l.versions[p.last_changed].name)
        )?;
    }
    writeln!(out, "</tbody></table>")
}

/// Writes the standalone HTML page. With `since = Some(k)`, words from
/// versions up to `k` are not shaded and the table lists only lineages
/// changed after `k`.
pub fn html(l: &Lineage, since: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    head(l, since, out)?;
    if let Some(last) = l.versions.last() {
        writeln!(out, "<h2 dir=\"auto\">{}</h2>", esc(&last.name))?;
    }
    text(l, out)?;
    lineage_table(l, since, out)?;
    writeln!(out, "<script>{SCRIPT}</script>\n</body></html>")
}
