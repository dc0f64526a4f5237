//! `normdiff diff OLD NEW`: a redline of two drafts.

use crate::exit;
use crate::input::InputArgs;
use crate::output::Output;
use clap::{Args, ValueEnum};
use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::report::{build_report, ReportOptions};
use normdiff_core::{ChangeClass, Document};
use normdiff_render::docx::{write_docx, DocxOptions};
use normdiff_render::ViewOptions;
use normdiff_render::{AtAGlance, Html, Json, Markdown, Render, Shown, Stat, Style, Terminal};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    /// Markdown: changes at a glance, then the redline (the default when
    /// the output is not a terminal).
    Markdown,
    /// A standalone HTML page to navigate (change list, j/k, side by side).
    Html,
    /// The report as JSON (schema in docs/json-diff.md).
    Json,
    /// Plain or coloured text (the default on a terminal).
    Terminal,
    /// Only the changes at a glance, as plain text to paste into a note.
    Summary,
    /// A Word file (.docx) of the new draft with the changes as tracked
    /// revisions (needs -o FILE when standard output is a terminal).
    Docx,
}

impl DiffFormat {
    fn name(self) -> &'static str {
        match self {
            DiffFormat::Markdown => "markdown",
            DiffFormat::Html => "html",
            DiffFormat::Json => "json",
            DiffFormat::Terminal => "terminal",
            DiffFormat::Summary => "summary",
            DiffFormat::Docx => "docx",
        }
    }
}

/// A kind of pair, for `--only` and `--hide`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum KindArg {
    /// No change, same label (hidden unless asked for).
    Unchanged,
    /// No text change, label changed.
    Renumbered,
    /// Text changed in place.
    Modified,
    /// Out of document order.
    Moved,
    /// One paragraph became two.
    Split,
    /// Two paragraphs became one.
    Merged,
    /// Only in NEW.
    Inserted,
    /// Only in OLD.
    Deleted,
}

impl KindArg {
    fn shown(self) -> Shown {
        match self {
            KindArg::Unchanged => Shown::Unchanged,
            KindArg::Renumbered => Shown::Renumbered,
            KindArg::Modified => Shown::Modified,
            KindArg::Moved => Shown::Moved,
            KindArg::Split => Shown::Split,
            KindArg::Merged => Shown::Merged,
            KindArg::Inserted => Shown::Inserted,
            KindArg::Deleted => Shown::Deleted,
        }
    }
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
    /// The old draft (`-` for standard input; a directory with -r).
    pub old: String,
    /// The new draft (`-` for standard input; a directory with -r).
    ///
    /// OLD and NEW may also be git object specs `REV:path` (an existing
    /// file of that name wins). Called by git as an external diff driver,
    /// the 7 arguments `path old-file old-hex old-mode new-file new-hex
    /// new-mode` are accepted (docs/git.md).
    pub new: String,
    /// The rest of a git external-diff call (see NEW).
    #[arg(hide = true, num_args = 0..)]
    pub git_driver_args: Vec<String>,
    /// Output format [default: terminal when writing to a terminal,
    /// markdown otherwise].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<DiffFormat>,
    /// How Markdown marks changes.
    #[arg(long, value_enum, default_value = "inline")]
    pub style: DiffStyle,
    /// Hide these classes of change (comma-separated) from the output and
    /// from the exit code. Invisible characters and look-alike letters are
    /// always shown.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLASSES")]
    pub ignore: Vec<IgnoreClass>,
    /// Show only these kinds of pair (comma-separated), in the redline and
    /// the changes at a glance.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub only: Vec<KindArg>,
    /// Hide these kinds of pair (comma-separated); `unchanged` is always
    /// hidden unless named in --only.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "KINDS",
        conflicts_with = "only"
    )]
    pub hide: Vec<KindArg>,
    /// Keep N words of unchanged text around each change instead of whole
    /// paragraphs.
    #[arg(long, value_name = "N")]
    pub context: Option<usize>,
    /// Show everything in full: renumber-only pairs with their text, front
    /// matter and annexes not collapsed.
    #[arg(long)]
    pub full: bool,
    /// Print only whether the drafts differ (one line) and set the exit code.
    #[arg(short = 'q', long)]
    pub brief: bool,
    /// Print counts per kind of pair and class of change, not the redline.
    #[arg(long, conflicts_with = "brief")]
    pub stat: bool,
    /// OLD and NEW are directories: pair their files by name (and renamed
    /// files by content) and report each pair.
    #[arg(short = 'r', long)]
    pub recursive: bool,
    /// When to colour the terminal format [default: auto].
    #[arg(long, value_enum)]
    pub color: Option<ColorChoice>,
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
    pub fn read() -> ColorEnv {
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

/// What to show, from `--only`, `--hide`, `--context`, `--full`.
pub fn view_options(args: &DiffArgs) -> ViewOptions {
    let mut view = ViewOptions {
        context: args.context,
        full: args.full,
        ..ViewOptions::default()
    };
    if !args.only.is_empty() {
        view.shown = args.only.iter().map(|k| k.shown()).collect();
    }
    for k in &args.hide {
        view.shown.remove(&k.shown());
    }
    view
}

/// The format to write: `--format`, else terminal on a terminal, else
/// Markdown; warns when `--color` asks for colour a format cannot have.
fn resolve_format(args: &DiffArgs, to_tty: bool) -> DiffFormat {
    let format = args.format.unwrap_or(if to_tty {
        DiffFormat::Terminal
    } else {
        DiffFormat::Markdown
    });
    let colour_asked = matches!(args.color, Some(ColorChoice::Always | ColorChoice::Auto));
    if colour_asked && (format != DiffFormat::Terminal || args.brief || args.stat) {
        eprintln!(
            "normdiff: warning: --color has no effect on the {} output; only the terminal format is coloured",
            if args.brief || args.stat { "--brief/--stat" } else { format.name() }
        );
    }
    format
}

/// The renderer for `format` (or `--stat`).
pub fn renderer(args: &DiffArgs, format: DiffFormat, color: bool) -> Box<dyn Render> {
    let view = view_options(args);
    let style = match args.style {
        DiffStyle::Inline => Style::Inline,
        DiffStyle::Critic => Style::Critic,
    };
    if args.stat {
        return Box::new(Stat);
    }
    match format {
        DiffFormat::Markdown => Box::new(Markdown { style, view }),
        DiffFormat::Html => Box::new(Html { view }),
        DiffFormat::Json => Box::new(Json),
        DiffFormat::Terminal => Box::new(Terminal { color, view }),
        DiffFormat::Summary => Box::new(AtAGlance { view }),
        // Written by `write_docx` from the documents, never through here.
        DiffFormat::Docx => Box::new(Markdown { style, view }),
    }
}

/// How a file argument is named in reports: `-` is `(stdin)`.
/// Other names are made safe to print ([`normdiff_core::shown_name`]).
pub fn shown_name(arg: String) -> String {
    if arg == "-" {
        "(stdin)".to_owned()
    } else {
        normdiff_core::shown_name(&arg)
    }
}

/// The report of two sources (files, `-`, or `REV:path`).
pub fn report_of(
    old_src: &str,
    new_src: &str,
    args: &DiffArgs,
) -> anyhow::Result<normdiff_core::DiffReport> {
    let (report, old, new) = compare(old_src, new_src, args)?;
    // Freeing the documents string by string would only cost time; the
    // process ends soon and the system reclaims them.
    std::mem::forget((old, new));
    Ok(report)
}

/// The report of two sources, with the two documents it was built from
/// (the Word writer rewrites the new document's paragraphs).
pub fn compare(
    old_src: &str,
    new_src: &str,
    args: &DiffArgs,
) -> anyhow::Result<(normdiff_core::DiffReport, Document, Document)> {
    // The two documents are read and ingested in parallel (when the pool
    // has more than one thread).
    let (old, new) = rayon::join(
        || crate::gitspec::read_source(old_src, &args.input),
        || crate::gitspec::read_source(new_src, &args.input),
    );
    let (old, new) = (old?, new?);
    let alignment = align(&old, &new, &SameOptions::default());
    let opts = ReportOptions {
        ignore: args.ignore.iter().map(|c| c.class()).collect(),
        ..ReportOptions::default()
    };
    let report = build_report(&old, &new, &alignment, &opts);
    // Freeing the alignment string by string would only cost time; the
    // process ends soon and the system reclaims it.
    std::mem::forget(alignment);
    if report.summary.deadline_hits > 0 {
        eprintln!(
            "normdiff: warning: {} pair(s) hit the word-diff time limit; their redline is coarser",
            report.summary.deadline_hits
        );
    }
    Ok((report, old, new))
}

pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    if args.old == "-" && args.new == "-" {
        anyhow::bail!("only one of OLD and NEW can be standard input (-)");
    }
    let to_tty = args.output.is_none() && std::io::stdout().is_terminal();
    let format = resolve_format(&args, to_tty);
    let color = use_color(
        args.color.unwrap_or(ColorChoice::Auto),
        format,
        to_tty,
        &ColorEnv::read(),
    );
    if args.recursive {
        return super::diff_dirs::run(&args, format, color);
    }
    let (old_src, new_src, old_name, new_name, as_driver) =
        crate::gitspec::diff_inputs(&args.old, &args.new, &args.git_driver_args)?;
    crate::threads::configure(&[
        crate::threads::file_size(&old_src),
        crate::threads::file_size(&new_src),
    ]);
    let (mut report, old, new) = compare(&old_src, &new_src, &args)?;
    report.old_name = Some(shown_name(old_name));
    report.new_name = Some(shown_name(new_name));
    // Git stops at an external driver's non-zero exit: report success.
    let code = if report.summary.differences && !as_driver {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    };
    // A reader that closes the pipe early still gets the real status.
    exit::set_status(code);
    if format == DiffFormat::Docx && !args.brief && !args.stat {
        if to_tty {
            anyhow::bail!("--format docx writes a binary file: give -o FILE");
        }
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
        let opts = DocxOptions {
            author: args.author.clone(),
            date: crate::docx_date::revision_date(args.date.as_deref(), epoch.as_deref(), &new_src),
        };
        let mut out = Output::open(args.output.as_deref())?;
        write_docx(&report, &old, &new, &opts, &mut out)?;
        out.finish()?;
        std::mem::forget((old, new, report));
        return Ok(ExitCode::from(code));
    }
    std::mem::forget((old, new));
    let mut out = Output::open(args.output.as_deref())?;
    if args.brief {
        if report.summary.differences {
            writeln!(
                out,
                "{} and {} differ",
                report.old_name.as_deref().unwrap_or_default(),
                report.new_name.as_deref().unwrap_or_default()
            )?;
        }
    } else {
        renderer(&args, format, color).render(&report, &mut out)?;
    }
    out.finish()?;
    // The process ends now: freeing the report string by string would
    // only cost time; the system reclaims the memory at exit.
    std::mem::forget(report);
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
