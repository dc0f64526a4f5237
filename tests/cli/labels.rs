//! Labels rewritten with other characters under the same number (issues
//! #11 and #12): a digit-system swap (`13.` → `１３.`, `١٣.`, `१३.`), a
//! Cyrillic `а` in `13 a)`, an NBSP after a paragraph number. Each is shown
//! and flagged by `diff` (never hidden by `--ignore` unless it is
//! typography), and fails a `check` protecting the paragraph.

use crate::util::{normdiff, run_json};

const OLD: &str = "12. Le Groupe note les progrès accomplis.\n\n\
13. Les normes facultatives et non contraignantes réduisent les risques.\n\n\
Norme 13 a) : Les États devraient coopérer.\n\n\
14. Le Groupe recommande de poursuivre les travaux.\n";

/// Writes OLD and `new` to a temp dir; returns it and both paths.
fn pair(new: &str) -> (tempfile::TempDir, String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let (o, n) = (tmp.path().join("old.txt"), tmp.path().join("new.txt"));
    std::fs::write(&o, OLD).unwrap();
    std::fs::write(&n, new).unwrap();
    let s = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    (tmp, s(&o), s(&n))
}

/// `diff --format json` of OLD against `new`, with extra arguments.
fn diff(new: &str, extra: &[&str]) -> (i32, serde_json::Value) {
    let (_tmp, o, n) = pair(new);
    let mut args = vec!["diff", &o, &n, "--format", "json"];
    args.extend_from_slice(extra);
    run_json(&args)
}

fn changes(v: &serde_json::Value) -> &serde_json::Value {
    &v["summary"]["changes"]
}

#[test]
fn a_paragraph_number_in_another_digit_system_is_a_confusable_change() {
    for digits in ["１３", "١٣", "१३"] {
        let new = OLD.replace("13. Les", &format!("{digits}. Les"));
        for ignore in [
            &[][..],
            &["--ignore", "typography,punctuation,whitespace,case"][..],
        ] {
            let (code, v) = diff(&new, ignore);
            assert_eq!(code, 1, "{digits} {ignore:?}: {v}");
            assert_eq!(changes(&v)["confusable"], 1, "{digits}: {v}");
            assert_eq!(v["summary"]["renumbered"], 0, "{digits}");
            let first = digits.chars().next().unwrap();
            let warnings = v["summary"]["warnings"].to_string();
            assert!(
                warnings.contains(&format!("U+{:04X}", first as u32)),
                "{warnings}"
            );
            let ops = &v["pairs"][1]["ops"];
            assert_eq!(ops[0]["text"], "13", "{digits}: {ops}");
            assert_eq!(ops[1]["text"], digits, "{digits}: {ops}");
        }
    }
}

#[test]
fn a_norm_label_in_full_width_digits_is_shown() {
    let new = OLD.replace("Norme 13 a)", "Norme １３ a)");
    let (code, v) = diff(&new, &[]);
    assert_eq!(code, 1);
    assert_eq!(changes(&v)["confusable"], 1, "{v}");
}

#[test]
fn a_cyrillic_letter_in_a_label_is_a_look_alike_not_a_renumbering() {
    let new = OLD.replace("Norme 13 a)", "Norme 13 \u{430})");
    let (code, v) = diff(&new, &["--ignore", "typography"]);
    assert_eq!(code, 1);
    assert_eq!(changes(&v)["confusable"], 1, "{v}");
    assert_eq!(v["summary"]["renumbered"], 0, "{v}");
    let warnings = v["summary"]["warnings"].to_string();
    assert!(warnings.contains("U+0430"), "{warnings}");
}

#[test]
fn an_nbsp_after_a_paragraph_number_is_shown_unless_typography_is_ignored() {
    let new = OLD.replace("13. Les", "13.\u{a0}Les");
    let (code, v) = diff(&new, &[]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(changes(&v)["typography"], 1, "{v}");
    let (code, v) = diff(&new, &["--ignore", "typography"]);
    assert_eq!(code, 0, "{v}");
}

#[test]
fn a_renumbering_is_still_not_a_text_change() {
    let new = OLD.replace("13. Les", "15. Les");
    let (code, v) = diff(&new, &[]);
    assert_eq!(code, 1);
    assert_eq!(v["summary"]["renumbered"], 1, "{v}");
    assert!(changes(&v).as_object().unwrap().is_empty(), "{v}");
}

/// `check` of OLD against `new` protecting paragraph `label`.
fn check_protected(new: &str, label: &str) -> (i32, serde_json::Value) {
    let tmp = tempfile::tempdir().unwrap();
    let (old_dir, new_dir) = (tmp.path().join("old"), tmp.path().join("new"));
    for (d, t) in [(&old_dir, OLD), (&new_dir, new)] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(d.join("report.txt"), t).unwrap();
    }
    let watch = tmp.path().join("watch.toml");
    std::fs::write(
        &watch,
        format!("[[protect]]\npath = \"report.txt\"\nlabel = \"{label}\"\n"),
    )
    .unwrap();
    let s = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    let out = normdiff()
        .args([
            "check",
            &s(&old_dir),
            &s(&new_dir),
            "--watch",
            &s(&watch),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap_or(-1), v)
}

#[test]
fn a_protected_paragraph_fails_on_a_label_look_alike() {
    for (from, to, label) in [
        ("13. Les", "１３. Les", "13"),
        ("13. Les", "١٣. Les", "13"),
        ("Norme 13 a)", "Norme １３ a)", "13 a)"),
        ("Norme 13 a)", "Norme 13 \u{430})", "13 a)"),
    ] {
        let (code, v) = check_protected(&OLD.replace(from, to), label);
        assert_eq!(code, 1, "{to}: {v}");
        assert_eq!(v["entries"][0]["status"], "changed", "{to}: {v}");
    }
    // The same paragraph untouched passes.
    let (code, v) = check_protected(OLD, "13");
    assert_eq!(code, 0, "{v}");
}

#[test]
fn a_paragraph_rewritten_wholesale_is_deleted_and_inserted_under_the_same_label() {
    let new = OLD.replace(
        "Les normes facultatives et non contraignantes réduisent les risques.",
        "Tout navire de pêche battant pavillon étranger doit obtenir une licence du capitaine du port.",
    );
    let (code, v) = diff(&new, &[]);
    assert_eq!(code, 1, "{v}");
    let pairs = v["pairs"].as_array().unwrap();
    let at = |kind: &str| pairs.iter().position(|p| p["kind"] == kind).unwrap();
    let (d, n) = (at("deleted"), at("inserted"));
    assert_eq!(pairs[d]["same_label"], n, "{v}");
    assert_eq!(pairs[n]["same_label"], d, "{v}");
    let (_tmp, o, n) = pair(&new);
    let out = normdiff()
        .args(["diff", &o, &n, "--format", "summary"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("¶ 13 deleted (same label as inserted ¶ 13)"),
        "{text}"
    );
    assert!(
        text.contains("¶ 13 inserted (same label as deleted ¶ 13)"),
        "{text}"
    );
}
