//! Accepting every revision of the written redline gives the new draft,
//! rejecting every one the old draft, word for word: checked by reading
//! the redline back with the Word reader in both modes.

use super::*;
use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::ingest::word::{read_word, Revisions, WordOptions};
use normdiff_core::report::{build_report, ReportOptions};
use normdiff_core::{ingest, InputFormat};
use proptest::prelude::*;

/// Each block as the words it prints: its label marker, then its text.
fn printed(doc: &Document) -> Vec<Vec<String>> {
    doc.blocks
        .iter()
        .map(|b| {
            let s = format!("{} {}", b.marker.as_deref().unwrap_or(""), b.text);
            s.split_whitespace().map(str::to_owned).collect()
        })
        .collect()
}

fn redline(old: &str, new: &str, opts: &ReportOptions) -> Vec<u8> {
    let (o, n) = (
        ingest(old, InputFormat::Text),
        ingest(new, InputFormat::Text),
    );
    let a = align(&o, &n, &SameOptions::default());
    let report = build_report(&o, &n, &a, opts);
    let mut out = Vec::new();
    let opts = DocxOptions {
        author: "Tester".into(),
        date: Some("2026-01-01T00:00:00Z".into()),
    };
    write_docx(&report, &o, &n, &opts, &mut out).unwrap();
    out
}

fn read_back(bytes: &[u8], revisions: Revisions) -> Document {
    let w = read_word(bytes, "redline.docx", &WordOptions { revisions }).unwrap();
    ingest(&w.text, InputFormat::Text)
}

fn check_round_trip(old: &str, new: &str) {
    let bytes = redline(old, new, &ReportOptions::default());
    let o = ingest(old, InputFormat::Text);
    let n = ingest(new, InputFormat::Text);
    assert_eq!(
        printed(&read_back(&bytes, Revisions::Accept)),
        printed(&n),
        "accept all ≠ new"
    );
    assert_eq!(
        printed(&read_back(&bytes, Revisions::Reject)),
        printed(&o),
        "reject all ≠ old"
    );
}

#[test]
fn renumbered_moved_inserted_deleted() {
    let old = "I. Introduction\n\n1. The Group notes the threats.\n\n2. States should cooperate.\n\na) increase stability;\n\nb) prevent harm.\n\n3. A paragraph that moves to the end of the draft now.\n\n4. A paragraph the final drops.\n\nII. Norms\n\n5. The Group recalls resolution 73/27.\n";
    let new = "I. Introduction\n\n1. The Group notes the threats.\n\n2. A new paragraph.\n\n3. States must cooperate.\n\na) increase stability and security;\n\nb) prevent harm.\n\nII. Norms\n\n4. The Group recalls resolution 73/27.\n\n5. A paragraph that moves to the end of the draft now.\n";
    check_round_trip(old, new);
    let xml = String::from_utf8_lossy(&redline(old, new, &ReportOptions::default())).into_owned();
    assert!(!xml.is_empty());
}

#[test]
fn revisions_carry_author_and_date() {
    let bytes = redline(
        "1. Old words here.\n",
        "1. New words here.\n",
        &ReportOptions::default(),
    );
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(r#"<w:del w:id="1" w:author="Tester" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">Old</w:delText></w:r></w:del>"#), "{xml}");
    assert!(xml.contains(r#"<w:ins w:id="2" w:author="Tester" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">New</w:t></w:r></w:ins>"#), "{xml}");
}

#[test]
fn ignored_typography_is_written_as_new_text_without_a_revision() {
    let (old, new) = ("1. l'Assemblée note.\n", "1. l’Assemblée note.\n");
    let mut opts = ReportOptions::default();
    opts.ignore.insert(normdiff_core::ChangeClass::Typography);
    let bytes = redline(old, new, &opts);
    let w = read_word(&bytes, "r.docx", &WordOptions::default()).unwrap();
    assert_eq!(w.revisions, 0, "no revision for a typography-only change");
    assert_eq!(
        printed(&ingest(&w.text, InputFormat::Text)),
        printed(&ingest(new, InputFormat::Text))
    );
    let shown = read_word(
        &redline(old, new, &ReportOptions::default()),
        "r.docx",
        &WordOptions::default(),
    )
    .unwrap();
    assert!(
        shown.revisions > 0,
        "without --ignore the change is a revision"
    );
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let a = redline("1. A b c.\n", "1. A d c.\n", &ReportOptions::default());
    let b = redline("1. A b c.\n", "1. A d c.\n", &ReportOptions::default());
    assert_eq!(a, b);
}

const WORDS: &[&str] = &[
    "States",
    "should",
    "must",
    "cooperate",
    "the",
    "Group",
    "notes",
    "l’Assemblée",
    "«",
    "»",
    "peace",
    "&",
    "<tag>",
    "sécurité",
    "مجموعة",
    "安全",
    "numérique",
    "A/76/135",
    "18",
    ";",
    ".",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| w.join(" "))
}

fn draft() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(paragraph(), 0..10)
}

fn numbered(paras: &[String]) -> String {
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i % 3 == 2 {
                format!("{p}\n\n")
            } else {
                format!("{}. {p}\n\n", i + 1)
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn accept_gives_new_and_reject_gives_old(old in draft(), new in draft()) {
        check_round_trip(&numbered(&old), &numbered(&new));
    }

    #[test]
    fn edits_of_one_draft_round_trip(old in draft(), edits in prop::collection::vec((0usize..10, paragraph()), 0..4)) {
        let mut new = old.clone();
        for (i, p) in edits {
            if new.is_empty() || i % 2 == 0 { new.insert(i.min(new.len()), p) } else { let k = i % new.len(); new[k] = p }
        }
        check_round_trip(&numbered(&old), &numbered(&new));
    }
}
