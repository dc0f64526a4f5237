//! Phrase history: how a phrase lived through the versions of a text.
//!
//! This module owns everything about following wording through versions,
//! independently of where the versions come from:
//!
//! - [`VersionSource`]: an abstract, streaming source of file versions in
//!   time order (git history in `normdiff-git`, an ordered list of files in
//!   the CLI, [`VecSource`] in memory). Contents may be handed over as text
//!   or as a blob id that a [`BlobStore`] reads later, on a worker thread.
//! - [`Matcher`] ([`matcher`]): where a phrase (and its variants) occurs in
//!   a text: exact, normalized (typography, case, spacing and French elisions
//!   folded) or fuzzy within a budget of word edits.
//! - [`trace`] ([`engine`]): walks the versions, locates occurrences by block
//!   and sentence, aligns consecutive versions of a file with
//!   [`crate::align::same`] so a paragraph keeps its identity through
//!   renumbering and moves, and emits [`Event`]s in time order
//!   (`introduced`, `removed` with `replaced_by`, `changed`, `moved`,
//!   `renumbered`, `renamed`, `reintroduced`).
//!
//! Memory does not grow with the number of versions: versions are pulled in
//! small batches and dropped once processed; only the latest parsed version
//! of files that currently carry the phrase is kept, and a blob id (or, for
//! text sources, the text) per file.
//!
//! ## Example
//!
//! ```
//! use normdiff_core::history::{trace, Matcher, MatchOptions, Revision, TraceOptions, VecSource, Version};
//!
//! let v = |id: &str, text: &str| Version::text(Revision::new(id, "me", id), "a.txt", text);
//! let mut source = VecSource::new(vec![
//!     v("1", "1. Agir en bon père de famille.\n"),
//!     v("2", "1. Agir raisonnablement.\n"),
//! ]);
//! let matcher = Matcher::new("bon père de famille", &[], &MatchOptions::default()).unwrap();
//! let history = trace(&mut source, &matcher, &TraceOptions::default(), &mut |_| {}).unwrap();
//! let kinds: Vec<_> = history.events.iter().map(|e| e.kind.name()).collect();
//! assert_eq!(kinds, ["introduced", "removed"]);
//! assert_eq!(history.events[1].replaced_by.as_deref(), Some("raisonnablement"));
//! ```

mod cache;
mod date;
pub mod engine;
mod events;
pub mod matcher;
mod occur;
mod source;
mod summary;
#[cfg(test)]
mod tests;
mod warn;

pub use cache::DocumentCache;
pub use date::Timestamp;
pub use engine::{trace, Progress, TraceOptions};
pub use matcher::{MatchMode, MatchOptions, Matcher, PhraseMatch};
pub use occur::{block_label, Occurrence};
pub use source::{
    BlobStore, Content, NoStore, Revision, SourceStats, VecSource, Version, VersionSource,
};
pub use summary::{Replacement, Sighting, TermSummary};

use serde::Serialize;

/// Version of the JSON shape of [`History`] (see `docs/json-trace.md`).
pub const SCHEMA_VERSION: u32 = 1;

/// What happened to the phrase in one block of one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A block gains the phrase (the first time in this file).
    Introduced,
    /// A block loses the phrase (or carries it fewer times).
    Removed,
    /// The sentence around the phrase changed; the phrase stayed.
    Changed,
    /// The block carrying the phrase moved within the file.
    Moved,
    /// The block carrying the phrase was renumbered (its label changed).
    Renumbered,
    /// The file carrying the phrase was renamed.
    Renamed,
    /// A block gains the phrase after the file had lost it.
    Reintroduced,
}

impl EventKind {
    /// The kind's name as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Introduced => "introduced",
            EventKind::Removed => "removed",
            EventKind::Changed => "changed",
            EventKind::Moved => "moved",
            EventKind::Renumbered => "renumbered",
            EventKind::Renamed => "renamed",
            EventKind::Reintroduced => "reintroduced",
        }
    }
}

/// One piece of a redline between the sentence before and after an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// `equal`, `delete` or `insert`.
    pub op: PieceOp,
    /// The text of the piece.
    pub text: String,
}

/// What a [`Piece`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PieceOp {
    /// On both sides.
    Equal,
    /// Only before.
    Delete,
    /// Only after.
    Insert,
}

/// One event of the phrase's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// The phrase or variant concerned, as the user wrote it.
    pub term: String,
    /// `true` when `term` is a variant (`--variant`), not the phrase itself.
    pub variant: bool,
    /// Full version id (commit id, or file name for a list of files).
    pub commit: String,
    /// Short version id (7 hex digits for a commit).
    pub short_id: String,
    /// Version date, ISO 8601 with offset (`2014-08-04T00:00:00+02:00`), or
    /// `None` when the source has no date.
    pub date: Option<String>,
    /// Author of the version.
    pub author: String,
    /// First line of the version's message.
    pub summary: String,
    /// Path of the file in this version (for a list of files: the first
    /// draft's name, the document's identity).
    pub path: String,
    /// The file this version was read from: `path` for git history, the
    /// draft's own file for a list of files.
    pub file: String,
    /// Path before a rename (`renamed` events), otherwise `None`.
    pub previous_path: Option<String>,
    /// Label of the block in this version (`18`, `Article 1374 ¶1`...); for
    /// a removal from a deleted block, its label in the previous version.
    pub label: Option<String>,
    /// Label in the previous version when it differs (`renumbered`).
    pub previous_label: Option<String>,
    /// Occurrences of the term in the block(s) before the event.
    pub count_before: usize,
    /// Occurrences of the term in the block(s) after the event.
    pub count_after: usize,
    /// The sentence(s) around the term before the event, if any.
    pub before: Option<String>,
    /// The sentence(s) at the same place after the event, if any.
    pub after: Option<String>,
    /// For `removed`: the text the new version put where the term stood
    /// (from the word diff of the aligned blocks); `None` when nothing took
    /// its place or the block is gone.
    pub replaced_by: Option<String>,
    /// Word-level redline from `before` to `after`.
    pub redline: Vec<Piece>,
    /// The term stood inside square brackets (a draft's disputed text)
    /// before the event.
    pub bracketed_before: bool,
    /// The term stands inside square brackets after the event.
    pub bracketed_after: bool,
    /// What the redline hides from a reader: invisible or bidirectional
    /// characters added or removed, look-alike letters from another script.
    pub warnings: Vec<String>,
}

/// Counters of a walk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Versions (commits, or files of a list) visited.
    pub commits_visited: u64,
    /// File versions yielded by the source.
    pub file_versions: u64,
    /// Blobs read from the source.
    pub blobs_read: u64,
    /// Blobs skipped: the sum of the three counts below.
    pub blobs_skipped: u64,
    /// Blobs skipped because their id equals the file's previous one.
    pub blobs_unchanged: u64,
    /// Blobs skipped because they are binary (a NUL byte).
    pub blobs_binary: u64,
    /// Blobs skipped because they are not valid UTF-8 (or UTF-16).
    pub blobs_not_utf8: u64,
    /// File versions parsed into documents (the others could not contain
    /// the phrase and did not follow a version that did).
    pub versions_parsed: u64,
}

/// A file version skipped because it is not text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Version id.
    pub commit: String,
    /// Path of the file.
    pub path: String,
    /// Why: the decoding error.
    pub reason: String,
}

/// The finished history of a phrase: what renderers see.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// Version of this shape ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The phrase traced, as given.
    pub phrase: String,
    /// The variants traced alongside, as given.
    pub variants: Vec<String>,
    /// Matching mode: `exact` or `normalized`.
    pub mode: MatchMode,
    /// Word edits allowed (0 unless fuzzy).
    pub fuzzy: usize,
    /// One summary per term (the phrase, then each variant).
    pub summary: Vec<TermSummary>,
    /// The last version walked (no label), if any.
    pub last_version: Option<Sighting>,
    /// Events in time order (version order; within a version, term then
    /// block order).
    pub events: Vec<Event>,
    /// Counters.
    pub stats: Stats,
    /// File versions skipped because they are not text.
    pub skipped: Vec<Skipped>,
}
