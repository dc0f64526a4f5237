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
    /// Redline two drafts: pair every paragraph with its counterpart, show
    /// word changes.
    ///
    /// Paragraphs are paired however they were renumbered, moved, split or
    /// merged; each pair gets a word-level redline. Every change has a
    /// class: substantive, punctuation, case, typography (’ vs ', « » vs ",
    /// NBSP vs space), whitespace, invisible (zero-width and bidi
    /// characters) or confusable (look-alike letters from another script).
    /// `--ignore` hides the benign classes; invisible and confusable
    /// changes are always shown, with a warning.
    ///
    /// Exit codes: 0 no differences, 1 differences, 2 trouble.
    ///
    /// Examples:
    ///   normdiff diff zero-draft.txt final.txt > redline.md
    ///   normdiff diff old.txt new.txt --format html -o redline.html
    ///   normdiff diff old.txt new.txt --style critic
    ///   normdiff diff old.txt new.txt --ignore typography,case --format terminal
    ///   normdiff diff old.txt new.txt --format json | jq '.pairs[] | select(.kind == "moved")'
    ///   normdiff diff old.md new.md --ignore whitespace >/dev/null || echo "drafts differ"
    #[command(verbatim_doc_comment)]
    Diff(crate::cmd::diff::DiffArgs),
}
