//! The one error type of the core library.
//!
//! Every error names the input it concerns (a file name, a revision, or
//! whatever the caller passed as `source_name`) so that the CLI can print a
//! single line that tells the user what went wrong and where.

use std::fmt;

/// An error from the core library, naming the input that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    source_name: String,
    kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input contains a NUL byte: it is binary, not text.
    Binary {
        /// Byte offset of the first NUL byte in the input.
        offset: usize,
    },
    /// The input is not valid UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte in the input.
        offset: usize,
    },
    /// The input starts with a UTF-16 byte-order mark but is not valid UTF-16.
    InvalidUtf16 {
        /// Byte offset of the offending code unit in the input.
        offset: usize,
    },
    /// The input starts with a UTF-16 byte-order mark but has an odd number
    /// of bytes: truncated, or not UTF-16 at all. Refused rather than
    /// decoded without its last byte.
    OddUtf16 {
        /// Size of the input in bytes.
        size: usize,
    },
    /// The input is larger than the configured limit.
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A search phrase or quote is empty after normalization.
    EmptyPhrase,
    /// Any other invalid input, described in words.
    Invalid(String),
}

impl Error {
    /// Builds an error for the named input.
    pub fn new(source_name: impl Into<String>, kind: ErrorKind) -> Self {
        Error {
            source_name: source_name.into(),
            kind,
        }
    }

    /// The name of the input that failed (file name, revision, ...).
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Binary { offset } => {
                write!(
                    f,
                    "binary file (NUL byte at byte offset {offset}), not text"
                )
            }
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            ErrorKind::InvalidUtf16 { offset } => {
                write!(f, "invalid UTF-16 at byte offset {offset}")
            }
            ErrorKind::OddUtf16 { size } => write!(
                f,
                "starts with a UTF-16 byte-order mark but has an odd number of bytes ({size}): truncated, or not UTF-16"
            ),
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                "input is {size} bytes, over the limit of {limit} bytes (raise it with --max-size)"
            ),
            ErrorKind::EmptyPhrase => write!(f, "the phrase is empty"),
            ErrorKind::Invalid(msg) => f.write_str(msg),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.source_name.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.source_name, self.kind)
        }
    }
}

impl std::error::Error for Error {}

/// Result alias for the core library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
