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
}
