//! `normdiff history`: the lineage table, Markdown, HTML and JSON of a
//! three-version fixture series, agreement with `diff`'s pairing, version
//! lists from a manifest and from git history, and bad input (issue 17).

use crate::util::{fixture, run, run_json};
use std::path::Path;
use std::process::Command;

fn series(name: &str) -> String {
    fixture(&format!("history/series/{name}"))
        .display()
        .to_string()
}

fn three() -> Vec<String> {
    ["zero.txt", "rev1.txt", "final.txt"]
        .iter()
        .map(|n| series(n))
        .collect()
}

fn args<'a>(files: &'a [String], extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec!["history"];
    a.extend(files.iter().map(String::as_str));
    a.extend_from_slice(extra);
    a
}

#[test]
fn table_of_three_versions() {
    let files = three();
    let (code, out, err) = run(&args(&files, &[]));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn markdown_with_manifest_dates_and_since() {
    let m = series("manifest.tsv");
    let (code, out, err) = run(&[
        "history",
        "--manifest",
        &m,
        "-f",
        "markdown",
        "--since",
        "rev1.txt",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn json_follows_the_issue_schema() {
    let m = series("manifest.tsv");
    let (code, v) = run_json(&["history", "--manifest", &m, "-f", "json"]);
    assert_eq!(code, 0);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["versions"][1]["name"], "rev1.txt");
    assert_eq!(v["versions"][1]["date"], "2021-03-01T10:00:00+01:00");
    assert_eq!(v["versions"][2]["author"], "Secretariat");
    let paras = v["paragraphs"].as_array().unwrap();
    let split = paras.iter().find(|p| p["status"] == "split").unwrap();
    assert_eq!(split["blocks"]["1"], serde_json::json!([3, 4]));
    assert_eq!(split["labels"]["1"], serde_json::json!(["16", "17"]));
    let merged = paras
        .iter()
        .find(|p| p["parents"].as_array().unwrap().len() == 2)
        .unwrap();
    assert_eq!(merged["blocks"]["2"], 2);
    let text = v["text"].as_str().unwrap();
    let spans = v["provenance"].as_array().unwrap();
    let dated = |w: &str| {
        let at = text.find(w).unwrap();
        spans
            .iter()
            .find(|s| {
                s["start"].as_u64().unwrap() as usize <= at
                    && at < s["end"].as_u64().unwrap() as usize
            })
            .map(|s| s["version"].as_u64().unwrap())
    };
    assert_eq!(dated("finales"), Some(2));
    assert_eq!(dated("stable"), Some(1));
    assert_eq!(dated("qu’un"), Some(0), "typography keeps the date");
    assert_eq!(
        dated("coopérer"),
        Some(0),
        "moved, split and merged words keep their date"
    );
}

#[test]
fn exact_redates_typography() {
    let files = three();
    let (_, v) = run_json(&args(&files, &["-f", "json", "--exact"]));
    let text = v["text"].as_str().unwrap();
    let at = text.find("qu’un").unwrap() as u64;
    let s = v["provenance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["start"].as_u64().unwrap() <= at && at < s["end"].as_u64().unwrap())
        .unwrap()
        .clone();
    assert_eq!(s["version"], 2);
}

/// Between consecutive versions the lineage is `diff`'s pairing.
#[test]
fn consecutive_lineage_is_diffs_pairing() {
    let files = three();
    let (_, h) = run_json(&args(&files, &["-f", "json"]));
    for k in 0..2 {
        let (_, d) = run_json(&["diff", &files[k], &files[k + 1], "-f", "json"]);
        let mut want: Vec<(u64, u64)> = Vec::new();
        for p in d["pairs"].as_array().unwrap() {
            for o in p["old"].as_array().unwrap() {
                for n in p["new"].as_array().unwrap() {
                    want.push((o.as_u64().unwrap(), n.as_u64().unwrap()));
                }
            }
        }
        want.sort_unstable();
        // Lineage step: the paragraph owning each block at k, and where it is at k + 1.
        let mut got: Vec<(u64, u64)> = Vec::new();
        for p in h["paragraphs"].as_array().unwrap() {
            let (Some(a), Some(b)) = (
                p["blocks"].get(k.to_string()),
                p["blocks"].get((k + 1).to_string()),
            ) else {
                continue;
            };
            let Some(a) = a.as_u64() else { continue };
            let bs: Vec<u64> = match b.as_array() {
                Some(l) => l.iter().map(|x| x.as_u64().unwrap()).collect(),
                None => vec![b.as_u64().unwrap()],
            };
            got.extend(bs.into_iter().map(|b| (a, b)));
        }
        got.sort_unstable();
        assert_eq!(got, want, "version {k} → {}", k + 1);
    }
}

#[test]
fn html_is_one_offline_file() {
    let files = three();
    let (code, out, _) = run(&args(&files, &["-f", "html"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.contains("dir=\"auto\""));
    assert!(
        out.contains("title=\"v2 final.txt\">finales</span>"),
        "{out}"
    );
    assert!(!out.contains("http://") && !out.contains("https://") && !out.contains(" src="));
}

#[test]
fn bad_input_exits_2_naming_the_problem() {
    let (code, _, err) = run(&["history"]);
    assert_eq!(code, 2);
    assert!(err.contains("no versions"), "{err}");
    let files = three();
    let (code, _, err) = run(&args(&files, &["--since", "rev9"]));
    assert_eq!(code, 2);
    assert!(err.contains("rev9") && err.contains("rev1.txt"), "{err}");
    let missing = series("missing.txt");
    let (code, _, err) = run(&["history", &files[0], &missing]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.txt"), "{err}");
    let (code, _, err) = run(&["history", "--repo", ".", "--rev", "HEAD"]);
    assert_eq!(code, 2);
    assert!(err.contains("--path"), "{err}");
}

fn git(dir: &Path, a: &[&str], date: &str) {
    let ok = Command::new("git")
        .current_dir(dir)
        .args(a)
        .env("GIT_AUTHOR_NAME", "Chair")
        .env("GIT_AUTHOR_EMAIL", "chair@example.org")
        .env("GIT_COMMITTER_NAME", "Chair")
        .env("GIT_COMMITTER_EMAIL", "chair@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {a:?}");
}

#[test]
fn versions_from_git_history_and_a_range() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"], "2021-01-01T00:00:00Z");
    let dates = [
        "2021-01-12T09:00:00Z",
        "2021-03-01T09:00:00Z",
        "2021-05-28T09:00:00Z",
    ];
    for (i, name) in ["zero.txt", "rev1.txt", "final.txt"].iter().enumerate() {
        std::fs::copy(series(name), d.join("report.txt")).unwrap();
        std::fs::write(d.join("other.txt"), format!("{i}")).unwrap();
        git(d, &["add", "."], dates[i]);
        git(d, &["commit", "-q", "-m", name], dates[i]);
        git(d, &["tag", &format!("t{i}")], dates[i]);
    }
    let repo = d.display().to_string();
    let (code, v) = run_json(&[
        "history",
        "--repo",
        &repo,
        "--path",
        "report.txt",
        "-f",
        "json",
    ]);
    assert_eq!(code, 0);
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[0]["date"], "2021-01-12T09:00:00Z");
    assert_eq!(versions[2]["author"], "Chair");
    let files = three();
    let (_, f) = run_json(&args(&files, &["-f", "json"]));
    assert_eq!(
        v["paragraphs"], f["paragraphs"],
        "same lineage from git as from files"
    );
    assert_eq!(v["provenance"], f["provenance"]);
    let (code, r) = run_json(&[
        "history",
        "--repo",
        &repo,
        "--path",
        "report.txt",
        "--rev",
        "t1..t2",
        "-f",
        "json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        r["versions"].as_array().unwrap().len(),
        2,
        "the file at t1, then t2"
    );
    let (code, _, err) = run(&["history", "--repo", &repo, "--path", "nothing.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing.txt"), "{err}");
}
