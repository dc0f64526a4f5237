//! `normdiff trace` on a five-draft series (fixtures/trace-series): a
//! phrase proposed, supported, bracketed, moved by renumbering and
//! replaced; event kinds, paragraph numbers, files, authors, the
//! replacement wording and the summary, in every format. Also the
//! Trojan-Source case of issue #11: invisible and bidirectional characters
//! shown as markers with a warning. Issue #14.

use crate::util::{fixture, run, run_json};

fn manifest(series: &str) -> String {
    fixture(&format!("trace-series/{series}/manifest.tsv"))
        .to_string_lossy()
        .into_owned()
}

/// (kind, version file name, previous label, label, author) per event.
fn events(v: &serde_json::Value) -> Vec<(String, String, String, String, String)> {
    let s = |x: &serde_json::Value| x.as_str().unwrap_or("-").to_owned();
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let file = s(&e["file"]);
            let name = file.rsplit('/').next().unwrap_or("").to_owned();
            (
                s(&e["kind"]),
                name,
                s(&e["previous_label"]),
                s(&e["label"]),
                s(&e["author"]),
            )
        })
        .collect()
}

fn t(k: &str, f: &str, p: &str, l: &str, a: &str) -> (String, String, String, String, String) {
    (k.into(), f.into(), p.into(), l.into(), a.into())
}

#[test]
fn five_drafts_every_event_file_author_and_replacement() {
    let m = manifest("fr-internet");
    let (code, v) = run_json(&[
        "trace",
        "noyau public de l'Internet",
        "--manifest",
        &m,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        events(&v),
        [
            t("introduced", "v1.txt", "-", "50", "Présidence"),
            t("changed", "v2.txt", "-", "50", "Secrétariat"),
            t("renumbered", "v3.txt", "50", "51", "Présidence"),
            t("changed", "v3.txt", "50", "51", "Présidence"),
            t("renumbered", "v4.txt", "51", "18", "Secrétariat"),
            t("removed", "v5.txt", "-", "18", "Groupe de travail"),
        ]
    );
    let ev = &v["events"];
    assert_eq!(ev[3]["bracketed_before"], false);
    assert_eq!(ev[3]["bracketed_after"], true);
    assert_eq!(ev[1]["date"], "2021-02-10T15:30:00+01:00");
    let wording = "l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet";
    assert_eq!(ev[5]["replaced_by"], wording);
    // The document keeps one identity (the first draft's name).
    assert!(ev.as_array().unwrap().iter().all(|e| e["path"] == "v1.txt"));
    let s = &v["summary"][0];
    assert_eq!(s["term"], "noyau public de l'Internet");
    assert_eq!(
        (
            s["first"]["short_id"].as_str(),
            s["first"]["label"].as_str()
        ),
        (Some("v1.txt"), Some("50"))
    );
    assert_eq!(
        (
            s["last_seen"]["short_id"].as_str(),
            s["last_seen"]["label"].as_str()
        ),
        (Some("v4.txt"), Some("18"))
    );
    assert_eq!(s["in_last_version"], false);
    assert_eq!(s["replaced_by"][0]["text"], wording);
    assert_eq!(s["replaced_by"][0]["version"]["short_id"], "v5.txt");
    assert_eq!(v["last_version"]["short_id"], "v5.txt");
}

#[test]
fn the_replacement_traced_as_a_variant_is_introduced_where_the_phrase_left() {
    let m = manifest("fr-internet");
    let variant = "l'infrastructure technique essentielle à la disponibilité ou à l'intégrité générales de l'Internet";
    let (code, v) = run_json(&[
        "trace",
        "noyau public de l'Internet",
        "--variant",
        variant,
        "--manifest",
        &m,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let s = &v["summary"][1];
    assert_eq!(s["variant"], true);
    assert_eq!(s["in_last_version"], true);
    assert_eq!(s["first"]["short_id"], "v5.txt");
    assert_eq!(s["first"]["label"], "18");
}

#[test]
fn five_drafts_report_in_french_and_english() {
    let m = manifest("fr-internet");
    for lang in ["fr", "en"] {
        let (code, md, err) = run(&[
            "trace",
            "noyau public de l'Internet",
            "--manifest",
            &m,
            "--lang",
            lang,
        ]);
        assert_eq!(code, 0, "{err}");
        let md = md.replace(&fixture("").to_string_lossy().into_owned(), "FIXTURES/");
        insta::assert_snapshot!(format!("trace_series_markdown_{lang}"), md);
    }
    let (code, html, _) = run(&[
        "trace",
        "noyau public de l'Internet",
        "--manifest",
        &m,
        "--lang",
        "fr",
        "--format",
        "html",
    ]);
    assert_eq!(code, 0);
    assert!(html.contains("<html lang=\"fr\">") && html.contains("<svg"));
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap() + 6];
    insta::assert_snapshot!("trace_series_svg_fr", svg);
    assert!(html.contains("absente de v5.txt"), "status line");
    // No external resource: no script, stylesheet link, image or URL but
    // the SVG namespace.
    for bad in ["<script", "<link", "<img", "src="] {
        assert!(!html.contains(bad), "{bad}");
    }
    assert_eq!(
        html.matches("http").count(),
        html.matches("http://www.w3.org/2000/svg").count()
    );
}

#[test]
fn trojan_source_edit_shows_markers_and_warns_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.txt"),
        "1. Le Groupe ne soutient pas le noyau public de l'Internet.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.txt"),
        "1. Le Groupe ne soutient \u{202E}sap\u{202C} le noyau public de l'Internet.\n",
    )
    .unwrap();
    let files = [d.join("a.txt"), d.join("b.txt")];
    let files: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    for format in ["markdown", "html", "json"] {
        let mut args = vec![
            "trace",
            "noyau public de l'Internet",
            "--format",
            format,
            "--files",
        ];
        args.extend(&files);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains("warning: event 2: invisible U+202C U+202E inserted"),
            "{format}: {err}"
        );
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert!(v["events"][1]["warnings"][0]
                .as_str()
                .unwrap()
                .contains("U+202E"));
        } else {
            assert!(
                !out.contains('\u{202E}'),
                "{format} prints the raw bidi control"
            );
            assert!(out.contains("⟦U+202E⟧sap⟦U+202C⟧"), "{format}");
        }
    }
}

/// The held-out series (fixtures/trace-series/en-holdout), written after
/// the matcher and events were tuned on fr-internet and run once with the
/// expectations below written first: reworded, split, renumbered, replaced.
#[test]
fn held_out_english_series() {
    let m = manifest("en-holdout");
    let (code, v) = run_json(&[
        "trace",
        "public core of the Internet",
        "--manifest",
        &m,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let got = events(&v);
    assert_eq!(
        got,
        [
            t("introduced", "d1.txt", "-", "12", "Chair"),
            t("changed", "d2.txt", "-", "12", "Secretariat"),
            t("changed", "d3.txt", "12", "13", "Chair"),
            t("renumbered", "d4.txt", "13", "7", "Secretariat"),
            t("removed", "d5.txt", "-", "7", "Working Group"),
        ]
    );
    // The term's tail ("of the Internet") survived; the new wording came
    // in a few words before it and is the replacement. (This expectation
    // was tightened after the first held-out run reported only "of the
    // Internet": the series is a development set for that rule now, which
    // has unit tests of its own in English and Spanish.)
    let wording = "technical infrastructure essential to the general availability or integrity of the Internet";
    assert_eq!(v["events"][4]["replaced_by"], wording);
    assert_eq!(v["summary"][0]["replaced_by"][0]["text"], wording);
    let s = &v["summary"][0];
    assert_eq!(s["in_last_version"], false);
    assert_eq!(s["last_seen"]["short_id"], "d4.txt");
    assert_eq!(s["replaced_by"][0]["version"]["short_id"], "d5.txt");
}
