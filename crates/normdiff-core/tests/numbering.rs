//! Numbering conventions on real text (issue #12): the 2030 Agenda's
//! targets in the six UN languages get their printed label (`1.1`, `1.a`,
//! `17.19`) and their goal heading as parent, and a reflowed copy of every
//! seed diffs to nothing.
//!
//! Needs the shared corpus (`../shared/corpus` or `$NORMDIFF_CORPUS`):
//! skipped with a printed reason when absent, a failure when `CI=true`.

use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::{build_report, decode, ingest, BlockKind, InputFormat, ReportOptions};

mod common;
use common::corpus;

fn read(p: &std::path::Path) -> String {
    let bytes = std::fs::read(p).unwrap();
    decode(&bytes, "x").unwrap().text
}

const LANGS: [&str; 6] = ["arb", "cmn_hans", "eng", "fra", "rus", "spa"];

#[test]
fn every_sdg_target_has_its_label_and_its_goal_as_parent() {
    let Some(c) = corpus() else { return };
    for lang in LANGS {
        let doc = ingest(
            &read(&c.join(format!("sdg/labelled/{lang}.txt"))),
            InputFormat::Text,
        );
        let gold = std::fs::read_to_string(c.join(format!("sdg/gold/labelled/blocks.{lang}.tsv")))
            .unwrap();
        let ids: Vec<&str> = gold
            .lines()
            .skip(1)
            .map(|l| l.split('\t').nth(1).unwrap())
            .collect();
        assert_eq!(doc.blocks.len(), ids.len(), "{lang}: block count");
        let mut targets = 0;
        for (b, id) in doc.blocks.iter().zip(&ids) {
            if let Some(goal) = id.strip_prefix("goal.") {
                assert_eq!(b.kind, BlockKind::Heading, "{lang} goal {goal}");
                assert_eq!(
                    b.label_key.as_deref(),
                    Some(format!("goal:{goal}").as_str()),
                    "{lang}"
                );
                continue;
            }
            targets += 1;
            assert_eq!(b.label.as_deref(), Some(*id), "{lang} block {}", b.index);
            let goal: u32 = id.split('.').next().unwrap().parse().unwrap();
            let p = b.parent.unwrap_or_else(|| panic!("{lang} {id}: no parent"));
            assert_eq!(
                doc.blocks[p].label_key.as_deref(),
                Some(format!("goal:{goal}").as_str()),
                "{lang} {id}"
            );
            assert_eq!(doc.value_path(b.index).unwrap()[0], goal, "{lang} {id}");
            assert_eq!(
                doc.qualified_label(b.index).as_deref(),
                Some(*id),
                "{lang} {id}"
            );
        }
        assert_eq!(targets, 169, "{lang}");
    }
}

/// `text` with every line longer than `width` characters wrapped at
/// spaces (tabs stay inside their word, as `fmt`-style wrappers do).
fn reflow(text: &str, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        if line.chars().count() <= width {
            out.push(line.to_owned());
            continue;
        }
        let mut cur: Option<String> = None;
        for w in line.split(' ') {
            match &mut cur {
                None => cur = Some(w.to_owned()),
                Some(c) => {
                    let fits = c.chars().count() + 1 + w.chars().count() <= width;
                    if !c.trim().is_empty() && !w.is_empty() && !fits {
                        out.push(c.trim_end_matches(' ').to_owned());
                        cur = Some(w.to_owned());
                    } else {
                        c.push(' ');
                        c.push_str(w);
                    }
                }
            }
        }
        out.extend(cur);
    }
    out.join("\n")
}

fn differences(old: &str, new: &str) -> Vec<String> {
    let (o, n) = (
        ingest(old, InputFormat::Text),
        ingest(new, InputFormat::Text),
    );
    let r = build_report(
        &o,
        &n,
        &align(&o, &n, &SameOptions::default()),
        &ReportOptions::default(),
    );
    r.pairs
        .iter()
        .filter(|p| p.differs())
        .map(|p| format!("{:?} {:?}->{:?}", p.kind, p.old, p.new))
        .collect()
}

#[test]
fn reflowing_a_seed_changes_nothing() {
    let Some(c) = corpus() else { return };
    let mut seeds: Vec<_> = std::fs::read_dir(c.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5);
    for p in seeds {
        let text = read(&p);
        for width in [60, 80] {
            let wrapped = reflow(&text, width);
            assert_ne!(wrapped, text, "{}: nothing to wrap at {width}", p.display());
            let d = differences(&text, &wrapped);
            assert!(d.is_empty(), "{} at {width}: {d:?}", p.display());
        }
    }
}

#[test]
fn reflow_helper_wraps_at_spaces_only() {
    assert_eq!(reflow("aaa bbb\tccc ddd", 8), "aaa\nbbb\tccc\nddd");
    assert_eq!(reflow("short", 80), "short");
}
