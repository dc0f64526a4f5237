//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 LE/BE (with BOM).
//!
//! This module owns the decision whether an input is text at all. Binary
//! input (any NUL byte) and invalid UTF-8 or UTF-16 are refused with the byte
//! offset of the first offending byte. A Word document (a ZIP archive) is
//! read into Word text by `ingest::word` first; other containers are
//! refused by name (`ingest::sniff`). Line ends (CRLF, CR) are normalized to
//! LF so that every later stage sees one convention; all byte offsets in the
//! document model refer to this decoded, LF-normalized text.

use crate::error::{Error, ErrorKind, Result};
use serde::Serialize;

/// The encoding an input was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (EF BB BF), which was removed.
    Utf8Bom,
    /// UTF-16 little endian with byte-order mark.
    Utf16Le,
    /// UTF-16 big endian with byte-order mark.
    Utf16Be,
    /// A Word (`.docx`) document, read into Word text (`ingest::word`).
    Word,
}

/// Decoded text plus what decoding found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with LF line ends and no byte-order mark.
    pub text: String,
    /// The encoding the input was in.
    pub encoding: Encoding,
    /// Number of CRLF or lone CR line ends that were rewritten to LF.
    pub line_ends_rewritten: usize,
}

/// Default upper bound on input size: 256 MiB.
pub const DEFAULT_MAX_SIZE: usize = 256 * 1024 * 1024;

/// Decodes `bytes` read from the input called `source_name`.
///
/// An empty input decodes to an empty text. Errors name `source_name` and
/// give the byte offset of the problem.
pub fn decode(bytes: &[u8], source_name: &str) -> Result<Decoded> {
    if let Some(container) = crate::ingest::sniff::decode_container(bytes, source_name) {
        return container;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_utf16(bytes, source_name);
    }
    decode_owned(bytes.to_vec(), source_name)
}

/// [`decode`] of bytes the caller owns: UTF-8 input becomes the text
/// without being copied.
pub fn decode_owned(mut bytes: Vec<u8>, source_name: &str) -> Result<Decoded> {
    if let Some(container) = crate::ingest::sniff::decode_container(&bytes, source_name) {
        return container;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_utf16(&bytes, source_name);
    }
    let bom = if bytes.starts_with(UTF8_BOM) { 3 } else { 0 };
    // `contains` on bytes is a fast memchr; the position only on failure.
    if bytes[bom..].contains(&0) {
        let pos = bytes[bom..].iter().position(|&b| b == 0).unwrap_or(0);
        return Err(Error::new(
            source_name,
            ErrorKind::Binary { offset: bom + pos },
        ));
    }
    bytes.drain(..bom);
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(
            source_name,
            ErrorKind::InvalidUtf8 {
                offset: bom + e.utf8_error().valid_up_to(),
            },
        )
    })?;
    let (text, line_ends_rewritten) = normalize_line_ends(text);
    Ok(Decoded {
        text,
        encoding: if bom > 0 {
            Encoding::Utf8Bom
        } else {
            Encoding::Utf8
        },
        line_ends_rewritten,
    })
}

/// A file name read as bytes (a path that may not be UTF-8), as text:
/// valid UTF-8 is kept, every other byte is written `\xNN`, so two
/// different names never print alike and none is skipped.
pub fn name_from_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// A file name made safe to print in a header or an error message:
/// control characters (newlines and escape sequences included), bidi
/// controls and invisible characters become `⟦U+XXXX⟧` markers.
pub fn shown_name(name: &str) -> String {
    let unsafe_char =
        |c: char| c.is_control() || crate::normalize::is_invisible(c) || c == '\u{2800}';
    if !name.chars().any(unsafe_char) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len() + 16);
    for c in name.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("⟦U+{:04X}⟧", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

fn decode_utf16(bytes: &[u8], source_name: &str) -> Result<Decoded> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, false), Encoding::Utf16Le)
    } else {
        (utf16(&bytes[2..], true), Encoding::Utf16Be)
    };
    let text = text.map_err(|kind| Error::new(source_name, kind))?;
    let (text, line_ends_rewritten) = normalize_line_ends(text);
    Ok(Decoded {
        text,
        encoding,
        line_ends_rewritten,
    })
}

fn utf16(bytes: &[u8], big_endian: bool) -> std::result::Result<String, ErrorKind> {
    const BOM: usize = 2;
    if !bytes.len().is_multiple_of(2) {
        return Err(ErrorKind::OddUtf16 {
            size: BOM + bytes.len(),
        });
    }
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut unit_index = 0usize;
    for r in char::decode_utf16(units) {
        match r {
            Ok('\0') => {
                return Err(ErrorKind::Binary {
                    offset: BOM + unit_index * 2,
                })
            }
            Ok(c) => {
                unit_index += c.len_utf16();
                out.push(c);
            }
            Err(_) => {
                return Err(ErrorKind::InvalidUtf16 {
                    offset: BOM + unit_index * 2,
                })
            }
        }
    }
    Ok(out)
}

fn normalize_line_ends(text: String) -> (String, usize) {
    if !text.contains('\r') {
        return (text, 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            count += 1;
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    (out, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut v = vec![0xFF, 0xFE];
        v.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        v
    }

    #[test]
    fn names_are_printable_and_distinct() {
        assert_eq!(name_from_bytes(b"d\xe9cision.txt"), "d\\xE9cision.txt");
        assert_eq!(name_from_bytes("décision.txt".as_bytes()), "décision.txt");
        assert_eq!(
            shown_name("a\nb\u{1b}[31m\u{202E}.txt"),
            "a⟦U+000A⟧b⟦U+001B⟧[31m⟦U+202E⟧.txt"
        );
        assert_eq!(shown_name("plain.md"), "plain.md");
    }

    #[test]
    fn all_encodings_decode_to_the_same_text() {
        let s = "Article premier\n« noyau public » de l’Internet\n";
        let crlf = s.replace('\n', "\r\n");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(s.as_bytes());
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        for bytes in [
            s.as_bytes().to_vec(),
            crlf.into_bytes(),
            bom,
            utf16le(s),
            be,
        ] {
            assert_eq!(decode(&bytes, "x").unwrap().text, s);
        }
    }

    #[test]
    fn lone_cr_becomes_lf() {
        let d = decode(b"a\rb\r\nc", "x").unwrap();
        assert_eq!(d.text, "a\nb\nc");
        assert_eq!(d.line_ends_rewritten, 2);
    }

    #[test]
    fn binary_and_invalid_input_name_the_offset() {
        let e = decode(b"abc\0def", "f.bin").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Binary { offset: 3 });
        assert_eq!(
            e.to_string(),
            "f.bin: binary file (NUL byte at byte offset 3), not text"
        );
        let e = decode(b"caf\xC3", "f.txt").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::InvalidUtf8 { offset: 3 });
        let e = decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "u").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::InvalidUtf16 { offset: 2 });
        let e = decode(&[0xFF, 0xFE, 0x41], "u").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::OddUtf16 { size: 3 });
        assert!(e.to_string().contains("odd number of bytes (3)"));
        let e = decode_owned(vec![0xFE, 0xFF, 0x00, 0x41, 0x00], "u").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::OddUtf16 { size: 5 });
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"", "e").unwrap().text, "");
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF], "e").unwrap().text, "");
    }
}
