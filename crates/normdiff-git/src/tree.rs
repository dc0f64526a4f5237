//! Two trees of one repository, for `normdiff check` and `normdiff diff
//! REV:path`: revisions resolved to commits, the files of a tree, the
//! changes between two trees (renames followed), blobs read by path.
//!
//! Read-only; no git2 type leaves this module. Paths are `/`-separated and
//! relative to the repository root.

use crate::error::{Error, ErrorKind};
use git2::{Delta, DiffFindOptions, DiffOptions, ObjectType, Oid, Repository};
use std::path::{Path, PathBuf};

/// A repository opened for reading trees and blobs.
pub struct Repo {
    repo: Repository,
    shown: String,
}

/// A revision resolved to a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The revision as the user wrote it (`main`, `HEAD~1`, a commit id).
    pub rev: String,
    /// The full commit id in hex.
    pub id: String,
    /// The first 7 hex digits.
    pub short_id: String,
}

/// One file of a tree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TreeFile {
    /// Path from the repository root, `/`-separated.
    pub path: String,
    /// Blob id in hex.
    pub blob: String,
}

/// What happened to a file between two trees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChangeKind {
    /// Only in the new tree.
    Added,
    /// Only in the old tree.
    Deleted,
    /// In both, content changed.
    Modified,
    /// Moved to another path (content may have changed too).
    Renamed,
}

/// One changed file between two trees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// Path in the old tree (`None` when added).
    pub old_path: Option<String>,
    /// Path in the new tree (`None` when deleted).
    pub new_path: Option<String>,
}

impl Repo {
    /// Opens the repository containing `dir`.
    pub fn open(dir: &Path) -> Result<Repo, Error> {
        let shown = dir.display().to_string();
        let repo = Repository::discover(dir).map_err(|e| match e.code() {
            git2::ErrorCode::NotFound => Error::new(&shown, ErrorKind::NotARepository),
            _ => Error::git(&shown, e),
        })?;
        Ok(Repo { repo, shown })
    }

    /// The working directory (root of the checkout), or the git directory
    /// of a bare repository.
    pub fn root(&self) -> PathBuf {
        self.repo
            .workdir()
            .unwrap_or_else(|| self.repo.path())
            .to_owned()
    }

    /// Does the working tree (or the index) differ from `HEAD` in a tracked
    /// file? Untracked and ignored files do not count. A bare repository is
    /// never dirty.
    pub fn is_dirty(&self) -> Result<bool, Error> {
        if self.repo.is_bare() {
            return Ok(false);
        }
        let mut opts = git2::StatusOptions::new();
        opts.include_untracked(false).include_ignored(false);
        let statuses = self
            .repo
            .statuses(Some(&mut opts))
            .map_err(|e| Error::git(&self.shown, e))?;
        Ok(statuses
            .iter()
            .any(|s| s.status() != git2::Status::CURRENT && !s.status().is_ignored()))
    }

    /// Resolves `rev` (branch, tag, `HEAD~2`, commit id...) to a commit.
    pub fn resolve(&self, rev: &str) -> Result<Commit, Error> {
        let commit = self
            .repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .map_err(|e| revision_error(rev, e))?;
        let id = commit.id().to_string();
        Ok(Commit {
            rev: rev.to_owned(),
            short_id: id[..7].to_owned(),
            id,
        })
    }

    fn tree(&self, c: &Commit) -> Result<git2::Tree<'_>, Error> {
        Oid::from_str(&c.id)
            .and_then(|oid| self.repo.find_commit(oid))
            .and_then(|commit| commit.tree())
            .map_err(|e| Error::git(&c.rev, e))
    }

    /// Every regular file of the commit's tree, in path order (symbolic
    /// links and submodules left out). Names that are not UTF-8 are kept,
    /// their other bytes written `\xNN` ([`normdiff_core::name_from_bytes`]):
    /// a file is never skipped for its name.
    pub fn files(&self, c: &Commit) -> Result<Vec<TreeFile>, Error> {
        let mut out = Vec::new();
        let mut stack = vec![(String::new(), self.tree(c)?)];
        while let Some((dir, tree)) = stack.pop() {
            for entry in tree.iter() {
                let path = format!(
                    "{dir}{}",
                    normdiff_core::name_from_bytes(entry.name_bytes())
                );
                match entry.kind() {
                    Some(ObjectType::Tree) => {
                        let sub = self
                            .repo
                            .find_tree(entry.id())
                            .map_err(|e| Error::git(&c.rev, e))?;
                        stack.push((format!("{path}/"), sub));
                    }
                    Some(ObjectType::Blob)
                        if matches!(entry.filemode(), 0o100644 | 0o100755 | 0o100664) =>
                    {
                        out.push(TreeFile {
                            path,
                            blob: entry.id().to_string(),
                        });
                    }
                    _ => {}
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// The files that differ between `old` and `new`, renames detected
    /// (a deleted and an added file with similar content), in new-path
    /// order.
    pub fn changes(&self, old: &Commit, new: &Commit) -> Result<Vec<Change>, Error> {
        let (ot, nt) = (self.tree(old)?, self.tree(new)?);
        let mut dopts = DiffOptions::new();
        dopts.skip_binary_check(true);
        let mut diff = self
            .repo
            .diff_tree_to_tree(Some(&ot), Some(&nt), Some(&mut dopts))
            .map_err(|e| Error::git(&self.shown, e))?;
        diff.find_similar(Some(DiffFindOptions::new().renames(true)))
            .map_err(|e| Error::git(&self.shown, e))?;
        let mut out: Vec<Change> = diff
            .deltas()
            .filter_map(|d| {
                let path = |f: git2::DiffFile| f.path_bytes().map(normdiff_core::name_from_bytes);
                let (o, n) = (path(d.old_file()), path(d.new_file()));
                let kind = match d.status() {
                    Delta::Added => ChangeKind::Added,
                    Delta::Deleted => ChangeKind::Deleted,
                    Delta::Renamed => ChangeKind::Renamed,
                    Delta::Modified | Delta::Typechange | Delta::Copied => ChangeKind::Modified,
                    _ => return None,
                };
                Some(Change {
                    kind,
                    old_path: (kind != ChangeKind::Added).then_some(o).flatten(),
                    new_path: (kind != ChangeKind::Deleted).then_some(n).flatten(),
                })
            })
            .collect();
        out.sort_by(|a, b| {
            let k = |c: &Change| c.new_path.clone().or(c.old_path.clone());
            k(a).cmp(&k(b))
        });
        Ok(out)
    }

    /// The bytes of blob `id` (hex); `path` names it in errors.
    pub fn blob(&self, id: &str, path: &str) -> Result<Vec<u8>, Error> {
        Oid::from_str(id)
            .and_then(|oid| self.repo.find_blob(oid))
            .map(|b| b.content().to_vec())
            .map_err(|e| Error::git(format!("{path} (blob {id})"), e))
    }

    /// The bytes of the file at `path` in commit `c`.
    pub fn read(&self, c: &Commit, path: &str) -> Result<Vec<u8>, Error> {
        let tree = self.tree(c)?;
        let entry = tree
            .get_path(Path::new(path))
            .map_err(|_| Error::new(format!("{}:{path}", c.rev), ErrorKind::NoSuchPath))?;
        self.blob(&entry.id().to_string(), path)
    }
}

/// "unknown revision" when `rev` names nothing; libgit2's own message
/// otherwise (a commit that exists but cannot be read, such as one with a
/// malformed date), so that a branch that exists is never called unknown.
pub(crate) fn revision_error(rev: &str, e: git2::Error) -> Error {
    use git2::ErrorCode;
    match e.code() {
        ErrorCode::NotFound | ErrorCode::InvalidSpec | ErrorCode::Ambiguous => {
            Error::new(rev, ErrorKind::UnknownRevision)
        }
        _ if e.class() == git2::ErrorClass::Reference => {
            Error::new(rev, ErrorKind::UnknownRevision)
        }
        _ => Error::new(
            rev,
            ErrorKind::Git(format!("cannot read this commit: {}", e.message())),
        ),
    }
}

/// A git object spec `REV:path` split into revision and path, or `None`
/// when `spec` does not have that shape (no colon, empty revision, or a
/// Windows drive such as `C:\`). The path is taken from the repository
/// root; a leading `./` is dropped.
pub fn split_spec(spec: &str) -> Option<(&str, &str)> {
    let (rev, path) = spec.split_once(':')?;
    let drive = rev.len() == 1 && path.starts_with(['\\', '/']);
    if rev.is_empty() || path.is_empty() || drive {
        return None;
    }
    Some((rev, path.strip_prefix("./").unwrap_or(path)))
}

/// Reads the file named by the object spec `REV:path` from the repository
/// containing `dir`.
pub fn read_spec(dir: &Path, spec: &str) -> Result<Vec<u8>, Error> {
    let (rev, path) =
        split_spec(spec).ok_or_else(|| Error::new(spec, ErrorKind::UnknownRevision))?;
    let repo = Repo::open(dir)?;
    let c = repo.resolve(rev)?;
    repo.read(&c, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(split_spec("HEAD:a/b.md"), Some(("HEAD", "a/b.md")));
        assert_eq!(split_spec("main~1:./b.md"), Some(("main~1", "b.md")));
        assert_eq!(split_spec("C:\\x.txt"), None);
        assert_eq!(split_spec("b.md"), None);
        assert_eq!(split_spec(":b.md"), None);
        assert_eq!(split_spec("HEAD:"), None);
    }
}
