//! `normdiff check`: the CI gate on watched wording between two versions
//! (two git revisions, two directories or two files).

use crate::check_source::{dir_files, git_files, two_files};
use crate::cmd::diff::{ColorChoice, ColorEnv, IgnoreClass};
use crate::exit;
use crate::input::InputArgs;
use crate::output::Output;
use crate::watch::{self, WatchFile};
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use normdiff_core::check::{run_check, CheckOptions, FileVersions, ProtectSpec, WatchSpec};
use normdiff_git::Repo;
use normdiff_render::check::{github::Github, json::Json, markdown::Markdown, text::Text};
use normdiff_render::RenderCheck;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The default watch file, at the repository root (or in the current
/// directory without git).
pub const DEFAULT_WATCH: &str = ".normdiff.toml";

/// The `--head` value naming the working tree.
pub const WORKTREE: &str = "WORKTREE";

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// Plain text for terminals and CI logs.
    Text,
    /// A pull-request comment: summary table, then each finding's redline.
    Markdown,
    /// The report as JSON (schema in docs/json-check.md).
    Json,
    /// GitHub Actions workflow commands (::error file=…,line=…::…).
    Github,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Without git: the old version (a directory or a file).
    #[arg(value_name = "OLD", requires = "new", conflicts_with_all = ["base", "head"])]
    pub old: Option<PathBuf>,
    /// Without git: the new version (a directory or a file).
    #[arg(value_name = "NEW")]
    pub new: Option<PathBuf>,
    /// The base revision (the target branch, or the merge base of a pull
    /// request).
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// The head revision, or WORKTREE for the files as they are in the
    /// working tree (uncommitted edits; for a pre-commit hook) [default:
    /// WORKTREE when a tracked file has uncommitted changes, else HEAD].
    #[arg(long, value_name = "REV")]
    pub head: Option<String>,
    /// The repository (any directory inside it).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub repo: PathBuf,
    /// The watch file [default: .normdiff.toml at the repository root, or
    /// in the current directory without git].
    #[arg(long, value_name = "FILE")]
    pub watch: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// Change classes that do not count (comma-separated). Invisible
    /// characters and look-alike letters always count.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLASSES")]
    pub ignore: Vec<IgnoreClass>,
    /// When to colour the text format [default: auto: on a terminal,
    /// unless NO_COLOR is set or TERM=dumb].
    #[arg(long, value_enum)]
    pub color: Option<ColorChoice>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Should the text report be coloured? Like `diff`: `--color`, else on a
/// terminal unless `NO_COLOR` or `TERM=dumb`; other formats warn when
/// colour is asked for.
fn check_color(args: &CheckArgs) -> bool {
    use std::io::IsTerminal;
    let text = args.format == CheckFormat::Text;
    if !text && matches!(args.color, Some(ColorChoice::Always | ColorChoice::Auto)) {
        eprintln!("normdiff: warning: --color has no effect on this format; only the text format is coloured");
    }
    let env = ColorEnv::read();
    let tty = args.output.is_none() && std::io::stdout().is_terminal();
    text && match args.color.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && !env.no_color && !env.term_dumb,
    }
}

/// `dir` joined with `rel` as the repository containing `dir` knows it
/// (relative to its root, `/`-separated), or as given outside a repository.
fn repo_path(dir: &Path, rel: &str) -> String {
    let joined = dir.join(rel);
    let in_repo = Repo::open(dir).ok().and_then(|repo| {
        let root = repo.root().canonicalize().ok()?;
        let full = dir.canonicalize().ok()?.join(rel);
        full.strip_prefix(root)
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
    });
    in_repo.unwrap_or_else(|| joined.to_string_lossy().into_owned())
}

/// In directory mode, names every file of `report` by its path in the
/// repository (`drafts/v2/report.md`), not relative to the directory, so
/// annotations and messages point at files that exist.
fn repo_paths(report: &mut normdiff_core::check::CheckReport, old: &Path, new: &Path) {
    for e in &mut report.entries {
        for f in &mut e.findings {
            let dir = if f.side == "head" { new } else { old };
            f.location.path = repo_path(dir, &f.location.path);
            if let Some(p) = &f.previous_path {
                f.previous_path = Some(repo_path(old, p));
            }
        }
        for l in &mut e.locations {
            l.path = repo_path(new, &l.path);
        }
    }
}

fn read_watch(path: &Path) -> anyhow::Result<WatchFile> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| {
        format!("{name}: cannot read the watch file (create it, or pass --watch FILE)")
    })?;
    crate::output::note_input(path);
    let text = normdiff_core::decode(&bytes, &name)?.text;
    watch::parse(&name, &text)
}

/// The names a file answers to in `paths` globs and `[[protect]] path`.
fn names(f: &FileVersions) -> Vec<String> {
    f.new_path.iter().chain(&f.old_path).cloned().collect()
}

/// The entries with their files resolved. With `single` (two files
/// compared), every entry applies to the one document.
fn specs(
    w: &WatchFile,
    files: &[FileVersions],
    single: bool,
) -> (Vec<WatchSpec>, Vec<ProtectSpec>) {
    let all: Vec<Vec<String>> = files.iter().map(names).collect();
    let hit = |i: usize, f: &dyn Fn(&str) -> bool| single || all[i].iter().any(|n| f(n));
    let watches = w
        .watches
        .iter()
        .map(|e| WatchSpec {
            id: e.id.clone(),
            phrase: e.phrase.clone(),
            variants: e.variants.clone(),
            matching: e.matching,
            on_change: e.on_change,
            lang: e.lang.clone(),
            files: (0..files.len())
                .filter(|&i| e.paths.is_empty() || hit(i, &|n| e.paths.is_match(n)))
                .collect(),
        })
        .collect();
    let protects = w
        .protects
        .iter()
        .map(|p| ProtectSpec {
            id: p.id.clone(),
            path: p.path.clone(),
            label: p.label.clone(),
            on_change: p.on_change,
            file: (0..files.len()).find(|&i| hit(i, &|n| n == p.path)),
        })
        .collect();
    (watches, protects)
}

pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let max = args.input.max_size;
    let (files, w, single, base_name, head_name) = match (&args.old, &args.new, &args.base) {
        (Some(old), Some(new), _) => {
            let watch_path = args.watch.as_deref().unwrap_or(Path::new(DEFAULT_WATCH));
            let w = read_watch(watch_path)?;
            let (o_dir, n_dir) = (old.is_dir(), new.is_dir());
            let (files, single) = match (o_dir, n_dir) {
                (true, true) => (dir_files(old, new, &w, watch_path, max)?, false),
                (false, false) => (two_files(old, new, max)?, true),
                _ => bail!(
                    "{} and {}: give two directories or two files",
                    old.display(),
                    new.display()
                ),
            };
            let shown = |p: &Path| p.display().to_string();
            (files, w, single, shown(old), shown(new))
        }
        (None, None, Some(base)) => {
            let repo = Repo::open(&args.repo)?;
            let root = repo.root();
            let watch_path = args.watch.clone().unwrap_or_else(|| root.join(DEFAULT_WATCH));
            let w = read_watch(&watch_path)?;
            let exclude = watch_path
                .canonicalize()
                .ok()
                .and_then(|p| {
                    let r = root.canonicalize().ok()?;
                    p.strip_prefix(r).ok().map(|x| x.to_string_lossy().replace('\\', "/"))
                });
            let b = repo.resolve(base)?;
            let head = match &args.head {
                Some(h) => h.clone(),
                None if repo.is_dirty()? => {
                    eprintln!("normdiff: note: uncommitted changes: comparing {base} with the working tree (--head HEAD compares commits)");
                    WORKTREE.to_owned()
                }
                None => "HEAD".to_owned(),
            };
            let worktree = head == WORKTREE;
            let h = repo.resolve(if worktree { "HEAD" } else { &head })?;
            let files = git_files(&repo, &b, &h, worktree, &w, exclude.as_deref(), max)?;
            (files, w, false, base.clone(), head)
        }
        _ => bail!("give --base REV (and --head REV) to compare git revisions, or OLD NEW to compare two directories or files"),
    };
    let (watches, protects) = specs(&w, &files, single);
    let opts = CheckOptions {
        ignore: args.ignore.iter().map(|c| c.class()).collect(),
        base_name,
        head_name,
    };
    let mut report = run_check(&files, &watches, &protects, &opts)?;
    if let (Some(old), Some(new), false) = (&args.old, &args.new, single) {
        repo_paths(&mut report, old, new);
    }
    let color = check_color(&args);
    let renderer: Box<dyn RenderCheck> = match args.format {
        CheckFormat::Text => Box::new(Text { color }),
        CheckFormat::Markdown => Box::new(Markdown),
        CheckFormat::Json => Box::new(Json),
        CheckFormat::Github => Box::new(Github),
    };
    let code = if report.summary.failed {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    };
    exit::set_status(code);
    let mut out = Output::open(args.output.as_deref())?;
    renderer.render(&report, &mut out)?;
    out.finish()?;
    Ok(ExitCode::from(code))
}
