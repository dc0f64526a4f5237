//! What a redline shows, decided once for every format: which pairs are
//! shown in full, which as one line, which runs of front matter or annex
//! collapse, and where a moved paragraph's old place is marked.
//!
//! A pair's [`Shown`] kind is its [`LinkKind`], except that an unchanged
//! pair whose label changed is [`Shown::Renumbered`]. `--only`/`--hide`
//! choose kinds ([`ViewOptions::shown`]); by default every kind but
//! `unchanged` is shown. A renumber-only pair is one line, never its text.
//!
//! Front matter and annexes: a run of two or more inserted (or deleted)
//! pairs before the first or after the last aligned pair of labelled
//! paragraphs has no counterpart to compare with; it collapses into one
//! line with a count ([`Item::Run`]) unless [`ViewOptions::full`].

use normdiff_core::align::LinkKind;
use normdiff_core::report::{DiffReport, Pair};
use std::collections::BTreeSet;

/// The kind a pair is shown as (`--only`, `--hide`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shown {
    /// No change, same label.
    Unchanged,
    /// No text change, label changed.
    Renumbered,
    /// Text changed in place.
    Modified,
    /// Out of document order.
    Moved,
    /// One block became two.
    Split,
    /// Two blocks became one.
    Merged,
    /// Only in the new text.
    Inserted,
    /// Only in the old text.
    Deleted,
}

impl Shown {
    /// Every kind, in the order of `--help`.
    pub const ALL: [Shown; 8] = [
        Shown::Unchanged,
        Shown::Renumbered,
        Shown::Modified,
        Shown::Moved,
        Shown::Split,
        Shown::Merged,
        Shown::Inserted,
        Shown::Deleted,
    ];

    /// The kind of `pair`.
    pub fn of(pair: &Pair) -> Shown {
        match pair.kind {
            LinkKind::Unchanged if pair.renumbered => Shown::Renumbered,
            LinkKind::Unchanged => Shown::Unchanged,
            LinkKind::Modified => Shown::Modified,
            LinkKind::Moved => Shown::Moved,
            LinkKind::Split => Shown::Split,
            LinkKind::Merged => Shown::Merged,
            LinkKind::Inserted => Shown::Inserted,
            LinkKind::Deleted => Shown::Deleted,
        }
    }
}

/// What to show (`--only`, `--hide`, `--context`, `--full`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewOptions {
    /// The kinds shown.
    pub shown: BTreeSet<Shown>,
    /// Words of unchanged text kept around each change (`None`: the whole
    /// paragraph).
    pub context: Option<usize>,
    /// Show everything in full: no collapsed runs, renumber-only pairs
    /// with their text.
    pub full: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            shown: Shown::ALL
                .iter()
                .copied()
                .filter(|&k| k != Shown::Unchanged)
                .collect(),
            context: None,
            full: false,
        }
    }
}

/// One item of a redline, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A pair shown in full (index into [`DiffReport::pairs`]).
    Pair(usize),
    /// A renumber-only pair, one line.
    Renumbered(usize),
    /// The old place of moved pair `.0`, one line.
    MovedFrom(usize),
    /// A collapsed run of inserted or deleted pairs (first, last index).
    Run {
        /// [`LinkKind::Inserted`] or [`LinkKind::Deleted`].
        kind: LinkKind,
        /// First pair of the run.
        first: usize,
        /// Last pair of the run (inclusive).
        last: usize,
        /// Before the first aligned paragraph (front matter), or after
        /// the last (annex).
        front: bool,
    },
}

/// Is `pair` an aligned pair of labelled paragraphs on both sides?
fn anchors(pair: &Pair) -> bool {
    !pair.old.is_empty()
        && !pair.new.is_empty()
        && pair
            .old_labels
            .iter()
            .chain(&pair.new_labels)
            .all(Option::is_some)
}

/// The runs to collapse: (kind, first, last, front), in order.
pub(crate) fn runs(report: &DiffReport) -> Vec<(LinkKind, usize, usize, bool)> {
    let pairs = &report.pairs;
    let (Some(first), Some(last)) = (
        pairs.iter().position(anchors),
        pairs.iter().rposition(anchors),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let kind = pairs[i].kind;
        let edge = i < first || i > last;
        if !edge || !matches!(kind, LinkKind::Inserted | LinkKind::Deleted) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < pairs.len() && pairs[j + 1].kind == kind && (j + 1 < first || j + 1 > last) {
            j += 1;
        }
        if j > i {
            out.push((kind, i, j, i < first));
        }
        i = j + 1;
    }
    out
}

/// The pair after which the old place of moved pair `m` is marked: the
/// pair holding the old block just before it.
fn old_place(report: &DiffReport, m: usize) -> Option<usize> {
    let first = *report.pairs[m].old.first()?;
    let before = first.checked_sub(1)?;
    report.pairs.iter().position(|p| p.old.contains(&before))
}

/// The items of `report` under `opts`, in reading order.
pub fn items(report: &DiffReport, opts: &ViewOptions) -> Vec<Item> {
    let runs = if opts.full { Vec::new() } else { runs(report) };
    let mut moved_after: Vec<Vec<usize>> = vec![Vec::new(); report.pairs.len()];
    let mut moved_first = Vec::new();
    for (m, p) in report.pairs.iter().enumerate() {
        if p.kind == LinkKind::Moved && opts.shown.contains(&Shown::Moved) {
            match old_place(report, m) {
                Some(at) if at != m => moved_after[at].push(m),
                Some(_) => {}
                None => moved_first.push(m),
            }
        }
    }
    let mut out: Vec<Item> = moved_first.into_iter().map(Item::MovedFrom).collect();
    let mut i = 0;
    while i < report.pairs.len() {
        if let Some(&(kind, first, last, front)) = runs.iter().find(|r| r.1 == i) {
            if opts.shown.contains(&Shown::of(&report.pairs[i])) {
                out.push(Item::Run {
                    kind,
                    first,
                    last,
                    front,
                });
            }
            i = last + 1;
            continue;
        }
        let shown = Shown::of(&report.pairs[i]);
        if opts.shown.contains(&shown) {
            out.push(match shown {
                Shown::Renumbered if !opts.full => Item::Renumbered(i),
                _ => Item::Pair(i),
            });
        }
        out.extend(moved_after[i].iter().map(|&m| Item::MovedFrom(m)));
        i += 1;
    }
    out
}

/// A side's qualified names as a reader sees them: `¶ 24 a)`, `#12`,
/// joined with ` + `; `—` for a missing side.
pub(crate) fn side_names(names: &[String]) -> String {
    if names.is_empty() {
        return "—".to_owned();
    }
    let v: Vec<String> = names.iter().map(|n| para(n)).collect();
    v.join(" + ")
}

/// `¶ 24 a)` for a label, `#12` unchanged for an unlabelled block.
pub(crate) fn para(name: &str) -> String {
    if name.starts_with('#') {
        name.to_owned()
    } else {
        format!("¶ {name}")
    }
}

/// `¶ 4 → ¶ 7` (or `¶ 4` when both sides read the same).
pub(crate) fn place(pair: &Pair) -> String {
    let (o, n) = (side_names(&pair.old_names), side_names(&pair.new_names));
    if o == n {
        o
    } else {
        format!("{o} → {n}")
    }
}

/// The one line of a collapsed run, not escaped:
/// `front matter: 33 blocks only in the new text (#8–#40)`.
pub(crate) fn run_line(
    report: &DiffReport,
    kind: LinkKind,
    first: usize,
    last: usize,
    front: bool,
) -> String {
    let (a, b) = (&report.pairs[first], &report.pairs[last]);
    let (side, from, to) = if kind == LinkKind::Inserted {
        ("new", &a.new_names, &b.new_names)
    } else {
        ("old", &a.old_names, &b.old_names)
    };
    let name = |v: &Vec<String>| v.first().map(|n| para(n)).unwrap_or_default();
    format!(
        "{}: {} blocks only in the {side} text ({}–{}), collapsed",
        if front { "front matter" } else { "annex" },
        last - first + 1,
        name(from),
        name(to),
    )
}

/// The text of a one-line item (renumber-only pair, old place of a moved
/// pair, collapsed run), not escaped; `None` for a pair shown in full.
pub(crate) fn one_line(report: &DiffReport, item: &Item) -> Option<String> {
    Some(match *item {
        Item::Pair(_) => return None,
        Item::Renumbered(i) => format!("{} · renumbered only", place(&report.pairs[i])),
        Item::MovedFrom(i) => format!("{} (old place)", moved_from_line(&report.pairs[i])),
        Item::Run {
            kind,
            first,
            last,
            front,
        } => run_line(report, kind, first, last, front),
    })
}

/// The one line of a moved pair's old place, not escaped:
/// `¶ 31 moved to ¶ 66 (below)`.
pub(crate) fn moved_from_line(pair: &Pair) -> String {
    format!(
        "{} moved to {}",
        side_names(&pair.old_names),
        side_names(&pair.new_names)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::report;

    #[test]
    fn renumber_only_pairs_are_one_line_and_unchanged_hidden() {
        let r = report(
            "1. Un.\n\n2. Deux.\n\n3. Trois.\n",
            "1. Un.\n\n2. Nouveau.\n\n3. Deux.\n\n4. Trois.\n",
            &[],
        );
        let it = items(&r, &ViewOptions::default());
        assert!(it.iter().all(|i| !matches!(i, Item::Pair(0))), "{it:?}");
        assert!(it.contains(&Item::Renumbered(2)), "{it:?}");
        let full = ViewOptions {
            full: true,
            ..ViewOptions::default()
        };
        assert!(items(&r, &full).contains(&Item::Pair(2)));
    }

    #[test]
    fn front_matter_collapses_into_one_run() {
        let r = report(
            "1. Un texte.\n\n2. Deux textes.\n",
            "Titre\n\nDistr. générale\n\nRésumé\n\n1. Un texte.\n\n2. Deux textes.\n\nAnnexe\n\nListe\n",
            &[],
        );
        let it = items(&r, &ViewOptions::default());
        let runs: Vec<_> = it
            .iter()
            .filter(|i| matches!(i, Item::Run { .. }))
            .collect();
        assert_eq!(runs.len(), 2, "{it:?}");
        assert!(matches!(
            runs[0],
            Item::Run {
                first: 0,
                last: 2,
                front: true,
                ..
            }
        ));
        assert!(matches!(runs[1], Item::Run { front: false, .. }));
    }

    #[test]
    fn moved_pairs_mark_their_old_place() {
        let r = report(
            "1. Alpha alpha alpha.\n\n2. Beta beta beta.\n\n3. Gamma gamma gamma.\n\n4. Delta delta delta.\n",
            "1. Beta beta beta.\n\n2. Gamma gamma gamma.\n\n3. Delta delta delta.\n\n4. Alpha alpha alpha.\n",
            &[],
        );
        let it = items(&r, &ViewOptions::default());
        assert!(it.iter().any(|i| matches!(i, Item::MovedFrom(_))), "{it:?}");
    }
}
