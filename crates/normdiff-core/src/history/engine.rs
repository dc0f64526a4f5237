//! The walk: versions pulled in batches from a [`VersionSource`], worked
//! on in parallel (rayon, outer loop only, order kept), events collected in
//! time order.
//!
//! Per batch:
//! 1. (parallel) read and decode each version, and ask the matcher's fast
//!    pre-filter whether it can carry a term;
//! 2. (sequential) decide which versions to parse: those that may carry a
//!    term, and the version before one that may (to know what was there);
//! 3. (parallel) parse them and locate occurrences;
//! 4. (parallel) align each parsed version with the file's previous one and
//!    derive events;
//! 5. (sequential) update the per-file state and append events.
//!
//! Only the latest parsed version of each file that carries a term is kept
//! between batches, so memory is bounded by the size of the tree, not the
//! length of the history.

use super::cache::DocumentCache;
use super::events::{version_events, Ctx, Outcome, Parsed};
use super::summary::Tally;
use super::{
    BlobStore, Content, Event, EventKind, History, Matcher, Skipped, Stats, Version, VersionSource,
};
use crate::align::same::SameOptions;
use crate::decode_owned;
use crate::error::Result;
use crate::fxhash::{FxHashMap, FxHashSet};
use rayon::prelude::*;
use std::sync::Arc;

/// Options of [`trace`].
#[derive(Debug, Clone)]
pub struct TraceOptions {
    /// Options of the block aligner used between consecutive versions.
    pub align: SameOptions,
    /// Versions per batch (memory and parallelism trade-off); at least 1.
    pub batch: usize,
    /// Documents and alignments shared with other traces over the same
    /// texts (`check` runs one trace per watch entry); `None` for a walk
    /// of its own.
    pub cache: Option<Arc<DocumentCache>>,
}

impl Default for TraceOptions {
    fn default() -> Self {
        TraceOptions {
            align: SameOptions::default(),
            batch: 512,
            cache: None,
        }
    }
}

/// Progress of a walk, reported between batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Revisions visited so far.
    pub commits_visited: u64,
    /// Total revisions, when the source knows it.
    pub commits_total: Option<u64>,
    /// Events found so far.
    pub events: usize,
}

/// What is remembered about a file between versions.
#[derive(Debug, Default)]
struct FileState {
    /// The latest version, parsed, when it carries a term.
    parsed: Option<Arc<Parsed>>,
    /// The latest version was parsed (its document may have been dropped
    /// since it carries no term; parsing it again is not counted).
    was_parsed: bool,
    /// Its blob id, when the source names blobs.
    blob: Option<String>,
    /// Its text, when it came as text (sources that cannot re-read).
    text: Option<Arc<str>>,
}

/// A version after step 1.
enum Loaded {
    Text { text: Arc<str>, may: bool },
    Deleted,
    Skipped(String),
}

/// Traces `matcher`'s terms through every version of `source`.
///
/// `progress` is called on the calling thread between batches. Errors of
/// the source end the walk; versions that are not text are skipped and
/// listed in [`History::skipped`].
pub fn trace<S: VersionSource>(
    source: &mut S,
    matcher: &Matcher,
    opts: &TraceOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<History> {
    walk(source, matcher, opts, progress).map(|(h, _)| h)
}

/// The most the walk held between batches (for tests of its memory).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Retained {
    /// Parsed documents (only files that carry a term keep theirs).
    pub documents: usize,
    /// Files remembered (a blob id or, for text sources, the text).
    pub files: usize,
}

/// [`trace`], also reporting what the walk retained at most.
pub(crate) fn walk<S: VersionSource>(
    source: &mut S,
    matcher: &Matcher,
    opts: &TraceOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<(History, Retained)> {
    let mut peak = Retained::default();
    let store = source.store();
    let mut state: FxHashMap<String, FileState> = FxHashMap::default();
    let mut acc = Collected {
        ever: FxHashSet::default(),
        events: Vec::new(),
        stats: Stats::default(),
        skipped: Vec::new(),
        tally: Tally::new((0..matcher.term_count()).map(|i| matcher.term(i).to_owned())),
        documents: 0,
    };
    // Where each path's latest version stands in the batch.
    let mut in_batch: FxHashMap<String, usize> = FxHashMap::default();
    loop {
        let mut batch: Vec<Version> = Vec::with_capacity(opts.batch.max(1));
        in_batch.clear();
        while batch.len() < opts.batch.max(1) {
            match source.next_version() {
                Some(v) => {
                    let v = v?;
                    acc.stats.file_versions += 1;
                    let latest = in_batch.get(&v.path).map(|&j| &batch[j]);
                    if unchanged(&state, latest, &v) {
                        acc.stats.blobs_unchanged += 1;
                        continue;
                    }
                    in_batch.insert(v.path.clone(), batch.len());
                    batch.push(v);
                }
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        run_batch(&store, matcher, opts, batch, &mut state, &mut acc)?;
        peak.documents = peak.documents.max(acc.documents);
        peak.files = peak.files.max(state.len());
        let s = source.stats();
        progress(Progress {
            commits_visited: s.commits_visited,
            commits_total: s.commits_total,
            events: acc.events.len(),
        });
    }
    let Collected {
        events,
        mut stats,
        skipped,
        tally,
        ..
    } = acc;
    let (summary, last_version) = tally.finish();
    let s = source.stats();
    stats.commits_visited = s.commits_visited;
    stats.blobs_unchanged += s.blobs_unchanged;
    stats.blobs_skipped = stats.blobs_unchanged + stats.blobs_binary + stats.blobs_not_utf8;
    let history = History {
        schema_version: super::SCHEMA_VERSION,
        phrase: matcher.term(0).to_owned(),
        variants: (1..matcher.term_count())
            .map(|i| matcher.term(i).to_owned())
            .collect(),
        mode: matcher.options().mode,
        fuzzy: matcher.options().fuzzy,
        summary,
        last_version,
        events,
        stats,
        skipped,
    };
    Ok((history, peak))
}

/// Is `v` the same blob as the file's latest version (and not a rename)?
/// `latest`: the file's latest version in the current batch, if any.
fn unchanged(state: &FxHashMap<String, FileState>, latest: Option<&Version>, v: &Version) -> bool {
    let Content::Blob(id) = &v.content else {
        return false;
    };
    if v.previous_path.is_some() {
        return false;
    }
    match latest {
        Some(b) => matches!(&b.content, Content::Blob(x) if x == id),
        None => state.get(&v.path).and_then(|s| s.blob.as_deref()) == Some(id.as_str()),
    }
}

fn load(store: &impl BlobStore, v: &Version, matcher: &Matcher) -> Result<Loaded> {
    let decoded = |bytes: Vec<u8>| match decode_owned(bytes, &v.path) {
        Ok(d) => Ok(d.text),
        Err(e) => Err(e.to_string()),
    };
    let text = match &v.content {
        Content::Deleted => return Ok(Loaded::Deleted),
        Content::Text(t) => Ok(t.clone()),
        Content::Bytes(b) => decoded(b.clone()),
        Content::Blob(id) => decoded(store.read(id, &v.path)?),
    };
    Ok(match text {
        Ok(t) => Loaded::Text {
            may: matcher.may_match(&t),
            text: Arc::from(t),
        },
        Err(reason) => Loaded::Skipped(reason),
    })
}

/// A parsed version shared between the batch and the file state.
type Shared = Option<Arc<Parsed>>;

/// Where the previous version of a file is, seen from a batch.
#[derive(Clone, Copy)]
enum Prev {
    None,
    Batch(usize),
    State,
}

/// What the walk gathers across batches.
struct Collected {
    /// (file, term) pairs that ever carried the term.
    ever: FxHashSet<(String, usize)>,
    events: Vec<Event>,
    stats: Stats,
    skipped: Vec<Skipped>,
    tally: Tally,
    /// Files of `state` that keep a parsed document.
    documents: usize,
}

fn run_batch(
    store: &impl BlobStore,
    matcher: &Matcher,
    opts: &TraceOptions,
    batch: Vec<Version>,
    state: &mut FxHashMap<String, FileState>,
    acc: &mut Collected,
) -> Result<()> {
    let stats = &mut acc.stats;
    // 1. Read, decode, pre-filter.
    let loaded: Vec<Result<Loaded>> = batch.par_iter().map(|v| load(store, v, matcher)).collect();
    let loaded: Vec<Loaded> = loaded.into_iter().collect::<Result<_>>()?;
    stats.blobs_read += batch
        .iter()
        .filter(|v| matches!(v.content, Content::Blob(_)))
        .count() as u64;
    // 2. Previous version of each file, and what to parse.
    let mut last: FxHashMap<&str, usize> = FxHashMap::default();
    let mut prev = vec![Prev::None; batch.len()];
    for (i, v) in batch.iter().enumerate() {
        if matches!(loaded[i], Loaded::Skipped(_)) {
            continue;
        }
        let from = v.previous_path.as_deref().unwrap_or(&v.path);
        prev[i] = match last.get(from) {
            Some(&j) => Prev::Batch(j),
            None if state.contains_key(from) => Prev::State,
            None => Prev::None,
        };
        if from != v.path {
            last.remove(from);
        }
        last.insert(&v.path, i);
    }
    let may = |i: usize| matches!(loaded[i], Loaded::Text { may: true, .. });
    let mut parse = vec![false; batch.len()];
    let mut reread = vec![false; batch.len()];
    for i in 0..batch.len() {
        let from = batch[i].previous_path.as_deref().unwrap_or(&batch[i].path);
        match prev[i] {
            Prev::Batch(j) => {
                parse[i] |= may(i) || may(j);
                parse[j] |= may(i);
            }
            Prev::State => {
                let st = &state[from];
                let hot = st.parsed.as_ref().is_some_and(|p| p.hot());
                parse[i] |= may(i) || hot;
                reread[i] = may(i) && st.parsed.is_none();
            }
            Prev::None => parse[i] |= may(i),
        }
    }
    // 3. Parse.
    let parsed: Vec<(Shared, Shared)> = (0..batch.len())
        .into_par_iter()
        .map(|i| -> Result<_> {
            let v = &batch[i];
            let this = match (&loaded[i], parse[i]) {
                (Loaded::Text { text, .. }, true) => Some(Arc::new(Parsed::new(
                    text,
                    &v.path,
                    matcher,
                    opts.cache.as_deref(),
                ))),
                _ => None,
            };
            let from = v.previous_path.as_deref().unwrap_or(&v.path);
            let before = if reread[i] {
                reparse(store, &state[from], from, matcher, opts.cache.as_deref())?
            } else {
                None
            };
            Ok((this, before))
        })
        .collect::<Result<Vec<_>>>()?;
    stats.versions_parsed += (0..batch.len())
        .map(|i| {
            let from = batch[i].previous_path.as_deref().unwrap_or(&batch[i].path);
            let again = parsed[i].1.is_some() && state[from].was_parsed;
            usize::from(parsed[i].0.is_some()) + usize::from(parsed[i].1.is_some() && !again)
        })
        .sum::<usize>() as u64;
    // 4. Events.
    let found: Vec<Outcome> = (0..batch.len())
        .into_par_iter()
        .map(|i| {
            let v = &batch[i];
            if matches!(loaded[i], Loaded::Skipped(_)) {
                return Outcome::default();
            }
            let from = v.previous_path.as_deref().unwrap_or(&v.path);
            let old = match prev[i] {
                Prev::Batch(j) => parsed[j].0.clone(),
                Prev::State => parsed[i].1.clone().or_else(|| state[from].parsed.clone()),
                Prev::None => None,
            };
            let ctx = Ctx {
                rev: &v.revision,
                path: &v.path,
                previous_path: v.previous_path.as_deref(),
                matcher,
                align: &opts.align,
                cache: opts.cache.as_deref(),
            };
            version_events(&ctx, old.as_deref(), parsed[i].0.as_deref())
        })
        .collect();
    // 5. State and event order.
    for (i, (v, outcome)) in batch.into_iter().zip(found).enumerate() {
        if let Loaded::Skipped(reason) = &loaded[i] {
            if reason.contains("binary") {
                acc.stats.blobs_binary += 1;
            } else {
                acc.stats.blobs_not_utf8 += 1;
            }
            acc.skipped.push(Skipped {
                commit: v.revision.id.clone(),
                path: v.path.clone(),
                reason: reason.clone(),
            });
            continue;
        }
        collect(acc, matcher, &v, &outcome, parsed[i].0.as_deref());
        let mut forget = |path: &str, state: &mut FxHashMap<String, FileState>| {
            if state.remove(path).is_some_and(|s| s.parsed.is_some()) {
                acc.documents -= 1;
            }
        };
        if let Some(from) = &v.previous_path {
            forget(from, state);
        }
        let (blob, text) = match (&v.content, &loaded[i]) {
            (Content::Deleted, _) => {
                forget(&v.path, state);
                continue;
            }
            (Content::Blob(id), _) => (Some(id.clone()), None),
            (_, Loaded::Text { text, .. }) => (None, Some(text.clone())),
            _ => (None, None),
        };
        // A version without the phrase is re-read if the next one needs
        // it: only files that carry a term keep their parsed document.
        let kept = parsed[i].0.clone().filter(|p| p.hot());
        acc.documents += usize::from(kept.is_some());
        let old = state.insert(
            v.path,
            FileState {
                parsed: kept,
                was_parsed: parsed[i].0.is_some(),
                blob,
                text,
            },
        );
        if old.is_some_and(|s| s.parsed.is_some()) {
            acc.documents -= 1;
        }
    }
    Ok(())
}

/// Files a version's events in time order, telling `reintroduced` (the
/// file had the term, lost it, and gains it again) from `introduced`, and
/// feeds the summary.
fn collect(
    acc: &mut Collected,
    matcher: &Matcher,
    v: &Version,
    outcome: &Outcome,
    parsed: Option<&Parsed>,
) {
    for e in &outcome.events {
        let mut e = e.clone();
        let term = e.term_index(matcher);
        let k = (e.path.clone(), term);
        let had = outcome.counts.get(term).is_some_and(|c| c.0 > 0);
        if e.kind == EventKind::Introduced && !had && acc.ever.contains(&k) {
            e.kind = EventKind::Reintroduced;
        }
        acc.ever.insert(k);
        acc.tally.event(term, &e);
        acc.events.push(e);
    }
    if let Some(from) = &v.previous_path {
        acc.tally.forget(from);
    }
    for (term, &(_, after)) in outcome.counts.iter().enumerate() {
        let label = parsed.filter(|_| after > 0).and_then(|p| p.label_of(term));
        acc.tally.observe(&v.revision, &v.path, term, after, label);
    }
}

/// Parses a file's latest version again from the state (blob id or text).
fn reparse(
    store: &impl BlobStore,
    st: &FileState,
    path: &str,
    matcher: &Matcher,
    cache: Option<&DocumentCache>,
) -> Result<Option<Arc<Parsed>>> {
    let text: String = match (&st.text, &st.blob) {
        (Some(t), _) => t.to_string(),
        (None, Some(id)) => match decode_owned(store.read(id, path)?, path) {
            Ok(d) => d.text,
            Err(_) => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(Arc::new(Parsed::new(&text, path, matcher, cache))))
}

impl Event {
    fn term_index(&self, matcher: &Matcher) -> usize {
        if !self.variant {
            return 0;
        }
        (1..matcher.term_count())
            .find(|&i| matcher.term(i) == self.term)
            .unwrap_or(0)
    }
}
