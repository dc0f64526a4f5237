//! `normdiff diff OLD NEW`: a redline of two drafts.

use crate::exit;
use crate::input::InputArgs;
use crate::output::Output;
use clap::{Args, ValueEnum};
use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::report::{build_report, ReportOptions};
use normdiff_core::ChangeClass;
use normdiff_render::docx::{write_docx, DocxOptions};
use normdiff_render::{Html, Json, Markdown, Render, Style, Terminal};
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    /// Markdown: summary table, then one section per changed pair.
    Markdown,
    /// A standalone HTML page with inline and side-by-side views.
    Html,
    /// The report as JSON (schema in docs/json-diff.md).
    Json,
    /// Plain or coloured text for a terminal.
    Terminal,
    /// A Word file (.docx) of the new draft with the changes as tracked
    /// revisions (needs -o FILE when standard output is a terminal).
    Docx,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffStyle {
    /// <del>old</del><ins>new</ins>
    Inline,
    /// CriticMarkup: {--old--} {++new++} {~~old~>new~~}
    Critic,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when writing the terminal format to a terminal, unless
    /// NO_COLOR is set or TERM=dumb.
    Auto,
    /// Always colour the terminal format.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, PartialOrd, Ord)]
pub enum IgnoreClass {
    /// ’ vs ', « » vs ", dashes, NBSP vs space, ligatures.
    Typography,
    /// Upper/lower case.
    Case,
    /// Punctuation only (the words are the same).
    Punctuation,
    /// Spaces, tabs and line breaks.
    Whitespace,
}

impl IgnoreClass {
    pub(crate) fn class(self) -> ChangeClass {
        match self {
            IgnoreClass::Typography => ChangeClass::Typography,
            IgnoreClass::Case => ChangeClass::Case,
            IgnoreClass::Punctuation => ChangeClass::Punctuation,
            IgnoreClass::Whitespace => ChangeClass::Whitespace,
        }
    }
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old draft (`-` for standard input).
    pub old: String,
    /// The new draft (`-` for standard input).
    ///
    /// OLD and NEW may also be git object specs `REV:path` (an existing
    /// file of that name wins). Called by git as an external diff driver,
    /// the 7 arguments `path old-file old-hex old-mode new-file new-hex
    /// new-mode` are accepted (docs/git.md).
    pub new: String,
    /// The rest of a git external-diff call (see NEW).
    #[arg(hide = true, num_args = 0..)]
    pub git_driver_args: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "markdown")]
    pub format: DiffFormat,
    /// How Markdown marks changes.
    #[arg(long, value_enum, default_value = "inline")]
    pub style: DiffStyle,
    /// Hide these classes of change (comma-separated) from the output and
    /// from the exit code. Invisible characters and look-alike letters are
    /// always shown.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLASSES")]
    pub ignore: Vec<IgnoreClass>,
    /// When to colour the terminal format.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// With --format docx: the author of the revisions.
    #[arg(long, value_name = "NAME", default_value = "normdiff")]
    pub author: String,
    /// With --format docx: the date of the revisions (ISO 8601, such as
    /// 2026-01-31T12:00:00Z). Default: SOURCE_DATE_EPOCH when set, else
    /// the modification time of NEW.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// The environment variables that bear on colour, read once.
#[derive(Debug, Clone, Default)]
pub struct ColorEnv {
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `TERM=dumb`.
    pub term_dumb: bool,
}

impl ColorEnv {
    fn read() -> ColorEnv {
        ColorEnv {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            term_dumb: std::env::var_os("TERM").is_some_and(|v| v == "dumb"),
        }
    }
}

/// Should the output be coloured?
pub fn use_color(choice: ColorChoice, format: DiffFormat, to_tty: bool, env: &ColorEnv) -> bool {
    format == DiffFormat::Terminal
        && match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_tty && !env.no_color && !env.term_dumb,
        }
}

pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    if args.old == "-" && args.new == "-" {
        anyhow::bail!("only one of OLD and NEW can be standard input (-)");
    }
    let (old_src, new_src, old_name, new_name, as_driver) =
        crate::gitspec::diff_inputs(&args.old, &args.new, &args.git_driver_args)?;
    crate::threads::configure(&[
        crate::threads::file_size(&old_src),
        crate::threads::file_size(&new_src),
    ]);
    // The two documents are read and ingested in parallel (when the pool
    // has more than one thread).
    let (old, new) = rayon::join(
        || crate::gitspec::read_source(&old_src, &args.input),
        || crate::gitspec::read_source(&new_src, &args.input),
    );
    let (old, new) = (old?, new?);
    let alignment = align(&old, &new, &SameOptions::default());
    let opts = ReportOptions {
        ignore: args.ignore.iter().map(|c| c.class()).collect(),
        ..ReportOptions::default()
    };
    let mut report = build_report(&old, &new, &alignment, &opts);
    report.old_name = Some(old_name);
    report.new_name = Some(new_name);
    if report.summary.deadline_hits > 0 {
        eprintln!(
            "normdiff: warning: {} pair(s) hit the word-diff time limit; their redline is coarser",
            report.summary.deadline_hits
        );
    }
    let to_tty = args.output.is_none() && std::io::stdout().is_terminal();
    let color = use_color(args.color, args.format, to_tty, &ColorEnv::read());
    let style = match args.style {
        DiffStyle::Inline => Style::Inline,
        DiffStyle::Critic => Style::Critic,
    };
    let mut out = Output::open(args.output.as_deref())?;
    match args.format {
        DiffFormat::Docx => {
            if to_tty {
                anyhow::bail!("--format docx writes a binary file: give -o FILE");
            }
            let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
            let opts = DocxOptions {
                author: args.author.clone(),
                date: crate::docx_date::revision_date(
                    args.date.as_deref(),
                    epoch.as_deref(),
                    &new_src,
                ),
            };
            write_docx(&report, &old, &new, &opts, &mut out)?;
        }
        format => {
            let renderer: Box<dyn Render> = match format {
                DiffFormat::Html => Box::new(Html),
                DiffFormat::Json => Box::new(Json),
                DiffFormat::Terminal => Box::new(Terminal { color }),
                _ => Box::new(Markdown { style }),
            };
            renderer.render(&report, &mut out)?;
        }
    }
    out.finish()?;
    // Git stops at an external driver's non-zero exit: report success.
    let code = if report.summary.differences && !as_driver {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    };
    // The process ends now: freeing the documents, the alignment and the
    // report string by string would only cost time (tens of thousands of
    // frees); the system reclaims the memory at exit.
    std::mem::forget((old, new, alignment, report));
    Ok(ExitCode::from(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_resolution() {
        let env = ColorEnv::default();
        let t = DiffFormat::Terminal;
        assert!(use_color(ColorChoice::Auto, t, true, &env));
        assert!(!use_color(ColorChoice::Auto, t, false, &env));
        assert!(!use_color(
            ColorChoice::Auto,
            DiffFormat::Markdown,
            true,
            &env
        ));
        assert!(use_color(ColorChoice::Always, t, false, &env));
        assert!(!use_color(ColorChoice::Never, t, true, &env));
        let no = ColorEnv {
            no_color: true,
            term_dumb: false,
        };
        assert!(!use_color(ColorChoice::Auto, t, true, &no));
        let dumb = ColorEnv {
            no_color: false,
            term_dumb: true,
        };
        assert!(!use_color(ColorChoice::Auto, t, true, &dumb));
    }
}
