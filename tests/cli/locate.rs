//! `normdiff locate`: issue #4 (where quoted passages come from).

use crate::corpus_or_skip;
use crate::util::{fixture, run, run_json, seed};
use serde_json::Value;

/// The text of a quotation line of seed 003 after `« `, without the
/// closing `»` and footnote call.
fn quoted(line: &str) -> String {
    let start = line.find('«').unwrap() + '«'.len_utf8();
    let body =
        line[start..].trim_end_matches(|c: char| c.is_whitespace() || "¹²³⁴⁵⁶⁷⁸⁹⁰»".contains(c));
    body.trim().to_owned()
}

/// The right answers, from reading both files: the ICANN report (seed 003)
/// quotes "Point N" of the GGE report in its own French translation; each
/// is paragraph N of seed 001, except Point 95, which quotes the opening
/// of paragraph 95 and then its sub-paragraph d) (accepted: either).
const POINTS: &[(&str, &[&str])] = &[
    ("10", &["10"]),
    ("17", &["17"]),
    ("44", &["44"]),
    ("45", &["45"]),
    ("48", &["48"]),
    ("49", &["49"]),
    ("63", &["63"]),
    ("79", &["79"]),
    ("87", &["87"]),
    ("95", &["95", "d)"]),
];

#[test]
fn issue_4_icann_quotes_of_the_gge_report_found_and_oewg_quotes_not() {
    let corpus = corpus_or_skip!();
    let icann = std::fs::read_to_string(seed(&corpus, "003")).unwrap();
    let gge = seed(&corpus, "001");
    let mut args: Vec<String> = vec!["locate".into(), gge.to_str().unwrap().into()];
    for (n, _) in POINTS {
        let line = icann
            .lines()
            .find(|l| l.starts_with(&format!("Point {n} : «")))
            .unwrap();
        args.extend(["--quote".into(), quoted(line)]);
    }
    // The OEWG final report's paragraphs 18 and 26, quoted in seed 003.
    for n in ["18", "26"] {
        let line = icann
            .lines()
            .find(|l| l.starts_with(&format!("« {n}. ")))
            .unwrap();
        args.extend(["--quote".into(), quoted(line)[n.len() + 2..].to_owned()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, v) = run_json(&args);
    assert_eq!(code, 0);
    let (_, parsed) = run_json(&["parse", "--format", "json", gge.to_str().unwrap()]);
    let blocks = parsed["blocks"].as_array().unwrap();
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), POINTS.len() + 2);
    for ((n, want), r) in POINTS.iter().zip(results) {
        let m = &r["matches"][0];
        let label = m["label"].as_str().unwrap_or("-");
        assert!(
            want.contains(&label),
            "Point {n}: best match {label} ({})",
            m["score"]
        );
        let index = m["index"].as_u64().unwrap() as usize;
        if label == "d)" {
            let parent = blocks[index]["parent"].as_u64().unwrap() as usize;
            assert_eq!(blocks[parent]["label"], "95");
        }
        // The span points into the block's text and is the passage.
        let text = blocks[index]["text"].as_str().unwrap();
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        let passage: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(Value::String(passage), m["passage"]);
        eprintln!("Point {n} → {label} score {}", m["score"]);
    }
    for r in &results[POINTS.len()..] {
        assert_eq!(
            r["matches"],
            Value::Array(vec![]),
            "OEWG quote found: {}",
            r["quote"]
        );
    }
}

#[test]
fn quote_in_another_language_is_found() {
    let corpus = corpus_or_skip!();
    let fra = corpus.join("udhr/with-headings/fra.txt");
    let q = "Everyone is entitled to all the rights and freedoms set forth in this Declaration, without distinction of any kind, such as race, colour, sex, language, religion, political or other opinion, national or social origin, property, birth or other status.";
    let (code, v) = run_json(&["locate", fra.to_str().unwrap(), "-q", q]);
    assert_eq!(code, 0);
    let m = &v["results"][0]["matches"][0];
    // Article 2, first paragraph ("Chacun peut se prévaloir…"): block 14.
    assert_eq!(m["index"], 14, "{m}");
    assert!(m["passage"].as_str().unwrap().contains("religion"), "{m}");
    assert!(m["score"].as_f64().unwrap() >= 0.4, "{m}");
}

#[test]
fn quotes_file_markdown_snapshot_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let qf = dir.path().join("quotes.txt");
    std::fs::write(
        &qf,
        "le développement durable et\nle développement numérique restent au cœur\n\nUne phrase qui ne figure nulle part dans ce texte.\n",
    )
    .unwrap();
    let doc = fixture("parse/gge-excerpt.txt");
    let (code, md, err) = run(&[
        "locate",
        doc.to_str().unwrap(),
        "--quotes-file",
        qf.to_str().unwrap(),
        "-f",
        "markdown",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("locate_gge_excerpt_markdown", md);
    let (code, v) = run_json(&[
        "locate",
        doc.to_str().unwrap(),
        "--quotes-file",
        qf.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    insta::assert_json_snapshot!("locate_gge_excerpt_json", v);
    let (code, _, err) = run(&["locate", doc.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no quote given"), "{err}");
    let (code, _, err) = run(&[
        "locate",
        doc.to_str().unwrap(),
        "--quotes-file",
        "missing-quotes.txt",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("missing-quotes.txt"), "{err}");
}

/// Issue #13: an English quote that a French document does not hold says
/// why nothing was found and suggests `--via`, in text and in JSON.
#[test]
fn quote_in_another_language_not_found_suggests_via() {
    let corpus = corpus_or_skip!();
    let fra = corpus.join("udhr/with-headings/fra.txt");
    let q = "Reduce the proportion of people who suffer from hunger by half before the end of this decade.";
    let (code, v) = run_json(&["locate", fra.to_str().unwrap(), "-q", q]);
    assert_eq!(code, 0);
    let r = &v["results"][0];
    assert_eq!(r["matches"], Value::Array(vec![]), "{r}");
    let note = r["notes"][0].as_str().unwrap();
    assert!(
        note.contains("English") && note.contains("French"),
        "{note}"
    );
    assert!(note.contains("--via"), "{note}");
    let (code, text, _) = run(&["locate", fra.to_str().unwrap(), "-q", q]);
    assert_eq!(code, 0);
    assert!(text.contains("use --via"), "{text}");
    // A French quote the French document does not hold gets no such note.
    let q = "Les États parties présentent chaque année un rapport sur la mise en œuvre du présent protocole.";
    let (_, v) = run_json(&["locate", fra.to_str().unwrap(), "-q", q]);
    assert!(v["results"][0].get("notes").is_none(), "{v}");
}
