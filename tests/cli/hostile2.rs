//! Issue #11: hostile input, round 2. Every input is generated here (no
//! large file is committed); the big cases (100 000 paragraphs, a 50 MB
//! paragraph, a 4 MB quote haystack) are release-mode stress tests in
//! `crates/normdiff-core/tests/stress.rs`.

use crate::util::{normdiff, run};
use std::path::Path;
use std::process::{Command, Stdio};

/// Writes `files` (name, bytes) into a fresh temporary directory.
fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        std::fs::write(d.path().join(name), bytes).unwrap();
    }
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs normdiff with OS-string arguments (file names that are not UTF-8).
fn run_os(dir: &Path, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = normdiff()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// No control character but line ends and tabs, no bidi control.
fn assert_inert(what: &str, text: &str) {
    let bad: Vec<String> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in {text:?}");
}

// ---- git helpers -----------------------------------------------------------

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("GIT_AUTHOR_DATE", "2024-01-01T12:00:00+00:00")
        .env("GIT_COMMITTER_DATE", "2024-01-01T12:00:00+00:00")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

const WATCH: &str = "[[watch]]\nid = \"core\"\nphrase = \"noyau public\"\non_change = \"fail\"\n";
const WITH: &str = "1. Le noyau public de l'Internet est protégé.\n\n2. Autre texte.\n";
const WITHOUT: &str = "1. Le cœur de l'Internet est protégé.\n\n2. Autre texte.\n";

#[cfg(unix)]
#[test]
fn check_does_not_skip_a_file_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    git(repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join(".normdiff.toml"), WATCH).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"d\xe9cision.txt");
    std::fs::write(repo.join(name), WITH).unwrap();
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "base"]);
    git(repo, &["checkout", "-q", "-b", "pr"]);
    std::fs::write(repo.join(name), WITHOUT).unwrap();
    git(repo, &["commit", "-q", "-am", "drop the phrase"]);
    let (code, out, err) = run_os(
        repo,
        &["check", "--base", "main", "--head", "HEAD"].map(std::ffi::OsStr::new),
    );
    assert!(
        code == 1 || code == 2,
        "removal passed: {code}\n{out}\n{err}"
    );
    assert!(
        out.contains("d\\xE9cision.txt") || err.contains("d\\xE9cision.txt"),
        "{out}\n{err}"
    );
    assert_inert("check output", &out);
}

#[cfg(unix)]
#[test]
fn check_of_directories_reports_a_file_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"d\xe9cision.txt");
    std::fs::write(old.join(name), WITH).unwrap();
    std::fs::write(new.join(name), WITHOUT).unwrap();
    std::fs::write(tmp.path().join("w.toml"), WATCH).unwrap();
    let (code, out, err) = run(&[
        "check",
        s(&old),
        s(&new),
        "--watch",
        s(&tmp.path().join("w.toml")),
    ]);
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(out.contains("d\\xE9cision.txt"), "{out}");
}

#[test]
fn check_github_format_escapes_every_control_character() {
    let old = "1. Le noyau public \u{1b}]52;c;cm0gLXJmIH4=\u{7} est \u{1b}]8;;https://evil.example\u{1b}\\là\u{1b}]8;;\u{1b}\\ \u{8}\u{8}ok \u{1b}[2J.\n".to_owned();
    let new = old.replace("noyau public", "cœur");
    let d = dir_with(&[
        ("old.txt", old.as_bytes()),
        ("new.txt", new.as_bytes()),
        ("w.toml", WATCH.as_bytes()),
    ]);
    let p = d.path();
    let (code, out, err) = run(&[
        "check",
        s(&p.join("old.txt")),
        s(&p.join("new.txt")),
        "--watch",
        s(&p.join("w.toml")),
        "--format",
        "github",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("::error"), "{out}");
    assert_inert("github output", &out);
    assert!(
        out.contains("%1B") || out.contains("U+001B"),
        "ESC shown: {out}"
    );
}

// ---- -o FILE ---------------------------------------------------------------

fn pair() -> tempfile::TempDir {
    dir_with(&[
        ("old.txt", b"1. Le Groupe note les d\xc3\xa9bats.\n"),
        ("new.txt", b"1. Le Groupe salue les d\xc3\xa9bats.\n"),
    ])
}

#[cfg(unix)]
#[test]
fn output_never_follows_a_planted_temporary_symlink() {
    let d = pair();
    let p = d.path();
    let victim = p.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, p.join("out.md.normdiff-tmp")).unwrap();
    let (code, _, err) = run(&[
        "diff",
        s(&p.join("old.txt")),
        s(&p.join("new.txt")),
        "-o",
        s(&p.join("out.md")),
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::read_to_string(p.join("out.md"))
        .unwrap()
        .contains("salue"));
}

#[cfg(unix)]
#[test]
fn output_keeps_the_target_mode_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = pair();
    let p = d.path();
    let out = p.join("out.md");
    std::fs::write(&out, "old report").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, _, err) = run(&[
        "diff",
        s(&p.join("old.txt")),
        s(&p.join("new.txt")),
        "-o",
        s(&out),
    ]);
    assert_eq!(code, 1, "{err}");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let mut names: Vec<String> = std::fs::read_dir(p)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["new.txt", "old.txt", "out.md"]);
}

#[cfg(unix)]
#[test]
fn output_naming_an_input_is_refused() {
    let d = pair();
    let p = d.path();
    std::os::unix::fs::symlink(p.join("new.txt"), p.join("link.txt")).unwrap();
    std::fs::hard_link(p.join("new.txt"), p.join("hard.txt")).unwrap();
    let before = std::fs::read(p.join("new.txt")).unwrap();
    for target in ["new.txt", "link.txt", "hard.txt", "./new.txt"] {
        let (code, _, err) = run(&[
            "diff",
            s(&p.join("old.txt")),
            s(&p.join("new.txt")),
            "-o",
            s(&p.join(target)),
        ]);
        assert_eq!(code, 2, "-o {target}: {err}");
        assert!(err.contains("is one of the inputs"), "{err}");
        assert_eq!(
            std::fs::read(p.join("new.txt")).unwrap(),
            before,
            "-o {target}"
        );
    }
    for cmd in [&["parse"][..], &["locate", "--quote", "Groupe"][..]] {
        let mut args: Vec<String> = cmd.iter().map(|a| a.to_string()).collect();
        args.extend([
            s(&p.join("new.txt")).into(),
            "-o".into(),
            s(&p.join("hard.txt")).into(),
        ]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    let (code, _, err) = run(&[
        "align",
        s(&p.join("old.txt")),
        s(&p.join("new.txt")),
        "-o",
        s(&p.join("old.txt")),
    ]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read(p.join("new.txt")).unwrap(), before);
}

#[test]
fn trace_and_history_output_naming_a_draft_or_the_manifest_is_refused() {
    let d = pair();
    let p = d.path();
    std::fs::write(
        p.join("list.tsv"),
        "old.txt\t2021-01-01\nnew.txt\t2021-02-01\n",
    )
    .unwrap();
    let manifest = std::fs::read(p.join("list.tsv")).unwrap();
    let before = std::fs::read(p.join("new.txt")).unwrap();
    let (old, new, list) = (p.join("old.txt"), p.join("new.txt"), p.join("list.tsv"));
    let runs: [Vec<&str>; 4] = [
        vec![
            "trace",
            "Groupe",
            "--files",
            s(&old),
            s(&new),
            "-o",
            s(&new),
        ],
        vec!["trace", "Groupe", "--manifest", s(&list), "-o", s(&new)],
        vec!["trace", "Groupe", "--manifest", s(&list), "-o", s(&list)],
        vec!["history", s(&old), s(&new), "-o", s(&new)],
    ];
    for args in runs {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("is one of the inputs"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&new).unwrap(), before, "{args:?}");
        assert_eq!(std::fs::read(&list).unwrap(), manifest, "{args:?}");
    }
}

// ---- closed pipe -----------------------------------------------------------

#[test]
fn a_closed_pipe_keeps_the_real_exit_status() {
    let old: String = (0..3000)
        .map(|i| format!("{i}. Le Groupe note les débats.\n\n"))
        .collect();
    let new = old.replace("note", "salue");
    let d = dir_with(&[("old.txt", old.as_bytes()), ("new.txt", new.as_bytes())]);
    let mut child = Command::new(crate::util::bin())
        .args([
            "diff",
            s(&d.path().join("old.txt")),
            s(&d.path().join("new.txt")),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---- characters ------------------------------------------------------------

#[test]
fn braille_blank_is_not_punctuation() {
    let d = dir_with(&[
        ("old.txt", "1. Le noyau public de l'Internet.\n".as_bytes()),
        (
            "new.txt",
            "1. Le noyau\u{2800}public de l'Internet.\n".as_bytes(),
        ),
    ]);
    let (code, out, err) = run(&[
        "diff",
        s(&d.path().join("old.txt")),
        s(&d.path().join("new.txt")),
        "--ignore",
        "punctuation,typography,whitespace",
    ]);
    assert_eq!(code, 1, "hidden: {out}\n{err}");
    assert!(out.contains("⟦U+2800⟧"), "{out}");
}

#[test]
fn parse_preview_shows_zero_width_and_tag_characters() {
    let d = dir_with(&[(
        "doc.txt",
        "1. Le noyau\u{200B} public\u{E0041}\u{E0042} de\u{2060} l'Internet.\n".as_bytes(),
    )]);
    let (code, out, err) = run(&["parse", s(&d.path().join("doc.txt"))]);
    assert_eq!(code, 0, "{err}");
    for m in ["⟦U+200B⟧", "⟦U+E0041⟧", "⟦U+E0042⟧", "⟦U+2060⟧"] {
        assert!(out.contains(m), "{m} in {out}");
    }
    assert!(
        !out.contains('\u{200B}') && !out.contains('\u{E0041}'),
        "{out}"
    );
}

const TROJAN: &str = "1. Les États \u{202E}sap tnevuep en\u{202C} porter atteinte.\n\n2. Le Groupe\u{2067} note\u{2069} les débats.\n";

#[test]
fn align_output_neutralises_bidi_controls() {
    let d = dir_with(&[
        ("fr.txt", TROJAN.as_bytes()),
        (
            "en.txt",
            b"1. States should not harm.\n\n2. The Group notes the debates.\n",
        ),
    ]);
    for format in ["markdown", "html", "tsv", "json"] {
        let (code, out, err) = run(&[
            "align",
            s(&d.path().join("fr.txt")),
            s(&d.path().join("en.txt")),
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{err}");
        assert_inert(format, &out);
        let marker = if format == "json" {
            "\\u202e"
        } else {
            "U+202E"
        };
        assert!(format == "tsv" || out.contains(marker), "{format}: {out}");
    }
}

#[test]
fn locate_output_neutralises_bidi_controls() {
    let d = dir_with(&[("doc.txt", TROJAN.as_bytes())]);
    for format in ["markdown", "json"] {
        let (code, out, err) = run(&[
            "locate",
            s(&d.path().join("doc.txt")),
            "--quote",
            "Les États porter atteinte",
            "--quote",
            "Le Groupe \u{202E}note les débats",
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{err}");
        assert_inert(format, &out);
        let marker = if format == "json" {
            "\\u202e"
        } else {
            "U+202E"
        };
        assert!(format == "tsv" || out.contains(marker), "{format}: {out}");
    }
}

#[test]
fn file_names_are_escaped_in_headers_and_errors() {
    let d = pair();
    let p = d.path();
    let odd = p.join("new\n# Injected\u{1b}[31m.txt");
    std::fs::copy(p.join("new.txt"), &odd).unwrap();
    for format in ["markdown", "terminal", "html", "json"] {
        let (code, out, err) = run(&["diff", s(&p.join("old.txt")), s(&odd), "--format", format]);
        assert_eq!(code, 1, "{err}");
        assert_inert(format, &out);
        assert!(!out.contains("\n# Injected"), "{format}: {out}");
    }
    let missing = p.join("gone\n\u{1b}]52;c;eA==\u{7}.txt");
    let (code, _, err) = run(&["diff", s(&p.join("old.txt")), s(&missing)]);
    assert_eq!(code, 2);
    assert_inert("error", err.trim_end());
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn odd_length_utf16_is_refused() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("1. Texte.\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
    bytes.push(b'x');
    let d = dir_with(&[("odd.txt", &bytes)]);
    let (code, _, err) = run(&["parse", s(&d.path().join("odd.txt"))]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("odd.txt") && err.contains("odd number of bytes"),
        "{err}"
    );
}

#[test]
fn a_commit_with_a_malformed_date_is_not_an_unknown_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    git(repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join(".normdiff.toml"), WATCH).unwrap();
    std::fs::write(repo.join("doc.txt"), WITH).unwrap();
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "base"]);
    std::fs::write(repo.join("doc.txt"), WITHOUT).unwrap();
    git(repo, &["add", "-A"]);
    let tree = git(repo, &["write-tree"]);
    let parent = git(repo, &["rev-parse", "HEAD"]);
    let raw = format!(
        "tree {tree}\nparent {parent}\nauthor Mallory <m@example.org> notadate +0000\ncommitter Mallory <m@example.org> 99999999999999999999 +9999\n\nodd date\n"
    );
    let raw_path = repo.join("raw-commit");
    std::fs::write(&raw_path, raw).unwrap();
    let id = git(
        repo,
        &[
            "hash-object",
            "-t",
            "commit",
            "-w",
            "--literally",
            s(&raw_path),
        ],
    );
    std::fs::remove_file(&raw_path).unwrap();
    git(repo, &["branch", "odd", &id]);
    let (code, out, err) = run_os(
        repo,
        &["check", "--base", "main", "--head", "odd"].map(std::ffi::OsStr::new),
    );
    assert!(!err.contains("unknown revision"), "{err}");
    // Checked (the date is not needed), or refused naming the commit.
    assert!(
        code == 1 || (code == 2 && err.contains("odd")),
        "{out}\n{err}"
    );
}

#[test]
fn locate_refuses_a_paragraph_over_its_limit_naming_it() {
    let long = "le noyau public de l'Internet ".repeat(7_000);
    let d = dir_with(&[("long.txt", long.as_bytes())]);
    let (code, _, err) = run(&[
        "locate",
        s(&d.path().join("long.txt")),
        "--quote",
        "noyau public",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("long.txt") && err.contains("limit of 200000 characters"),
        "{err}"
    );
}
