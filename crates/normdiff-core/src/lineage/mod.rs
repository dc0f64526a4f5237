//! Lineage across N versions (`normdiff history`): every paragraph's
//! history and every word's origin.
//!
//! [`build`] takes the versions of one document in order (ingested
//! [`Document`]s with their [`VersionInfo`]) and chains the same-language
//! alignment `diff` uses ([`crate::align::same::align`] with default
//! options, word-diffed by [`crate::report::build_report`]) over each pair
//! of consecutive versions. It returns a [`Lineage`]:
//!
//! - [`Paragraph`]s, one per lineage: a block keeps its lineage through
//!   unchanged, modified, moved and renumbered links; a split ends the
//!   parent lineage and starts one child lineage per piece (each child
//!   lists its parent); a merge ends both parents and starts one child
//!   listing both; an inserted block starts a lineage without parents; a
//!   deleted block ends its lineage ([`ids`]).
//! - word provenance of the last version ([`blame`]): for each byte of
//!   the last version's text, the version that introduced it at that place
//!   (definition in `docs/history.md`).
//!
//! Between two consecutive versions the lineage is exactly `diff`'s
//! pairing; between non-consecutive versions it is the composition of the
//! consecutive ones ([`Lineage::descent`]).
//!
//! ```
//! use normdiff_core::lineage::{build, LineageOptions, VersionInfo};
//! use normdiff_core::{ingest, InputFormat};
//!
//! let texts = ["1. Le Groupe note.\n\n2. Autre.\n", "1. Nouveau.\n\n2. Le Groupe note bien.\n\n3. Autre.\n"];
//! let docs: Vec<_> = texts.iter().map(|t| ingest(t, InputFormat::Text)).collect();
//! let infos = vec![VersionInfo::named("v0"), VersionInfo::named("v1")];
//! let l = build(&docs, infos, &LineageOptions::default());
//! // "Le Groupe note" moved from 1 to 2 and kept its lineage.
//! assert_eq!(l.block_ids[0][0], l.block_ids[1][1]);
//! assert_eq!(l.descent(0, 1), vec![(0, 1), (1, 2)]);
//! ```

pub mod blame;
pub mod ids;
#[cfg(test)]
mod tests;

use crate::align::same::{align, SameOptions};
use crate::align::LinkKind;
use crate::diff::{ChangeClass, DiffOptions};
use crate::model::Document;
use crate::report::{build_report, DiffReport, ReportOptions, BLOCK_SEPARATOR};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

pub use blame::{Provenance, Span};

/// Version of the history JSON schema (`docs/json-history.md`).
pub const SCHEMA_VERSION: u32 = 1;

/// A version's name, date and author, as the caller knows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VersionInfo {
    /// The name shown in tables (a file name, a short commit id).
    pub name: String,
    /// ISO 8601 date, if known.
    pub date: Option<String>,
    /// Author, if known.
    pub author: Option<String>,
}

impl VersionInfo {
    /// A version with a name only.
    pub fn named(name: &str) -> Self {
        VersionInfo {
            name: name.to_owned(),
            ..VersionInfo::default()
        }
    }
}

/// Options of [`build`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineageOptions {
    /// Re-date words on typography- and whitespace-only changes too
    /// (`--exact`); by default such changes keep a word's date.
    pub exact: bool,
}

/// One value or a list: a block index, or the blocks of a split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// One value.
    One(T),
    /// Several values (the pieces of a split), in document order.
    Many(Vec<T>),
}

impl<T: Clone> OneOrMany<T> {
    /// The values as a list.
    pub fn to_vec(&self) -> Vec<T> {
        match self {
            OneOrMany::One(v) => vec![v.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

/// How a lineage stands in the last version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Present in the last version.
    Present,
    /// Deleted (its last block has no counterpart in the next version).
    Deleted,
    /// Split into child lineages.
    Split,
    /// Merged with another lineage into a child lineage.
    Merged,
}

/// One lineage: a paragraph through the versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Lineage id, 0-based, in order of first appearance.
    pub id: usize,
    /// The lineages this one came from (one for a split piece, two for a
    /// merge; empty otherwise).
    pub parents: Vec<usize>,
    /// Version index → block index there (0-based); a list at the version
    /// where the lineage split (the pieces, which belong to the child
    /// lineages); at the version where it merged, the merged block (which
    /// belongs to the child lineage).
    pub blocks: BTreeMap<usize, OneOrMany<usize>>,
    /// Version index → the label(s) of those blocks (`null` for none).
    pub labels: BTreeMap<usize, OneOrMany<Option<String>>>,
    /// Standing in the last version.
    pub status: Status,
    /// The version where the lineage ended (deleted, split or merged).
    pub ended_in: Option<usize>,
    /// The link kind that brought the lineage into each version after its
    /// first (`unchanged`, `modified`, `moved`, ...), by version index.
    pub kinds: BTreeMap<usize, LinkKind>,
    /// Versions where its text changed, ascending: its first version,
    /// versions whose link changed its text (under the options' classes),
    /// and the version where it ended.
    pub changed_in: Vec<usize>,
    /// The last of [`Paragraph::changed_in`]: "last changed in".
    pub last_changed: usize,
}

impl Paragraph {
    /// The version of its first block.
    pub fn first_version(&self) -> usize {
        self.blocks.keys().next().copied().unwrap_or(0)
    }

    /// Did its text change after version `k` (or did it start or end
    /// after `k`)?
    pub fn changed_after(&self, k: usize) -> bool {
        self.last_changed > k
    }
}

/// The lineage of a series of versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lineage {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The versions, oldest first.
    pub versions: Vec<VersionInfo>,
    /// Every lineage, by id.
    pub paragraphs: Vec<Paragraph>,
    /// For each version, for each block, its own lineage id.
    #[serde(skip)]
    pub block_ids: Vec<Vec<usize>>,
    /// The last version's text: its blocks' texts joined by a blank line
    /// (`"\n\n"`); provenance spans are byte offsets into it.
    pub text: String,
    /// Byte offset in [`Lineage::text`] where each block of the last version
    /// starts.
    pub block_starts: Vec<usize>,
    /// Word provenance of [`Lineage::text`].
    pub provenance: Vec<Span>,
}

impl Lineage {
    /// Pairs `(block in version i, block in version j)`, `i < j`, where the
    /// second descends from the first through the chain of consecutive
    /// alignments (sorted, without duplicates). Empty when `i >= j` or out
    /// of range.
    pub fn descent(&self, i: usize, j: usize) -> Vec<(usize, usize)> {
        if i >= j || j >= self.block_ids.len() {
            return Vec::new();
        }
        let mut rel: Vec<(usize, usize)> = (0..self.block_ids[i].len()).map(|b| (b, b)).collect();
        for k in i..j {
            let step = self.step(k);
            let mut next = Vec::new();
            for &(a, b) in &rel {
                let lo = step.partition_point(|&(x, _)| x < b);
                next.extend(
                    step[lo..]
                        .iter()
                        .take_while(|&&(x, _)| x == b)
                        .map(|&(_, c)| (a, c)),
                );
            }
            next.sort_unstable();
            next.dedup();
            rel = next;
        }
        rel
    }

    /// The lineage id of block `b` of the last version (`usize::MAX` when
    /// out of range).
    pub fn last_block_id(&self, b: usize) -> usize {
        self.block_ids
            .last()
            .and_then(|ids| ids.get(b))
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// The pairs `(block in version k, block in version k + 1)` of the
    /// lineage, sorted.
    pub fn step(&self, k: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (b, &id) in self.block_ids[k].iter().enumerate() {
            if let Some(to) = self.paragraphs[id].blocks.get(&(k + 1)) {
                out.extend(to.to_vec().into_iter().map(|c| (b, c)));
            }
        }
        out.sort_unstable();
        out
    }
}

/// The classes a word can change in without being re-dated (none under
/// `exact`).
fn kept_classes(opts: &LineageOptions) -> ReportOptions {
    let ignore = if opts.exact {
        Default::default()
    } else {
        [ChangeClass::Typography, ChangeClass::Whitespace]
            .into_iter()
            .collect()
    };
    ReportOptions {
        ignore,
        // Word-level attribution wants the finest diff: the clean-up that
        // merges small equal islands into a replacement is for readers.
        diff: DiffOptions {
            cleanup: false,
            ..DiffOptions::default()
        },
    }
}

/// The report of each pair of consecutive versions: `diff`'s alignment,
/// word-diffed (in parallel, order kept).
pub fn consecutive_reports(docs: &[Document], opts: &LineageOptions) -> Vec<DiffReport> {
    let ropts = kept_classes(opts);
    docs.par_windows(2)
        .map(|w| {
            let a = align(&w[0], &w[1], &SameOptions::default());
            build_report(&w[0], &w[1], &a, &ropts)
        })
        .collect()
}

/// Builds the lineage of `docs` (oldest first; `infos` has one entry per
/// document, missing entries are named `v<N>`).
pub fn build(docs: &[Document], mut infos: Vec<VersionInfo>, opts: &LineageOptions) -> Lineage {
    while infos.len() < docs.len() {
        infos.push(VersionInfo::named(&format!("v{}", infos.len())));
    }
    infos.truncate(docs.len());
    let reports = consecutive_reports(docs, opts);
    let (paragraphs, block_ids) = ids::assign(docs, &reports);
    let last = docs.last().map(|d| d.blocks.as_slice()).unwrap_or(&[]);
    let mut text = String::new();
    let mut block_starts = Vec::with_capacity(last.len());
    for (i, b) in last.iter().enumerate() {
        if i > 0 {
            text.push_str(BLOCK_SEPARATOR);
        }
        block_starts.push(text.len());
        text.push_str(&b.text);
    }
    let texts: Vec<&str> = last.iter().map(|b| b.text.as_str()).collect();
    let provenance = blame::provenance(docs, &reports).spans(&texts);
    Lineage {
        schema_version: SCHEMA_VERSION,
        versions: infos,
        paragraphs,
        block_ids,
        text,
        block_starts,
        provenance,
    }
}
