//! The vendored `pdf-extract`'s content-stream scanner (normdiff patch,
//! `vendor/pdf-extract/src/content_scan.rs`) against lopdf's own parser:
//! the same operations on every page of the PDF fixtures, on hand-made
//! edge cases and on random streams built from PDF tokens.

use pdf_extract::content::Content;
use pdf_extract::content_scan::Ops;
use proptest::prelude::*;
use std::path::Path;

/// Both parsers' operations, as text (`None`: the stream is refused).
fn both(data: &[u8]) -> (Option<String>, Option<String>) {
    let ours = Ops::decode(data).map(|o| format!("{:?}", o.to_operations()));
    let lopdf = Content::decode(data)
        .ok()
        .map(|c| format!("{:?}", c.operations));
    (ours, lopdf)
}

fn assert_same(data: &[u8]) {
    let (ours, lopdf) = both(data);
    assert_eq!(ours, lopdf, "on {:?}", String::from_utf8_lossy(data));
}

#[test]
fn every_page_of_the_fixtures_parses_as_lopdf_parses_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut pages = 0;
    for dir in [root.clone(), root.join("sdg")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "pdf") {
                continue;
            }
            let Ok(doc) = pdf_extract::Document::load(&path) else {
                continue;
            };
            for (_, id) in doc.get_pages() {
                let Ok(content) = doc.get_page_content(id) else {
                    continue;
                };
                let (ours, lopdf) = both(&content);
                assert!(ours.is_some(), "{} page {id:?}", path.display());
                assert_eq!(ours, lopdf, "{} page {id:?}", path.display());
                pages += 1;
            }
        }
    }
    assert!(pages > 80, "only {pages} pages read");
}

#[test]
fn edge_cases_parse_as_lopdf_parses_them() {
    let cases: &[&[u8]] = &[
        b"",
        b"   \n",
        b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET",
        b"[(A) -120 (B) 3.5 <0041 00 42>] TJ",
        b"(a\\(b\\)c) Tj (nested (paren) ok) Tj (\\101\\1\\12x\\\nz\\q\\n\\r\\t\\b\\f) Tj",
        b"(line\r\nend\rx\ny) Tj",
        b"(unclosed Tj",
        b"(a\\",
        b"<4 1 4\x0c2\x004> Tj <41 4> Tj <4G> Tj",
        b"/Na#20me#2 BDC /P <</MCID 3 /A [1 0 R 2 /X (s)] /D <<>> >> BDC EMC",
        b"<< /A 1 % comment\n /B [% c\n 2] >> BDC",
        b"1 2 3 4 5 6 cm q Q .5 -.5 +.5 5. -5. +5 -0 0.0 1e5 T*",
        b"99999999999999999999 Tw 1.5.5 Tc",
        b"nulltrue false null Tx",
        b"% only a comment",
        b"% a comment\nBT\n% two\n% comments\nET",
        b"% a comment\n  BT ET",
        b"1 2 ]",
        b"1 2",
        b"'\"' (x) ' 1 2 (y) \" d0 d1",
        b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q",
        b"q BI /W 2 ID xx EI Q",
        b"1 BI 2 Tj",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]] TJ",
        b"((((((((((((((((((((((((((a)))))))))))))))))))))))))) Tj",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] TJ",
        b"\x00BT ET",
        b"BT\x00ET",
        b"4294967296 0 R [4294967296 0 R 1 65536 R 1 0 R] TJ",
        "(é) Tj /é Do".as_bytes(),
    ];
    for c in cases {
        assert_same(c);
    }
}

/// PDF content tokens, tricky ones included.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", "\n", "\r", "\r\n", "\t", "\0", "\x0c", "%c\n", "%c", "0", "1", "12", "-3", "+4",
        "2.5", "-.5", ".", "5.", "+", "-", "e", "R", "0 0 R", "/F1", "/A#41", "/#4", "#", "(", ")",
        "(a)", "\\", "\\n", "\\053", "\\\n", "<", ">", "<41>", "<4 1>", "<<", ">>", "[", "]", "{",
        "}", "null", "true", "false", "BT", "ET", "Tf", "Tj", "TJ", "Td", "T*", "'", "\"", "cm",
        "q", "Q", "BDC", "EMC", "BI", "ID", "EI", "é", "\u{80}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    /// Any stream of PDF tokens: the same operations as lopdf, or refused
    /// by both.
    #[test]
    fn random_streams_parse_as_lopdf_parses_them(tokens in prop::collection::vec(token(), 0..40)) {
        let data = tokens.concat();
        let (ours, lopdf) = both(data.as_bytes());
        prop_assert_eq!(ours, lopdf, "on {:?}", data);
    }
}
