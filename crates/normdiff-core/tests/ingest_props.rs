//! A short bounded fuzz of ingestion in the normal test suite (issue #7):
//! arbitrary text, read as plain text and as Markdown, never panics and
//! keeps the document model's invariants. The long runs are the cargo-fuzz
//! targets in `fuzz/` (see `docs/FUZZING.md`).

use normdiff_core::{decode, ingest, Document, InputFormat};
use proptest::prelude::*;

fn check(text: &str, doc: &Document) {
    for (i, b) in doc.blocks.iter().enumerate() {
        assert_eq!(b.index, i);
        assert!(
            b.parent.is_none_or(|p| p < i),
            "parent after child: {text:?}"
        );
        assert!(b.lines[0] <= b.lines[1]);
        for span in &b.spans {
            assert!(span[0] <= span[1] && span[1] <= text.len());
        }
    }
}

/// Pieces that exercise the readers: bullets, labels, footnotes, Markdown
/// containers, tabs, page-break continuations, odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("- ".to_owned()),
        Just(" - o ".to_owned()),
        Just("> ".to_owned()),
        Just("18. ".to_owned()),
        Just("a) ".to_owned()),
        Just("Norme 13 a) : ".to_owned()),
        Just("Article premier".to_owned()),
        Just("¹ ".to_owned()),
        Just("[^1]: ".to_owned()),
        Just("* ".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("~".to_owned()),
        Just("| a | b |\n|---|---|\n".to_owned()),
        Just("dommages-\n".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("nоyau".to_owned()),
        "[a-zà-ÿ ]{1,12}",
        "\\PC{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ingest_keeps_invariants(pieces in prop::collection::vec(piece(), 0..24)) {
        let text = pieces.concat();
        for format in [InputFormat::Text, InputFormat::Markdown] {
            check(&text, &ingest(&text, format));
        }
    }

    #[test]
    fn arbitrary_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(d) = decode(&bytes, "x") {
            for format in [InputFormat::Text, InputFormat::Markdown] {
                check(&d.text, &ingest(&d.text, format));
            }
        }
    }
}

/// Crashes found by `cargo fuzz`, kept as regressions.
#[test]
fn fuzz_regressions() {
    for text in ["- - -~"] {
        for format in [InputFormat::Text, InputFormat::Markdown] {
            check(text, &ingest(text, format));
        }
    }
}
