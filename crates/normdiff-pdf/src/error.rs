//! The one error type of the PDF reader: every message names the file.

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file is encrypted and does not open with an empty password.
    #[error("{0}: encrypted PDF (a password is needed); save a decrypted copy and try again")]
    Encrypted(String),
    /// The PDF has pages but no text layer (a scan).
    #[error("{0}: PDF without a text layer (a scanned document?); run OCR on it first (for example `ocrmypdf`) and try again")]
    NoText(String),
    /// The file is not a readable PDF (truncated, damaged, unsupported).
    #[error("{0}: not a readable PDF ({1})")]
    Damaged(String, String),
    /// The PDF is over a limit: pages, glyphs or time.
    #[error("{0}: PDF too large to read ({1})")]
    TooLarge(String, String),
}
