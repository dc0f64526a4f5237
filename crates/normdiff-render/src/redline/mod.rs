//! Redlines: renderers of a [`DiffReport`], one file per format behind the
//! [`Render`] trait.
//!
//! - [`markdown::Markdown`]: the default; a summary table, then one section
//!   per changed pair, inline `<del>`/`<ins>` or CriticMarkup;
//! - [`html::Html`]: one standalone offline page, inline and side-by-side;
//! - [`json::Json`]: the report itself, a versioned wire format;
//! - [`terminal::Terminal`]: plain or coloured text for a terminal.
//!
//! Renderers are pure functions of the report: they never recompute the
//! alignment or the word diff, and they show ignored changes (see
//! [`normdiff_core::report`]) as plain text of the new version. Document
//! text is always escaped for the format, and invisible characters are shown
//! as `⟦U+XXXX⟧`; in a `confusable` change every non-ASCII letter is
//! followed by its code point (`nо⟦U+043E⟧yau`); in a `typography` or
//! `whitespace` change, special spaces (NBSP...) are named the same way
//! and a change made only of spaces shows ASCII spaces as `␣`.

pub mod html;
pub mod json;
pub mod markdown;
pub mod terminal;

use normdiff_core::report::{show_invisible, DiffReport, Pair, Summary};
use normdiff_core::{ChangeClass, OpKind};
use std::io::{self, Write};

/// A renderer of diff reports.
pub trait Render {
    /// Writes `report` to `out`.
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()>;
}

/// What a piece of a redline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PieceKind {
    /// Text of both versions (including ignored changes, as in the new).
    Same,
    /// Deleted text.
    Delete,
    /// Inserted text.
    Insert,
    /// Deleted text replaced by inserted text.
    Replace,
}

/// One piece of a pair's redline, its text made visible (not escaped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub kind: PieceKind,
    /// Old text (`Same`, `Delete`, `Replace`).
    pub old: String,
    /// New text (`Same`, `Insert`, `Replace`).
    pub new: String,
    pub class: Option<ChangeClass>,
}

/// Shows invisible characters, and the code points of non-ASCII letters in
/// a confusable change.
pub(crate) fn visible(text: &str, class: Option<ChangeClass>) -> String {
    let shown = show_invisible(text);
    if matches!(
        class,
        Some(ChangeClass::Typography | ChangeClass::Whitespace)
    ) {
        // NBSP and other special spaces look like spaces: name them; a
        // change of spaces alone shows its ASCII spaces as `␣`.
        let all_space = shown.chars().all(normdiff_core::normalize::is_space);
        return shown
            .chars()
            .map(|c| {
                if all_space && c == ' ' {
                    "␣".to_owned()
                } else if normdiff_core::normalize::is_space(c) && !c.is_ascii() {
                    format!("⟦U+{:04X}⟧", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect();
    }
    if class != Some(ChangeClass::Confusable) {
        return shown;
    }
    let mut out = String::with_capacity(shown.len() + 16);
    for c in shown.chars() {
        out.push(c);
        if c.is_alphabetic() && !c.is_ascii() {
            out.push_str(&format!("⟦U+{:04X}⟧", c as u32));
        }
    }
    out
}

/// The pieces of `pair` as shown: ignored deletions dropped, ignored
/// insertions shown as plain text, a deletion followed by an insertion of
/// the same class joined into a replacement, plain text runs joined.
pub(crate) fn pieces(pair: &Pair) -> Vec<Piece> {
    pieces_of(&pair.ops)
}

/// [`pieces`] of a list of ops (a pair's, or a check finding's).
pub(crate) fn pieces_of(ops: &[normdiff_core::Op]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for op in ops {
        let kind = match op.op {
            OpKind::Equal => PieceKind::Same,
            OpKind::Delete if op.ignored => continue,
            OpKind::Insert if op.ignored => PieceKind::Same,
            OpKind::Delete => PieceKind::Delete,
            OpKind::Insert => PieceKind::Insert,
        };
        let class = if kind == PieceKind::Same {
            None
        } else {
            op.class
        };
        let text = visible(&op.text, class);
        if let Some(last) = out.last_mut() {
            if kind == PieceKind::Same && last.kind == PieceKind::Same {
                last.old.push_str(&text);
                last.new.push_str(&text);
                continue;
            }
            if kind == PieceKind::Insert && last.kind == PieceKind::Delete && last.class == class {
                last.kind = PieceKind::Replace;
                last.new = text;
                continue;
            }
        }
        let (old, new) = match kind {
            PieceKind::Same => (text.clone(), text),
            PieceKind::Delete => (text, String::new()),
            _ => (String::new(), text),
        };
        out.push(Piece {
            kind,
            old,
            new,
            class,
        });
    }
    out
}

fn side_labels(labels: &[Option<String>], idx: &[usize]) -> String {
    if idx.is_empty() {
        return "—".to_owned();
    }
    let names: Vec<String> = labels
        .iter()
        .zip(idx)
        .map(|(l, i)| match l {
            Some(l) => format!("¶ {l}"),
            None => format!("#{}", i + 1),
        })
        .collect();
    names.join(" + ")
}

/// The heading of a pair, not escaped: `¶ 45 → ¶ 50 · moved · renumbered`.
/// Unlabelled blocks are named by position (`#12`, 1-based); a missing side
/// is `—`.
pub(crate) fn heading(pair: &Pair) -> String {
    let mut h = format!(
        "{} → {} · {}",
        side_labels(&pair.old_labels, &pair.old),
        side_labels(&pair.new_labels, &pair.new),
        pair.kind.name()
    );
    if pair.renumbered {
        h.push_str(" · renumbered");
    }
    h
}

/// The rows of the summary table: each pair kind, then `renumbered`.
pub(crate) fn summary_rows(s: &Summary) -> Vec<(&'static str, usize)> {
    let mut rows: Vec<(&'static str, usize)> = normdiff_core::align::LinkKind::ALL
        .iter()
        .map(|&k| (k.name(), s.kinds.get(k)))
        .collect();
    rows.push(("renumbered", s.renumbered));
    rows
}

/// One line about changes per class, not escaped:
/// `changes: substantive 12, typography 3 · ignored: case 2`, or `None`
/// when there are none.
pub(crate) fn changes_line(s: &Summary) -> Option<String> {
    let list = |m: &std::collections::BTreeMap<ChangeClass, usize>| -> String {
        let v: Vec<String> = m.iter().map(|(c, n)| format!("{} {n}", c.name())).collect();
        v.join(", ")
    };
    let mut parts = Vec::new();
    if !s.changes.is_empty() {
        parts.push(format!("changes: {}", list(&s.changes)));
    }
    if !s.ignored_changes.is_empty() {
        parts.push(format!("ignored: {}", list(&s.ignored_changes)));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The warning lines, not escaped: `invisible: ... (¶ 5 → ¶ 5)`.
pub(crate) fn warning_lines(report: &DiffReport) -> Vec<String> {
    report
        .summary
        .warnings
        .iter()
        .map(|w| {
            let place = report
                .pairs
                .get(w.pair)
                .map(|p| {
                    format!(
                        " ({} → {})",
                        side_labels(&p.old_labels, &p.old),
                        side_labels(&p.new_labels, &p.new)
                    )
                })
                .unwrap_or_default();
            format!("{}: {}{place}", w.class.name(), w.message)
        })
        .collect()
}

/// The pairs to show: those that differ.
pub(crate) fn shown_pairs(report: &DiffReport) -> impl Iterator<Item = &Pair> {
    report.pairs.iter().filter(|p| p.differs())
}

/// The title line, not escaped: `old.txt → new.txt` or `Redline`.
pub(crate) fn title(report: &DiffReport) -> String {
    match (&report.old_name, &report.new_name) {
        (Some(o), Some(n)) => format!("{o} → {n}"),
        _ => "Redline".to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod testing;
