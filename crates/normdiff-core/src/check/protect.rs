//! Protected paragraphs: a labelled paragraph of base whose aligned
//! counterpart in head must keep its text.

use super::engine::{counted_classes, location, verdict, Cache};
use super::{
    CheckOptions, EntryKind, EntryResult, Finding, OnChange, ProtectSpec, Status, Verdict,
};
use crate::align::LinkKind;
use crate::diff::{side_text, OpKind};
use crate::model::Document;

/// The label as the user wrote it, reduced to how `parse` prints labels:
/// a leading `¶`, a trailing `.` or ` :` dropped.
fn clean(label: &str) -> &str {
    let l = label.trim().trim_start_matches('¶').trim();
    l.trim_end_matches([':', '.']).trim_end()
}

fn labelled(doc: &Document, label: &str) -> Option<usize> {
    let want = clean(label);
    doc.blocks
        .iter()
        .position(|b| b.label.as_deref().is_some_and(|l| clean(l) == want))
}

pub(crate) fn check_protect(
    p: &ProtectSpec,
    cache: &mut Cache,
    _opts: &CheckOptions,
) -> EntryResult {
    let mut result = EntryResult {
        kind: EntryKind::Protect,
        id: p.id.clone(),
        subject: format!("{} ¶ {}", p.path, clean(&p.label)),
        variants: Vec::new(),
        on_change: p.on_change,
        lang: None,
        status: Status::Absent,
        verdict: Verdict::Fail,
        suspicious: false,
        findings: Vec::new(),
        locations: Vec::new(),
    };
    let Some(fi) = p.file else {
        return result; // a protection that protects nothing is a mistake: fail
    };
    let f = cache.file(fi).clone();
    let (new_path, old_path) = (
        f.new_path.clone().unwrap_or_default(),
        f.old_path.clone().unwrap_or_default(),
    );
    let parsed = cache.get(fi);
    let old_block = parsed.old.as_ref().and_then(|d| labelled(d, &p.label));
    let term = clean(&p.label).to_owned();
    let finding = |status: Status, loc: super::Location, side: &'static str| Finding {
        status,
        term: term.clone(),
        variant: false,
        location: loc,
        side,
        previous_path: None,
        previous_label: None,
        before: None,
        after: None,
        replaced_by: None,
        ops: Vec::new(),
        classes: Vec::new(),
    };
    let (Some(ob), Some(old)) = (old_block, parsed.old.as_ref()) else {
        // Not in base: new in head, or nowhere.
        if let Some((d, b)) = parsed
            .new
            .as_ref()
            .and_then(|d| labelled(d, &p.label).map(|b| (d, b)))
        {
            let loc = location(d, &new_path, b);
            result.locations.push(loc.clone());
            result.findings.push(finding(Status::Added, loc, "head"));
            result.status = Status::Added;
            result.verdict = Verdict::Pass;
        }
        return result;
    };
    let old_loc = location(old, &old_path, ob);
    if f.old == f.new {
        // Identical texts: the paragraph is where it was.
        let loc = location(old, &new_path, ob);
        result.locations.push(loc.clone());
        result.status = Status::Unchanged;
        if old_path != new_path {
            let mut fd = finding(Status::Renamed, loc, "head");
            fd.previous_path = Some(old_path.clone());
            result.findings.push(fd);
            result.status = Status::Renamed;
        }
        result.verdict = Verdict::Pass;
        return result;
    }
    let pair = parsed
        .report
        .as_ref()
        .and_then(|r| r.pairs.iter().find(|pr| pr.old.contains(&ob)));
    let (Some(pair), Some(new)) = (pair, parsed.new.as_ref()) else {
        // The file is gone from head.
        let mut fd = finding(Status::Removed, old_loc, "base");
        fd.before = Some(old.blocks[ob].text.clone());
        result.findings.push(fd);
        result.status = Status::Removed;
        result.verdict = on_change_verdict(p.on_change);
        return result;
    };
    let new_loc = pair.new.first().map(|&b| location(new, &new_path, b));
    let previous_label = old.blocks[ob].label.clone();
    let mut push = |status: Status, with_ops: bool| {
        let (loc, side) = match &new_loc {
            Some(l) => (l.clone(), "head"),
            None => (old_loc.clone(), "base"),
        };
        let mut fd = finding(status, loc, side);
        if old_path != new_path {
            fd.previous_path = Some(old_path.clone());
        }
        if new_loc.as_ref().map(|l| &l.label) != Some(&old_loc.label) {
            fd.previous_label = previous_label.clone();
        }
        fd.before = Some(side_text(&pair.ops, OpKind::Delete));
        fd.after = (!pair.new.is_empty()).then(|| side_text(&pair.ops, OpKind::Insert));
        if with_ops {
            fd.ops = pair.ops.clone();
            fd.classes = counted_classes(&pair.ops);
        }
        result.findings.push(fd);
    };
    if pair.kind == LinkKind::Deleted {
        push(Status::Removed, false);
    } else if pair.changed || suspicious(&pair.ops) {
        push(Status::Changed, true);
    } else {
        if pair.kind == LinkKind::Moved {
            push(Status::Moved, false);
        }
        if pair.renumbered {
            push(Status::Renumbered, false);
        }
        if old_path != new_path {
            push(Status::Renamed, false);
        }
    }
    result.locations.extend(new_loc);
    result.status = result
        .findings
        .iter()
        .map(|f| f.status)
        .min()
        .unwrap_or(Status::Unchanged);
    let (v, suspicious) = verdict(&result.findings, p.on_change);
    result.verdict = v;
    result.suspicious = suspicious;
    result
}

/// An invisible or confusable change, even one the report marked ignored.
fn suspicious(ops: &[crate::Op]) -> bool {
    counted_classes(ops).iter().any(|c| {
        matches!(
            c,
            crate::ChangeClass::Invisible | crate::ChangeClass::Confusable
        )
    })
}

fn on_change_verdict(on: OnChange) -> Verdict {
    match on {
        OnChange::Fail => Verdict::Fail,
        OnChange::Warn => Verdict::Warn,
    }
}
