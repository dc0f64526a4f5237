//! Decode + ingest arbitrary bytes as plain text and as Markdown: never
//! panics, and the document model's invariants hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use normdiff_core::{decode, ingest, InputFormat};

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data, "fuzz") else { return };
    for format in [InputFormat::Text, InputFormat::Markdown] {
        let doc = ingest(&decoded.text, format);
        for (i, b) in doc.blocks.iter().enumerate() {
            assert_eq!(b.index, i);
            assert!(b.parent.is_none_or(|p| p < i), "parent after child");
            assert!(b.lines[0] <= b.lines[1]);
            for span in &b.spans {
                assert!(span[0] <= span[1] && span[1] <= decoded.text.len());
            }
        }
    }
});
