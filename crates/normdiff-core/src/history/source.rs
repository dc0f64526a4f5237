//! The abstract version source: file versions in time order.

use super::Timestamp;
use crate::error::Result;
use std::sync::Arc;

/// When, by whom and why a version was made: a commit, or one file of an
/// ordered list of drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// Full id (commit id in hex, or the file name).
    pub id: String,
    /// Short id for tables (7 hex digits of a commit, or the file name).
    pub short_id: String,
    /// Date, if the source knows it.
    pub time: Option<Timestamp>,
    /// Author name.
    pub author: String,
    /// Full message; reports show its first line.
    pub message: String,
    /// The file this revision was read from, when it is not the document's
    /// path (one draft of an ordered list of files); `None` for git.
    pub file: Option<String>,
}

impl Revision {
    /// A revision without date whose short id is its id.
    pub fn new(id: &str, author: &str, message: &str) -> Self {
        Revision {
            id: id.to_owned(),
            short_id: id.to_owned(),
            time: None,
            author: author.to_owned(),
            message: message.to_owned(),
            file: None,
        }
    }

    /// The first line of the message.
    pub fn summary(&self) -> &str {
        self.message.lines().next().unwrap_or("").trim()
    }
}

/// The content of a file version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Text already decoded.
    Text(String),
    /// Raw bytes, decoded by the walk (binary and invalid text skipped).
    Bytes(Vec<u8>),
    /// A blob the source's [`BlobStore`] reads on demand, possibly on
    /// another thread (a git object id in hex, a file path...).
    Blob(String),
    /// The file was deleted in this version.
    Deleted,
}

/// One version of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The revision this file version belongs to (shared by all files a
    /// commit touches).
    pub revision: Arc<Revision>,
    /// Path of the file in this version.
    pub path: String,
    /// Path in the previous version, when the file was renamed.
    pub previous_path: Option<String>,
    /// The content.
    pub content: Content,
}

impl Version {
    /// A version carrying text, for in-memory sources and tests.
    pub fn text(revision: Revision, path: &str, text: &str) -> Self {
        Version {
            revision: Arc::new(revision),
            path: path.to_owned(),
            previous_path: None,
            content: Content::Text(text.to_owned()),
        }
    }
}

/// Reads blob contents named by [`Content::Blob`]. Called from worker
/// threads, hence `Sync`; implementations keep one handle per thread (e.g.
/// a thread-local repository).
pub trait BlobStore: Sync {
    /// The bytes of the blob `id` (the file `path` is given for messages).
    fn read(&self, id: &str, path: &str) -> Result<Vec<u8>>;
}

/// A store for sources that never yield [`Content::Blob`].
#[derive(Debug, Clone, Copy, Default)]
pub struct NoStore;

impl BlobStore for NoStore {
    fn read(&self, id: &str, path: &str) -> Result<Vec<u8>> {
        Err(crate::Error::new(
            path,
            crate::ErrorKind::Invalid(format!("no blob store to read {id}")),
        ))
    }
}

/// Counters only the source knows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceStats {
    /// Revisions (commits) visited so far.
    pub commits_visited: u64,
    /// Blobs skipped because their id was unchanged.
    pub blobs_unchanged: u64,
    /// Total revisions to visit, when known in advance (for progress).
    pub commits_total: Option<u64>,
}

/// A streaming source of file versions in time order (oldest first).
///
/// Within one revision, files come in path order. A source must not hold
/// all versions in memory: it yields them one at a time.
pub trait VersionSource {
    /// The store that reads [`Content::Blob`] contents.
    type Store: BlobStore;

    /// A handle on the blob store, shared by worker threads.
    fn store(&self) -> Self::Store;

    /// The next version, `None` at the end. An error ends the walk.
    fn next_version(&mut self) -> Option<Result<Version>>;

    /// Counters so far.
    fn stats(&self) -> SourceStats;
}

/// An in-memory source over a vector of versions (tests, small lists).
#[derive(Debug, Clone, Default)]
pub struct VecSource {
    versions: std::vec::IntoIter<Version>,
    visited: u64,
    last: Option<String>,
}

impl VecSource {
    /// A source yielding `versions` in the given order.
    pub fn new(versions: Vec<Version>) -> Self {
        VecSource {
            versions: versions.into_iter(),
            visited: 0,
            last: None,
        }
    }
}

impl VersionSource for VecSource {
    type Store = NoStore;

    fn store(&self) -> NoStore {
        NoStore
    }

    fn next_version(&mut self) -> Option<Result<Version>> {
        let v = self.versions.next()?;
        if self.last.as_deref() != Some(v.revision.id.as_str()) {
            self.visited += 1;
            self.last = Some(v.revision.id.clone());
        }
        Some(Ok(v))
    }

    fn stats(&self) -> SourceStats {
        SourceStats {
            commits_visited: self.visited,
            blobs_unchanged: 0,
            commits_total: None,
        }
    }
}
