//! `normdiff diff`: exit codes, formats, `--ignore`, `-o`, determinism,
//! errors, and snapshots of every format on the bundled GGE drafts.

use crate::util::{normdiff, root};
use std::io::Write;

const OLD: &str = "fixtures/drafts/gge/old.txt";
const NEW: &str = "fixtures/drafts/gge/new.txt";

/// Runs `normdiff diff ARGS` from the workspace root: (code, stdout, stderr).
pub(crate) fn diff(args: &[&str]) -> (i32, String, String) {
    let out = normdiff()
        .current_dir(root())
        .arg("diff")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    std::fs::File::create(&p)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .expect("temp file");
    p.to_string_lossy().into_owned()
}

#[test]
fn snapshot_markdown() {
    let (code, out, _) = diff(&[OLD, NEW]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("gge_markdown", out);
}

#[test]
fn snapshot_critic() {
    let (code, out, _) = diff(&[OLD, NEW, "--style", "critic"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("gge_critic", out);
}

#[test]
fn snapshot_html() {
    let (code, out, _) = diff(&[OLD, NEW, "--format", "html"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("gge_html", out);
}

#[test]
fn snapshot_json() {
    let (code, out, _) = diff(&[OLD, NEW, "--format", "json"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("gge_json", out);
}

#[test]
fn json_contract() {
    let (_, out, _) = diff(&[OLD, NEW, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["schema_version"], 1);
    for k in [
        "unchanged",
        "modified",
        "moved",
        "split",
        "merged",
        "inserted",
        "deleted",
        "renumbered",
    ] {
        assert!(v["summary"][k].is_u64(), "summary.{k}");
    }
    let pairs = v["pairs"].as_array().expect("pairs");
    // Every block of both documents appears exactly once.
    let count = |side: &str| -> Vec<u64> {
        let mut v: Vec<u64> = pairs
            .iter()
            .flat_map(|p| {
                p[side]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i.as_u64().unwrap())
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(count("old"), (0..13).collect::<Vec<_>>());
    assert_eq!(count("new"), (0..13).collect::<Vec<_>>());
    for p in pairs {
        assert!(p["similarity"].as_f64().unwrap() <= 1.0);
        assert!(p["old_labels"].is_array() && p["new_labels"].is_array());
        for op in p["ops"].as_array().unwrap() {
            assert!(["equal", "delete", "insert"].contains(&op["op"].as_str().unwrap()));
        }
    }
    // Renumbering is never a text change: a pair only renumbered has no ops
    // other than equal.
    assert!(pairs.iter().any(|p| p["renumbered"] == true
        && p["ops"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["op"] == "equal")));
}

#[test]
fn exit_codes() {
    assert_eq!(diff(&[OLD, OLD]).0, 0);
    assert_eq!(diff(&[OLD, NEW]).0, 1);
    let (code, _, err) = diff(&[OLD, "fixtures/drafts/gge/missing.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.txt") && err.lines().count() == 1,
        "{err}"
    );
    assert_eq!(diff(&[OLD, NEW, "--format", "pdf"]).0, 2);
    assert_eq!(diff(&[OLD, NEW, "--ignore", "substantive"]).0, 2);
    assert_eq!(diff(&["-", "-"]).0, 2);
}

#[test]
fn binary_input_is_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"abc\0def").unwrap();
    let (code, _, err) = diff(&[OLD, bin.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("bin.txt"), "{err}");
}

#[test]
fn ignore_hides_classes_from_output_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let old = temp_file(
        &dir,
        "old.txt",
        "1. Le noyau public de l’Internet, « essentiel ».\n",
    );
    let new = temp_file(
        &dir,
        "new.txt",
        "1. Le Noyau public de l'Internet; \"essentiel\".\n",
    );
    assert_eq!(diff(&[&old, &new]).0, 1);
    assert_eq!(diff(&[&old, &new, "--ignore", "typography,case"]).0, 1);
    let (code, out, _) = diff(&[&old, &new, "--ignore", "typography,case,punctuation"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No differences."), "{out}");
    assert!(
        out.contains("ignored: punctuation 1, case 1, typography 3"),
        "{out}"
    );
}

#[test]
fn invisible_and_confusable_changes_cannot_be_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let old = temp_file(&dir, "old.txt", "1. Le noyau public de l'Internet.\n");
    let zw = temp_file(
        &dir,
        "zw.txt",
        "1. Le noyau\u{200B} public de l'Internet.\n",
    );
    let all = "typography,case,punctuation,whitespace";
    let (code, out, _) = diff(&[&old, &zw, "--ignore", all, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["changes"]["invisible"], 1, "{out}");
    let (_, md, _) = diff(&[&old, &zw, "--ignore", all]);
    assert!(md.contains("⟦U+200B⟧") && md.contains("⚠"), "{md}");
    let (_, term, _) = diff(&[&old, &zw, "--format", "terminal"]);
    assert!(
        term.contains("⟦U+200B⟧") && term.contains("warning:"),
        "{term}"
    );
    let (_, html, _) = diff(&[&old, &zw, "--format", "html"]);
    assert!(html.contains("⟦U+200B⟧"), "{html}");
    let cy = temp_file(&dir, "cy.txt", "1. Le n\u{043E}yau public de l'Internet.\n");
    let (code, out, _) = diff(&[&old, &cy, "--ignore", all, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["changes"]["confusable"], 1, "{out}");
}

#[test]
fn hard_wrapped_copy_shows_no_change() {
    let text = std::fs::read_to_string(root().join(OLD)).unwrap();
    let wrapped: Vec<String> = text
        .split("\n\n")
        .map(|p| {
            let mut out = String::new();
            let mut col = 0;
            for w in p.split(' ') {
                if col > 0 && col + w.len() > 70 {
                    out.push('\n');
                    col = 0;
                } else if col > 0 {
                    out.push(' ');
                    col += 1;
                }
                out.push_str(w);
                col += w.len();
            }
            out
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let w = temp_file(&dir, "wrapped.txt", &wrapped.join("\n\n"));
    let (code, out, _) = diff(&[OLD, &w]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn output_file_and_determinism() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("redline.html");
    let (code, out, _) = diff(&[OLD, NEW, "--format", "html", "-o", target.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    let first = std::fs::read_to_string(&target).unwrap();
    assert!(first.starts_with("<!DOCTYPE html>"));
    let (_, again, _) = diff(&[OLD, NEW, "--format", "html"]);
    assert_eq!(first, again);
    for f in ["markdown", "json", "terminal"] {
        assert_eq!(diff(&[OLD, NEW, "-f", f]).1, diff(&[OLD, NEW, "-f", f]).1);
    }
}

#[test]
fn colour_only_when_asked() {
    let (_, plain, _) = diff(&[OLD, NEW, "--format", "terminal"]);
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains("[-") && plain.contains("{+"));
    let (_, col, _) = diff(&[OLD, NEW, "--format", "terminal", "--color", "always"]);
    assert!(col.contains("\u{1b}[31;9m"));
    let out = normdiff()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(["diff", OLD, NEW, "--format", "terminal", "--color", "auto"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn help_teaches_with_examples() {
    let (code, out, _) = diff(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Examples:") && out.contains("--ignore typography,case"));
}

#[test]
fn seed_pair_runs_on_corpus_drafts() {
    let corpus = crate::corpus_or_skip!();
    let (z, f) = (
        corpus.join("drafts/v7/zero.txt"),
        corpus.join("drafts/v7/final.txt"),
    );
    let (code, out, err) = diff(&[z.to_str().unwrap(), f.to_str().unwrap(), "-f", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["deadline_hits"], 0);
}
