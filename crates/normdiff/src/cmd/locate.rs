//! `normdiff locate DOC --quote TEXT`: where quoted passages come from.

use crate::exit;
use crate::input::{self, InputArgs};
use crate::output::Output;
use anyhow::bail;
use clap::{Args, ValueEnum};
use normdiff_core::{locate, LocateOptions};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LocateFormat {
    /// JSON (schema in docs/json-locate.md).
    Json,
    /// A Markdown section per quote with its matching passages.
    Markdown,
}

#[derive(Debug, Args)]
pub struct LocateArgs {
    /// The document to search (`-` for standard input).
    pub doc: String,
    /// A quoted passage to find (repeat for several).
    #[arg(long, short = 'q', value_name = "TEXT")]
    pub quote: Vec<String>,
    /// A file of quotes, one per paragraph (quotes separated by blank
    /// lines; lines of one paragraph are joined).
    #[arg(long, value_name = "FILE")]
    pub quotes_file: Option<String>,
    /// The same document in the quotes' language (UN documents exist in
    /// all six): each quote is found there, then the alignment of that
    /// document with DOC gives the paragraph and the passage in DOC. Use it
    /// for quotes in another script than DOC.
    #[arg(long, value_name = "VIA_DOC")]
    pub via: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    pub format: LocateFormat,
    /// Minimum score (0–1) for a block to count as a match; a quote whose
    /// best block scores lower is reported as not found.
    #[arg(long, value_name = "SCORE", default_value_t = normdiff_core::locate::DEFAULT_MIN_SCORE)]
    pub min_score: f64,
    /// At most this many matches per quote.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub max_matches: usize,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Splits a quotes file into quotes: paragraphs separated by blank lines,
/// lines of a paragraph joined by a space.
pub fn split_quotes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(line.trim());
        }
    }
    out
}

pub fn run(args: LocateArgs) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!("--min-score: {} is not between 0 and 1", args.min_score);
    }
    let mut quotes = args.quote.clone();
    if let Some(path) = &args.quotes_file {
        let bytes = input::read_bytes(path, args.input.max_size)?;
        quotes.extend(split_quotes(&input::text_of(&bytes, path)?));
    }
    if quotes.is_empty() {
        bail!("no quote given (use --quote TEXT or --quotes-file FILE)");
    }
    let doc = input::read_document(&args.doc, &args.input)?;
    // Refused, naming the limit, rather than searched in quadratic time.
    normdiff_core::limits::check_locate(&doc, &normdiff_core::shown_name(&args.doc))?;
    let opts = LocateOptions {
        min_score: args.min_score,
        max_matches: args.max_matches,
    };
    let report = match &args.via {
        Some(via) => {
            let via = input::read_document(via, &args.input)?;
            normdiff_core::locate::locate_via(&doc, &via, &quotes, &opts)
        }
        None => locate(&doc, &quotes, &opts),
    };
    let mut out = Output::open(args.output.as_deref())?;
    match args.format {
        LocateFormat::Json => normdiff_render::locate::json(&report, &mut out)?,
        LocateFormat::Markdown => normdiff_render::locate::markdown(&report, &mut out)?,
    }
    out.finish()?;
    Ok(ExitCode::from(exit::SUCCESS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_file_paragraphs() {
        assert_eq!(
            split_quotes("one\ntwo\n\n\nthree\n"),
            vec!["one two".to_owned(), "three".to_owned()]
        );
        assert!(split_quotes("\n\n").is_empty());
    }
}
