//! # normdiff-render
//!
//! Renderers for normdiff's results: pure functions from a finished result
//! (a [`normdiff_core::Document`], later reports) to a writer they are
//! handed. Renderers never recompute anything: what they show is what the
//! core library decided.
//!
//! - [`document`]: the output of `normdiff parse` (text and JSON).
//! - [`redline`]: the output of `normdiff diff` (Markdown, CriticMarkup,
//!   HTML, JSON, terminal, summary), one renderer per format behind [`Render`].
//! - [`check`]: the output of `normdiff check` (text, Markdown, JSON,
//!   GitHub Actions workflow commands), behind [`RenderCheck`].
//! - [`docx`]: `normdiff diff --format docx`, a Word file with tracked
//!   changes (needs both documents as well as the report).
//! - [`trace`]: the output of `normdiff trace` (Markdown, HTML, JSON).
//! - [`history`]: the output of `normdiff history` (lineage table,
//!   Markdown, HTML prose blame, JSON).
//! - [`align`]: the output of `normdiff align` (Markdown, HTML, TSV, JSON).
//! - [`locate`]: the output of `normdiff locate` (JSON, Markdown).
//!
//! ## Example
//!
//! ```
//! use normdiff_core::{ingest, InputFormat};
//! use normdiff_render::document;
//!
//! let doc = ingest("18. Le Groupe note.\n", InputFormat::Text);
//! let mut out = Vec::new();
//! document::json(&doc, &mut out).unwrap();
//! let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(v["blocks"][0]["label"], "18");
//! ```
#![deny(missing_docs)]

pub mod align;
pub mod check;
pub mod document;
pub mod docx;
pub mod escape;
pub mod history;
pub mod redline;

pub use check::RenderCheck;
pub use redline::html::Html;
pub use redline::json::Json;
pub use redline::markdown::{Markdown, Style};
pub use redline::stat::Stat;
pub use redline::summary::AtAGlance;
pub use redline::terminal::Terminal;
pub use redline::{Render, Shown, ViewOptions};
pub mod locate;
pub mod trace;
mod wire;
