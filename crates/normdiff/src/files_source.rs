//! An ordered list of files as a version source (`normdiff trace --files`),
//! for drafts kept outside git, with dates from an optional manifest.
//!
//! Manifest format (UTF-8 text, one draft per line, fields separated by a
//! tab; blank lines and lines starting with `#` ignored):
//!
//! ```text
//! # path                 date                       author      message
//! drafts/zero.txt        2021-01-12                 Chair       Zero draft
//! drafts/rev1.txt        2021-03-01T10:00:00+01:00  Chair       First revision
//! ```
//!
//! `path` is relative to the manifest's directory; `date` is ISO 8601
//! (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM`), or `-` for
//! none; `author` and `message` are optional. With `--files`, the manifest
//! only supplies dates (and authors, messages) for the files listed, matched
//! by path; without `--files`, the manifest's lines are the list, in order.
//!
//! All files are versions of one document: their `path` in events is the
//! first file's name, and each file's name is its version id.

use anyhow::{bail, Context};
use normdiff_core::history::{
    BlobStore, Content, Revision, SourceStats, Timestamp, Version, VersionSource,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One draft of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Where the file is.
    pub path: PathBuf,
    /// Its date, if known.
    pub time: Option<Timestamp>,
    /// Author, or empty.
    pub author: String,
    /// Message, or empty.
    pub message: String,
}

/// Reads a manifest (see the module docs).
pub fn read_manifest(path: &Path) -> anyhow::Result<Vec<Draft>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read manifest", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut f = line.split('\t').map(str::trim);
        let file = f.next().unwrap_or("");
        let date = f.next().unwrap_or("-");
        let time = match date {
            "" | "-" => None,
            d => Some(Timestamp::parse(d).with_context(|| {
                format!(
                    "{}:{}: not an ISO 8601 date: {d:?} (examples: 2021-03-12, 2021-03-12T10:00:00+01:00)",
                    path.display(),
                    n + 1
                )
            })?),
        };
        out.push(Draft {
            path: dir.join(file),
            time,
            author: f.next().unwrap_or("").to_owned(),
            message: f.next().unwrap_or("").to_owned(),
        });
    }
    Ok(out)
}

/// The drafts to trace: `files` in order (dates from `manifest` when it
/// lists them), or the manifest's own list. Every draft and the manifest
/// are recorded as inputs, so `-o` can never overwrite one of them.
pub fn drafts(files: &[PathBuf], manifest: Option<&Path>) -> anyhow::Result<Vec<Draft>> {
    let list = listed_drafts(files, manifest)?;
    if let Some(m) = manifest {
        crate::output::note_input(m);
    }
    for d in &list {
        crate::output::note_input(&d.path);
    }
    Ok(list)
}

fn listed_drafts(files: &[PathBuf], manifest: Option<&Path>) -> anyhow::Result<Vec<Draft>> {
    let listed = match manifest {
        Some(m) => read_manifest(m)?,
        None => Vec::new(),
    };
    if files.is_empty() {
        if listed.is_empty() {
            bail!("no files to trace: give --files A B C or a --manifest listing them");
        }
        return Ok(listed);
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    };
    Ok(files
        .iter()
        .map(|f| {
            listed
                .iter()
                .find(|d| same(&d.path, f))
                .cloned()
                .unwrap_or(Draft {
                    path: f.clone(),
                    time: None,
                    author: String::new(),
                    message: String::new(),
                })
        })
        .collect())
}

/// The list as a version source.
pub struct FilesSource {
    drafts: std::vec::IntoIter<Draft>,
    doc: String,
    visited: u64,
    total: u64,
}

impl FilesSource {
    /// A source over `drafts`, in order.
    pub fn new(drafts: Vec<Draft>) -> Self {
        let doc = drafts
            .first()
            .and_then(|d| d.path.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        FilesSource {
            total: drafts.len() as u64,
            drafts: drafts.into_iter(),
            doc,
            visited: 0,
        }
    }
}

/// Reads files by path on worker threads.
#[derive(Debug, Clone, Copy)]
pub struct FileStore;

impl BlobStore for FileStore {
    /// A PDF's bytes are replaced by its layout text (UTF-8).
    fn read(&self, id: &str, _path: &str) -> normdiff_core::Result<Vec<u8>> {
        let invalid =
            |msg: String| normdiff_core::Error::new(id, normdiff_core::ErrorKind::Invalid(msg));
        let bytes = std::fs::read(id).map_err(|e| invalid(format!("cannot read: {e}")))?;
        if !normdiff_pdf::is_pdf(&bytes) {
            return Ok(bytes);
        }
        normdiff_pdf::to_text(&bytes, id, &normdiff_pdf::Options::default())
            .map(|t| t.text.into_bytes())
            .map_err(|e| {
                let msg = e.to_string();
                let prefix = format!("{id}: ");
                invalid(msg.strip_prefix(&prefix).unwrap_or(&msg).to_owned())
            })
    }
}

impl VersionSource for FilesSource {
    type Store = FileStore;

    fn store(&self) -> FileStore {
        FileStore
    }

    fn next_version(&mut self) -> Option<normdiff_core::Result<Version>> {
        let d = self.drafts.next()?;
        self.visited += 1;
        let shown = d.path.display().to_string();
        let name = d
            .path
            .file_name()
            .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
        let rev = Revision {
            file: Some(shown.clone()),
            id: shown.clone(),
            short_id: name,
            time: d.time,
            author: d.author,
            message: d.message,
        };
        Some(Ok(Version {
            revision: Arc::new(rev),
            path: self.doc.clone(),
            previous_path: None,
            content: Content::Blob(shown),
        }))
    }

    fn stats(&self) -> SourceStats {
        SourceStats {
            commits_visited: self.visited,
            blobs_unchanged: 0,
            commits_total: Some(self.total),
        }
    }
}
