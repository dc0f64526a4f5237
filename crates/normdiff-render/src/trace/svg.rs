//! The timeline picture of an HTML trace: inline SVG, one column per
//! version that has events, one dot per event coloured by kind, the
//! version names below. No script, no external resource.

use super::status::para_move;
use super::{kind_name, shown, Lang};
use crate::escape;
use normdiff_core::history::{EventKind, History};
use std::fmt::Write as _;

const WIDTH: usize = 1100;
const ROW: usize = 16;

fn colour(k: EventKind) -> &'static str {
    match k {
        EventKind::Introduced => "#2a7d2a",
        EventKind::Reintroduced => "#5bb35b",
        EventKind::Removed => "#b22222",
        EventKind::Changed => "#d08c00",
        EventKind::Moved | EventKind::Renumbered => "#3465a4",
        EventKind::Renamed => "#75507b",
    }
}

/// The picture as an `<svg>` element (empty without events).
pub(crate) fn timeline(h: &History, lang: Lang) -> String {
    // Versions in event order, with their events' indexes.
    let mut cols: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, e) in h.events.iter().enumerate() {
        match cols.last_mut() {
            Some((id, evs)) if *id == e.commit => evs.push(i),
            _ => cols.push((&e.commit, vec![i])),
        }
    }
    if cols.is_empty() {
        return String::new();
    }
    let step = (WIDTH / cols.len()).clamp(4, 110);
    let stack = cols.iter().map(|c| c.1.len()).max().unwrap_or(1).min(12);
    let height = 30 + stack * ROW + 40;
    let axis = 20;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\" font-size=\"11\" font-family=\"sans-serif\">\n<line x1=\"10\" y1=\"{axis}\" x2=\"{}\" y2=\"{axis}\" stroke=\"#888\"/>\n",
        step * cols.len() + 20,
        step * cols.len() + 20,
        step * cols.len() + 10,
    );
    for (c, (_, evs)) in cols.iter().enumerate() {
        let x = 10 + c * step + step / 2;
        let first = &h.events[evs[0]];
        let _ = writeln!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#888\"/>",
            axis - 4,
            axis + 4
        );
        for (k, &i) in evs.iter().take(stack).enumerate() {
            let e = &h.events[i];
            let _ = writeln!(
                s,
                "<a href=\"#e{n}\"><circle cx=\"{x}\" cy=\"{}\" r=\"6\" fill=\"{}\"><title>{n}. {} · {} · {}</title></circle></a>",
                axis + 14 + k * ROW,
                colour(e.kind),
                escape::html(&shown(&e.short_id)),
                escape::html(kind_name(e, lang)),
                escape::html(&shown(&para_move(e))),
                n = i + 1
            );
            if step >= 60 {
                let label: String = shown(&para_move(e)).chars().take(step / 7 - 2).collect();
                let _ = writeln!(
                    s,
                    "<text x=\"{}\" y=\"{}\">{}</text>",
                    x + 9,
                    axis + 18 + k * ROW,
                    escape::html(&label)
                );
            }
        }
        if step >= 40 {
            let name: String = shown(&first.short_id).chars().take(step / 7).collect();
            let _ = writeln!(
                s,
                "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                height - 8,
                escape::html(&name)
            );
        }
    }
    s.push_str("</svg>");
    s
}
