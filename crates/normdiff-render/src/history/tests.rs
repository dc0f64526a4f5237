use super::*;
use normdiff_core::lineage::{build, LineageOptions, VersionInfo};
use normdiff_core::{ingest, InputFormat};

fn sample() -> Lineage {
    let texts = [
        "13. Le Groupe réaffirme qu'un environnement ouvert et sûr est essentiel pour tous.\n\n14. Les États devraient coopérer pour prévenir les pratiques nuisibles. Ils échangent des informations sur les menaces.\n\n15. Le présent rapport contient les conclusions du Groupe.\n",
        "13. Le présent rapport contient les conclusions du Groupe.\n\n14. Un paragraphe nouveau sur le renforcement des capacités des États.\n\n15. Le Groupe réaffirme qu'un environnement ouvert, sûr et stable est essentiel pour tous.\n\n16. Les États devraient coopérer pour prévenir les pratiques nuisibles.\n\n17. Ils échangent des informations sur les menaces.\n",
        "13. Le présent rapport contient les conclusions finales du Groupe.\n\n15. Le Groupe réaffirme qu’un environnement ouvert, sûr et stable est essentiel pour tous.\n\n16. Les États devraient coopérer pour prévenir les pratiques nuisibles.\n\n17. Ils échangent des informations sur les menaces.\n",
    ];
    let docs: Vec<_> = texts.iter().map(|t| ingest(t, InputFormat::Text)).collect();
    let infos = vec![
        VersionInfo {
            name: "zero".into(),
            date: Some("2021-01-12".into()),
            author: Some("Chair".into()),
        },
        VersionInfo {
            name: "rev1".into(),
            date: Some("2021-03-01".into()),
            author: Some("Chair".into()),
        },
        VersionInfo {
            name: "final <b>".into(),
            date: None,
            author: None,
        },
    ];
    build(&docs, infos, &LineageOptions::default())
}

fn render(f: impl Fn(&Lineage, &mut dyn Write) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    f(&sample(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!(render(|l, o| table(l, None, o)));
}

#[test]
fn table_since_lists_only_later_changes() {
    insta::assert_snapshot!(render(|l, o| table(l, Some(1), o)));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(render(|l, o| markdown(l, None, o)));
}

#[test]
fn html_snapshot() {
    let h = render(|l, o| html(l, None, o));
    assert!(!h.contains("final <b>"), "names are escaped");
    assert!(
        !h.contains("http:") && !h.contains("https:") && !h.contains(" src="),
        "no external asset"
    );
    insta::assert_snapshot!(h);
}

#[test]
fn json_has_the_issue_fields() {
    let v: serde_json::Value = serde_json::from_str(&render(|l, o| json(l, o))).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["versions"][0]["name"], "zero");
    let p = &v["paragraphs"].as_array().unwrap()[1];
    assert_eq!(p["blocks"]["0"], 1);
    assert_eq!(p["blocks"]["1"], serde_json::json!([3, 4]));
    assert_eq!(p["status"], "split");
    let text = v["text"].as_str().unwrap();
    for s in v["provenance"].as_array().unwrap() {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b) && a < b);
    }
    insta::assert_json_snapshot!(v);
}
