//! `normdiff trace PHRASE`: a phrase through versions (git history or an
//! ordered list of files).

use crate::exit;
use crate::files_source::{drafts, FilesSource};
use crate::output::Output;
use anyhow::bail;
use clap::{Args, ValueEnum};
use normdiff_core::history::{
    trace, History, MatchMode, MatchOptions, Matcher, Progress, TraceOptions, VersionSource,
};
use normdiff_git::{GitOptions, GitSource, Relevance};
use normdiff_render::trace::Lang;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TraceFormat {
    /// A monitoring update: timeline table, then each event as a redline.
    Markdown,
    /// The history as JSON (schema in docs/json-trace.md).
    Json,
    /// A standalone HTML page.
    Html,
}

/// The language of the report's own words.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportLang {
    /// English.
    En,
    /// French.
    Fr,
}

#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The phrase to follow (matched with typography, case, spacing and
    /// French elisions folded unless --exact).
    pub phrase: String,
    /// The repository (any directory inside it).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub repo: PathBuf,
    /// Revision to walk back from.
    #[arg(long, value_name = "REV", default_value = "HEAD")]
    pub rev: String,
    /// Only files matching this path or glob (repeatable; `**` crosses
    /// directories; a directory matches everything below it).
    #[arg(long = "path", value_name = "P")]
    pub paths: Vec<String>,
    /// Walk every parent of merge commits, not only the first.
    #[arg(long)]
    pub all_parents: bool,
    /// Trace through these files, in this order, instead of git history.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Dates, authors and messages of the files (tab-separated lines:
    /// path, ISO 8601 date, author, message); alone, it lists the files.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Compare words exactly (no typography, case or elision folding).
    #[arg(long)]
    pub exact: bool,
    /// Allow up to N word edits (insertions, deletions, substitutions).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub fuzzy: usize,
    /// Other wording that counts as the same concept, traced and reported
    /// separately (repeatable).
    #[arg(long = "variant", value_name = "TEXT")]
    pub variants: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "markdown")]
    pub format: TraceFormat,
    /// Language of the report's own words (headings, status lines, event
    /// names) in Markdown and HTML; the document's text is never translated.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: ReportLang,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Walks shorter than this many versions draw no progress bar.
const PROGRESS_MIN: u64 = 200;

pub fn run(args: TraceArgs) -> anyhow::Result<ExitCode> {
    let opts = MatchOptions {
        mode: if args.exact {
            MatchMode::Exact
        } else {
            MatchMode::Normalized
        },
        fuzzy: args.fuzzy,
    };
    if args.phrase.trim().is_empty() {
        bail!("the phrase is empty: give the words to trace");
    }
    let matcher = Matcher::new(&args.phrase, &args.variants, &opts)?;
    let history = if !args.files.is_empty() || args.manifest.is_some() {
        let list = drafts(&args.files, args.manifest.as_deref())?;
        walk(FilesSource::new(list), &matcher)?
    } else {
        let git = GitOptions {
            rev: args.rev.clone(),
            paths: args.paths.clone(),
            all_parents: args.all_parents,
        };
        // Renames matter only between files that may carry a term.
        let m = matcher.clone();
        let relevant: Relevance = Arc::new(move |bytes: &[u8]| m.may_match_bytes(bytes));
        let source = GitSource::open(&args.repo, &git)?.renames_only_for(relevant);
        walk(source, &matcher)?
    };
    let mut out = Output::open(args.output.as_deref())?;
    let lang = match args.lang {
        ReportLang::En => Lang::En,
        ReportLang::Fr => Lang::Fr,
    };
    match args.format {
        TraceFormat::Markdown => normdiff_render::trace::markdown(&history, lang, &mut out)?,
        TraceFormat::Json => normdiff_render::trace::json(&history, &mut out)?,
        TraceFormat::Html => normdiff_render::trace::html(&history, lang, &mut out)?,
    }
    for (n, w) in normdiff_render::trace::warnings(&history) {
        eprintln!(
            "normdiff: warning: event {n}: {}",
            normdiff_render::escape::terminal(w)
        );
    }
    out.finish()?;
    let s = &history.stats;
    if s.blobs_binary + s.blobs_not_utf8 > 0 {
        eprintln!(
            "normdiff: skipped {} binary and {} non-UTF-8 file versions (listed in the report)",
            s.blobs_binary, s.blobs_not_utf8
        );
    }
    Ok(ExitCode::from(exit::SUCCESS))
}

/// Runs the trace, with a progress bar on a terminal for long walks.
fn walk<S: VersionSource>(mut source: S, matcher: &Matcher) -> anyhow::Result<History> {
    let mut bar: Option<indicatif::ProgressBar> = None;
    let terminal = std::io::stderr().is_terminal();
    let mut progress = |p: Progress| {
        let Some(total) = p.commits_total.filter(|&t| terminal && t >= PROGRESS_MIN) else {
            return;
        };
        let b = bar.get_or_insert_with(|| {
            let b = indicatif::ProgressBar::new(total);
            b.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} versions, {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b
        });
        b.set_position(p.commits_visited);
        b.set_message(format!("{} events", p.events));
    };
    let history = trace(
        &mut source,
        matcher,
        &TraceOptions::default(),
        &mut progress,
    )?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(history)
}
