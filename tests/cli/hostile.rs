//! Issue #7: hostile input renders inertly in every format, and invisible
//! or look-alike characters cannot change wording unseen.
//!
//! The fixtures (`fixtures/hostile/`) carry `<script>`, `**`, CriticMarkup
//! `{++`, `</del><ins>` and ANSI escape sequences; the new draft slips a
//! zero-width space into "noyau public" and a Cyrillic "о" into "noyau".

use crate::util::{fixture, normdiff, run, run_json};

fn files() -> (String, String) {
    (
        fixture("hostile/old.txt").to_str().unwrap().to_owned(),
        fixture("hostile/new.txt").to_str().unwrap().to_owned(),
    )
}

fn diff_out(extra: &[&str]) -> String {
    let (old, new) = files();
    let mut args = vec!["diff", old.as_str(), new.as_str()];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 1, "{err}");
    // Snapshots name the fixtures by a stable relative path.
    out.replace(&old, "old.txt").replace(&new, "new.txt")
}

#[test]
fn invisible_and_confusable_changes_are_reported_in_json() {
    let (old, new) = files();
    let (code, v) = run_json(&[
        "diff",
        "--format",
        "json",
        "--ignore",
        "typography,case,punctuation,whitespace",
        &old,
        &new,
    ]);
    assert_eq!(code, 1);
    let classes: Vec<String> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["ops"].as_array().unwrap().clone())
        .filter_map(|o| o["class"].as_str().map(str::to_owned))
        .collect();
    assert!(classes.iter().any(|c| c == "invisible"), "{classes:?}");
    assert!(classes.iter().any(|c| c == "confusable"), "{classes:?}");
}

#[test]
fn markdown_is_inert_and_shows_the_invisible() {
    let out = diff_out(&[]);
    assert!(out.contains("⟦U+200B⟧"), "zero-width space shown");
    assert!(!out.contains("<script>"), "raw script tag");
    assert!(!out.contains('\u{1b}'), "raw escape");
    assert!(!out.contains('\u{200B}'), "raw zero-width space");
    insta::assert_snapshot!("hostile_markdown", out);
}

#[test]
fn critic_markup_is_inert() {
    let out = diff_out(&["--style", "critic"]);
    assert!(!out.contains("<script>"));
    assert!(!out.contains('\u{1b}'));
    insta::assert_snapshot!("hostile_critic", out);
}

#[test]
fn html_is_inert() {
    let out = diff_out(&["--format", "html"]);
    assert!(out.contains("&lt;script&gt;"));
    assert!(
        !out.contains("<script>alert"),
        "document script reached the page"
    );
    assert!(
        !out.contains("</del><ins>faux"),
        "document markup reached the page"
    );
    assert!(!out.contains('\u{1b}'));
    assert!(out.contains("U+200B"));
    insta::assert_snapshot!("hostile_html", out);
}

#[test]
fn json_escapes_control_characters() {
    let out = diff_out(&["--format", "json"]);
    assert!(!out.contains('\u{1b}'), "raw escape in JSON");
    insta::assert_snapshot!("hostile_json", out);
}

#[test]
fn terminal_output_carries_only_our_escapes() {
    let out = diff_out(&["--format", "terminal", "--color", "always"]);
    // Our colours are there; the document's own sequences are not.
    assert!(out.contains("\u{1b}["), "colour requested");
    assert!(
        !out.contains("\u{1b}[32mvert"),
        "document escape passed through"
    );
    assert!(
        !out.contains("\u{1b}[31mrouge"),
        "document escape passed through"
    );
    assert!(out.contains("⟦U+001B⟧"), "document escape shown");
    insta::assert_snapshot!("hostile_terminal", out.replace('\u{1b}', "<ESC>"));
}

#[test]
fn parse_lists_invisible_and_mixed_script_characters() {
    let (_, new) = files();
    let (code, v) = run_json(&["parse", "--format", "json", &new]);
    assert_eq!(code, 0);
    let notes: Vec<(String, String)> = v["char_notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["class"].as_str().unwrap().to_owned(),
                n["code_point"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        notes.contains(&("invisible".into(), "U+200B".into())),
        "{notes:?}"
    );
    assert!(
        notes.contains(&("mixed-script".into(), "U+043E".into())),
        "{notes:?}"
    );
    let text = normdiff().args(["parse", &new]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("warning: invisible or mixed-script characters"));
    assert!(
        !text.contains('\u{1b}'),
        "parse output passes document escapes through"
    );
}

#[test]
fn align_and_locate_render_inertly() {
    let (old, new) = files();
    for fmt in ["markdown", "html"] {
        let (code, out, err) = run(&["align", "--format", fmt, &old, &new]);
        assert_eq!(code, 0, "{err}");
        assert!(
            !out.contains("<script>alert"),
            "{fmt}: script reached the output"
        );
        assert!(!out.contains('\u{1b}'), "{fmt}: raw escape");
    }
    let (code, out, err) = run(&[
        "locate",
        "--format",
        "markdown",
        &new,
        "--quote",
        "noyau public de l'Internet",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("<script>alert"));
    assert!(!out.contains('\u{1b}'));
}

/// A space swapped for a zero-width space cannot be hidden by `--ignore`.
#[test]
fn space_swapped_for_zero_width_space_is_never_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, "Le noyau public de l'Internet.\n").unwrap();
    std::fs::write(&new, "Le noyau\u{200B}public de l'Internet.\n").unwrap();
    let (code, v) = run_json(&[
        "diff",
        "--format",
        "json",
        "--ignore",
        "typography,case,punctuation,whitespace",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "an invisible change is a difference");
    let classes: Vec<&str> = v["pairs"][0]["ops"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["class"].as_str())
        .collect();
    assert!(classes.contains(&"invisible"), "{classes:?}");
}
