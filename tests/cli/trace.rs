//! `normdiff trace`: the Civil Code histories (git bundles of the shared
//! corpus, cloned into a temporary directory), agreement with `git log -S`,
//! lists of files with a manifest, report formats and errors. Issue #5.

use crate::corpus_or_skip;
use crate::util::{run, run_json};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Clones a corpus bundle into a temporary directory (git CLI), or `None`
/// with a printed reason.
fn clone_bundle(corpus: &Path, name: &str) -> Option<(tempfile::TempDir, PathBuf)> {
    let bundle = corpus.join("code-civil").join(name);
    if !bundle.is_file() {
        crate::util::skip(&format!("{} not found", bundle.display()));
        return None;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let dest = tmp.path().join("repo");
    let ok = Command::new("git")
        .args(["clone", "-q"])
        .arg(&bundle)
        .arg(&dest)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        crate::util::skip(&format!("git CLI could not clone {}", bundle.display()));
        return None;
    }
    Some((tmp, dest))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Commits where `git log -S` sees the count of `phrase` change.
fn git_log_s(repo: &Path, phrase: &str) -> Vec<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["log", "--first-parent", "--format=%H", "-S", phrase])
        .output()
        .expect("git log");
    let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}

#[test]
fn bon_pere_de_famille_through_the_civil_code() {
    let corpus = corpus_or_skip!();
    let Some((_tmp, repo)) = clone_bundle(&corpus, "code-civil-1803-2015.bundle") else {
        return;
    };
    let (code, v) = run_json(&[
        "trace",
        "bon père de famille",
        "--repo",
        s(&repo),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["phrase"], "bon père de famille");
    let events = v["events"].as_array().unwrap();
    let law: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["summary"].as_str().unwrap().contains("2014-873"))
        .collect();
    // The 2014 law removes the phrase from every article that carried it.
    assert!(law.len() >= 5, "{law:?}");
    for e in &law {
        assert_eq!(e["kind"], "removed", "{e}");
        assert_eq!(
            (e["count_before"].as_u64(), e["count_after"].as_u64()),
            (Some(1), Some(0))
        );
        let r = e["replaced_by"].as_str().unwrap_or("");
        assert!(r == "raisonnablement" || r == "raisonnables", "{e}");
        assert!(e["date"].as_str().unwrap().starts_with("2014-08-0"), "{e}");
        // Each article's first appearance is found.
        let first = events.iter().find(|x| x["path"] == e["path"]).unwrap();
        assert!(
            matches!(first["kind"].as_str(), Some("introduced")),
            "{first}"
        );
    }
    let replaced: Vec<&str> = law
        .iter()
        .filter_map(|e| e["replaced_by"].as_str())
        .collect();
    assert!(replaced.contains(&"raisonnablement") && replaced.contains(&"raisonnables"));
    let stats = &v["stats"];
    assert_eq!(stats["commits_visited"], 170);
    assert!(stats["blobs_read"].as_u64().unwrap() > 1000);
}

#[test]
fn wrapped_article_1374_and_agreement_with_git_log_s() {
    let corpus = corpus_or_skip!();
    let Some((_tmp, repo)) = clone_bundle(&corpus, "code-civil-every-amendment.bundle") else {
        return;
    };
    let (code, v) = run_json(&[
        "trace",
        "bon père de famille",
        "--repo",
        s(&repo),
        "--format",
        "json",
        "--path",
        "Code Civil/Livre III",
    ]);
    assert_eq!(code, 0);
    let events = v["events"].as_array().unwrap();
    let a1374: Vec<_> = events
        .iter()
        .filter(|e| e["path"].as_str().unwrap().ends_with("Article 1374.md"))
        .collect();
    assert_eq!(a1374.len(), 2, "{a1374:?}");
    assert_eq!(a1374[0]["kind"], "introduced");
    assert_eq!(a1374[1]["kind"], "removed");
    assert_eq!(a1374[1]["replaced_by"], "raisonnables");
    assert!(a1374[1]["before"]
        .as_str()
        .unwrap()
        .contains("d'un bon père de famille"));
    // `git log -S` cannot see the wrapped occurrence.
    let introduced_1374 = a1374[0]["commit"].as_str().unwrap().to_owned();
    let wrapped_only = !git_log_s(&repo, "bon père de famille").contains(&introduced_1374);
    assert!(
        wrapped_only,
        "git log -S unexpectedly sees the wrapped occurrence"
    );
}

#[test]
fn count_changes_agree_with_git_log_s() {
    let corpus = corpus_or_skip!();
    let Some((_tmp, repo)) = clone_bundle(&corpus, "code-civil-1803-2015.bundle") else {
        return;
    };
    // Multi-word phrases: `git log -S` counts substrings ("usufruitier" in
    // "usufruitiers"), trace counts whole words.
    for phrase in [
        "bon père de famille",
        "en bon père de famille",
        "ordre public",
        "juge des tutelles",
        "conseil de famille",
    ] {
        let (code, v) = run_json(&[
            "trace",
            phrase,
            "--repo",
            s(&repo),
            "--format",
            "json",
            "--exact",
        ]);
        assert_eq!(code, 0, "{phrase}");
        // Net change of the count per (commit, file), as `git log -S` sees it.
        let mut net: std::collections::BTreeMap<(String, String), i64> = Default::default();
        for e in v["events"].as_array().unwrap() {
            let d = e["count_after"].as_i64().unwrap() - e["count_before"].as_i64().unwrap();
            if e["kind"] != "renamed" {
                *net.entry((
                    e["commit"].as_str().unwrap().into(),
                    e["path"].as_str().unwrap().into(),
                ))
                .or_default() += d;
            }
        }
        let mut ours: Vec<String> = net
            .into_iter()
            .filter(|(_, d)| *d != 0)
            .map(|((c, _), _)| c)
            .collect();
        ours.sort();
        ours.dedup();
        let theirs = git_log_s(&repo, phrase);
        // Where the two disagree, the difference must be a hard wrap: the
        // phrase's count with line ends joined (what trace sees) and its
        // count line by line (what `git log -S` sees) move differently.
        for c in ours
            .iter()
            .filter(|c| !theirs.contains(c))
            .chain(theirs.iter().filter(|c| !ours.contains(c)))
        {
            let (joined, lines) = count_changes(&repo, c, phrase);
            assert!(
                joined != lines,
                "{phrase}: trace and git log -S disagree on {c} for another reason than a wrap"
            );
        }
        assert!(!theirs.is_empty(), "{phrase}: not in the corpus");
    }
}

/// For commit `c` (against its first parent): does the phrase's count
/// change with line ends joined, and does it change line by line?
fn count_changes(repo: &Path, c: &str, phrase: &str) -> (bool, bool) {
    let git = |args: &[&str]| -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(args)
            .output()
            .expect("git");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (mut joined, mut lines) = (false, false);
    for f in git(&["show", "--format=", "--name-only", c]).lines() {
        let count = |rev: &str| -> (usize, usize) {
            let t = git(&["show", &format!("{rev}:{f}")]);
            let j = t.split_whitespace().collect::<Vec<_>>().join(" ");
            (j.matches(phrase).count(), t.matches(phrase).count())
        };
        let (a, b) = (count(&format!("{c}^")), count(c));
        joined |= a.0 != b.0;
        lines |= a.1 != b.1;
    }
    (joined, lines)
}

#[test]
fn files_with_manifest_and_markdown_report() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let p1 = "1. Les États devraient protéger le noyau public de l'Internet contre toute activité malveillante.\n\n2. Le Groupe note les travaux en cours.\n";
    let p2 = "1. Le Groupe note les travaux en cours.\n\n2. Les États devraient protéger le noyau public d’Internet contre toute activité malveillante.\n";
    let p3 = "1. Le Groupe note les travaux en cours.\n\n2. Les États devraient protéger l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet contre toute activité malveillante.\n";
    for (n, t) in [("zero.txt", p1), ("rev1.txt", p2), ("final.txt", p3)] {
        std::fs::write(d.join(n), t).unwrap();
    }
    std::fs::write(
        d.join("drafts.tsv"),
        "# path\tdate\tauthor\tmessage\nzero.txt\t2021-01-12\tChair\tZero draft\nrev1.txt\t2021-03-01T10:00:00+01:00\tChair\tFirst revision\nfinal.txt\t2021-05-28\tGroup\tFinal report\n",
    )
    .unwrap();
    let manifest = d.join("drafts.tsv");
    let (code, v) = run_json(&[
        "trace",
        "noyau public de l'Internet",
        "--manifest",
        s(&manifest),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let k: Vec<(&str, &str)> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        k,
        [
            ("introduced", "2021-01-12T00:00:00Z"),
            ("moved", "2021-03-01T10:00:00+01:00"),
            ("renumbered", "2021-03-01T10:00:00+01:00"),
            // "de l'Internet" became "d’Internet": same phrase, new wording.
            ("changed", "2021-03-01T10:00:00+01:00"),
            ("removed", "2021-05-28T00:00:00Z")
        ]
    );
    let removed = &v["events"][4];
    assert_eq!(
        removed["replaced_by"],
        "l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet"
    );
    let files: Vec<String> = ["zero.txt", "rev1.txt", "final.txt"]
        .iter()
        .map(|f| s(&d.join(f)).to_owned())
        .collect();
    let mut args = vec![
        "trace",
        "noyau public de l'Internet",
        "--manifest",
        s(&manifest),
        "--files",
    ];
    args.extend(files.iter().map(String::as_str));
    let (code, md, _) = run(&args);
    assert_eq!(code, 0);
    let md = md.replace(s(d), "DIR");
    insta::assert_snapshot!("trace_files_markdown", md);
    args.extend(["--format", "html"]);
    let (code, html, _) = run(&args);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<del>"));
    // Same input, same bytes.
    assert_eq!(run(&args).1, html);
}

#[test]
fn errors_exit_2_with_one_line() {
    let empty = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["trace", "x y", "--repo", s(empty.path())],
            "not a git repository",
        ),
        (
            vec!["trace", "  ", "--repo", s(empty.path())],
            "phrase is empty",
        ),
        (
            vec!["trace", "x y", "--files", "/no/such/file.txt"],
            "/no/such/file.txt",
        ),
    ];
    for (args, want) in cases {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let repo = tempfile::tempdir().unwrap();
    git2::Repository::init(repo.path()).unwrap();
    let (code, _, err) = run(&["trace", "x y", "--repo", s(repo.path()), "--rev", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope: unknown revision"), "{err}");
}

#[test]
fn normalized_finds_every_event_exact_finds() {
    let corpus = corpus_or_skip!();
    let Some((_tmp, repo)) = clone_bundle(&corpus, "code-civil-1803-2015.bundle") else {
        return;
    };
    // Phrases starting with an elided article used to miss every
    // occurrence after "de" (issue #14: 56 events against 126).
    let events = |phrase: &str, exact: bool| -> Vec<(String, String)> {
        let mut args = vec!["trace", phrase, "--repo", s(&repo), "--format", "json"];
        if exact {
            args.push("--exact");
        }
        let (code, v) = run_json(&args);
        assert_eq!(code, 0, "{phrase}");
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["commit"].as_str().unwrap().into(),
                    e["path"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    for phrase in [
        "l'autorité parentale",
        "l'usufruitier",
        "d'un bon père de famille",
        "l'enfant",
        "jusqu'à",
    ] {
        let (exact, norm) = (events(phrase, true), events(phrase, false));
        assert!(!exact.is_empty(), "{phrase}: not in the corpus");
        assert!(
            norm.len() >= exact.len(),
            "{phrase}: {} < {}",
            norm.len(),
            exact.len()
        );
        for e in &exact {
            assert!(norm.contains(e), "{phrase}: normalized misses {e:?}");
        }
    }
}
