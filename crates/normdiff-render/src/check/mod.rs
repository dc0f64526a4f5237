//! Check reports (`normdiff check`): one file per format, each a pure
//! function of a finished [`CheckReport`] writing to the writer it is
//! handed.
//!
//! - [`text`]: plain text for terminals and logs;
//! - [`markdown`]: a pull-request comment, summary table first;
//! - [`json`]: the report itself, a versioned wire format;
//! - [`github`]: GitHub Actions workflow commands (`::error file=…,line=…::…`)
//!   pointing at the line in the head version.
//!
//! Redlines reuse the diff renderers' pieces: invisible characters shown
//! as `⟦U+XXXX⟧`, look-alike letters followed by their code point.

pub mod github;
pub mod json;
pub mod markdown;
pub mod text;

use crate::redline::{pieces_of, PieceKind};
use normdiff_core::check::{
    CheckReport, EntryKind, EntryResult, Finding, Location, Status, Verdict,
};
use std::io::{self, Write};

/// A renderer of check reports.
pub trait RenderCheck {
    /// Writes `report` to `out`.
    fn render(&self, report: &CheckReport, out: &mut dyn Write) -> io::Result<()>;
}

/// `report.md ¶ 2 (line 3)` or `report.md line 3`, not escaped.
pub(crate) fn place(loc: &Location) -> String {
    match &loc.label {
        Some(l) => format!("{} ¶ {l} (line {})", loc.path, loc.line),
        None => format!("{} line {}", loc.path, loc.line),
    }
}

/// One sentence saying what a finding is, not escaped:
/// `“noyau public de l'Internet” removed from report.md ¶ 2 (line 3), replaced by “…”`.
pub(crate) fn describe(e: &EntryResult, f: &Finding) -> String {
    let mut s = match e.kind {
        EntryKind::Watch => format!("“{}” {}", visible(&f.term), f.status.name()),
        EntryKind::Protect => format!("protected paragraph {}", f.status.name()),
    };
    let at = place(&f.location);
    let side = if f.side == "base" { " (base)" } else { "" };
    match f.status {
        Status::Removed => s.push_str(&format!(" from {at}{side}")),
        Status::Renamed => s.push_str(&format!(
            ": {} → {}",
            f.previous_path.as_deref().unwrap_or("?"),
            f.location.path
        )),
        Status::Renumbered | Status::Moved => {
            s.push_str(&format!(" to {at}"));
            if let Some(p) = &f.previous_label {
                s.push_str(&format!(" (was ¶ {p})"));
            }
        }
        _ => s.push_str(&format!(" at {at}{side}")),
    }
    if f.variant {
        s.push_str(" [variant]");
    }
    if let Some(r) = &f.replaced_by {
        s.push_str(&format!(", replaced by “{}”", visible(r)));
    }
    if !f.classes.is_empty() {
        let names: Vec<&str> = f.classes.iter().map(|c| c.name()).collect();
        s.push_str(&format!(" ({})", names.join(", ")));
    }
    s
}

/// Invisible characters of `s` made visible.
pub(crate) fn visible(s: &str) -> String {
    normdiff_core::report::show_invisible(s)
}

/// The redline of a finding with `mark(kind, old, new)` writing each
/// changed piece and `esc` escaping text; `None` without ops.
pub(crate) fn redline(
    f: &Finding,
    esc: &dyn Fn(&str) -> String,
    mark: &dyn Fn(PieceKind, &str, &str) -> String,
) -> Option<String> {
    if f.ops.is_empty() {
        return None;
    }
    let mut line = String::new();
    for p in pieces_of(&f.ops) {
        let (old, new) = (esc(&p.old), esc(&p.new));
        match p.kind {
            PieceKind::Same => line.push_str(&old),
            k => line.push_str(&mark(k, &old, &new)),
        }
    }
    Some(line.trim().to_owned())
}

/// `[-old-]{+new+}` marks, for plain text and workflow commands.
pub(crate) fn plain_mark(kind: PieceKind, old: &str, new: &str) -> String {
    match kind {
        PieceKind::Same => old.to_owned(),
        PieceKind::Delete => format!("[-{old}-]"),
        PieceKind::Insert => format!("{{+{new}+}}"),
        PieceKind::Replace => format!("[-{old}-]{{+{new}+}}"),
    }
}

/// One line about an entry, not escaped: `public-core · removed · fail`.
pub(crate) fn entry_line(e: &EntryResult) -> String {
    let mut s = format!("{} · {} · {}", e.id, e.status.name(), e.verdict.name());
    if e.suspicious {
        s.push_str(" · invisible or look-alike characters");
    }
    s
}

/// `3 entries: 1 failed, 1 warning, 1 passed`.
pub(crate) fn totals(r: &CheckReport) -> String {
    let s = &r.summary;
    format!(
        "{} {}: {} failed, {} warned, {} passed",
        s.entries,
        if s.entries == 1 { "entry" } else { "entries" },
        s.failures,
        s.warnings,
        s.passed
    )
}

/// The word for a verdict in headings.
pub(crate) fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "PASS",
        Verdict::Warn => "WARN",
        Verdict::Fail => "FAIL",
    }
}

#[cfg(test)]
pub(crate) mod testing;
