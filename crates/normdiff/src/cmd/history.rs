//! `normdiff history V0 V1 … VN`: paragraph lineage and word provenance
//! over the versions of one document (files in order, a manifest, or a
//! file's versions in git history).

use crate::exit;
use crate::files_source::{drafts, Draft};
use crate::input::{input_format, read_document, InputArgs};
use crate::output::Output;
use anyhow::bail;
use clap::{Args, ValueEnum};
use normdiff_core::history::{BlobStore, Content, VersionSource};
use normdiff_core::lineage::{build, LineageOptions, VersionInfo};
use normdiff_core::{decode_owned, ingest, Document};
use normdiff_git::{GitOptions, GitSource};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum HistoryFormat {
    /// The lineage table: one row per paragraph lineage, one column per
    /// version (Markdown pipe table).
    Table,
    /// Versions, lineage table, then the last version with the versions
    /// that introduced each sentence's words.
    Markdown,
    /// A standalone HTML page: each word of the last version shaded by the
    /// version that introduced it (name, date, author on hover).
    Html,
    /// Lineage and provenance as JSON (schema in docs/json-history.md).
    Json,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The versions, oldest first (at least one, unless --manifest lists
    /// them or --repo is given).
    pub versions: Vec<PathBuf>,
    /// Dates and authors of the versions (tab-separated lines: path, ISO
    /// 8601 date, author, message, as `trace` reads); alone, it lists the
    /// versions in order.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Take the versions of --path from this repository's history.
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
    /// With --repo: the revisions, `B` (history up to B) or `A..B` (the
    /// file as it was at A, then each change up to B).
    #[arg(long, value_name = "RANGE", default_value = "HEAD", requires = "repo")]
    pub rev: String,
    /// With --repo: the file's path in the repository.
    #[arg(long, value_name = "P", requires = "repo")]
    pub path: Option<String>,
    /// Mark only what changed after this version (its name or 0-based
    /// index): the table lists only lineages changed later, and only later
    /// words are shaded or named.
    #[arg(long, value_name = "VERSION")]
    pub since: Option<String>,
    /// Re-date words on typography- and whitespace-only changes too.
    #[arg(long)]
    pub exact: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: HistoryFormat,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// A version's metadata as the lineage shows it.
fn info(d: &Draft) -> VersionInfo {
    VersionInfo {
        name: d.path.file_name().map_or_else(
            || d.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        date: d.time.map(|t| t.iso8601()),
        author: Some(d.author.clone()).filter(|a| !a.is_empty()),
    }
}

/// Reads the listed files (in parallel, order kept).
fn from_files(args: &HistoryArgs) -> anyhow::Result<(Vec<Document>, Vec<VersionInfo>)> {
    let list = if args.versions.is_empty() && args.manifest.is_none() {
        bail!("no versions: give the files in order (normdiff history V0 V1 …), a --manifest, or --repo with --path");
    } else {
        drafts(&args.versions, args.manifest.as_deref())?
    };
    let sizes: Vec<Option<u64>> = list
        .iter()
        .map(|d| crate::threads::file_size(&d.path.to_string_lossy()))
        .collect();
    crate::threads::configure(&sizes);
    let docs: Vec<Document> = list
        .par_iter()
        .map(|d| read_document(&d.path.to_string_lossy(), &args.input))
        .collect::<anyhow::Result<_>>()?;
    Ok((docs, list.iter().map(info).collect()))
}

/// Resolves `--since` (a version name or a 0-based index).
fn since(arg: Option<&str>, infos: &[VersionInfo]) -> anyhow::Result<Option<usize>> {
    let Some(s) = arg else { return Ok(None) };
    if let Some(i) = infos.iter().position(|v| v.name == s) {
        return Ok(Some(i));
    }
    match s.parse::<usize>() {
        Ok(i) if i < infos.len() => Ok(Some(i)),
        _ => {
            let names: Vec<&str> = infos.iter().map(|v| v.name.as_str()).collect();
            bail!(
                "--since {s:?}: no such version (names: {}; or an index 0 to {})",
                names.join(", "),
                infos.len().saturating_sub(1)
            )
        }
    }
}

/// One version of a file in git history.
struct GitVersion {
    info: VersionInfo,
    id: String,
    bytes: Vec<u8>,
}

/// The versions of `path` from `repo`'s first-parent history up to `rev`
/// (oldest first), through normdiff-git's version source.
fn walk_git(repo: &std::path::Path, rev: &str, path: &str) -> anyhow::Result<Vec<GitVersion>> {
    let opts = GitOptions {
        rev: rev.to_owned(),
        paths: vec![path.to_owned()],
        all_parents: false,
    };
    let mut source = GitSource::open(repo, &opts)?;
    let store = source.store();
    let mut out = Vec::new();
    while let Some(v) = source.next_version() {
        let v = v?;
        if v.path != path {
            continue;
        }
        let bytes = match v.content {
            Content::Text(t) => t.into_bytes(),
            Content::Bytes(b) => b,
            Content::Blob(id) => store.read(&id, &v.path)?,
            Content::Deleted => continue,
        };
        let r = &v.revision;
        out.push(GitVersion {
            info: VersionInfo {
                name: r.short_id.clone(),
                date: r.time.map(|t| t.iso8601()),
                author: Some(r.author.clone()).filter(|a| !a.is_empty()),
            },
            id: r.id.clone(),
            bytes,
        });
    }
    Ok(out)
}

/// The versions of `--path`: up to `B`, or for `A..B` the file as it was
/// at `A` followed by its versions after `A` up to `B`.
fn git_versions(repo: &std::path::Path, rev: &str, path: &str) -> anyhow::Result<Vec<GitVersion>> {
    let Some((a, b)) = rev.split_once("..") else {
        return walk_git(repo, rev, path);
    };
    let b = if b.is_empty() { "HEAD" } else { b };
    let before: std::collections::BTreeSet<String> =
        walk_git(repo, a, path)?.into_iter().map(|v| v.id).collect();
    let all = walk_git(repo, b, path)?;
    let first_after = all
        .iter()
        .position(|v| !before.contains(&v.id))
        .unwrap_or(all.len());
    Ok(all
        .into_iter()
        .skip(first_after.saturating_sub(1))
        .collect())
}

/// The versions of `--path` in the repository's history, ingested.
fn from_git(
    args: &HistoryArgs,
    repo: &std::path::Path,
) -> anyhow::Result<(Vec<Document>, Vec<VersionInfo>)> {
    let Some(path) = args.path.as_deref() else {
        bail!("--repo needs --path: the file whose versions to follow");
    };
    let versions = git_versions(repo, &args.rev, path)?;
    if versions.is_empty() {
        bail!(
            "{path}: no version of this file in {} at {}",
            repo.display(),
            args.rev
        );
    }
    let format = input_format(path, args.input.input_format);
    let mut docs = Vec::with_capacity(versions.len());
    let mut infos = Vec::with_capacity(versions.len());
    for v in versions {
        let name = format!("{}:{path}", v.info.name);
        if v.bytes.len() > args.input.max_size {
            bail!(
                "{name}: larger than the limit of {} bytes (raise it with --max-size)",
                args.input.max_size
            );
        }
        let text = decode_owned(v.bytes, &name)?.text;
        docs.push(ingest(&text, format));
        infos.push(v.info);
    }
    Ok((docs, infos))
}

pub fn run(args: HistoryArgs) -> anyhow::Result<ExitCode> {
    let (docs, infos) = match &args.repo {
        Some(repo) => {
            if !args.versions.is_empty() || args.manifest.is_some() {
                bail!("give either files (or --manifest) or --repo, not both");
            }
            from_git(&args, repo)?
        }
        None => from_files(&args)?,
    };
    let since = since(args.since.as_deref(), &infos)?;
    let lineage = build(&docs, infos, &LineageOptions { exact: args.exact });
    let mut out = Output::open(args.output.as_deref())?;
    use normdiff_render::history as r;
    match args.format {
        HistoryFormat::Table => r::table(&lineage, since, &mut out)?,
        HistoryFormat::Markdown => r::markdown(&lineage, since, &mut out)?,
        HistoryFormat::Html => r::html(&lineage, since, &mut out)?,
        HistoryFormat::Json => r::json(&lineage, &mut out)?,
    }
    out.finish()?;
    Ok(ExitCode::from(exit::SUCCESS))
}
