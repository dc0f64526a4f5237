//! Command-line arguments (clap derive; doc comments are the `--help`).

use clap::{Parser, Subcommand};

/// Show how the wording of diplomatic and legal texts changes: between
/// drafts, between translations, and through version history.
///
/// Exit codes: 0 no differences, 1 differences found, 2 trouble.
#[derive(Debug, Parser)]
#[command(
    name = "normdiff",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how a document was understood: blocks, labels, footnotes, repairs.
    ///
    /// Reads plain text (as converted from PDF or Word) or Markdown, and
    /// prints the blocks it found with their labels (18, 13 a), Article
    /// premier...), the footnotes it set aside and every repair it made
    /// (paragraphs rejoined across page breaks, hard wraps joined).
    ///
    /// Examples:
    ///   normdiff parse report.txt
    ///   normdiff parse report.md --format json | jq '.blocks[] | .label'
    Parse(crate::cmd::parse::ParseArgs),
    /// Show a document beside its translation, paragraph by paragraph.
    ///
    /// Aligns the blocks of SRC with those of TGT in another language, with
    /// no network and no language model: labels in every script (Article
    /// premier = Статья 1 = المادة ١ = 第一条), numbers, dates, document
    /// symbols (A/76/135), URLs and names, punctuation, the length ratio of
    /// this pair of documents, and shared word beginnings between
    /// Latin-script languages. A paragraph may be linked to two (1-2, 2-1)
    /// or to none. Every link has a score from 0 to 1; links under 0.5 are
    /// marked low-confidence (⚠). Right-to-left text (Arabic) is shown
    /// right to left.
    ///
    /// TSV output, one line per link: source indexes, target indexes, score
    /// (indexes 0-based as `normdiff parse` prints them, comma-separated
    /// for two blocks, empty for an unmatched side).
    ///
    /// Examples:
    ///   normdiff align udhr-en.txt udhr-ar.txt > table.md
    ///   normdiff align report-fr.txt report-en.txt --format html -o side-by-side.html
    ///   normdiff align fr.txt en.txt --format tsv --glossary terms.toml
    Align(crate::cmd::align::AlignArgs),
    /// Find where quoted passages come from in a document.
    ///
    /// For each quote, prints the best matching blocks with their score,
    /// label and the span of the matching passage inside the block (in
    /// characters: Unicode scalar values, 0-based, end exclusive). Works
    /// for an excerpt of a paragraph, for another translation of it into
    /// the same language, and (less surely) for a quote in another
    /// language. A quote whose best block scores under --min-score (0.4)
    /// is reported as not found, with an empty `matches` list.
    ///
    /// Examples:
    ///   normdiff locate report.txt --quote "l'infrastructure technique essentielle"
    ///   normdiff locate report.txt --quotes-file quotes.txt --format markdown
    ///   normdiff locate report.txt -q "first quote" -q "second quote" --min-score 0.5
    Locate(crate::cmd::locate::LocateArgs),
}
