//! The check of watched phrases: the history engine over two versions, the
//! invisible/confusable guard, verdicts.

use super::protect::check_protect;
use super::{
    CheckOptions, CheckReport, CheckSummary, EntryKind, EntryResult, FileVersions, Finding,
    Location, OnChange, ProtectSpec, Status, Verdict, WatchSpec,
};
use crate::align::same::SameOptions;
use crate::align::Alignment;
use crate::diff::{diff_text, side_text, ChangeClass, DiffOptions, Op, OpKind};
use crate::error::Result;
use crate::history::{
    block_label, trace, Content, DocumentCache, EventKind, Matcher, Revision, TraceOptions,
    VecSource, Version,
};
use crate::inspect::is_mixed_script;
use crate::model::Document;
use crate::normalize::is_invisible;
use crate::report::{build_report, DiffReport, ReportOptions};
use crate::InputFormat;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Revision ids of the two versions handed to the history engine.
const BASE: &str = "base";
const HEAD: &str = "head";

/// A file parsed on both sides, with its diff report (built once, shared by
/// every entry watching the file).
pub(crate) struct Parsed {
    pub old: Option<Arc<Document>>,
    pub new: Option<Arc<Document>>,
    /// The diff report when both sides exist and differ (ignored classes
    /// applied).
    pub report: Option<DiffReport>,
}

/// Parsed files, filled on first use.
pub(crate) struct Cache<'a> {
    files: &'a [FileVersions],
    parsed: Vec<Option<Parsed>>,
    report_opts: ReportOptions,
    /// Documents and alignments shared with the watch entries' traces:
    /// each file is parsed and aligned once for the whole check.
    shared: Arc<DocumentCache>,
}

impl<'a> Cache<'a> {
    fn new(files: &'a [FileVersions], opts: &CheckOptions) -> Self {
        Cache {
            files,
            parsed: files.iter().map(|_| None).collect(),
            report_opts: ReportOptions {
                ignore: opts.ignore.clone(),
                ..ReportOptions::default()
            },
            shared: Arc::new(DocumentCache::new()),
        }
    }

    /// Trace options that share this check's documents and alignments.
    fn trace_options(&self) -> TraceOptions {
        TraceOptions {
            cache: Some(self.shared.clone()),
            ..TraceOptions::default()
        }
    }

    pub fn file(&self, i: usize) -> &FileVersions {
        &self.files[i]
    }

    pub fn get(&mut self, i: usize) -> &Parsed {
        if self.parsed[i].is_none() {
            let f = &self.files[i];
            let shared = &self.shared;
            let doc = |text: &Option<String>, path: &Option<String>| {
                text.as_deref().map(|t| {
                    shared.document(t, InputFormat::from_path(path.as_deref().unwrap_or("")))
                })
            };
            let old = doc(&f.old, &f.old_path);
            let new = doc(&f.new, &f.new_path);
            // Identical texts need no alignment: nothing can have changed.
            let same = f.old == f.new;
            let report = match (&old, &new) {
                (Some(o), Some(n)) if !same => {
                    let links = shared.links(o, n, &SameOptions::default());
                    let a = Alignment {
                        links: links.to_vec(),
                    };
                    Some(build_report(o, n, &a, &self.report_opts))
                }
                _ => None,
            };
            self.parsed[i] = Some(Parsed { old, new, report });
        }
        self.parsed[i].as_ref().expect("filled above")
    }
}

/// Runs the check: every watch entry over its files, then every protected
/// paragraph. Errors only when a watch entry's phrase cannot be matched
/// (no word, fuzzy budget too large).
pub fn run_check(
    files: &[FileVersions],
    watches: &[WatchSpec],
    protects: &[ProtectSpec],
    opts: &CheckOptions,
) -> Result<CheckReport> {
    let mut cache = Cache::new(files, opts);
    let mut entries = Vec::with_capacity(watches.len() + protects.len());
    let mut used: BTreeSet<usize> = BTreeSet::new();
    for w in watches {
        used.extend(w.files.iter().copied());
        entries.push(check_watch(w, &mut cache, opts)?);
    }
    for p in protects {
        used.extend(p.file);
        entries.push(check_protect(p, &mut cache, opts));
    }
    let count = |v: Verdict| entries.iter().filter(|e| e.verdict == v).count();
    let summary = CheckSummary {
        entries: entries.len(),
        passed: count(Verdict::Pass),
        warnings: count(Verdict::Warn),
        failures: count(Verdict::Fail),
        failed: count(Verdict::Fail) > 0,
        files: used.len(),
    };
    let mut report = CheckReport {
        schema_version: super::SCHEMA_VERSION,
        base: opts.base_name.clone(),
        head: opts.head_name.clone(),
        ignored: opts
            .ignore
            .iter()
            .copied()
            .filter(|c| c.is_ignorable())
            .collect(),
        summary,
        entries,
    };
    super::lines::pin(&mut report, files);
    Ok(report)
}

/// The word diff of `before` → `after` with ignored classes marked, and the
/// classes that count.
pub(crate) fn classed_ops(
    before: &str,
    after: &str,
    ignore: &BTreeSet<ChangeClass>,
) -> (Vec<Op>, Vec<ChangeClass>) {
    let mut ops = diff_text(before, after, &DiffOptions::default()).ops;
    for op in &mut ops {
        op.ignored = op
            .class
            .is_some_and(|c| c.is_ignorable() && ignore.contains(&c))
            && !op.text.chars().any(is_invisible);
    }
    let classes = counted_classes(&ops);
    (ops, classes)
}

/// The classes of the changes in `ops` that count (not ignored), plus
/// `invisible` when any change (even an ignored one, even one classed
/// otherwise, such as a space turned into a zero-width space) carries an
/// invisible character, and `confusable` when an inserted word mixes
/// scripts: those can never be hidden.
pub(crate) fn counted_classes(ops: &[Op]) -> Vec<ChangeClass> {
    let mut set: BTreeSet<ChangeClass> = ops
        .iter()
        .filter(|o| o.op != OpKind::Equal && !o.ignored)
        .filter_map(|o| o.class)
        .collect();
    for o in ops.iter().filter(|o| o.op != OpKind::Equal) {
        if o.text.chars().any(is_invisible) {
            set.insert(ChangeClass::Invisible);
        }
        let mixed = o
            .text
            .split(|c: char| !c.is_alphabetic())
            .any(is_mixed_script);
        if o.op == OpKind::Insert && mixed {
            set.insert(ChangeClass::Confusable);
        }
    }
    set.into_iter().collect()
}

/// The verdict of an entry from its findings.
pub(crate) fn verdict(findings: &[Finding], on_change: OnChange) -> (Verdict, bool) {
    let suspicious = findings.iter().any(Finding::is_suspicious);
    let v = if suspicious {
        Verdict::Fail
    } else if findings.iter().any(|f| f.status.is_change()) {
        match on_change {
            OnChange::Fail => Verdict::Fail,
            OnChange::Warn => Verdict::Warn,
        }
    } else {
        Verdict::Pass
    };
    (v, suspicious)
}

/// The first line of block `i` of `doc` as a location.
/// A labelled block is named by its qualified label (`24 a)`, as `diff`
/// names it), an unlabelled one as [`block_label`] does.
pub(crate) fn location(doc: &Document, path: &str, i: usize) -> Location {
    let labelled = doc.blocks.get(i).is_some_and(|b| b.label.is_some());
    Location {
        path: path.to_owned(),
        label: if labelled {
            Some(crate::report::qualified_name(doc, i))
        } else {
            block_label(doc, i)
        },
        line: doc.blocks.get(i).map_or(1, |b| b.lines[0]),
        end_line: doc.blocks.get(i).map_or(1, |b| b.lines[0]),
    }
}

/// The block of `doc` named `label` by [`block_label`], preferring one that
/// carries `term`.
fn find_block(doc: &Document, label: &str, matcher: &Matcher, term: usize) -> Option<usize> {
    let named: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| block_label(doc, i).as_deref() == Some(label))
        .collect();
    named
        .iter()
        .copied()
        .find(|&i| !matcher.find(term, &doc.blocks[i].text).is_empty())
        .or_else(|| named.first().copied())
}

fn carries(doc: &Document, blocks: &[usize], matcher: &Matcher) -> Option<usize> {
    (0..matcher.term_count()).find(|&t| {
        blocks.iter().any(|&b| {
            doc.blocks
                .get(b)
                .is_some_and(|b| !matcher.find(t, &b.text).is_empty())
        })
    })
}

fn check_watch(w: &WatchSpec, cache: &mut Cache, opts: &CheckOptions) -> Result<EntryResult> {
    let matcher = Matcher::new(&w.phrase, &w.variants, &w.matching)?;
    let mut files: Vec<usize> = w.files.clone();
    files.sort_by(|&a, &b| cache.file(a).path().cmp(cache.file(b).path()));
    files.dedup();
    // The two versions, each in path order, as the history engine wants.
    let rev = |id: &str| Arc::new(Revision::new(id, "", id));
    let (base, head) = (rev(BASE), rev(HEAD));
    let mut base_v: Vec<Version> = Vec::new();
    let mut head_v: Vec<Version> = Vec::new();
    for &i in &files {
        let f = cache.file(i);
        if let (Some(p), Some(t)) = (&f.old_path, &f.old) {
            base_v.push(Version {
                revision: base.clone(),
                path: p.clone(),
                previous_path: None,
                content: Content::Text(t.clone()),
            });
        }
        let (path, previous_path, content) = match (&f.new_path, &f.new, &f.old_path) {
            (Some(p), Some(t), old) => (
                p.clone(),
                old.clone().filter(|o| o != p && f.old.is_some()),
                Content::Text(t.clone()),
            ),
            (_, _, Some(o)) if f.old.is_some() => (o.clone(), None, Content::Deleted),
            _ => continue,
        };
        head_v.push(Version {
            revision: head.clone(),
            path,
            previous_path,
            content,
        });
    }
    base_v.sort_by(|a, b| a.path.cmp(&b.path));
    head_v.sort_by(|a, b| a.path.cmp(&b.path));
    base_v.extend(head_v);
    let mut source = VecSource::new(base_v);
    let history = trace(&mut source, &matcher, &cache.trace_options(), &mut |_| {})?;

    let mut findings: Vec<Finding> = Vec::new();
    for e in history.events.iter().filter(|e| e.commit == HEAD) {
        let status = match e.kind {
            EventKind::Removed => Status::Removed,
            EventKind::Changed => Status::Changed,
            EventKind::Introduced | EventKind::Reintroduced => Status::Added,
            EventKind::Moved => Status::Moved,
            EventKind::Renumbered => Status::Renumbered,
            EventKind::Renamed => Status::Renamed,
        };
        let Some(fi) = files.iter().copied().find(|&i| {
            let f = cache.file(i);
            f.new_path.as_deref() == Some(&e.path) || f.old_path.as_deref() == Some(&e.path)
        }) else {
            continue;
        };
        let term = if e.variant {
            (1..matcher.term_count())
                .find(|&t| matcher.term(t) == e.term)
                .unwrap_or(0)
        } else {
            0
        };
        let p = cache.get(fi);
        let label = e.label.clone().unwrap_or_default();
        let in_head = p
            .new
            .as_ref()
            .and_then(|d| find_block(d, &label, &matcher, term).map(|b| (d, b)));
        let (loc, side) = match in_head {
            Some((d, b)) => (location(d, &e.path, b), HEAD),
            None => match p
                .old
                .as_ref()
                .and_then(|d| find_block(d, &label, &matcher, term).map(|b| (d, b)))
            {
                Some((d, b)) => (
                    location(d, e.previous_path.as_deref().unwrap_or(&e.path), b),
                    BASE,
                ),
                None => (
                    Location {
                        path: e.path.clone(),
                        label: e.label.clone(),
                        line: 1,
                        end_line: 1,
                    },
                    HEAD,
                ),
            },
        };
        let (ops, classes) = match (&e.before, &e.after) {
            (Some(b), Some(a)) => classed_ops(b, a, &opts.ignore),
            _ => (Vec::new(), Vec::new()),
        };
        if status == Status::Changed && classes.is_empty() {
            continue; // only ignored classes changed
        }
        findings.push(Finding {
            status,
            term: e.term.clone(),
            variant: e.variant,
            location: loc,
            side,
            previous_path: e.previous_path.clone(),
            previous_label: e.previous_label.clone(),
            before: e.before.clone(),
            after: e.after.clone(),
            replaced_by: e.replaced_by.clone(),
            ops,
            classes,
        });
    }
    guard(&files, cache, &matcher, &mut findings);
    findings.sort_by(|a, b| {
        (&a.location.path, a.location.line, a.status).cmp(&(
            &b.location.path,
            b.location.line,
            b.status,
        ))
    });
    let mut locations = Vec::new();
    for &i in &files {
        let path = cache.file(i).new_path.clone().unwrap_or_default();
        let may = cache
            .file(i)
            .new
            .as_deref()
            .is_some_and(|t| matcher.may_match(t));
        if !may {
            continue;
        }
        if let Some(d) = &cache.get(i).new {
            for b in 0..d.blocks.len() {
                if carries(d, &[b], &matcher).is_some() {
                    locations.push(location(d, &path, b));
                }
            }
        }
    }
    let status = findings
        .iter()
        .map(|f| f.status)
        .min()
        .unwrap_or(if locations.is_empty() {
            Status::Absent
        } else {
            Status::Unchanged
        });
    let (verdict, suspicious) = verdict(&findings, w.on_change);
    Ok(EntryResult {
        kind: EntryKind::Watch,
        id: w.id.clone(),
        subject: w.phrase.clone(),
        variants: w.variants.clone(),
        on_change: w.on_change,
        lang: w.lang.clone(),
        status,
        verdict,
        suspicious,
        findings,
        locations,
    })
}

/// Invisible and confusable changes in paragraphs that carry a term (in
/// either version) become findings, unless an event already reported one
/// there: the phrase may still match (a zero-width space between two of
/// its words, say), so the history engine sees nothing.
fn guard(files: &[usize], cache: &mut Cache, matcher: &Matcher, findings: &mut Vec<Finding>) {
    for &i in files {
        let f = cache.file(i);
        let may = |t: &Option<String>| t.as_deref().is_some_and(|t| matcher.may_match(t));
        if f.old == f.new || !(may(&f.old) || may(&f.new)) {
            continue; // identical, or cannot carry a term
        }
        let path = f.new_path.clone().unwrap_or_default();
        let old_path = f.old_path.clone();
        let p = cache.get(i);
        let (Some(report), Some(old), Some(new)) = (&p.report, &p.old, &p.new) else {
            continue;
        };
        let pairs: BTreeSet<usize> = report.summary.warnings.iter().map(|w| w.pair).collect();
        for pi in pairs {
            let pair = &report.pairs[pi];
            let term =
                carries(new, &pair.new, matcher).or_else(|| carries(old, &pair.old, matcher));
            let Some(term) = term else { continue };
            let (loc, side) = match pair.new.first() {
                Some(&b) => (location(new, &path, b), HEAD),
                None => (
                    location(old, old_path.as_deref().unwrap_or(&path), pair.old[0]),
                    BASE,
                ),
            };
            let known = findings
                .iter()
                .any(|f| f.location == loc && f.is_suspicious());
            if known {
                continue;
            }
            let classes = counted_classes(&pair.ops);
            findings.push(Finding {
                status: Status::Changed,
                term: matcher.term(term).to_owned(),
                variant: term > 0,
                location: loc,
                side,
                previous_path: old_path.clone().filter(|o| *o != path),
                previous_label: None,
                before: Some(side_text(&pair.ops, OpKind::Delete)),
                after: Some(side_text(&pair.ops, OpKind::Insert)),
                replaced_by: None,
                ops: pair.ops.clone(),
                classes,
            });
        }
    }
}
