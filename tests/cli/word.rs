//! Word (.docx) input and output, issue #15: every command reads .docx by
//! content; damaged, non-Word and encrypted files are refused by name;
//! `diff --format docx` writes tracked changes that accept to the new
//! draft and reject to the old one (checked with normdiff's own reader and
//! with LibreOffice).

use crate::util::{fixture, run, run_json};
use std::path::Path;
use std::process::Command;

fn word(name: &str) -> String {
    fixture(&format!("word/{name}"))
        .to_string_lossy()
        .into_owned()
}

/// Each block as the words it prints (label marker, then text).
fn printed(path: &str, revisions: &str) -> Vec<String> {
    let (code, v) = run_json(&["parse", path, "--format", "json", "--revisions", revisions]);
    assert_eq!(code, 0);
    v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let s = format!(
                "{} {}",
                b["marker"].as_str().unwrap_or(""),
                b["text"].as_str().unwrap()
            );
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn parse_reads_numbering_footnotes_tables_and_headings() {
    let (code, v) = run_json(&["parse", &word("zero.docx"), "--format", "json"]);
    assert_eq!(code, 0);
    let labels: Vec<&str> = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        labels,
        ["I", "1", "2", "2 a)", "2 b)", "-", "-", "II", "3", "-"]
    );
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["kind"], "heading");
    assert_eq!(blocks[3]["parent"], 2, "2 a) belongs to 2");
    assert_eq!(blocks[5]["kind"], "table_row");
    assert_eq!(blocks[5]["text"], "Agenda item\tDocument");
    assert_eq!(
        blocks[1]["text"],
        "The Group notes that existing and emerging threats persist.¹"
    );
    assert_eq!(v["footnotes"][0]["label"], "¹");
    assert_eq!(v["footnotes"][0]["text"], "See A/76/135, para. 7.");
    assert_eq!(
        blocks[9]["text"],
        "Unnumbered closing paragraph with a field: 7"
    );
}

#[test]
fn features_text_boxes_controls_hidden_text_scripts() {
    let p = printed(&word("features.docx"), "accept");
    let want = [
        "1. First numbered.",
        "Interrupting plain paragraph.",
        "2. Continued list, other instance.",
        "18. Restarted at eighteen.",
        "a) Its sub-paragraph.",
        "3. Numbered by its style.",
        "• Bullet item.",
        "Content control: inside the control",
        "Text in the box.",
        "Anchor of a text box.",
        "Visible text.",
        "Paragraph whose mark was deleted, joined to this one.",
        "Target: Moved sentence.",
        "المادة الأولى: يولد جميع الناس أحراراً",
        "第一条 人人生而自由，在尊严和权利上一律平等。",
        "Field: result",
        "AT&T <tag>",
    ];
    assert_eq!(p, want);
    let r = printed(&word("features.docx"), "reject");
    assert!(
        r.contains(&"Paragraph whose mark was deleted,".to_owned()),
        "{r:?}"
    );
    assert!(
        r.contains(&"Moved sentence.".to_owned()) && r.contains(&"Target:".to_owned()),
        "{r:?}"
    );
}

#[test]
fn tracked_changes_accepted_or_rejected_with_a_warning() {
    let (code, out, err) = run(&["parse", &word("final.docx")]);
    assert_eq!(code, 0);
    assert!(out.contains("States must cooperate"), "{out}");
    assert!(
        err.contains("final.docx: 2 tracked change(s) read as accepted"),
        "{err}"
    );
    let (_, out, err) = run(&["parse", &word("final.docx"), "--revisions", "reject"]);
    assert!(out.contains("States should cooperate"), "{out}");
    assert!(err.contains("read as rejected"), "{err}");
}

#[test]
fn bad_word_files_exit_2_with_one_line_naming_the_file() {
    for (name, says) in [
        ("truncated.docx", "damaged or truncated ZIP archive"),
        ("not-word.docx", "not a Word document"),
        ("encrypted.docx", "password-protected"),
    ] {
        for cmd in [&["parse"][..], &["diff", &word("zero.docx")][..]] {
            let path = word(name);
            let mut args = cmd.to_vec();
            args.push(&path);
            let (code, out, err) = run(&args);
            assert_eq!(code, 2, "{name}: {err}");
            assert!(out.is_empty());
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains(name) && err.contains(says), "{err}");
        }
    }
}

#[test]
fn every_command_reads_word() {
    let (zero, fin) = (word("zero.docx"), word("final.docx"));
    let (code, out, _) = run(&["diff", &zero, &fin, "--format", "terminal"]);
    assert_eq!(code, 1);
    assert!(out.contains("States [-should-]{+must+} cooperate"), "{out}");
    assert!(
        out.contains("¶ 2 a) → ¶ 3 a)"),
        "renumbered sub-paragraph: {out}"
    );
    let (code, out, _) = run(&[
        "locate",
        &fin,
        "-q",
        "must cooperate",
        "--format",
        "markdown",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("| 3 | 3 |") && out.contains("| must cooperate |"),
        "{out}"
    );
    let (code, out, _) = run(&["align", &zero, &fin, "--format", "tsv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("0\t0\t"), "{out}");
    let (code, out, _) = run(&["trace", "must cooperate", "--files", &zero, &fin]);
    assert_eq!(code, 0);
    assert!(out.contains("2 parsed"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    for (sub, src) in [("a", &zero), ("b", &fin)] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::copy(src, dir.path().join(sub).join("report.docx")).unwrap();
    }
    let watch = dir.path().join("w.toml");
    std::fs::write(
        &watch,
        "[[watch]]\nid = \"coop\"\nphrase = \"should cooperate\"\n",
    )
    .unwrap();
    let d = |s: &str| dir.path().join(s).to_string_lossy().into_owned();
    let (code, out, _) = run(&["check", &d("a"), &d("b"), "--watch", &d("w.toml")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("replaced by “must cooperate”"), "{out}");
}

/// A redline of the fixtures and of a text pair with a move and a
/// renumbering, written as .docx into `dir`.
fn redlines(dir: &Path) -> Vec<(String, String, String)> {
    let old_txt = dir.join("old.txt");
    let new_txt = dir.join("new.txt");
    std::fs::write(&old_txt, "1. Alpha paragraph stays.\n\n2. Beta paragraph moves to the end of the text.\n\n3. Gamma paragraph is reworded here.\n\n4. Delta is dropped.\n").unwrap();
    std::fs::write(&new_txt, "1. Alpha paragraph stays.\n\n2. Gamma paragraph is rephrased here.\n\n3. Epsilon is new.\n\n4. Beta paragraph moves to the end of the text.\n").unwrap();
    let mut out = Vec::new();
    for (i, (o, n)) in [
        (word("zero.docx"), word("final.docx")),
        (
            old_txt.to_string_lossy().into_owned(),
            new_txt.to_string_lossy().into_owned(),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let red = dir
            .join(format!("redline{i}.docx"))
            .to_string_lossy()
            .into_owned();
        let (code, _, err) = run(&[
            "diff",
            &o,
            &n,
            "--format",
            "docx",
            "-o",
            &red,
            "--author",
            "Bureau",
            "--date",
            "2026-01-31T12:00:00Z",
        ]);
        assert_eq!(code, 1, "{err}");
        out.push((o, n, red));
    }
    out
}

#[test]
fn docx_redline_accepts_to_new_and_rejects_to_old() {
    let dir = tempfile::tempdir().unwrap();
    for (old, new, red) in redlines(dir.path()) {
        assert_eq!(
            printed(&red, "accept"),
            printed(&new, "accept"),
            "accept {red}"
        );
        assert_eq!(
            printed(&red, "reject"),
            printed(&old, "accept"),
            "reject {red}"
        );
        let xml = unzip_document(&red);
        assert!(xml.contains(r#"w:author="Bureau" w:date="2026-01-31T12:00:00Z""#));
    }
    let (_, _, red) = &redlines(dir.path())[1];
    let xml = unzip_document(red);
    assert!(
        xml.contains("<w:moveFrom ") && xml.contains("<w:moveTo "),
        "a moved paragraph: {xml}"
    );
}

fn unzip_document(path: &str) -> String {
    let out = Command::new("unzip")
        .args(["-p", path, "word/document.xml"])
        .output();
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        _ => {
            // No unzip: the reader's own view is enough to find revisions.
            let (_, v) = run_json(&["parse", path, "--format", "json"]);
            v.to_string()
        }
    }
}

/// LibreOffice opens the redline; accepting every change gives the new
/// draft, rejecting every one the old (scripts/lo-revisions.py).
#[test]
fn libreoffice_accepts_to_new_and_rejects_to_old() {
    let has_uno = Command::new("/usr/bin/python3")
        .args(["-c", "import uno"])
        .output()
        .is_ok_and(|o| o.status.success());
    let has_soffice = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !(has_uno && has_soffice) {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but LibreOffice (soffice + python3-uno) is missing"
        );
        eprintln!("skipped: LibreOffice (soffice and python3-uno) not installed");
        return;
    }
    let script = crate::util::root().join("scripts/lo-revisions.py");
    let dir = tempfile::tempdir().unwrap();
    for (old, new, red) in redlines(dir.path()) {
        for (mode, want) in [("accept", &new), ("reject", &old)] {
            let out = Command::new("/usr/bin/python3")
                .arg(&script)
                .args([mode, &red])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let got: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect();
            assert_eq!(got, printed(want, "accept"), "LibreOffice {mode} of {red}");
        }
    }
}

/// `git diff` of a Word file through the normdiff driver (docs/git.md).
#[test]
fn git_diff_driver_shows_a_redline_of_word_files() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "t@example.org"]);
    git(&["config", "user.name", "Tester"]);
    std::fs::write(dir.path().join(".gitattributes"), "*.docx diff=normdiff\n").unwrap();
    std::fs::copy(word("zero.docx"), dir.path().join("report.docx")).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "zero draft"]);
    std::fs::copy(word("final.docx"), dir.path().join("report.docx")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("normdiff");
    let cmd = format!("'{}' diff --format terminal", bin.display());
    git(&["config", "diff.normdiff.command", &cmd]);
    let out = git(&["diff", "--", "report.docx"]);
    assert!(out.contains("a/report.docx → b/report.docx"), "{out}");
    assert!(out.contains("States [-should-]{+must+} cooperate"), "{out}");
}
