//! Changes at a glance: the list every format opens with, and all that
//! `--format summary` prints.
//!
//! One line per changed pair in reading order, named by qualified labels,
//! with the gist of the change (`¶ 13 → ¶ 18: “au niveau national” →
//! “à l'échelle nationale”`, `¶ 24 a) deleted`, `¶ 31 moved to ¶ 66
//! (after ¶ 65), 2 words changed`, `¶ 20 split into ¶ 25 and ¶ 26`); then
//! the deleted, inserted, moved, split and merged paragraphs by number, the
//! count of renumber-only pairs, and one line per collapsed run of front
//! matter or annex. Lines are plain text, not escaped: each renderer
//! escapes them for its format.

use super::view::{para, place, run_line, runs, side_names, Shown, ViewOptions};
use super::{pieces, PieceKind};
use normdiff_core::align::LinkKind;
use normdiff_core::report::{DiffReport, Pair};
use normdiff_core::ChangeClass;

/// One line of the glance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The pair it names (index into [`DiffReport::pairs`]).
    pub pair: usize,
    /// The line, not escaped.
    pub text: String,
    /// Only typography, whitespace, punctuation or case changes.
    pub light: bool,
}

/// Changes at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Glance {
    /// One line per changed pair, in reading order.
    pub lines: Vec<Line>,
    /// `Deleted: ¶ 24 a), ¶ 88`-style lists: (title, names), non-empty only.
    pub lists: Vec<(&'static str, Vec<String>)>,
    /// `125 pairs renumbered only`, or `None`.
    pub renumbered: Option<String>,
    /// One line per collapsed run of front matter or annex.
    pub runs: Vec<String>,
}

/// Is `class` one of the light classes (shown lighter than substantive)?
pub fn is_light(class: Option<ChangeClass>) -> bool {
    matches!(
        class,
        Some(
            ChangeClass::Typography
                | ChangeClass::Whitespace
                | ChangeClass::Punctuation
                | ChangeClass::Case
        )
    )
}

fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let t: String = s.chars().take(max).collect();
        format!("{}…", t.trim_end())
    }
}

fn words(s: &str) -> usize {
    s.split_whitespace()
        .count()
        .max(usize::from(!s.trim().is_empty()))
}

/// Is `class` one that is always shown loud (invisible, confusable)?
fn is_loud(class: Option<ChangeClass>) -> bool {
    matches!(
        class,
        Some(ChangeClass::Invisible | ChangeClass::Confusable)
    )
}

/// The changes of a pair: (gist of the first, count, words changed, all light).
fn changes(pair: &Pair) -> (Option<String>, usize, usize, bool) {
    let mut first = None;
    let (mut n, mut w, mut light) = (0, 0, true);
    let loud = pair.ops.iter().any(|o| !o.ignored && is_loud(o.class));
    for p in pieces(pair) {
        let gist = match p.kind {
            PieceKind::Same => continue,
            PieceKind::Replace => format!("“{}” → “{}”", clip(&p.old, 40), clip(&p.new, 40)),
            PieceKind::Delete => format!("“{}” deleted", clip(&p.old, 50)),
            PieceKind::Insert => format!("“{}” added", clip(&p.new, 50)),
        };
        n += 1;
        w += words(&p.old).max(words(&p.new));
        light &= is_light(p.class);
        if first.is_none() {
            let tag = if is_light(p.class) {
                format!(" ({})", p.class.map_or("", ChangeClass::name))
            } else {
                String::new()
            };
            let warn = if loud { "⚠ " } else { "" };
            first = Some(format!("{warn}{gist}{tag}"));
        }
    }
    (first, n, w, light && n > 0)
}

/// `, 2 words changed` for a pair whose text changed, else empty.
fn words_changed(pair: &Pair) -> String {
    let (_, n, w, _) = changes(pair);
    match (n, w) {
        (0, _) => String::new(),
        (_, 1) => ", 1 word changed".to_owned(),
        (_, w) => format!(", {w} words changed"),
    }
}

/// The new-side name of the pair before `i` that has one: `after ¶ 41`.
fn after(report: &DiffReport, i: usize) -> String {
    report.pairs[..i]
        .iter()
        .rev()
        .find_map(|p| p.new_names.last())
        .map_or_else(
            || "at the start".to_owned(),
            |n| format!("after {}", para(n)),
        )
}

fn and_list(names: &[String]) -> String {
    let v: Vec<String> = names.iter().map(|n| para(n)).collect();
    match v.as_slice() {
        [] => "—".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The glance line of changed pair `i`, or `None` for a pair with nothing
/// to say (unchanged, renumber-only).
pub fn line(report: &DiffReport, i: usize) -> Option<Line> {
    let pair = &report.pairs[i];
    let (gist, n, _, light) = changes(pair);
    let more = match n {
        0 | 1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    let text = match pair.kind {
        LinkKind::Unchanged => return None,
        LinkKind::Modified => format!("{}: {}{more}", place(pair), gist.unwrap_or_default()),
        LinkKind::Deleted => format!(
            "{} deleted{}: “{}”",
            side_names(&pair.old_names),
            same_label(report, pair, "inserted"),
            clip(&super::visible(&side_text(pair, true), None), 60)
        ),
        LinkKind::Inserted => format!(
            "{} inserted{}: “{}”",
            side_names(&pair.new_names),
            same_label(report, pair, "deleted"),
            clip(&super::visible(&side_text(pair, false), None), 60)
        ),
        LinkKind::Moved => format!(
            "{} moved to {} ({}){}",
            side_names(&pair.old_names),
            side_names(&pair.new_names),
            after(report, i),
            words_changed(pair)
        ),
        LinkKind::Split => format!(
            "{} split into {}{}",
            side_names(&pair.old_names),
            and_list(&pair.new_names),
            words_changed(pair)
        ),
        LinkKind::Merged => format!(
            "{} merged into {}{}",
            and_list(&pair.old_names),
            side_names(&pair.new_names),
            words_changed(pair)
        ),
    };
    Some(Line {
        pair: i,
        text,
        light: light && pair.kind == LinkKind::Modified,
    })
}

/// ` (same label as deleted ¶ 2)` for a block replaced wholesale under
/// its number ([`Pair::same_label`]), empty otherwise.
fn same_label(report: &DiffReport, pair: &Pair, other_kind: &str) -> String {
    let Some(other) = pair.same_label.and_then(|k| report.pairs.get(k)) else {
        return String::new();
    };
    let names = if other.old.is_empty() {
        &other.new_names
    } else {
        &other.old_names
    };
    format!(" (same label as {other_kind} {})", side_names(names))
}

fn side_text(pair: &Pair, old: bool) -> String {
    let side = if old {
        normdiff_core::OpKind::Delete
    } else {
        normdiff_core::OpKind::Insert
    };
    normdiff_core::diff::side_text(&pair.ops, side)
}

/// The glance of `report` under `opts` (kinds hidden by `--hide` are left
/// out; collapsed runs are one line each).
pub fn glance(report: &DiffReport, opts: &ViewOptions) -> Glance {
    let runs = if opts.full { Vec::new() } else { runs(report) };
    let in_run = |i: usize| runs.iter().any(|r| (r.1..=r.2).contains(&i));
    let mut g = Glance::default();
    let mut lists: [(&'static str, Vec<String>); 5] = [
        ("Deleted", Vec::new()),
        ("Inserted", Vec::new()),
        ("Moved", Vec::new()),
        ("Split", Vec::new()),
        ("Merged", Vec::new()),
    ];
    let mut renumbered = 0;
    for (i, pair) in report.pairs.iter().enumerate() {
        let shown = Shown::of(pair);
        if !opts.shown.contains(&shown) || in_run(i) {
            continue;
        }
        renumbered += usize::from(shown == Shown::Renumbered);
        let slot = match pair.kind {
            LinkKind::Deleted => Some((0, side_names(&pair.old_names))),
            LinkKind::Inserted => Some((1, side_names(&pair.new_names))),
            LinkKind::Moved | LinkKind::Split | LinkKind::Merged => {
                let k = match pair.kind {
                    LinkKind::Moved => 2,
                    LinkKind::Split => 3,
                    _ => 4,
                };
                Some((k, place(pair)))
            }
            _ => None,
        };
        if let Some((k, name)) = slot {
            lists[k].1.push(name);
        }
        g.lines.extend(line(report, i));
    }
    g.lists = lists.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    g.renumbered = (renumbered > 0).then(|| match renumbered {
        1 => "1 pair renumbered only (no text change)".to_owned(),
        n => format!("{n} pairs renumbered only (no text change)"),
    });
    g.runs = runs
        .iter()
        .filter(|r| opts.shown.contains(&Shown::of(&report.pairs[r.1])))
        .map(|&(k, a, b, front)| run_line(report, k, a, b, front))
        .collect();
    g
}

impl Glance {
    /// The glance as plain text lines (the `--format summary` output and
    /// the base of every format's list): changed pairs as `- …` items,
    /// then the lists and counts.
    pub fn text_lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.lines.iter().map(|l| format!("- {}", l.text)).collect();
        if self.lines.is_empty() {
            out.push("No changes shown.".to_owned());
        }
        out.push(String::new());
        out.extend(self.tail_lines());
        out
    }

    /// The lists, the renumbered count and the collapsed runs, one line
    /// each.
    pub fn tail_lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .lists
            .iter()
            .map(|(t, v)| format!("{t} ({}): {}", v.len(), v.join(", ")))
            .collect();
        out.extend(self.renumbered.clone());
        out.extend(
            self.runs
                .iter()
                .map(|r| format!("{}{}", r[..1].to_uppercase(), &r[1..])),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::report;

    #[test]
    fn lines_name_pairs_and_give_the_gist() {
        let r = report(
            "1. Au niveau national, les États agissent.\n\n2. Texte supprimé ici.\n\n3. L’Internet.\n",
            "1. À l'échelle nationale, les États agissent.\n\n2. L'Internet.\n",
            &[],
        );
        let g = glance(&r, &ViewOptions::default());
        let text = g.text_lines().join("\n");
        assert!(
            text.contains("- ¶ 1: “Au niveau national” → “À l'échelle nationale”"),
            "{text}"
        );
        assert!(text.contains("¶ 2 deleted"), "{text}");
        assert!(
            text.contains("¶ 3 → ¶ 2: “L’” → “L'” (typography)"),
            "{text}"
        );
        assert!(text.contains("Deleted (1): ¶ 2"), "{text}");
        assert!(g.lines.iter().any(|l| l.light));
    }
}
