//! The output of `normdiff history`: a [`Lineage`] as a lineage table,
//! a Markdown report with the introducing version per sentence, a
//! standalone HTML "prose blame" page, or JSON.
//!
//! # JSON wire format (`schema_version` 1)
//!
//! The JSON is [`Lineage`] serialized as is; `docs/json-history.md` gives
//! every field. In short: `versions` (`name`, `date`, `author`),
//! `paragraphs` (`id`, `parents`, `blocks` and `labels` keyed by the
//! version index as a string, `status`, `ended_in`, `kinds`, `changed_in`,
//! `last_changed`), `text` (the last version's blocks joined by a blank
//! line), `block_starts`, and `provenance` (`start`, `end`: byte offsets
//! into `text`; `version`: index into `versions`).

mod html;
mod markdown;
#[cfg(test)]
mod tests;

pub use html::html;
pub use markdown::markdown;

use crate::escape;
use normdiff_core::lineage::{Lineage, OneOrMany, Paragraph, Status};
use std::io::{self, Write};

/// Writes `lineage` as pretty JSON followed by a line end.
pub fn json(lineage: &Lineage, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, lineage)?;
    writeln!(out)
}

/// A label as shown: the label, or `#N` (1-based block position).
fn shown(label: &Option<String>, block: usize) -> String {
    label.clone().unwrap_or_else(|| format!("#{}", block + 1))
}

/// The labels of `blocks` at one version, shown.
fn labels_at(p: &Paragraph, v: usize) -> Option<Vec<String>> {
    let blocks = p.blocks.get(&v)?.to_vec();
    let labels = p.labels.get(&v).map(OneOrMany::to_vec).unwrap_or_default();
    Some(
        blocks
            .iter()
            .enumerate()
            .map(|(i, &b)| shown(labels.get(i).unwrap_or(&None), b))
            .collect(),
    )
}

/// The cell of lineage `p` at version `v`: its label (`→ 15` after its
/// first version), `split → 25, 26`, `merged → 30`, or `—`.
pub fn cell(p: &Paragraph, v: usize) -> String {
    let Some(labels) = labels_at(p, v) else {
        return "—".to_owned();
    };
    let joined = labels.join(", ");
    match (p.ended_in == Some(v), p.status) {
        (true, Status::Split) => format!("split → {joined}"),
        (true, Status::Merged) => format!("merged → {joined}"),
        _ if v == p.first_version() => joined,
        _ => format!("→ {joined}"),
    }
}

/// The status of `p` in the last version: the kind of its last link
/// (`unchanged`, `modified`, `moved`, `inserted`, `split`, `merged`), or
/// `deleted in V`, `split in V`, `merged in V`.
pub fn status(l: &Lineage, p: &Paragraph) -> String {
    let name = |v: usize| l.versions.get(v).map_or("?", |x| x.name.as_str());
    match (p.status, p.ended_in) {
        (Status::Present, _) => {
            let last = l.versions.len().saturating_sub(1);
            p.kinds
                .get(&last)
                .map_or("unchanged", |k| k.name())
                .to_owned()
        }
        (s, Some(v)) => {
            let s = match s {
                Status::Deleted => "deleted",
                Status::Split => "split",
                _ => "merged",
            };
            format!("{s} in {}", name(v))
        }
        (_, None) => "ended".to_owned(),
    }
}

/// The lineages to show: all, or with `since = Some(k)` those that changed
/// after version `k`.
pub fn shown_paragraphs(l: &Lineage, since: Option<usize>) -> impl Iterator<Item = &Paragraph> {
    l.paragraphs
        .iter()
        .filter(move |p| since.is_none_or(|k| p.changed_after(k)))
}

/// Writes the lineage table (a Markdown pipe table): one row per lineage,
/// one column per version, then its status and where it last changed.
pub fn table(l: &Lineage, since: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    let name = |v: usize| escape::markdown_cell(&l.versions[v].name);
    let heads: Vec<String> = (0..l.versions.len()).map(name).collect();
    writeln!(
        out,
        "| lineage | {} | status | last changed |",
        heads.join(" | ")
    )?;
    writeln!(out, "|---|{}---|---|", "---|".repeat(l.versions.len()))?;
    for p in shown_paragraphs(l, since) {
        let cells: Vec<String> = (0..l.versions.len())
            .map(|v| escape::markdown_cell(&cell(p, v)))
            .collect();
        let parents = if p.parents.is_empty() {
            String::new()
        } else {
            let ps: Vec<String> = p.parents.iter().map(|x| format!("L{x}")).collect();
            format!(" (from {})", ps.join(", "))
        };
        writeln!(
            out,
            "| L{}{parents} | {} | {} | {} |",
            p.id,
            cells.join(" | "),
            escape::markdown_cell(&status(l, p)),
            name(p.last_changed)
        )?;
    }
    Ok(())
}

/// The provenance spans within block `b` of the last version, as
/// `(start, end, version)` relative to the block's text.
pub fn block_spans(l: &Lineage, b: usize) -> Vec<(usize, usize, usize)> {
    let start = l.block_starts.get(b).copied().unwrap_or(0);
    let end = l
        .block_starts
        .get(b + 1)
        .map_or(l.text.len(), |&s| s.saturating_sub(2));
    l.provenance
        .iter()
        .filter(|s| s.start >= start && s.end <= end)
        .map(|s| (s.start - start, s.end - start, s.version))
        .collect()
}
