//! # normdiff-core
//!
//! The engine of normdiff: how the wording of diplomatic and legal texts
//! changes between drafts, translations and versions. Pure: no git, no
//! terminal, no process exit, no standard output.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! bytes ──decode──▶ text ──ingest──▶ Document ──align──▶ Alignment ──diff──▶ Report
//! ```
//!
//! - [`decode`](mod@decode): bytes to text (UTF-8 with or without BOM, UTF-16 with BOM;
//!   binary and invalid input refused with the byte offset).
//! - [`ingest`](mod@ingest): text or Markdown to a [`Document`] of [`Block`]s, repairing
//!   conversion damage (page breaks, footnotes, hard wraps, hyphenation) and
//!   recognising labels (`18`, `13 a)`, `Article premier`, `第一条`).
//! - [`normalize`]: comparison keys (typography, case, diacritics); display
//!   text is never altered.
//! - [`segment`]: words and sentences, language-aware (elisions, CJK).
//! - [`diff`]: word-level diff of two texts, semantic clean-up, change
//!   classes (substantive, punctuation, case, typography, whitespace,
//!   invisible, confusable).
//! - [`report`]: the diff report of two documents (pairs, word ops,
//!   summary, warnings), the only thing renderers see.
//! - [`history`]: a phrase through versions (an abstract [`history::VersionSource`]):
//!   occurrences by block and sentence, events in time order.
//! - [`lineage`]: paragraph lineage and word provenance over N versions
//!   (`normdiff history`), chaining the alignment `diff` uses.
//! - [`check`]: the CI gate: watched phrases and protected paragraphs
//!   between two versions of a set of files, a verdict per entry.
//! - [`align`]: block alignment between drafts ([`align::same`]) and
//!   between a document and its translation ([`align::cross`]).
//! - [`locate`](mod@locate): where quoted passages sit in a document, even when the
//!   quote is another translation or in another language.
//! - [`numerals`]: numbers in every script, Roman numerals, ordinal words.
//!
//! ## Example
//!
//! ```
//! use normdiff_core::{decode, ingest, InputFormat};
//!
//! let bytes = "18. Le Groupe note\n\n¹ Une note.\n\nque les normes s'appliquent.\n".as_bytes();
//! let text = decode(bytes, "draft.txt").unwrap().text;
//! let doc = ingest(&text, InputFormat::Text);
//! assert_eq!(doc.blocks.len(), 1);
//! assert_eq!(doc.blocks[0].label.as_deref(), Some("18"));
//! assert_eq!(doc.blocks[0].text, "Le Groupe note que les normes s'appliquent.");
//! assert_eq!(doc.footnotes[0].label, "¹");
//! ```
#![deny(missing_docs)]

pub mod align;
pub mod check;
pub mod decode;
pub mod diff;
pub mod error;
mod fxhash;
pub mod history;
pub mod ingest;
pub mod inspect;
pub mod limits;
pub mod lineage;
pub mod locate;
pub mod model;
pub mod normalize;
pub mod numerals;
pub mod report;
pub mod segment;

pub use align::cross::{CrossAlignment, CrossLink, CrossOptions, Glossary, GlossaryEntry};
pub use decode::{decode, decode_owned, name_from_bytes, shown_name, Decoded, Encoding};
pub use diff::{diff_text, ChangeClass, DiffOptions, Op, OpKind, WordDiff};
pub use error::{Error, ErrorKind, Result};
pub use ingest::{ingest, InputFormat};
pub use locate::{locate, LocateOptions, LocateReport, QuoteMatch, QuoteResult};
pub use model::{
    Block, BlockKind, CharNote, Document, Footnote, LabelInfo, Repair, RepairKind, SourceFormat,
};
pub use normalize::{key, Profile};
pub use report::{build_report, DiffReport, Pair, ReportOptions, Summary};
pub use segment::{sentences, tokenize, Token, TokenKind};
