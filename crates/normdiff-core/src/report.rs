//! The diff report: everything a renderer shows about two drafts, decided
//! here once.
//!
//! [`build_report`] takes the two documents, their [`Alignment`] and the
//! [`ReportOptions`], word-diffs every pair ([`crate::diff::diff_text`]) and
//! returns a [`DiffReport`]: the pairs in reading order (new-document order,
//! deletions where they stood), each with its ops, and a [`Summary`]
//! (counts per kind, renumbered blocks, changes per class, warnings).
//!
//! Ignored classes (`--ignore typography,case,...`) are applied here, never
//! in renderers: their ops are kept (both texts stay rebuildable) but marked
//! [`Op::ignored`], they do not count as differences, and a pair left with
//! no visible change is reported `unchanged` rather than `modified`.
//! Invisible and confusable changes cannot be ignored.
//!
//! The text of a pair side is its blocks' texts joined by a blank line
//! (`"\n\n"`), so a split shows as a space turned into a paragraph break.

use crate::align::{Alignment, LinkKind};
use crate::diff::{diff_text, label_ops, ChangeClass, DiffOptions, Op, OpKind};
use crate::inspect::is_mixed_script;
use crate::model::Document;
use crate::normalize::{has_invisible, is_invisible};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Version of the report's JSON schema (`docs/json-diff.md`).
pub const SCHEMA_VERSION: u32 = 1;

/// Separator between the texts of the blocks on one side of a pair.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// Options of [`build_report`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Classes to hide. Only [`ChangeClass::is_ignorable`] classes are
    /// honoured; others are silently kept.
    pub ignore: BTreeSet<ChangeClass>,
    /// Word-diff options.
    pub diff: DiffOptions,
}

/// Counts of pairs per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    /// Pairs with no visible change.
    pub unchanged: usize,
    /// Pairs in place with visible word changes.
    pub modified: usize,
    /// Pairs out of document order.
    pub moved: usize,
    /// One old block became two.
    pub split: usize,
    /// Two old blocks became one.
    pub merged: usize,
    /// Blocks only in the new document.
    pub inserted: usize,
    /// Blocks only in the old document.
    pub deleted: usize,
}

impl KindCounts {
    /// The count for `kind`.
    pub fn get(&self, kind: LinkKind) -> usize {
        match kind {
            LinkKind::Unchanged => self.unchanged,
            LinkKind::Modified => self.modified,
            LinkKind::Moved => self.moved,
            LinkKind::Split => self.split,
            LinkKind::Merged => self.merged,
            LinkKind::Inserted => self.inserted,
            LinkKind::Deleted => self.deleted,
        }
    }

    fn bump(&mut self, kind: LinkKind) {
        let c = match kind {
            LinkKind::Unchanged => &mut self.unchanged,
            LinkKind::Modified => &mut self.modified,
            LinkKind::Moved => &mut self.moved,
            LinkKind::Split => &mut self.split,
            LinkKind::Merged => &mut self.merged,
            LinkKind::Inserted => &mut self.inserted,
            LinkKind::Deleted => &mut self.deleted,
        };
        *c += 1;
    }
}

/// A warning about a change a reader could miss: an invisible character or
/// a look-alike from another script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `invisible` or `confusable`.
    pub class: ChangeClass,
    /// Index of the pair in [`DiffReport::pairs`].
    pub pair: usize,
    /// What was found, e.g. `invisible U+200B inserted in “noy⟦U+200B⟧au”`
    /// (invisible characters written as `⟦U+XXXX⟧`).
    pub message: String,
}

/// The summary of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Pairs per kind.
    #[serde(flatten)]
    pub kinds: KindCounts,
    /// Pairs whose label changed (18 → 21); counted apart from text changes.
    pub renumbered: usize,
    /// Visible changes per class (a replacement counts once).
    pub changes: BTreeMap<ChangeClass, usize>,
    /// Changes hidden by `--ignore`, per class.
    pub ignored_changes: BTreeMap<ChangeClass, usize>,
    /// The classes hidden by `--ignore`.
    pub ignored: Vec<ChangeClass>,
    /// Pairs whose word diff reached its deadline (a coarser diff).
    pub deadline_hits: usize,
    /// Do the documents differ (any visible change, renumbering, move,
    /// split, merge, insertion or deletion)? This is the exit status.
    pub differences: bool,
    /// Invisible and confusable changes, always reported.
    pub warnings: Vec<Warning>,
}

/// One aligned pair of blocks and its word diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// What happened: `unchanged`, `modified`, `moved`, `split`, `merged`,
    /// `inserted`, `deleted`.
    pub kind: LinkKind,
    /// Old block indexes (as printed by `normdiff parse`), 0–2.
    pub old: Vec<usize>,
    /// New block indexes, 0–2.
    pub new: Vec<usize>,
    /// Labels of the old blocks as printed (`"18"`, `"13 a)"`), or null.
    pub old_labels: Vec<Option<String>>,
    /// Labels of the new blocks, or null.
    pub new_labels: Vec<Option<String>>,
    /// Qualified names of the old blocks, as every report prints them: the
    /// label with its enclosing paragraph's (`"24 a)"` for sub-paragraph
    /// `a)` of paragraph 24), or `#N` for an unlabelled block, `N` being
    /// its index as `normdiff parse` prints it (0-based).
    pub old_names: Vec<String>,
    /// Qualified names of the new blocks.
    pub new_names: Vec<String>,
    /// Similarity of the two sides, 0 to 1 (from the aligner).
    pub similarity: f64,
    /// The label changed (18 → 21). Never a text change.
    pub renumbered: bool,
    /// Does the pair carry a visible (not ignored) word change?
    pub changed: bool,
    /// The word diff: `equal` + `delete` texts give the old side's text,
    /// `equal` + `insert` the new side's (blocks joined by a blank line),
    /// after the first `label_ops` ops.
    pub ops: Vec<Op>,
    /// How many ops at the start of `ops` diff the printed labels rather
    /// than the texts: a label rewritten with other characters under the
    /// same number (`13` → `１３`, Latin `a` → Cyrillic `а`). Omitted from
    /// the JSON when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub label_ops: usize,
    /// For a deleted block replaced, between the same two paired blocks, by
    /// an inserted block with the same number (a clause rewritten wholesale
    /// under its label), the index in [`DiffReport::pairs`] of the other
    /// one; likewise for that inserted block. `None` otherwise (omitted
    /// from the JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_label: Option<usize>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Pair {
    /// Is there anything to show for this pair: a visible change, a label
    /// change, or a kind other than `unchanged`?
    pub fn differs(&self) -> bool {
        self.changed || self.renumbered || self.kind != LinkKind::Unchanged
    }
}

/// The diff report of two documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// A name for the old document (a path, `REV:path`), set by the caller;
    /// `None` from [`build_report`].
    pub old_name: Option<String>,
    /// A name for the new document, set by the caller.
    pub new_name: Option<String>,
    /// Counts, ignored classes, warnings, and whether the documents differ.
    pub summary: Summary,
    /// Every pair, in reading order (new-document order, deletions where
    /// they stood).
    pub pairs: Vec<Pair>,
}

/// The text of blocks `idx` of `doc` (one side of a link), joined by
/// [`BLOCK_SEPARATOR`]; missing blocks count as empty.
fn link_text<'a>(doc: &'a Document, idx: &[usize]) -> Cow<'a, str> {
    let mut texts = idx
        .iter()
        .filter_map(|&i| doc.blocks.get(i).map(|b| b.text.as_str()));
    // Most links have one block on a side: its text, not a copy.
    match (idx.len(), texts.next()) {
        (1, Some(t)) => Cow::Borrowed(t),
        (_, None) => Cow::Borrowed(""),
        (_, Some(first)) => {
            let mut joined = first.to_owned();
            for t in texts {
                joined.push_str(BLOCK_SEPARATOR);
                joined.push_str(t);
            }
            Cow::Owned(joined)
        }
    }
}

fn labels(doc: &Document, idx: &[usize]) -> Vec<Option<String>> {
    idx.iter()
        .map(|&i| doc.blocks.get(i).and_then(|b| b.label.clone()))
        .collect()
}

/// The qualified name of block `index` of `doc`: its label preceded by the
/// labels of its enclosing blocks (`"24 a)"`, `"13 a) i)"`), or `#N` (the
/// 0-based index, as `normdiff parse` prints it) for an unlabelled block.
/// A label that already starts with its parent's (`"13 a)"` under `"13"`)
/// is not repeated.
pub fn qualified_name(doc: &Document, index: usize) -> String {
    let Some(label) = doc.blocks.get(index).and_then(|b| b.label.as_deref()) else {
        return format!("#{index}");
    };
    let mut name = label.to_owned();
    let mut at = doc.blocks[index].parent.filter(|&p| p < index);
    // Parents always come earlier; the bound guards against cycles.
    for _ in 0..16 {
        let Some(i) = at else { break };
        let b = &doc.blocks[i];
        if let Some(l) = b.label.as_deref() {
            if !name.starts_with(l) {
                name = format!("{l} {name}");
            }
        }
        at = b.parent.filter(|&p| p < i);
    }
    name
}

fn names(doc: &Document, idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| qualified_name(doc, i)).collect()
}

/// Writes invisible characters of `s` as `⟦U+XXXX⟧`, keeping the rest.
pub fn show_invisible(s: &str) -> String {
    if !has_invisible(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) {
            out.push_str(&format!("⟦U+{:04X}⟧", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// The warnings raised by one op of pair `pair`.
fn warnings_for(op: &Op, pair: usize, out: &mut Vec<Warning>) {
    let verb = if op.op == OpKind::Insert {
        "inserted"
    } else {
        "deleted"
    };
    let shown = || clip(&show_invisible(&op.text), 60);
    let invisible: BTreeSet<String> = op
        .text
        .chars()
        .filter(|&c| is_invisible(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    if !invisible.is_empty() {
        let list: Vec<String> = invisible.into_iter().collect();
        out.push(Warning {
            class: ChangeClass::Invisible,
            pair,
            message: format!("invisible {} {verb} in “{}”", list.join(" "), shown()),
        });
    }
    // A confusable change, or any inserted word that mixes scripts.
    let mixed = op.op == OpKind::Insert
        && op
            .text
            .split(|c: char| !c.is_alphabetic())
            .any(is_mixed_script);
    if op.op == OpKind::Insert && (op.class == Some(ChangeClass::Confusable) || mixed) {
        let odd: BTreeSet<String> = op
            .text
            .chars()
            // Digits of another digit system (`１３`, `١٣`) too.
            .filter(|c| (c.is_alphabetic() || c.is_numeric()) && !c.is_ascii())
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        let list: Vec<String> = odd.into_iter().collect();
        out.push(Warning {
            class: ChangeClass::Confusable,
            pair,
            message: format!("look-alike characters {} in “{}”", list.join(" "), shown()),
        });
    }
}

/// The number of block `i` of `doc` for "same label": its value path
/// (the same number in any script), else its label path.
fn number_of(doc: &Document, i: usize) -> Option<String> {
    doc.value_path(i)
        .map(|v| format!("{v:?}"))
        .or_else(|| doc.label_path(i))
}

/// Pairs up, within each run of deleted and inserted pairs (between the
/// same two paired blocks), a deleted block and an inserted block with the
/// same number: [`Pair::same_label`].
fn note_same_labels(pairs: &mut [Pair], old: &Document, new: &Document) {
    let lone = |p: &Pair| matches!(p.kind, LinkKind::Deleted | LinkKind::Inserted);
    let mut start = 0;
    while start < pairs.len() {
        let end = start + pairs[start..].iter().take_while(|p| lone(p)).count();
        for d in start..end {
            if pairs[d].kind != LinkKind::Deleted {
                continue;
            }
            let Some(num) = pairs[d].old.first().and_then(|&i| number_of(old, i)) else {
                continue;
            };
            let twin = (start..end).find(|&n| {
                pairs[n].kind == LinkKind::Inserted
                    && pairs[n].same_label.is_none()
                    && pairs[n]
                        .new
                        .first()
                        .and_then(|&j| number_of(new, j))
                        .as_ref()
                        == Some(&num)
            });
            if let Some(n) = twin {
                pairs[d].same_label = Some(n);
                pairs[n].same_label = Some(d);
            }
        }
        start = end.max(start + 1);
    }
}

/// Builds the report of `old` → `new` under `alignment`.
///
/// Blocks named by the alignment but absent from a document are skipped
/// (their text counts as empty) rather than causing a panic.
pub fn build_report(
    old: &Document,
    new: &Document,
    alignment: &Alignment,
    opts: &ReportOptions,
) -> DiffReport {
    let ignore: BTreeSet<ChangeClass> = opts
        .ignore
        .iter()
        .copied()
        .filter(|c| c.is_ignorable())
        .collect();
    let mut summary = Summary {
        ignored: ignore.iter().copied().collect(),
        ..Summary::default()
    };
    // Word diffs of the links in parallel (order kept), then one
    // sequential pass for the summary.
    let diffs: Vec<_> = alignment
        .links
        .par_iter()
        .map(|link| {
            let mut wd = diff_text(
                &link_text(old, &link.old),
                &link_text(new, &link.new),
                &opts.diff,
            );
            // A label rewritten with other characters (same number): its
            // ops come first (see `diff::label_ops`).
            let firsts = (link.old.first(), link.new.first());
            let mut n_label = 0;
            if let (Some(a), Some(b)) = (
                firsts.0.and_then(|&i| old.blocks.get(i)),
                firsts.1.and_then(|&j| new.blocks.get(j)),
            ) {
                let label = label_ops(a, b, &opts.diff);
                n_label = label.len();
                wd.ops.splice(0..0, label);
            }
            (wd, n_label)
        })
        .collect();
    let mut pairs = Vec::with_capacity(alignment.links.len());
    for (link, (wd, label_ops)) in alignment.links.iter().zip(diffs) {
        summary.deadline_hits += usize::from(wd.deadline_hit);
        let mut ops = wd.ops;
        let mut changed = false;
        let mut prev_delete_class = None;
        for op in &mut ops {
            let Some(class) = op.class else {
                prev_delete_class = None;
                continue;
            };
            op.ignored = ignore.contains(&class);
            changed |= !op.ignored;
            // A delete followed by an insert of the same class is one change.
            let counted = !(op.op == OpKind::Insert && prev_delete_class == Some(class));
            prev_delete_class = (op.op == OpKind::Delete).then_some(class);
            if counted {
                let map = if op.ignored {
                    &mut summary.ignored_changes
                } else {
                    &mut summary.changes
                };
                *map.entry(class).or_insert(0) += 1;
            }
            warnings_for(op, pairs.len(), &mut summary.warnings);
        }
        let kind = match link.kind {
            LinkKind::Unchanged | LinkKind::Modified if changed => LinkKind::Modified,
            LinkKind::Unchanged | LinkKind::Modified => LinkKind::Unchanged,
            k => k,
        };
        summary.kinds.bump(kind);
        summary.renumbered += usize::from(link.renumbered);
        let pair = Pair {
            kind,
            old: link.old.clone(),
            new: link.new.clone(),
            old_labels: labels(old, &link.old),
            new_labels: labels(new, &link.new),
            old_names: names(old, &link.old),
            new_names: names(new, &link.new),
            similarity: (link.score.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0,
            renumbered: link.renumbered,
            changed,
            ops,
            label_ops,
            same_label: None,
        };
        summary.differences |= pair.differs();
        pairs.push(pair);
    }
    note_same_labels(&mut pairs, old, new);
    DiffReport {
        schema_version: SCHEMA_VERSION,
        old_name: None,
        new_name: None,
        summary,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::same::{align, SameOptions};
    use crate::{ingest, InputFormat};

    fn report(old: &str, new: &str, ignore: &[ChangeClass]) -> DiffReport {
        let (o, n) = (
            ingest(old, InputFormat::Text),
            ingest(new, InputFormat::Text),
        );
        let a = align(&o, &n, &SameOptions::default());
        let opts = ReportOptions {
            ignore: ignore.iter().copied().collect(),
            ..ReportOptions::default()
        };
        build_report(&o, &n, &a, &opts)
    }

    #[test]
    fn a_clause_rewritten_wholesale_notes_the_same_label() {
        let body = |two: &str| {
            format!(
                "1. The Buyer shall pay all invoices within thirty days.\n\n2. {two}\n\n3. Each Party shall keep the Confidential Information secret.\n"
            )
        };
        let r = report(
            &body("The Supplier shall deliver the Goods to the Delivery Point."),
            &body(
                "Fishing vessels flying a foreign flag require a licence from the harbour master.",
            ),
            &[],
        );
        let kinds: Vec<LinkKind> = r.pairs.iter().map(|p| p.kind).collect();
        let d = kinds
            .iter()
            .position(|&k| k == LinkKind::Deleted)
            .expect("deleted");
        let n = kinds
            .iter()
            .position(|&k| k == LinkKind::Inserted)
            .expect("inserted");
        assert_eq!(r.pairs[d].same_label, Some(n));
        assert_eq!(r.pairs[n].same_label, Some(d));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["pairs"][d]["same_label"], n);
        assert!(json["pairs"][0].get("same_label").is_none());
    }

    #[test]
    fn an_insertion_under_another_number_is_not_the_same_label() {
        let r = report(
            "1. The Buyer shall pay all invoices within thirty days.\n\n2. The Supplier shall deliver the Goods.\n",
            "1. The Buyer shall pay all invoices within thirty days.\n\n3. Fishing vessels require a licence from the harbour master.\n",
            &[],
        );
        assert!(r.pairs.iter().any(|p| p.kind == LinkKind::Deleted));
        assert!(r.pairs.iter().all(|p| p.same_label.is_none()));
    }

    #[test]
    fn identical_documents_do_not_differ() {
        let r = report(
            "1. Le Groupe.\n\n2. Note.\n",
            "1. Le Groupe.\n\n2. Note.\n",
            &[],
        );
        assert!(!r.summary.differences);
        assert_eq!(r.summary.kinds.unchanged, 2);
        assert!(r.summary.changes.is_empty());
    }

    #[test]
    fn hard_wrapped_and_unwrapped_show_no_change() {
        let wrapped = "1. Le Groupe réaffirme qu'un environnement\nouvert, sûr, stable, accessible et pacifique\nest essentiel.\n\n2. Autre paragraphe\nici.\n";
        let flat = "1. Le Groupe réaffirme qu'un environnement ouvert, sûr, stable, accessible et pacifique est essentiel.\n\n2. Autre paragraphe ici.\n";
        let r = report(wrapped, flat, &[]);
        assert!(!r.summary.differences, "{:#?}", r.summary);
        assert!(r.pairs.iter().all(|p| p.ops.len() == 1));
    }

    #[test]
    fn ignored_classes_are_hidden_but_kept() {
        let r = report("1. de l’Internet.\n", "1. de l'Internet.\n", &[]);
        assert!(r.summary.differences);
        assert_eq!(r.summary.changes.get(&ChangeClass::Typography), Some(&1));
        let r = report(
            "1. de l’Internet.\n",
            "1. de l'Internet.\n",
            &[ChangeClass::Typography],
        );
        assert!(!r.summary.differences);
        assert_eq!(r.summary.kinds.unchanged, 1);
        assert_eq!(
            r.summary.ignored_changes.get(&ChangeClass::Typography),
            Some(&1)
        );
        assert!(r.pairs[0].ops.iter().any(|o| o.ignored));
    }

    #[test]
    fn invisible_changes_cannot_be_ignored_and_warn() {
        let all: Vec<ChangeClass> = ChangeClass::ALL.to_vec();
        let r = report(
            "1. le noyau public.\n",
            "1. le noy\u{200B}au public.\n",
            &all,
        );
        assert!(r.summary.differences);
        assert_eq!(r.summary.warnings.len(), 1);
        assert_eq!(r.summary.warnings[0].class, ChangeClass::Invisible);
        assert!(r.summary.warnings[0].message.contains("U+200B"));
        let r = report(
            "1. le noyau public.\n",
            "1. le n\u{043E}yau public.\n",
            &all,
        );
        assert!(r.summary.differences);
        assert!(r
            .summary
            .warnings
            .iter()
            .any(|w| w.class == ChangeClass::Confusable));
        // With a 1-1 link, the change itself is classed confusable.
        let (o, n) = (
            ingest("1. le noyau public.\n", InputFormat::Text),
            ingest("1. le n\u{043E}yau public.\n", InputFormat::Text),
        );
        let link = crate::align::Link {
            kind: LinkKind::Modified,
            old: vec![0],
            new: vec![0],
            score: 0.9,
            renumbered: false,
        };
        let a = Alignment { links: vec![link] };
        let opts = ReportOptions {
            ignore: all.iter().copied().collect(),
            ..ReportOptions::default()
        };
        let r = build_report(&o, &n, &a, &opts);
        assert_eq!(r.summary.changes.get(&ChangeClass::Confusable), Some(&1));
        assert_eq!(r.summary.warnings.len(), 1);
    }

    #[test]
    fn sub_paragraphs_are_named_with_their_paragraph() {
        let old = "Intro.\n\n24. Les États :\n\na) coopèrent ;\n\nb) agissent.\n";
        let new = "Intro.\n\n25. Les États :\n\na) coopèrent ;\n\nb) agissent vite.\n";
        let r = report(old, new, &[]);
        let names: Vec<(Vec<String>, Vec<String>)> = r
            .pairs
            .iter()
            .map(|p| (p.old_names.clone(), p.new_names.clone()))
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(names[0], (s(&["#0"]), s(&["#0"])));
        assert_eq!(names[1], (s(&["24"]), s(&["25"])));
        assert_eq!(names[2], (s(&["24 a)"]), s(&["25 a)"])));
        assert_eq!(names[3], (s(&["24 b)"]), s(&["25 b)"])));
    }

    #[test]
    fn pair_texts_rebuild_from_ops() {
        let (old, new) = (
            "1. Un.\n\n2. Deux.\n",
            "1. Un.\n\n2. Trois.\n\n3. Quatre.\n",
        );
        let (o, n) = (
            ingest(old, InputFormat::Text),
            ingest(new, InputFormat::Text),
        );
        let r = report(old, new, &[]);
        assert!(r.summary.differences);
        for p in &r.pairs {
            assert_eq!(
                crate::diff::side_text(&p.ops, OpKind::Delete),
                link_text(&o, &p.old)
            );
            assert_eq!(
                crate::diff::side_text(&p.ops, OpKind::Insert),
                link_text(&n, &p.new)
            );
        }
    }
}
