//! `normdiff check` in temporary git repositories (git CLI, fixed author
//! and dates), over directories and files; `normdiff diff REV:path` and
//! the git external diff driver and difftool. Issue #6 (and #7 for
//! invisible and look-alike characters).

use crate::util::normdiff;
use std::path::{Path, PathBuf};
use std::process::Command;

const WATCH: &str = r#"[[watch]]
id = "public-core"
phrase = "noyau public de l'Internet"
on_change = "fail"
"#;

const BASE: &str = "# Rapport\n\n\
1. Le Groupe note les débats.\n\n\
2. Les États ne devraient pas porter atteinte au noyau public de l'Internet. Ils coopèrent.\n\n\
3. Les normes sont volontaires et non contraignantes.\n\n\
4. Le Groupe recommande des mesures de confiance.\n";

/// A temporary repository with a fixed identity and dates.
struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    commits: u32,
}

impl Repo {
    fn new() -> Repo {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("repo");
        std::fs::create_dir(&dir).unwrap();
        let r = Repo {
            _tmp: tmp,
            dir,
            commits: 0,
        };
        r.git(&["init", "-q", "-b", "main"]);
        r
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .current_dir(&self.dir)
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &self.dir)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn write(&self, path: &str, text: &str) {
        let p = self.dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn commit(&mut self, msg: &str) {
        self.commits += 1;
        let date = format!("2024-01-{:02}T12:00:00+00:00", self.commits);
        self.git(&["add", "-A"]);
        let out = Command::new("git")
            .current_dir(&self.dir)
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(["commit", "-q", "-m", msg])
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .output()
            .expect("git commit");
        assert!(out.status.success());
    }

    /// A repository whose `main` has the watch file and `report.md`.
    fn with_base(watch: &str) -> Repo {
        let mut r = Repo::new();
        r.write(".normdiff.toml", watch);
        r.write("report.md", BASE);
        r.commit("base");
        r.git(&["checkout", "-q", "-b", "pr"]);
        r
    }

    fn check(&self, extra: &[&str]) -> (i32, String, String) {
        let out = normdiff()
            .current_dir(&self.dir)
            .args(["check", "--base", "main", "--head", "HEAD"])
            .args(extra)
            .output()
            .expect("runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn check_json(&self, extra: &[&str]) -> (i32, serde_json::Value) {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        let (code, out, err) = self.check(&args);
        let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
        (code, v)
    }
}

fn statuses(entry: &serde_json::Value) -> Vec<String> {
    entry["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn reworded_phrase_fails_with_a_redline_in_every_format() {
    let mut r = Repo::with_base(WATCH);
    r.write(
        "report.md",
        &BASE.replace(
            "noyau public de l'Internet",
            "l'infrastructure technique essentielle de l'Internet",
        ),
    );
    r.commit("reword");
    let (code, v) = r.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(v["schema_version"], 1);
    let e = &v["entries"][0];
    assert_eq!(e["status"], "removed");
    assert_eq!(e["verdict"], "fail");
    let f = &e["findings"][0];
    assert_eq!(f["location"]["path"], "report.md");
    assert_eq!(f["location"]["line"], 5);
    assert!(f["replaced_by"]
        .as_str()
        .unwrap()
        .contains("infrastructure technique essentielle"));
    let ops = f["ops"].as_array().unwrap();
    assert!(ops.iter().any(|o| o["op"] == "delete"));
    assert!(ops.iter().any(|o| o["op"] == "insert"));

    let (code, text, _) = r.check(&[]);
    assert_eq!(code, 1);
    assert!(text.contains("FAIL  public-core"), "{text}");
    assert!(text.contains("[-") && text.contains("{+"), "{text}");
    let (code, md, _) = r.check(&["--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(md.starts_with("## ❌ normdiff check"), "{md}");
    assert!(md.contains("| Verdict | Entry |"), "{md}");
    assert!(md.contains("<del>") && md.contains("<ins>"), "{md}");
    let (code, gh, _) = r.check(&["--format", "github"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(gh);
    // Same input, same bytes; and the repository is left untouched.
    assert_eq!(
        r.check(&["--format", "json"]).1,
        r.check(&["--format", "json"]).1
    );
    assert_eq!(r.git(&["status", "--porcelain"]), "");
}

#[test]
fn renumbered_and_moved_paragraph_passes() {
    let mut r = Repo::with_base(WATCH);
    r.write(
        "report.md",
        "# Rapport\n\n\
1. Le Groupe note les débats.\n\n\
2. Les normes sont volontaires et non contraignantes.\n\n\
3. Le Groupe recommande des mesures de confiance.\n\n\
4. Les États ne devraient pas porter atteinte au noyau public de l'Internet. Ils coopèrent.\n",
    );
    r.commit("move");
    let (code, v) = r.check_json(&[]);
    assert_eq!(code, 0, "{v:#}");
    let e = &v["entries"][0];
    assert_eq!(e["verdict"], "pass");
    let s = statuses(e);
    assert!(s.iter().any(|s| s == "renumbered"), "{s:?}");
    assert!(s.iter().all(|s| s == "renumbered" || s == "moved"), "{s:?}");
    assert_eq!(e["locations"][0]["label"], "4");
}

#[test]
fn warn_entry_changed_passes_with_a_warning() {
    let mut r = Repo::with_base(&WATCH.replace("\"fail\"", "\"warn\""));
    r.write(
        "report.md",
        &BASE.replace("ne devraient pas", "ne doivent en aucun cas"),
    );
    r.commit("stronger");
    let (code, text, _) = r.check(&[]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("WARN  public-core · changed · warn"),
        "{text}"
    );
    let (code, gh, _) = r.check(&["--format", "github"]);
    assert_eq!(code, 0);
    assert!(
        gh.starts_with(
            "::warning file=report.md,line=5,title=normdiff check%3A public-core changed::"
        ),
        "{gh}"
    );
}

#[test]
fn protected_paragraph_edited_fails() {
    let watch = "[[protect]]\npath = \"report.md\"\nlabel = \"3\"\n";
    let mut r = Repo::with_base(watch);
    r.write(
        "report.md",
        &BASE.replace("non contraignantes", "obligatoires"),
    );
    r.commit("edit 3");
    let (code, v) = r.check_json(&[]);
    assert_eq!(code, 1);
    let e = &v["entries"][0];
    assert_eq!(
        (e["kind"].as_str(), e["status"].as_str()),
        (Some("protect"), Some("changed"))
    );
    assert_eq!(e["id"], "report.md ¶ 3");
    // Renumbering it alone is not an edit.
    let mut r = Repo::with_base(watch);
    r.write(
        "report.md",
        &BASE
            .replace("3. Les normes", "4. Les normes")
            .replace("4. Le Groupe recommande", "5. Le Groupe recommande"),
    );
    r.commit("renumber");
    let (code, v) = r.check_json(&[]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["entries"][0]["status"], "renumbered");
}

#[test]
fn renamed_watched_file_is_followed() {
    let mut r = Repo::with_base(WATCH);
    r.git(&["mv", "report.md", "rapport-final.md"]);
    r.commit("rename");
    let (code, v) = r.check_json(&[]);
    assert_eq!(code, 0, "{v:#}");
    let e = &v["entries"][0];
    assert_eq!(e["status"], "renamed");
    assert_eq!(e["findings"][0]["previous_path"], "report.md");
    assert_eq!(e["findings"][0]["location"]["path"], "rapport-final.md");
    assert_eq!(e["locations"][0]["path"], "rapport-final.md");
}

#[test]
fn bad_watch_file_is_trouble_with_its_line() {
    let r = Repo::with_base(
        "[[watch]]\nid = \"a\"\nphrase = \"noyau public\"\non_change = \"block\"\n",
    );
    let (code, out, err) = r.check(&[]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains(".normdiff.toml:4:"), "{err}");
    assert!(err.contains("block"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (code, _, err) = r.check(&["--watch", "missing.toml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.toml: cannot read the watch file"),
        "{err}"
    );
}

#[test]
fn unknown_revision_is_trouble() {
    let r = Repo::with_base(WATCH);
    let out = normdiff()
        .current_dir(&r.dir)
        .args(["check", "--base", "no-such-branch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-branch: unknown revision"), "{err}");
}

#[test]
fn zero_width_space_in_the_phrase_fails_and_shows() {
    let mut r = Repo::with_base(&WATCH.replace("\"fail\"", "\"warn\""));
    r.write(
        "report.md",
        &BASE.replace("noyau public", "noyau\u{200B} public"),
    );
    r.commit("zwsp");
    let (code, v) = r.check_json(&["--ignore", "typography,whitespace"]);
    assert_eq!(code, 1, "{v:#}");
    let e = &v["entries"][0];
    assert_eq!(e["suspicious"], true);
    let classes: Vec<&str> = e["findings"][0]["classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(classes.contains(&"invisible"), "{classes:?}");
    for format in ["text", "markdown", "github"] {
        let (code, out, _) = r.check(&["--format", format]);
        assert_eq!(code, 1);
        assert!(out.contains("⟦U+200B⟧"), "{format}: {out}");
    }
}

#[test]
fn cyrillic_o_in_noyau_is_confusable_and_fails() {
    let mut r = Repo::with_base(WATCH);
    r.write("report.md", &BASE.replace("noyau", "n\u{043E}yau"));
    r.commit("homoglyph");
    let (code, v) = r.check_json(&[]);
    assert_eq!(code, 1);
    let f = &v["entries"][0]["findings"][0];
    assert!(
        f["classes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "confusable"),
        "{f:#}"
    );
    let (_, text, _) = r.check(&[]);
    assert!(text.contains("U+043E"), "{text}");
}

#[test]
fn directories_and_files_without_git() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    for d in [&old, &new] {
        std::fs::create_dir_all(d.join("sub")).unwrap();
    }
    std::fs::write(old.join("sub/report.md"), BASE).unwrap();
    std::fs::write(
        new.join("sub/report.md"),
        BASE.replace("noyau public", "noyau mondial"),
    )
    .unwrap();
    // The watch file inside the new directory is never read as a document.
    let watch = new.join(".normdiff.toml");
    std::fs::write(
        &watch,
        WATCH.replace("on_change", "paths = [\"sub/*.md\", \"*.toml\"]\non_change"),
    )
    .unwrap();
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    let out = normdiff()
        .args([
            "check",
            &s(&old),
            &s(&new),
            "--watch",
            &s(&watch),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entries"][0]["status"], "removed");
    // Paths name files that exist (outside a repository: as given).
    let path = v["entries"][0]["findings"][0]["location"]["path"]
        .as_str()
        .unwrap();
    assert_eq!(path, new.join("sub/report.md").to_str().unwrap());
    assert!(Path::new(path).is_file());
    // Two files: the same, and identical files pass.
    let (o, n) = (old.join("sub/report.md"), new.join("sub/report.md"));
    let out = normdiff()
        .args(["check", &s(&o), &s(&n), "--watch", &s(&watch)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = normdiff()
        .args(["check", &s(&o), &s(&o), "--watch", &s(&watch)])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = normdiff()
        .args(["check", &s(&o), &s(&new), "--watch", &s(&watch)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_reads_git_object_specs() {
    let mut r = Repo::with_base(WATCH);
    r.write("report.md", &BASE.replace("noyau public", "noyau mondial"));
    r.commit("edit");
    let out = normdiff()
        .current_dir(&r.dir)
        .args([
            "diff",
            "main:report.md",
            "HEAD:report.md",
            "--format",
            "terminal",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[-public-]{+mondial+}"), "{text}");
    // An existing file named like a spec wins.
    r.write("main:report.md", BASE);
    let out = normdiff()
        .current_dir(&r.dir)
        .args(["diff", "main:report.md", "main:report.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = normdiff()
        .current_dir(&r.dir)
        .args(["diff", "main:nothing.md", "HEAD:report.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("main:nothing.md: no such file"), "{err}");
}

#[test]
fn git_diff_uses_normdiff_as_external_driver_and_difftool() {
    let mut r = Repo::with_base(WATCH);
    r.write("report.md", &BASE.replace("noyau public", "noyau mondial"));
    let bin = env!("CARGO_BIN_EXE_normdiff");
    // The lines of docs/git.md.
    r.write(".gitattributes", "*.md diff=normdiff\n");
    r.git(&[
        "config",
        "diff.normdiff.command",
        &format!("'{bin}' diff --format terminal --color never"),
    ]);
    r.git(&[
        "config",
        "difftool.normdiff.cmd",
        &format!("'{bin}' diff --format terminal --color never \"$LOCAL\" \"$REMOTE\""),
    ]);
    let out = r.git(&["diff", "--", "report.md"]);
    assert!(out.contains("a/report.md → b/report.md"), "{out}");
    assert!(out.contains("[-public-]{+mondial+}"), "{out}");
    let out = r.git(&[
        "difftool",
        "--no-prompt",
        "--tool=normdiff",
        "--",
        "report.md",
    ]);
    assert!(out.contains("[-public-]{+mondial+}"), "{out}");
    // Committed: `git show` and `git log -p` use it too.
    r.commit("edit");
    let out = r.git(&["show", "--ext-diff", "--format=", "HEAD"]);
    assert!(out.contains("[-public-]{+mondial+}"), "{out}");
}

/// The 2014 law (Loi n°2014-873) as a pull request on the Civil Code: the
/// check fails and lists each article that lost "bon père de famille", with
/// what replaced it.
#[test]
fn civil_code_2014_law_as_a_pull_request() {
    let corpus = crate::corpus_or_skip!();
    let bundle = corpus.join("code-civil/code-civil-1803-2015.bundle");
    if !bundle.is_file() {
        crate::util::skip(&format!("{} not found", bundle.display()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("cc");
    let ok = Command::new("git")
        .args(["clone", "-q"])
        .arg(&bundle)
        .arg(&repo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "git clone of the bundle");
    let law = Command::new("git")
        .current_dir(&repo)
        .args(["log", "--format=%H", "--grep", "2014-873"])
        .output()
        .unwrap();
    let law = String::from_utf8_lossy(&law.stdout)
        .lines()
        .next()
        .unwrap()
        .to_owned();
    let watch = tmp.path().join("w.toml");
    std::fs::write(
        &watch,
        "[[watch]]\nid = \"bpf\"\nphrase = \"bon père de famille\"\n",
    )
    .unwrap();
    let out = normdiff()
        .current_dir(&repo)
        .args([
            "check",
            "--base",
            &format!("{law}~1"),
            "--head",
            &law,
            "--format",
            "json",
        ])
        .arg("--watch")
        .arg(&watch)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["entries"][0]["findings"].as_array().unwrap();
    assert!(findings.len() >= 5, "{findings:#?}");
    for f in findings {
        assert_eq!(f["status"], "removed", "{f:#}");
        let r = f["replaced_by"].as_str().unwrap_or("");
        assert!(r == "raisonnablement" || r == "raisonnables", "{f:#}");
    }
}

/// A hard-wrapped report whose watched phrase sits on the paragraph's third
/// and fourth lines.
const WRAPPED: &str = "# Rapport\n\n\
1. Le Groupe note les débats.\n\n\
2. Les États ne devraient pas porter\n\
atteinte, en aucune circonstance et\n\
en aucun cas, au noyau public de\n\
l'Internet. Ils coopèrent.\n\n\
3. Les normes sont volontaires.\n";

#[test]
fn github_annotations_point_at_the_changed_lines() {
    let mut r = Repo::new();
    r.write(".normdiff.toml", WATCH);
    r.write("report.md", WRAPPED);
    r.commit("base");
    r.git(&["checkout", "-q", "-b", "pr"]);
    r.write(
        "report.md",
        &WRAPPED.replace(
            "noyau public de\nl'Internet",
            "noyau mondial de\nl'Internet",
        ),
    );
    r.commit("reword");
    let (code, out, err) = r.check(&["--format", "github"]);
    assert_eq!(code, 1, "{err}");
    let line = out.lines().find(|l| l.starts_with("::error")).expect(&out);
    // The paragraph starts on line 5; the changed word is on line 7.
    assert!(line.contains("file=report.md,line=7,"), "{line}");
    let (_, v) = r.check_json(&[]);
    let loc = &v["entries"][0]["findings"][0]["location"];
    assert_eq!(
        (loc["line"].as_u64(), loc["end_line"].as_u64()),
        (Some(7), Some(7)),
        "{v}"
    );
}

#[test]
fn directory_mode_names_files_as_the_repository_knows_them() {
    let mut r = Repo::new();
    r.write(".normdiff.toml", WATCH);
    r.write("drafts/v1/report.md", BASE);
    r.write(
        "drafts/v2/report.md",
        &BASE.replace("noyau public", "noyau mondial"),
    );
    r.commit("drafts");
    let out = normdiff()
        .current_dir(r.dir.join("drafts"))
        .args([
            "check",
            "v1",
            "v2",
            "--watch",
            "../.normdiff.toml",
            "--format",
            "github",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{s}");
    let line = s.lines().find(|l| l.starts_with("::error")).expect(&s);
    assert!(line.contains("file=drafts/v2/report.md,line="), "{line}");
    assert!(r.dir.join("drafts/v2/report.md").is_file());
}

#[test]
fn head_worktree_catches_an_uncommitted_edit() {
    let r = Repo::with_base(WATCH);
    r.write("report.md", &BASE.replace("noyau public", "noyau mondial"));
    let run = |args: &[&str]| {
        let out = normdiff()
            .current_dir(&r.dir)
            .args(["check", "--base", "main"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, _) = run(&["--head", "WORKTREE"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("public-core"), "{out}");
    // Without --head, a dirty working tree is what is checked, with a note.
    let (code, _, err) = run(&[]);
    assert_eq!(code, 1);
    assert!(err.contains("working tree"), "{err}");
    // The commits themselves do not differ.
    assert_eq!(run(&["--head", "HEAD"]).0, 0);
    // A deleted file counts as removed.
    std::fs::remove_file(r.dir.join("report.md")).unwrap();
    let (code, out, _) = run(&["--head", "WORKTREE", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"removed\""), "{out}");
}

/// The README's example watch file, run on the README's scenario (a
/// reworded phrase), prints exactly the README's example output.
#[test]
fn readme_example_watch_file_and_output_agree() {
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).unwrap();
    let section = &readme[readme.find("## `normdiff check`").unwrap()..];
    let block = |fence: &str| -> String {
        let start = section.find(fence).unwrap() + fence.len();
        let end = start + section[start..].find("```").unwrap();
        section[start..end].trim_start_matches('\n').to_owned()
    };
    let (watch, output) = (block("```toml\n"), block("```text\n"));
    let mut r = Repo::with_base(&watch);
    r.write(
        "report.md",
        &BASE.replace(
            "noyau public de l'Internet",
            "l'infrastructure technique essentielle de l'Internet",
        ),
    );
    r.commit("reword");
    let (code, out, err) = r.check(&[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, output, "README example output is stale");
}

#[test]
fn colour_like_diff() {
    let mut r = Repo::with_base(WATCH);
    r.write("report.md", &BASE.replace("noyau public", "noyau mondial"));
    r.commit("reword");
    let (_, out, _) = r.check(&["--color", "always"]);
    assert!(out.contains("\u{1b}[1;31mFAIL"), "{out}");
    let (_, out, _) = r.check(&[]);
    assert!(!out.contains('\u{1b}'), "not a terminal: {out}");
    let (_, out, _) = r.check(&["--color", "never"]);
    assert!(!out.contains('\u{1b}'));
    let (_, _, err) = r.check(&["--format", "json", "--color", "always"]);
    assert!(err.contains("--color has no effect"), "{err}");
}
