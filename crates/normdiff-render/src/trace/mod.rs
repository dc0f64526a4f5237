//! The output of `normdiff trace`: a phrase's [`History`] as a Markdown
//! monitoring update, a standalone HTML page, or JSON.
//!
//! Markdown and HTML open with one status line per term
//! (`status`), any warnings, then the timeline (date, version, the
//! version's own file, author, message, `¶ before → after`, event) and
//! each event as a redline; the HTML adds a timeline picture (inline SVG,
//! `svg`). The report's own words follow `--lang` ([`Lang`]). Document
//! text is escaped for the format, and invisible or bidirectional
//! characters are shown as `⟦U+XXXX⟧` markers, look-alike letters of a
//! replacement with their code points, as in `diff`.
//!
//! # JSON wire format (`schema_version` 1)
//!
//! The JSON is [`History`] serialized as is; `docs/json-trace.md` gives
//! every field. In short: top-level `schema_version`, `phrase`, `variants`,
//! `mode`, `fuzzy`, `summary` (one object per term), `last_version`,
//! `events` (time order; each with `kind`, `term`, `variant`, `commit`,
//! `short_id`, `date` (ISO 8601 or null), `author`, `summary`, `path`,
//! `file`, `previous_path`, `label`, `previous_label`, `count_before`,
//! `count_after`, `before`, `after`, `replaced_by`, `redline`,
//! `bracketed_before`, `bracketed_after`, `warnings`), `stats` and
//! `skipped`. Byte offsets never appear; texts are whole sentences.

mod html;
mod markdown;
mod status;
mod svg;
mod words;

pub use html::html;
pub use markdown::markdown;
pub use words::Lang;

use crate::redline::visible;
use normdiff_core::history::{Event, EventKind, History, MatchMode, Piece, PieceOp};
use normdiff_core::ChangeClass;
use std::io::{self, Write};

/// Writes `history` as pretty JSON followed by a line end.
pub fn json(history: &History, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, history)?;
    writeln!(out)
}

/// Document text made visible (invisible characters as markers), not yet
/// escaped for a format.
pub(crate) fn shown(s: &str) -> String {
    visible(s, None)
}

/// Date part of an ISO 8601 date, or `–`.
pub(crate) fn day(e: &Event) -> &str {
    e.date.as_deref().map_or("–", |d| d.get(..10).unwrap_or(d))
}

/// The event's kind as a report names it (a `changed` event that only
/// added or removed brackets around the term says so).
pub(crate) fn kind_name(e: &Event, lang: Lang) -> &'static str {
    let w = lang.words();
    match e.kind {
        EventKind::Changed if e.bracketed_after && !e.bracketed_before => w.bracketed,
        EventKind::Changed if e.bracketed_before && !e.bracketed_after => w.unbracketed,
        k => lang.kind(k),
    }
}

/// The event column: kind, variant and replacement.
pub(crate) fn what(e: &Event, lang: Lang) -> String {
    let w = lang.words();
    let mut s = kind_name(e, lang).to_owned();
    if e.variant {
        s.push_str(&format!(" ({} {})", w.variant, lang.quote(&shown(&e.term))));
    }
    if let Some(r) = &e.replaced_by {
        s.push_str(&format!(" → {}", lang.quote(&shown(r))));
    }
    if let (EventKind::Renamed, Some(p)) = (e.kind, &e.previous_path) {
        s.push_str(&format!(" ({} → {})", shown(p), shown(&e.path)));
    }
    s
}

/// The redline of an event as pieces to show: texts made visible, a
/// deletion followed by an insertion classified together so look-alike
/// letters show their code points.
pub(crate) fn shown_redline(redline: &[Piece]) -> Vec<(PieceOp, String)> {
    let mut out = Vec::with_capacity(redline.len());
    for (i, p) in redline.iter().enumerate() {
        let class = match p.op {
            PieceOp::Insert => i
                .checked_sub(1)
                .map(|j| &redline[j])
                .filter(|q| q.op == PieceOp::Delete)
                .map(|q| normdiff_core::diff::classify(&q.text, &p.text)),
            PieceOp::Delete => redline
                .get(i + 1)
                .filter(|q| q.op == PieceOp::Insert)
                .map(|q| normdiff_core::diff::classify(&p.text, &q.text)),
            PieceOp::Equal => None,
        };
        let class = class.filter(|c| *c == ChangeClass::Confusable);
        out.push((p.op, visible(&p.text, class)));
    }
    out
}

/// The walk's figures, in English or French.
pub(crate) fn stats_line(h: &History, lang: Lang) -> String {
    let s = &h.stats;
    let mode = match (h.mode, lang) {
        (MatchMode::Exact, Lang::En) => "exact",
        (MatchMode::Normalized, Lang::En) => "normalized",
        (MatchMode::Exact, Lang::Fr) => "exacte",
        (MatchMode::Normalized, Lang::Fr) => "normalisée",
    };
    let fuzzy = match (h.fuzzy, lang) {
        (0, _) => String::new(),
        (n, Lang::En) => format!(", up to {n} word edits"),
        (n, Lang::Fr) => format!(", jusqu'à {n} mots de différence"),
    };
    match lang {
        Lang::En => format!(
            "{} events; matching: {mode}{fuzzy}. Walked {} versions: {} file versions read, {} skipped ({} unchanged, {} binary, {} not UTF-8), {} parsed.",
            h.events.len(), s.commits_visited, s.blobs_read, s.blobs_skipped,
            s.blobs_unchanged, s.blobs_binary, s.blobs_not_utf8, s.versions_parsed
        ),
        Lang::Fr => format!(
            "{} événements ; comparaison {mode}{fuzzy}. {} versions parcourues : {} versions de fichiers lues, {} ignorées ({} inchangées, {} binaires, {} non UTF-8), {} analysées.",
            h.events.len(), s.commits_visited, s.blobs_read, s.blobs_skipped,
            s.blobs_unchanged, s.blobs_binary, s.blobs_not_utf8, s.versions_parsed
        ),
    }
}

/// Every event warning, numbered by event: `(event number, message)`.
pub fn warnings(h: &History) -> Vec<(usize, &str)> {
    h.events
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.warnings.iter().map(move |w| (i + 1, w.as_str())))
        .collect()
}
