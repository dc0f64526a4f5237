//! The CI gate on watched wording: two versions (base and head) of a set
//! of files, a list of watched phrases and protected paragraphs, and a
//! verdict per entry.
//!
//! This module owns the check-report model (what `normdiff check`'s
//! renderers see) and [`run_check`], which is the phrase-history engine
//! ([`crate::history::trace`]) run over exactly two versions of each
//! watched file, plus:
//! - the word diff ([`crate::diff::diff_text`]) of the sentence before and
//!   after each event, so every finding carries classed ops;
//! - a guard on the diff report ([`crate::report::build_report`]) of each
//!   file: an `invisible` or `confusable` change in a paragraph that carries
//!   a watched phrase (in either version) is a finding even when the phrase
//!   still matches, and it always fails, whatever `on_change` and the
//!   ignored classes say (issue #7);
//! - protected paragraphs: the aligned counterpart of a labelled paragraph
//!   must keep its text.
//!
//! Parsing the watch file (TOML) and choosing which files each entry
//! watches (globs) belong to the caller: entries arrive here as plain
//! structs naming file indexes.
//!
//! ```
//! use normdiff_core::check::{run_check, CheckOptions, FileVersions, OnChange, Verdict, WatchSpec};
//! use normdiff_core::history::MatchOptions;
//!
//! let files = vec![FileVersions::same_path(
//!     "report.md",
//!     Some("1. Protéger le noyau public de l'Internet.\n".into()),
//!     Some("1. Protéger l'infrastructure essentielle.\n".into()),
//! )];
//! let watch = WatchSpec {
//!     id: "public-core".into(),
//!     phrase: "noyau public de l'Internet".into(),
//!     variants: vec![],
//!     matching: MatchOptions::default(),
//!     on_change: OnChange::Fail,
//!     lang: None,
//!     files: vec![0],
//! };
//! let report = run_check(&files, &[watch], &[], &CheckOptions::default()).unwrap();
//! assert_eq!(report.entries[0].status.name(), "removed");
//! assert_eq!(report.entries[0].verdict, Verdict::Fail);
//! assert!(report.summary.failed);
//! ```

mod engine;
mod lines;
mod protect;
#[cfg(test)]
mod tests;

pub use engine::run_check;

use crate::diff::{ChangeClass, Op};
use crate::history::MatchOptions;
use serde::Serialize;
use std::collections::BTreeSet;

/// Version of the JSON shape of [`CheckReport`] (`docs/json-check.md`).
pub const SCHEMA_VERSION: u32 = 1;

/// What a changed entry does to the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnChange {
    /// The check fails (exit 1).
    #[default]
    Fail,
    /// The check reports a warning and passes.
    Warn,
}

/// The two versions of one file. A side is `None` when the file does not
/// exist in that version (added or deleted), or could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileVersions {
    /// Path in the base version.
    pub old_path: Option<String>,
    /// Path in the head version (differs from `old_path` when renamed).
    pub new_path: Option<String>,
    /// Decoded text in the base version.
    pub old: Option<String>,
    /// Decoded text in the head version.
    pub new: Option<String>,
}

impl FileVersions {
    /// Both versions under one path (a side may be absent).
    pub fn same_path(path: &str, old: Option<String>, new: Option<String>) -> Self {
        FileVersions {
            old_path: old.as_ref().map(|_| path.to_owned()),
            new_path: new.as_ref().map(|_| path.to_owned()),
            old,
            new,
        }
    }

    /// The head path, else the base path.
    pub fn path(&self) -> &str {
        self.new_path
            .as_deref()
            .or(self.old_path.as_deref())
            .unwrap_or("")
    }
}

/// A watched phrase, its files resolved by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchSpec {
    /// The entry's id (`public-core`).
    pub id: String,
    /// The phrase as written.
    pub phrase: String,
    /// Wording that counts as the same concept.
    pub variants: Vec<String>,
    /// Matching mode and fuzzy budget.
    pub matching: MatchOptions,
    /// What a change does to the gate.
    pub on_change: OnChange,
    /// The language the entry is written in, as given (informational).
    pub lang: Option<String>,
    /// Indexes into the files handed to [`run_check`] that this entry
    /// watches.
    pub files: Vec<usize>,
}

/// A protected paragraph: its text may not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtectSpec {
    /// The entry's id (given, or `path ¶ label`).
    pub id: String,
    /// The file, as the user wrote it.
    pub path: String,
    /// The paragraph's label as printed (`18`, `13 a)`); a trailing `.` or
    /// ` :` is ignored.
    pub label: String,
    /// What an edit does to the gate.
    pub on_change: OnChange,
    /// Index into the files handed to [`run_check`], `None` when the file
    /// exists in neither version.
    pub file: Option<usize>,
}

/// Options of [`run_check`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Change classes that do not count (typography, case, punctuation,
    /// whitespace). Invisible and confusable changes always count.
    pub ignore: BTreeSet<ChangeClass>,
    /// A name for the base version (`main`, `old/`), shown in reports.
    pub base_name: String,
    /// A name for the head version.
    pub head_name: String,
}

/// What happened to an entry between base and head, from the most to the
/// least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Gone from a paragraph (with what replaced it).
    Removed,
    /// The sentence carrying the phrase, or the protected paragraph, changed.
    Changed,
    /// Found in a paragraph that did not carry it.
    Added,
    /// Its paragraph moved (wording unchanged).
    Moved,
    /// Its paragraph was renumbered (wording unchanged).
    Renumbered,
    /// Its file was renamed (wording unchanged).
    Renamed,
    /// Present and unchanged.
    Unchanged,
    /// Not found in either version.
    Absent,
}

impl Status {
    /// The name as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Status::Removed => "removed",
            Status::Changed => "changed",
            Status::Added => "added",
            Status::Moved => "moved",
            Status::Renumbered => "renumbered",
            Status::Renamed => "renamed",
            Status::Unchanged => "unchanged",
            Status::Absent => "absent",
        }
    }

    /// Does this status alter watched wording (and so obey `on_change`)?
    pub fn is_change(self) -> bool {
        matches!(self, Status::Removed | Status::Changed | Status::Added)
    }
}

/// The gate's decision for one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing to report, or only moves, renumbering and renames.
    Pass,
    /// Changed, and the entry says `on_change = "warn"`.
    Warn,
    /// Changed with `on_change = "fail"`, or an invisible or confusable
    /// change touched it.
    Fail,
}

impl Verdict {
    /// The name as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }
}

/// Which kind of entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A watched phrase (`[[watch]]`).
    Watch,
    /// A protected paragraph (`[[protect]]`).
    Protect,
}

/// Where a phrase or paragraph stands in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// File path in that version.
    pub path: String,
    /// Paragraph label (`18`, `Article 1374 ¶1`, `¶3`).
    pub label: Option<String>,
    /// The line, 1-based, where the changed words (or the watched term)
    /// start; the paragraph's first line when they cannot be pinned.
    pub line: usize,
    /// The line where they end (`line` when on one line).
    pub end_line: usize,
}

/// One thing that happened to an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What happened.
    pub status: Status,
    /// The phrase or variant concerned (for a protected paragraph, its
    /// label).
    pub term: String,
    /// `true` when `term` is a variant.
    pub variant: bool,
    /// Where it is in head (or, when gone with its file or paragraph, in
    /// base: see `side`).
    pub location: Location,
    /// `head` or `base`: which version `location` points into.
    pub side: &'static str,
    /// File path in base when it differs (renamed).
    pub previous_path: Option<String>,
    /// Paragraph label in base when it differs (renumbered).
    pub previous_label: Option<String>,
    /// The sentence (or paragraph) before.
    pub before: Option<String>,
    /// The sentence (or paragraph) after.
    pub after: Option<String>,
    /// For `removed`: the words head put in its place.
    pub replaced_by: Option<String>,
    /// Word diff from `before` to `after`, every change classed; ops of
    /// ignored classes are marked `ignored`.
    pub ops: Vec<Op>,
    /// Classes of the changes in `ops` that count (not ignored).
    pub classes: Vec<ChangeClass>,
}

impl Finding {
    /// Does the finding carry an invisible or confusable change?
    pub fn is_suspicious(&self) -> bool {
        self.classes
            .iter()
            .any(|c| matches!(c, ChangeClass::Invisible | ChangeClass::Confusable))
    }
}

/// The result for one entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryResult {
    /// `watch` or `protect`.
    pub kind: EntryKind,
    /// The entry's id.
    pub id: String,
    /// The phrase (watch) or `path ¶ label` (protect).
    pub subject: String,
    /// The variants (watch).
    pub variants: Vec<String>,
    /// `on_change` as configured.
    pub on_change: OnChange,
    /// The language given, if any.
    pub lang: Option<String>,
    /// The most serious status of the findings; `unchanged` or `absent`
    /// without findings.
    pub status: Status,
    /// The gate's decision.
    pub verdict: Verdict,
    /// An invisible or confusable change touched the entry: it fails
    /// whatever `on_change` says.
    pub suspicious: bool,
    /// What happened, in file then paragraph order.
    pub findings: Vec<Finding>,
    /// Where the phrase or paragraph stands in head.
    pub locations: Vec<Location>,
}

/// Counts over entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckSummary {
    /// Entries checked.
    pub entries: usize,
    /// Entries that pass.
    pub passed: usize,
    /// Entries that warn.
    pub warnings: usize,
    /// Entries that fail.
    pub failures: usize,
    /// Does the check fail (exit 1)?
    pub failed: bool,
    /// Files compared (watched by at least one entry).
    pub files: usize,
}

/// The finished check: what renderers see.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Name of the base version.
    pub base: String,
    /// Name of the head version.
    pub head: String,
    /// Classes ignored.
    pub ignored: Vec<ChangeClass>,
    /// Counts and the overall result.
    pub summary: CheckSummary,
    /// One result per entry: watches in file order, then protected
    /// paragraphs.
    pub entries: Vec<EntryResult>,
}
