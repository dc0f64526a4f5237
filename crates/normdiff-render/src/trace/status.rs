//! One status line per traced term, for the top of a report: where it was
//! introduced, bracketed, moved, removed, whether the last version still
//! carries it, and what replaced it ("introduced in v1 (§ 50), bracketed in
//! v3 (§ 51), absent from v5; replaced by “…” in v5 (§ 18)").

use super::words::Lang;
use normdiff_core::history::{Event, EventKind, History, TermSummary};
use normdiff_core::report::show_invisible;

/// Steps shown per line before "… (N more events)".
const MAX_STEPS: usize = 10;

/// A paragraph label as a status line shows it: `§ 18` for a number,
/// the label itself otherwise.
pub(crate) fn para(label: Option<&str>) -> String {
    match label {
        Some(l) if l.starts_with(|c: char| c.is_ascii_digit()) => format!("§ {l}"),
        Some(l) => l.to_owned(),
        None => "–".to_owned(),
    }
}

/// `before → after` when the paragraph changed, else `after`.
pub(crate) fn para_move(e: &Event) -> String {
    match &e.previous_label {
        Some(p) => format!("{} → {}", para(Some(p)), para(e.label.as_deref())),
        None => para(e.label.as_deref()),
    }
}

/// One step of the line, what happened and where (version and paragraph),
/// or `None` for events the line leaves to the timeline (a reworded
/// sentence around the term).
fn step(e: &Event, lang: Lang) -> Option<(&'static str, String)> {
    let w = lang.words();
    let what = match e.kind {
        EventKind::Changed if e.bracketed_after && !e.bracketed_before => w.bracketed,
        EventKind::Changed if e.bracketed_before && !e.bracketed_after => w.unbracketed,
        EventKind::Changed if e.previous_label.is_none() => return None,
        k => lang.kind(k),
    };
    let place = if e.kind == EventKind::Renamed {
        show_invisible(&e.path)
    } else {
        para_move(e)
    };
    Some((
        what,
        format!("{} {} ({place})", w.in_, show_invisible(&e.short_id)),
    ))
}

/// Steps in order, those of the same version and place joined
/// ("moved, renumbered in v4 (§ 51 → § 18)").
fn steps<'a>(events: impl Iterator<Item = &'a Event>, lang: Lang) -> Vec<String> {
    let mut out: Vec<(Vec<&str>, String)> = Vec::new();
    for (what, place) in events.filter_map(|e| step(e, lang)) {
        match out.last_mut() {
            Some((whats, p)) if *p == place => {
                if !whats.contains(&what) {
                    whats.push(what);
                }
            }
            _ => out.push((vec![what], place)),
        }
    }
    out.into_iter()
        .map(|(whats, place)| format!("{} {place}", whats.join(", ")))
        .collect()
}

/// The status line of term `s`.
pub(crate) fn line(h: &History, s: &TermSummary, lang: Lang) -> String {
    let w = lang.words();
    let mine = |e: &&Event| e.term == s.term && e.variant == s.variant;
    let steps = steps(h.events.iter().filter(mine), lang);
    let mut parts: Vec<String> = steps.iter().take(MAX_STEPS).cloned().collect();
    if steps.len() > MAX_STEPS {
        parts.push(format!("… (+{} {})", steps.len() - MAX_STEPS, w.more));
    }
    let last = h.last_version.as_ref().map(|v| show_invisible(&v.short_id));
    match (s.in_last_version, last, &s.last_seen) {
        (true, Some(v), Some(seen)) => parts.push(format!(
            "{} {v} ({})",
            w.present_in,
            para(seen.label.as_deref())
        )),
        (false, Some(v), Some(_)) => parts.push(format!("{} {v}", w.absent_from)),
        _ => {}
    }
    let (colon, semi) = match lang {
        Lang::En => (": ", "; "),
        Lang::Fr => (" : ", " ; "),
    };
    let mut out = format!("{}{colon}", lang.quote(&show_invisible(&s.term)));
    if parts.is_empty() {
        out.push_str(w.never.trim_end_matches('.'));
    } else {
        out.push_str(&parts.join(", "));
    }
    for r in s.replaced_by.iter().take(3) {
        out.push_str(&format!(
            "{semi}{} {} {} {} ({})",
            w.replaced_by,
            lang.quote(&show_invisible(&r.text)),
            w.in_,
            show_invisible(&r.version.short_id),
            para(r.version.label.as_deref())
        ));
    }
    if s.replaced_by.len() > 3 {
        out.push_str(&format!(" … (+{})", s.replaced_by.len() - 3));
    }
    out.push('.');
    out
}
