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

pub mod glance;
pub mod html;
pub mod json;
pub mod markdown;
pub mod stat;
pub mod summary;
pub mod terminal;
pub mod view;

use normdiff_core::report::{show_invisible, DiffReport, Pair, Summary};
use normdiff_core::{ChangeClass, OpKind};
use std::io::{self, Write};
pub use view::{Shown, ViewOptions};

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

/// The heading of a pair, not escaped: `¶ 45 → ¶ 50 · moved · renumbered`.
/// Blocks are named by qualified label (`¶ 24 a)`), unlabelled ones by
/// index as `normdiff parse` prints it (`#12`); a missing side is `—`.
pub(crate) fn heading(pair: &Pair) -> String {
    let mut h = format!("{} · {}", view::place(pair), pair.kind.name());
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

/// `unchanged 3, modified 5, moved 1, renumbered 8`: the non-zero pair
/// counts, not escaped.
pub(crate) fn pairs_line(s: &Summary) -> String {
    let rows: Vec<String> = summary_rows(s)
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    rows.join(", ")
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
                .map(|p| format!(" ({})", view::place(p)))
                .unwrap_or_default();
            format!("{}: {}{place}", w.class.name(), w.message)
        })
        .collect()
}

/// Keeps `n` words of unchanged text around each change (`None`: all),
/// replacing what is cut with `…`.
pub(crate) fn with_context(mut pieces: Vec<Piece>, n: Option<usize>) -> Vec<Piece> {
    let Some(n) = n else { return pieces };
    let last = pieces.len().saturating_sub(1);
    for (i, p) in pieces.iter_mut().enumerate() {
        if p.kind != PieceKind::Same {
            continue;
        }
        let words: Vec<&str> = p.old.split_inclusive(char::is_whitespace).collect();
        let (head, tail) = match (i == 0, i == last) {
            (true, true) => continue,
            (true, false) => (0, n),
            (false, true) => (n, 0),
            (false, false) => (n, n),
        };
        if words.len() <= head + tail {
            continue;
        }
        let mut t: String = words[..head].concat();
        t.push('…');
        if tail > 0 {
            t.push(' ');
            t.push_str(&words[words.len() - tail..].concat());
        }
        p.old = t.clone();
        p.new = t;
    }
    pieces
}

/// The language of `text` when its script names one UN language
/// unambiguously (Arabic `ar`, Chinese `zh`, Cyrillic `ru`), for HTML
/// `lang`; `None` for Latin script (English, French or Spanish).
pub(crate) fn lang_of(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; 3];
    for c in text.chars().filter(|c| c.is_alphabetic()).take(400) {
        match c as u32 {
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => counts[0] += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => counts[1] += 1,
            0x0400..=0x04FF => counts[2] += 1,
            _ => {}
        }
    }
    let total = text.chars().filter(|c| c.is_alphabetic()).take(400).count();
    let (i, &max) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (max > 0 && max * 2 > total).then(|| ["ar", "zh", "ru"][i])
}

/// The short tag of a light class (`typo`, `ws`, `punct`, `case`).
pub(crate) fn light_tag(class: Option<ChangeClass>) -> Option<&'static str> {
    match class? {
        ChangeClass::Typography => Some("typo"),
        ChangeClass::Whitespace => Some("ws"),
        ChangeClass::Punctuation => Some("punct"),
        ChangeClass::Case => Some("case"),
        _ => None,
    }
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
