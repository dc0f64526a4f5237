//! The per-term summary of a walk: where each term first appeared, where
//! it was last seen, whether the last version still carries it, and what
//! replaced it. Fed version by version by the walk, in time order.

use super::{Event, EventKind, Revision};
use crate::fxhash::FxHashMap;
use serde::Serialize;
use std::sync::Arc;

/// A version and the paragraph where a term stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sighting {
    /// Full version id (commit id, or the draft's path).
    pub commit: String,
    /// Short version id (7 hex digits, or the draft's file name).
    pub short_id: String,
    /// The file of that version.
    pub file: String,
    /// Version date (ISO 8601), if known.
    pub date: Option<String>,
    /// The paragraph's label.
    pub label: Option<String>,
}

/// One wording that took a term's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    /// The new words.
    pub text: String,
    /// The version (and paragraph) where they first replaced the term.
    pub version: Sighting,
}

/// What became of one traced term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermSummary {
    /// The phrase or variant, as given.
    pub term: String,
    /// `true` for a `--variant`.
    pub variant: bool,
    /// Where it first appeared (`None`: never).
    pub first: Option<Sighting>,
    /// The last version seen carrying it (for git history, the last commit
    /// that touched a file carrying it).
    pub last_seen: Option<Sighting>,
    /// Does the last version walked still carry it?
    pub in_last_version: bool,
    /// Distinct wordings that replaced it, in order of appearance.
    pub replaced_by: Vec<Replacement>,
}

/// Accumulates [`TermSummary`]s during a walk.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    terms: Vec<TermSummary>,
    /// Per term: occurrences in each file that carries it, now.
    present: Vec<FxHashMap<String, usize>>,
    /// The last version observed, and its file (made a [`Sighting`] once
    /// the walk is over: most versions are not the last).
    last: Option<(Arc<Revision>, String)>,
}

fn sighting(rev: &Revision, path: &str, label: Option<String>) -> Sighting {
    Sighting {
        commit: rev.id.clone(),
        short_id: rev.short_id.clone(),
        file: rev.file.clone().unwrap_or_else(|| path.to_owned()),
        date: rev.time.map(|t| t.iso8601()),
        label,
    }
}

impl Tally {
    /// A tally for `terms` (the phrase first, then the variants).
    pub fn new(terms: impl Iterator<Item = String>) -> Tally {
        let terms: Vec<TermSummary> = terms
            .enumerate()
            .map(|(i, term)| TermSummary {
                term,
                variant: i > 0,
                first: None,
                last_seen: None,
                in_last_version: false,
                replaced_by: Vec::new(),
            })
            .collect();
        let present = vec![FxHashMap::default(); terms.len()];
        Tally {
            terms,
            present,
            last: None,
        }
    }

    /// Records term `term` in file `path` after version `rev`: `count`
    /// occurrences, the first in paragraph `label`.
    pub fn observe(
        &mut self,
        rev: &Arc<Revision>,
        path: &str,
        term: usize,
        count: usize,
        label: Option<String>,
    ) {
        if term == 0 {
            match &mut self.last {
                Some((r, p)) => {
                    if !Arc::ptr_eq(r, rev) {
                        *r = rev.clone();
                    }
                    p.clear();
                    p.push_str(path);
                }
                None => self.last = Some((rev.clone(), path.to_owned())),
            }
        }
        if count == 0 {
            self.present[term].remove(path);
            return;
        }
        self.present[term].insert(path.to_owned(), count);
        let s = &mut self.terms[term];
        let seen = sighting(rev, path, label);
        s.first.get_or_insert_with(|| seen.clone());
        s.last_seen = Some(seen);
    }

    /// A file was renamed or deleted: it no longer carries anything.
    pub fn forget(&mut self, path: &str) {
        for files in &mut self.present {
            files.remove(path);
        }
    }

    /// Records the replacements an event names.
    pub fn event(&mut self, term: usize, e: &Event) {
        let (EventKind::Removed, Some(text)) = (e.kind, &e.replaced_by) else {
            return;
        };
        let s = &mut self.terms[term];
        for part in text.split(" … ") {
            if !s.replaced_by.iter().any(|r| r.text == part) {
                s.replaced_by.push(Replacement {
                    text: part.to_owned(),
                    version: Sighting {
                        commit: e.commit.clone(),
                        short_id: e.short_id.clone(),
                        file: e.file.clone(),
                        date: e.date.clone(),
                        label: e.label.clone(),
                    },
                });
            }
        }
    }

    /// The summaries and the last version, once the walk is over.
    pub fn finish(mut self) -> (Vec<TermSummary>, Option<Sighting>) {
        for (t, files) in self.present.iter().enumerate() {
            self.terms[t].in_last_version = !files.is_empty();
        }
        let last = self.last.map(|(rev, path)| sighting(&rev, &path, None));
        (self.terms, last)
    }
}
