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
    /// Exit codes: 0 success, 2 trouble (unreadable or binary file).
    ///
    /// Examples:
    ///   normdiff parse report.txt
    ///   normdiff parse report.md --format json | jq '.blocks[] | .label'
    #[command(verbatim_doc_comment)]
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
    /// Every format opens with the changes at a glance: one line per
    /// changed pair with qualified labels (¶ 24 a)), then the deleted,
    /// inserted and moved paragraphs. Renumber-only pairs are one line;
    /// front matter and annexes with no counterpart collapse to one line.
    /// On a terminal the default format is `terminal`, else `markdown`.
    ///
    /// Exit codes: 0 no differences, 1 differences, 2 trouble.
    ///
    /// Examples:
    ///   normdiff diff zero-draft.txt final.txt
    ///   normdiff diff zero-draft.txt final.txt > redline.md
    ///   normdiff diff old.txt new.txt --format summary
    ///   normdiff diff old.txt new.txt --format html -o redline.html
    ///   normdiff diff old.txt new.txt --style critic
    ///   normdiff diff old.txt new.txt --ignore typography,case --format terminal
    ///   normdiff diff old.txt new.txt --only moved,deleted --context 8
    ///   normdiff diff old.txt new.txt --stat
    ///   normdiff diff -q old.md new.md || echo "drafts differ"
    ///   normdiff diff -r drafts/v1 drafts/v2 --format summary
    ///   normdiff diff old.txt new.txt --format json | jq '.pairs[] | select(.kind == "moved")'
    #[command(verbatim_doc_comment)]
    Diff(crate::cmd::diff::DiffArgs),
    /// Follow a phrase through versions: when it appeared, changed, moved,
    /// disappeared, and what wording took its place.
    ///
    /// Walks git history (first parent from --rev, renames followed) or an
    /// ordered list of drafts (--files, dates from --manifest), finds the
    /// phrase in each version by paragraph and sentence (across hard wraps,
    /// with typography, case and French elisions folded), aligns
    /// consecutive versions so a paragraph keeps its identity when
    /// renumbered or moved, and reports events: introduced, removed (with
    /// the words that replaced it), changed, moved, renumbered, renamed,
    /// reintroduced.
    ///
    /// Exit codes: 0 success, 2 trouble (unknown revision, unreadable file).
    ///
    /// Examples:
    ///   normdiff trace "bon père de famille" --repo code-civil
    ///   normdiff trace "noyau public de l'Internet" --files zero.txt rev1.txt final.txt
    ///   normdiff trace "bon père de famille" --path 'Code Civil/Livre III/**' --format json
    ///   normdiff trace "en bon père de famille" --variant raisonnablement --fuzzy 1
    #[command(verbatim_doc_comment)]
    Trace(crate::cmd::trace::TraceArgs),
    /// Lineage across N versions: every paragraph's history and every
    /// word's origin.
    ///
    /// Aligns each pair of consecutive versions as `diff` does and chains
    /// the alignments: every paragraph of every version gets a lineage id
    /// kept through renumbering, moves, splits (a piece lists its parent)
    /// and merges. Each word of the last version is dated by the version
    /// that introduced it at its place (a word deleted and restored dates
    /// from its restoration; a word that moved with its paragraph keeps its
    /// date; typography-only changes keep it unless --exact). Definitions
    /// in docs/history.md.
    ///
    /// Examples:
    ///   normdiff history zero.txt rev1.txt rev2.txt final.txt
    ///   normdiff history --manifest drafts.tsv --format html -o blame.html
    ///   normdiff history --repo . --rev v1..HEAD --path report.md --format json
    ///   normdiff history zero.txt rev1.txt final.txt --since rev1.txt
    #[command(verbatim_doc_comment)]
    History(crate::cmd::history::HistoryArgs),
    /// The CI gate: fail (or warn) when a change touches watched wording.
    ///
    /// Reads the watch file (.normdiff.toml at the repository root, or
    /// --watch FILE: `[[watch]]` phrases and `[[protect]]` paragraphs; format in
    /// docs/watch-file.md) and compares two versions of every watched file:
    /// two git revisions (renamed files followed), a revision and the
    /// working tree (--head WORKTREE, the default when tracked files have
    /// uncommitted changes), two directories or two files. Paragraphs are
    /// aligned, so a renumbered or moved paragraph
    /// whose wording is intact is reported as such, never as a change. For
    /// each entry: unchanged, changed (with the redline of the sentence),
    /// removed (with what replaced it), added, moved, renumbered, renamed.
    /// An invisible character or a look-alike letter touching a watched
    /// phrase always fails, whatever on_change and --ignore say.
    ///
    /// Exit codes: 0 nothing watched changed (or only `warn` entries), 1 a
    /// `fail` entry changed, 2 trouble (bad watch file, unknown revision,
    /// unreadable file).
    ///
    /// Examples:
    ///   normdiff check --base origin/main --head HEAD
    ///   normdiff check --base HEAD --head WORKTREE
    ///   normdiff check --base main --format markdown -o comment.md
    ///   normdiff check --base "$BASE_SHA" --head "$HEAD_SHA" --format github
    ///   normdiff check drafts/v1 drafts/v2 --watch agreed.toml
    ///   normdiff check zero-draft.txt final.txt --format json
    #[command(verbatim_doc_comment)]
    Check(crate::cmd::check::CheckArgs),
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
    /// Exit codes: 0 success, 2 trouble (unreadable file, bad glossary).
    ///
    /// Examples:
    ///   normdiff align udhr-en.txt udhr-ar.txt > table.md
    ///   normdiff align report-fr.txt report-en.txt --format html -o side-by-side.html
    ///   normdiff align fr.txt en.txt --format tsv --glossary terms.toml
    #[command(verbatim_doc_comment)]
    Align(crate::cmd::align::AlignArgs),
    /// Find where quoted passages come from in a document.
    ///
    /// For each quote, prints the best matching blocks with their score,
    /// label and the span of the matching passage inside the block (in
    /// characters: Unicode scalar values, 0-based, end exclusive). Works
    /// for an excerpt of a paragraph, for another translation of it into
    /// the same language, and for a quote in English, French or Spanish in
    /// a document in another of the three (through a built-in glossary:
    /// nearly 9 in 10 sentence-long quotes). For a quote in another
    /// script, give the document in the quote's language with --via. A
    /// quote whose best block scores under --min-score (0.4) is reported
    /// as not found, with an empty `matches` list, and a note suggesting
    /// --via when it seems to be in another language.
    ///
    /// Exit codes: 0 success, 2 trouble (unreadable file).
    ///
    /// Examples:
    ///   normdiff locate report.txt --quote "l'infrastructure technique essentielle"
    ///   normdiff locate report.txt --quotes-file quotes.txt --format markdown
    ///   normdiff locate report.txt -q "first quote" -q "second quote" --min-score 0.5
    ///   normdiff locate report-en.txt --via report-ru.txt -q "принимая во внимание"
    #[command(verbatim_doc_comment)]
    Locate(crate::cmd::locate::LocateArgs),
    /// Print a shell completion script (bash, zsh or fish).
    ///
    /// Exit codes: 0 success, 2 trouble.
    ///
    /// Examples:
    ///   normdiff completions bash > /etc/bash_completion.d/normdiff
    ///   normdiff completions zsh > ~/.zfunc/_normdiff
    ///   normdiff completions fish > ~/.config/fish/completions/normdiff.fish
    #[command(verbatim_doc_comment)]
    Completions(crate::cmd::completions::CompletionsArgs),
    /// Print the man page (roff), of normdiff or of one subcommand.
    ///
    /// Exit codes: 0 success, 2 trouble (no such subcommand).
    ///
    /// Examples:
    ///   normdiff man > normdiff.1
    ///   normdiff man diff | man -l -
    #[command(verbatim_doc_comment)]
    Man(crate::cmd::completions::ManArgs),
}
