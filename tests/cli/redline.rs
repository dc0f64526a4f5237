//! The negotiator's redline end to end: changes at a glance in every
//! format, qualified labels, less noise (renumber-only lines, collapsed
//! front matter, `--only`/`--hide`/`--context`), the size of the default
//! Markdown on real drafts, and the CLI conventions (`-q`, `--stat`, `-r`,
//! `(stdin)`, terminal by default on a terminal, completions, man page,
//! `--help`).

use crate::diff::diff;
use crate::util::{normdiff, root};

const OLD: &str = "fixtures/drafts/gge/old.txt";
const NEW: &str = "fixtures/drafts/gge/new.txt";

/// A bare sub-paragraph label (`¶ a)` with no paragraph number before it).
fn has_bare_label(s: &str) -> bool {
    s.match_indices("¶ ").any(|(i, _)| {
        let rest = &s[i + "¶ ".len()..];
        let mut c = rest.chars();
        matches!((c.next(), c.next()), (Some(l), Some(')')) if l.is_ascii_lowercase())
    })
}

#[test]
fn every_format_opens_with_the_changes_at_a_glance() {
    for f in ["markdown", "terminal", "summary"] {
        let (code, out, _) = diff(&[OLD, NEW, "-f", f]);
        assert_eq!(code, 1);
        let glance = out.find("¶ 11 moved to ¶ 10 (after ¶ 9)").expect(f);
        let first_pair = out
            .find("── ")
            .or_else(|| out.find("### "))
            .unwrap_or(usize::MAX);
        assert!(glance < first_pair, "{f}: glance comes first");
        assert!(out.contains("¶ 9 split into ¶ 11 and ¶ 12"), "{f}");
        assert!(out.contains("¶ 13 and ¶ 14 merged into ¶ 14"), "{f}");
        assert!(out.contains("Deleted (1): ¶ 20"), "{f}: {out}");
    }
    let (_, html, _) = diff(&[OLD, NEW, "-f", "html"]);
    let nav = html.find("<nav id=\"changes\"").unwrap();
    assert!(nav < html.find("<section class=\"pair").unwrap());
    let (_, json, _) = diff(&[OLD, NEW, "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let glance = v["glance"].as_array().unwrap();
    assert!(glance
        .iter()
        .any(|l| l["text"] == "¶ 11 moved to ¶ 10 (after ¶ 9)"));
    let (_, summary, _) = diff(&[OLD, NEW, "-f", "summary"]);
    assert!(
        !summary.contains("###") && summary.lines().count() < 25,
        "{summary}"
    );
}

#[test]
fn renumber_only_pairs_are_one_line_and_kinds_filter() {
    let dir = tempfile::tempdir().unwrap();
    let (o, n) = (dir.path().join("o.txt"), dir.path().join("n.txt"));
    std::fs::write(
        &o,
        "1. Premier paragraphe du texte.\n\n2. Deuxième paragraphe du texte.\n",
    )
    .unwrap();
    std::fs::write(&n, "1. Un paragraphe tout à fait nouveau ici.\n\n2. Premier paragraphe du texte.\n\n3. Deuxième paragraphe du texte.\n").unwrap();
    let (o, n) = (o.to_str().unwrap(), n.to_str().unwrap());
    let (_, md, _) = diff(&[o, n]);
    assert!(md.contains("- ¶ 1 → ¶ 2 · renumbered only\n"), "{md}");
    assert!(!md.contains("### ¶ 1 → ¶ 2"), "{md}");
    let (_, full, _) = diff(&[o, n, "--full"]);
    assert!(
        full.contains("### ¶ 1 → ¶ 2 · unchanged · renumbered"),
        "{full}"
    );
    let (_, only, _) = diff(&[o, n, "--only", "inserted"]);
    assert!(
        only.contains("### — → ¶ 1 · inserted") && !only.contains("renumbered only"),
        "{only}"
    );
    let (_, hide, _) = diff(&[o, n, "--hide", "renumbered"]);
    assert!(!hide.contains("renumbered only"), "{hide}");
}

#[test]
fn context_keeps_n_words_around_each_change() {
    let (_, md, _) = diff(&[OLD, NEW, "--context", "3", "--only", "modified"]);
    let (_, whole, _) = diff(&[OLD, NEW, "--only", "modified"]);
    assert!(
        md.len() * 2 < whole.len(),
        "{} vs {}",
        md.len(),
        whole.len()
    );
    assert!(
        md.contains("… <del>font partie des objectifs fondateurs</del>")
            || md.contains("coopération internationale <del>"),
        "{md}"
    );
}

#[test]
fn qualified_labels_everywhere_on_the_corpus_drafts() {
    let corpus = crate::corpus_or_skip!();
    let (z, f) = (
        corpus.join("drafts/v7/zero.txt"),
        corpus.join("drafts/v7/final.txt"),
    );
    let (z, f) = (z.to_str().unwrap(), f.to_str().unwrap());
    for fmt in ["markdown", "html", "terminal", "summary"] {
        for extra in [&[][..], &["--full"][..]] {
            let mut args = vec![z, f, "-f", fmt];
            args.extend(extra);
            let (_, out, _) = diff(&args);
            assert!(!has_bare_label(&out), "{fmt} {extra:?} has a bare ¶ a)");
        }
    }
    let (_, json, _) = diff(&[z, f, "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["new_names"].as_array().unwrap())
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(names.contains(&"71 a)"), "{names:?}");
}

/// Every deleted, moved, split and merged paragraph of the gold is named in
/// the change list with its label.
#[test]
fn the_change_list_names_every_gold_structural_change() {
    let corpus = crate::corpus_or_skip!();
    let dir = corpus.join("drafts/v7");
    let gold = std::fs::read_to_string(dir.join("gold.tsv")).unwrap();
    let (z, f) = (dir.join("zero.txt"), dir.join("final.txt"));
    let (_, summary, _) = diff(&[z.to_str().unwrap(), f.to_str().unwrap(), "-f", "summary"]);
    let mut checked = 0;
    for row in gold.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = row.split('\t').collect();
        let (kind, zl, fl) = (c[2], c[3], c[4]);
        let want = if kind == "deleted" {
            format!("¶ {zl} deleted")
        } else if kind.starts_with("moved") {
            format!("¶ {zl} moved to ¶ {fl}")
        } else if kind.starts_with("split") || kind.starts_with("merge") {
            format!("¶ {zl}")
        } else {
            continue;
        };
        let line = summary
            .lines()
            .find(|l| {
                l.starts_with(&format!("- {want}"))
                    || (l.contains(&want) && l.contains(&format!("¶ {fl}")))
            })
            .unwrap_or_else(|| panic!("{kind} {zl} → {fl} not named:\n{summary}"));
        assert!(line.starts_with("- "), "{line}");
        checked += 1;
    }
    assert_eq!(checked, 4 + 3 + 4 + 4, "gold rows checked");
}

/// The default Markdown is at most half the full one (every pair in
/// full, as before this redline) on real drafts: the zero draft / final
/// report pair, and a held-out pair built here from the French UDHR
/// (see [`held_out_pair`]); and no bare `¶ a)` in either.
#[test]
fn default_markdown_is_at_most_half_the_full_redline() {
    let corpus = crate::corpus_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let fra = std::fs::read_to_string(corpus.join("udhr/bare/fra.txt")).unwrap();
    let spa = std::fs::read_to_string(corpus.join("udhr/bare/spa.txt")).unwrap();
    let (old, new) = held_out_pair(&fra, &spa);
    std::fs::write(dir.path().join("old.txt"), old).unwrap();
    std::fs::write(dir.path().join("new.txt"), new).unwrap();
    let v7 = corpus.join("drafts/v7");
    let pairs = [
        (v7.join("zero.txt"), v7.join("final.txt")),
        (dir.path().join("old.txt"), dir.path().join("new.txt")),
    ];
    for (o, n) in &pairs {
        let (o, n) = (o.to_str().unwrap(), n.to_str().unwrap());
        let (code, small, _) = diff(&[o, n]);
        assert_eq!(code, 1);
        let (_, full, _) = diff(&[o, n, "--full"]);
        eprintln!(
            "{n}: default {} bytes, full {} bytes",
            small.len(),
            full.len()
        );
        assert!(
            small.len() * 2 <= full.len(),
            "{n}: {} vs {}",
            small.len(),
            full.len()
        );
        assert!(!has_bare_label(&small) && !has_bare_label(&full));
    }
}

/// A held-out zero draft / final pair: the old draft numbers the French
/// UDHR's paragraphs `1.`…, with sub-paragraphs `a)`, `b)` under every
/// tenth; the final adds a title page, three new paragraphs early (so
/// later numbers shift), drops two, moves one to the end, rewords every
/// seventh, changes apostrophes in every eleventh, and appends the
/// Spanish text as an annex with no counterpart.
fn held_out_pair(fra: &str, spa: &str) -> (String, String) {
    let blocks: Vec<&str> = fra
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let number = |items: &[(String, bool)]| -> String {
        let (mut n, mut sub) = (0, 0u8);
        let mut out = Vec::new();
        for (text, is_sub) in items {
            if *is_sub {
                out.push(format!("{}) {text}", (b'a' + sub) as char));
                sub += 1;
            } else {
                n += 1;
                sub = 0;
                out.push(format!("{n}. {text}"));
            }
        }
        out.join("\n\n")
    };
    let old: Vec<(String, bool)> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.to_string(), i % 10 == 4 || i % 10 == 5))
        .collect();
    let mut new: Vec<(String, bool)> = Vec::new();
    let mut moved = None;
    for (i, (b, sub)) in old.iter().enumerate() {
        if i == 2 {
            for k in 1..=3 {
                new.push((format!("Paragraphe nouveau numéro {k}, ajouté au cours de la négociation sur la mise en œuvre."), false));
            }
        }
        match i {
            8 | 21 => continue,
            12 => moved = Some((b.clone(), *sub)),
            i if i % 7 == 6 => new.push((
                b.replacen(" et ", " ainsi que ", 1)
                    .replacen("droit", "droits", 1),
                *sub,
            )),
            i if i % 11 == 10 => new.push((b.replace('’', "'"), *sub)),
            _ => new.push((b.clone(), *sub)),
        }
    }
    new.extend(moved);
    let front = "Nations Unies\n\nA/RES/217(III)\n\nDistr. générale\n\nOriginal : anglais\n\nRésolution adoptée par l'Assemblée générale";
    let annex: Vec<&str> = spa
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    (
        number(&old),
        format!(
            "{front}\n\n{}\n\nAnnexe\n\n{}\n",
            number(&new),
            annex.join("\n\n")
        ),
    )
}

#[test]
fn brief_and_stat() {
    let (code, out, _) = diff(&[OLD, NEW, "-q"]);
    assert_eq!(
        (code, out.as_str()),
        (
            1,
            "fixtures/drafts/gge/old.txt and fixtures/drafts/gge/new.txt differ\n"
        )
    );
    let (code, out, _) = diff(&[OLD, OLD, "--brief"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, out, _) = diff(&[OLD, NEW, "--stat"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(" moved ") && out.contains("substantive changes"),
        "{out}"
    );
    assert!(out.lines().last().unwrap().contains("pairs"), "{out}");
}

#[test]
fn stdin_is_named_and_colour_on_plain_formats_warns() {
    let text = std::fs::read(root().join(NEW)).unwrap();
    let out = normdiff()
        .current_dir(root())
        .args(["diff", OLD, "-", "-f", "summary"])
        .write_stdin(text)
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.starts_with("fixtures/drafts/gge/old.txt → (stdin)"),
        "{s}"
    );
    let (_, _, err) = diff(&[OLD, NEW, "-f", "markdown", "--color", "always"]);
    assert!(
        err.contains("warning: --color has no effect on the markdown output"),
        "{err}"
    );
    let (_, _, err) = diff(&[OLD, NEW, "-f", "terminal", "--color", "always"]);
    assert!(!err.contains("warning"), "{err}");
}

/// On a terminal (a pseudo-terminal from script(1)) with no --format, the
/// output is the coloured terminal format.
#[test]
fn terminal_format_by_default_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: script(1) not installed (util-linux)");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("normdiff");
    let cmd = format!("{} diff {OLD} {NEW}", bin.display());
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("\u{1b}[1mChanges at a glance"), "{s}");
    assert!(!s.contains("<del>"), "{s}");
    let (_, piped, _) = diff(&[OLD, NEW]);
    assert!(
        piped.starts_with("# fixtures/drafts/gge/old.txt"),
        "{piped}"
    );
}

#[test]
fn recursive_pairs_files_by_name_and_renames_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for d in [&a, &b] {
        std::fs::create_dir_all(d.join("sub")).unwrap();
    }
    let old = std::fs::read_to_string(root().join(OLD)).unwrap();
    let new = std::fs::read_to_string(root().join(NEW)).unwrap();
    std::fs::write(a.join("report.txt"), &old).unwrap();
    std::fs::write(b.join("report.txt"), &new).unwrap();
    std::fs::write(a.join("sub/same.txt"), "1. Identique.\n").unwrap();
    std::fs::write(b.join("sub/same.txt"), "1. Identique.\n").unwrap();
    std::fs::write(a.join("draft-v1.txt"), &old).unwrap();
    std::fs::write(b.join("draft-final.txt"), &old).unwrap();
    std::fs::write(a.join("gone.txt"), "1. Autre chose entièrement.\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (code, out, err) = diff(&["-r", a, b, "-f", "summary"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains(&format!("{a}/report.txt → {b}/report.txt")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{a}/draft-v1.txt → {b}/draft-final.txt")),
        "{out}"
    );
    assert!(out.contains(&format!("Only in {a}: gone.txt")), "{out}");
    let (_, json, _) = diff(&["-r", a, b, "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["only_in_old"],
        serde_json::json!([format!("{a}/gone.txt")])
    );
    let (code, out, _) = diff(&["-r", a, b, "-q"]);
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().filter(|l| l.ends_with("differ")).count(),
        1,
        "{out}"
    );
    let (code, _, err) = diff(&["-r", OLD, NEW]);
    assert_eq!(code, 2);
    assert!(err.contains("not a directory"), "{err}");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = normdiff().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let s = String::from_utf8_lossy(&out.stdout);
        let flag = if shell == "fish" {
            "-l format"
        } else {
            "--format"
        };
        assert!(s.contains("normdiff") && s.contains(flag), "{shell}");
        assert!(s.contains("summary"), "{shell}: the format values complete");
    }
    let out = normdiff().arg("man").output().unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH normdiff 1"),
        "{page}"
    );
    assert!(
        page.contains("diff") && page.contains("Exit codes"),
        "{page}"
    );
    let out = normdiff().args(["man", "diff"]).output().unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.contains(".TH normdiff-diff 1") && page.contains("\\-\\-context"),
        "{page}"
    );
    let out = normdiff().args(["man", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Every subcommand's --help lists its examples one per line, states the
/// exit codes, and names only docs that exist.
#[test]
fn every_help_has_examples_one_per_line_exit_codes_and_real_docs() {
    let cmds = [
        "parse",
        "diff",
        "check",
        "trace",
        "align",
        "locate",
        "completions",
        "man",
    ];
    for c in cmds {
        let out = normdiff().args([c, "--help"]).output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Exit codes:"), "{c}");
        let ex = help
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{c}: no examples"));
        let lines: Vec<&str> = ex
            .lines()
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .collect();
        assert!(!lines.is_empty(), "{c}");
        for l in lines {
            assert!(
                l.trim_start().starts_with("normdiff "),
                "{c}: example not on its own line: {l:?}"
            );
        }
        for (i, _) in help.match_indices("docs/") {
            let name: String = help[i..]
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || "/-_.".contains(*ch))
                .collect();
            let name = name.trim_end_matches('.');
            assert!(
                root().join(name).exists(),
                "{c} --help names {name}, which does not exist"
            );
        }
    }
}
