//! Tree-to-tree comparison that skips identical subtrees by object id, as
//! `git log` does: a commit touching one article reads only the trees on
//! the path to it. (libgit2's `diff_tree_to_tree` iterates whole trees,
//! which made it most of the walk's time on the Civil Code history.)
//!
//! Renames are not detected here: when a commit both adds and deletes
//! files, the caller asks libgit2 ([`diff_with_renames`]) about that
//! commit's added and deleted files only, with exact and similarity-based
//! rename detection.

use git2::{Delta, DiffFindOptions, DiffOptions, FileMode, ObjectType, Odb, Oid, Repository, Tree};
use std::collections::HashMap;
use std::rc::Rc;

/// One changed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    /// Added, Deleted, Modified or Renamed.
    pub status: Delta,
    /// Path before (Deleted, Modified, Renamed).
    pub old_path: Option<String>,
    /// Path after (Added, Modified, Renamed).
    pub new_path: Option<String>,
    /// Blob id before (zero for Added).
    pub old_id: Oid,
    /// Blob id after (zero for Deleted).
    pub new_id: Oid,
}

/// Raw tree objects read on this thread for the current commit and the
/// one before: the previous commit's new trees are the next one's old
/// trees. Bounded by two commits' changed trees (libgit2's own object
/// cache, which grows with history, is turned off for the walk).
#[derive(Default)]
pub(crate) struct TreeCache {
    current: HashMap<Oid, Rc<[u8]>>,
    previous: HashMap<Oid, Rc<[u8]>>,
    /// The last commit diffed here and its tree.
    pub last_commit: Option<(Oid, Oid)>,
}

impl TreeCache {
    /// Starts a new commit: trees older than the previous commit go.
    pub fn next_commit(&mut self) {
        self.previous = std::mem::take(&mut self.current);
    }

    fn get(&mut self, odb: &Odb, id: Oid) -> Result<Rc<[u8]>, git2::Error> {
        if let Some(t) = self.current.get(&id) {
            return Ok(t.clone());
        }
        let t = match self.previous.get(&id) {
            Some(t) => t.clone(),
            None => {
                let o = odb.read(id)?;
                if o.kind() != ObjectType::Tree {
                    return Err(git2::Error::from_str(&format!("{id} is not a tree")));
                }
                Rc::from(o.data())
            }
        };
        self.current.insert(id, t.clone());
        Ok(t)
    }
}

/// A tree entry borrowed from a raw tree object.
#[derive(Clone, Copy)]
struct Entry<'a> {
    name: &'a [u8],
    id: Oid,
    /// A subtree.
    tree: bool,
    /// A regular file (plain or executable), as libgit2 normalizes modes.
    blob: bool,
}

/// The entries of a raw tree object, in stored (git) order.
fn entries(raw: &[u8]) -> Result<Vec<Entry<'_>>, git2::Error> {
    let bad = || git2::Error::from_str("corrupt tree object");
    let mut out = Vec::new();
    let mut rest = raw;
    while !rest.is_empty() {
        let sp = rest.iter().position(|&b| b == b' ').ok_or_else(bad)?;
        let mut mode: u32 = 0;
        for &d in &rest[..sp] {
            if !(b'0'..=b'7').contains(&d) {
                return Err(bad());
            }
            mode = mode * 8 + u32::from(d - b'0');
        }
        let nul = rest[sp..].iter().position(|&b| b == 0).ok_or_else(bad)? + sp;
        let id = rest.get(nul + 1..nul + 21).ok_or_else(bad)?;
        let kind = mode & 0o170000;
        let tree = kind == 0o040000;
        let gitlink = kind == 0o160000;
        // libgit2: any x bit makes a blob executable, 12xxxx is a symlink.
        let blob = !tree && !gitlink && (mode & 0o111 != 0 || kind != 0o120000);
        out.push(Entry {
            name: &rest[sp + 1..nul],
            id: Oid::from_bytes(id)?,
            tree,
            blob,
        });
        rest = &rest[nul + 21..];
    }
    Ok(out)
}

/// Git's tree order: names compared bytewise, a subtree as if followed by
/// `/`.
fn git_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    let n = a.name.len().min(b.name.len());
    a.name[..n].cmp(&b.name[..n]).then_with(|| {
        let end = |e: &Entry, n: usize| match e.name.get(n) {
            Some(&c) => c,
            None if e.tree => b'/',
            None => 0,
        };
        end(a, n).cmp(&end(b, n))
    })
}

fn join(prefix: &str, name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    if prefix.is_empty() {
        name.into_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

/// Reads trees for [`diff_trees`].
pub(crate) struct Trees<'a, 'r> {
    /// The repository's object database.
    pub odb: &'a Odb<'r>,
    /// This thread's cache.
    pub cache: &'a mut TreeCache,
}

/// Every blob below `e` as added (`added`) or deleted.
fn whole(
    trees: &mut Trees,
    prefix: &str,
    e: &Entry,
    added: bool,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    if e.tree {
        let path = join(prefix, e.name);
        let raw = trees.cache.get(trees.odb, e.id)?;
        for c in entries(&raw)? {
            whole(trees, &path, &c, added, out)?;
        }
    } else if e.blob {
        let path = join(prefix, e.name);
        out.push(Change {
            status: if added { Delta::Added } else { Delta::Deleted },
            old_path: (!added).then(|| path.clone()),
            new_path: added.then_some(path),
            old_id: if added { Oid::ZERO_SHA1 } else { e.id },
            new_id: if added { e.id } else { Oid::ZERO_SHA1 },
        });
    }
    Ok(())
}

/// The blobs that differ between the trees `old` and `new` below `prefix`.
pub(crate) fn diff_trees(
    trees: &mut Trees,
    old: Option<Oid>,
    new: Oid,
    prefix: &str,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let old_raw = old.map(|id| trees.cache.get(trees.odb, id)).transpose()?;
    let new_raw = trees.cache.get(trees.odb, new)?;
    let a = old_raw
        .as_deref()
        .map(entries)
        .transpose()?
        .unwrap_or_default();
    let b = entries(&new_raw)?;
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let ord = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => git_order(x, y),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match ord {
            std::cmp::Ordering::Less => {
                whole(trees, prefix, &a[i], false, out)?;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                whole(trees, prefix, &b[j], true, out)?;
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let (x, y) = (&a[i], &b[j]);
                if x.id != y.id || x.blob != y.blob {
                    if x.tree && y.tree {
                        diff_trees(trees, Some(x.id), y.id, &join(prefix, x.name), out)?;
                    } else if x.blob && y.blob {
                        let path = join(prefix, x.name);
                        out.push(Change {
                            status: Delta::Modified,
                            old_path: Some(path.clone()),
                            new_path: Some(path),
                            old_id: x.id,
                            new_id: y.id,
                        });
                    } else {
                        whole(trees, prefix, x, false, out)?;
                        whole(trees, prefix, y, true, out)?;
                    }
                }
                i += 1;
                j += 1;
            }
        }
    }
    Ok(())
}

/// Changes of one commit through libgit2, with similarity-based rename
/// detection (used only when a commit both adds and deletes files).
pub(crate) fn diff_with_renames(
    repo: &Repository,
    old: Option<&Tree>,
    new: &Tree,
    paths: &[&str],
) -> Result<Vec<Change>, git2::Error> {
    let mut dopts = DiffOptions::new();
    dopts.skip_binary_check(true);
    // Only the added and deleted files can pair as renames: libgit2 walks
    // and compares those alone (literal paths, not patterns).
    dopts.disable_pathspec_match(true);
    for p in paths {
        dopts.pathspec(*p);
    }
    let mut diff = repo.diff_tree_to_tree(old, Some(new), Some(&mut dopts))?;
    diff.find_similar(Some(DiffFindOptions::new().renames(true)))?;
    let is_blob = |m: FileMode| {
        matches!(
            m,
            FileMode::Blob | FileMode::BlobExecutable | FileMode::BlobGroupWritable
        )
    };
    let mut out = Vec::new();
    for d in diff.deltas() {
        let path_of = |f: git2::DiffFile| f.path().map(|p| p.to_string_lossy().into_owned());
        let (old_path, new_path) = (path_of(d.old_file()), path_of(d.new_file()));
        let (ob, nb) = (is_blob(d.old_file().mode()), is_blob(d.new_file().mode()));
        let change = |status, old_path, new_path| Change {
            status,
            old_path,
            new_path,
            old_id: d.old_file().id(),
            new_id: d.new_file().id(),
        };
        match d.status() {
            Delta::Deleted if ob => out.push(change(Delta::Deleted, old_path, None)),
            Delta::Renamed if ob && nb => out.push(change(Delta::Renamed, old_path, new_path)),
            Delta::Added | Delta::Copied if nb => out.push(change(Delta::Added, None, new_path)),
            Delta::Modified if nb => out.push(change(Delta::Modified, old_path, new_path)),
            Delta::Typechange => {
                if ob {
                    out.push(change(Delta::Deleted, old_path, None));
                }
                if nb {
                    out.push(change(Delta::Added, None, new_path));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}
