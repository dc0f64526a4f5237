//! What kind of file a byte string is, by its content: the dispatch that
//! picks a reader.
//!
//! Text (and Markdown, told apart by file name) goes to `decode` and the
//! text readers; a ZIP archive to the Word reader; an OLE compound file
//! (password-protected `.docx`, legacy `.doc`) and a PDF are recognised so
//! that they can be refused, or read, with a message that names them.

use super::word::{is_ole, is_zip, ole_error, read_word, WordOptions};
use crate::decode::{Decoded, Encoding};
use crate::error::Result;

/// The kind of an input, by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Anything else: decoded as text.
    Text,
    /// A ZIP archive: read as a Word (`.docx`) document.
    Word,
    /// An OLE compound file: an encrypted Office document or a legacy
    /// `.doc`, refused.
    Ole,
    /// A PDF file (`%PDF-`). The PDF reader plugs in here (until then it
    /// is decoded as text and refused as binary).
    Pdf,
}

/// Recognises `bytes` by their first bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if is_zip(bytes) {
        Sniffed::Word
    } else if is_ole(bytes) {
        Sniffed::Ole
    } else if bytes.starts_with(b"%PDF-") {
        Sniffed::Pdf
    } else {
        Sniffed::Text
    }
}

/// Decodes a container format (Word, OLE) with default options, or
/// `None` when `bytes` are not one and should be decoded as text.
pub(crate) fn decode_container(bytes: &[u8], name: &str) -> Option<Result<Decoded>> {
    match sniff(bytes) {
        Sniffed::Text => None,
        Sniffed::Word => Some(
            read_word(bytes, name, &WordOptions::default()).map(|w| Decoded {
                text: w.text,
                encoding: Encoding::Word,
                line_ends_rewritten: 0,
            }),
        ),
        Sniffed::Ole => Some(Err(ole_error(bytes, name))),
        // The PDF reader plugs in here; until then a PDF is decoded as
        // text and refused as binary.
        Sniffed::Pdf => None,
    }
}
