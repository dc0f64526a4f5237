//! Tree-to-tree comparison that skips identical subtrees by object id, as
//! `git log` does: a commit touching one article reads only the trees on
//! the path to it. (libgit2's `diff_tree_to_tree` iterates whole trees,
//! which made it most of the walk's time on the Civil Code history.)
//!
//! Renames are not detected here: when a commit both adds and deletes
//! files, the caller asks libgit2 ([`diff_with_renames`]) about that
//! commit's added and deleted files only, with exact and similarity-based
//! rename detection.

use git2::{Delta, DiffFindOptions, DiffOptions, FileMode, ObjectType, Oid, Repository, Tree};

/// One changed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    /// Added, Deleted, Modified or Renamed.
    pub status: Delta,
    /// Path before (Deleted, Modified, Renamed).
    pub old_path: Option<String>,
    /// Path after (Added, Modified, Renamed).
    pub new_path: Option<String>,
    /// Blob id after (zero for Deleted).
    pub new_id: Oid,
}

/// A tree entry: name, id, is it a tree, is it a regular blob.
type Entry = (String, Oid, bool, bool);

fn entries(tree: Option<&Tree>) -> Vec<Entry> {
    let mut v: Vec<Entry> = tree
        .map(|t| {
            t.iter()
                .map(|e| {
                    let is_tree = e.kind() == Some(ObjectType::Tree);
                    let mode = e.filemode();
                    let blob = e.kind() == Some(ObjectType::Blob)
                        && (mode == i32::from(FileMode::Blob)
                            || mode == i32::from(FileMode::BlobExecutable));
                    (
                        String::from_utf8_lossy(e.name_bytes()).into_owned(),
                        e.id(),
                        is_tree,
                        blob,
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

/// Every blob below `e` as added (`added`) or deleted.
fn whole(
    repo: &Repository,
    prefix: &str,
    e: &Entry,
    added: bool,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let path = join(prefix, &e.0);
    if e.2 {
        let t = repo.find_tree(e.1)?;
        for c in entries(Some(&t)) {
            whole(repo, &path, &c, added, out)?;
        }
    } else if e.3 {
        out.push(Change {
            status: if added { Delta::Added } else { Delta::Deleted },
            old_path: (!added).then(|| path.clone()),
            new_path: added.then_some(path),
            new_id: if added { e.1 } else { Oid::ZERO_SHA1 },
        });
    }
    Ok(())
}

/// The blobs that differ between `old` and `new` below `prefix`.
pub(crate) fn diff_trees(
    repo: &Repository,
    old: Option<&Tree>,
    new: &Tree,
    prefix: &str,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let (a, b) = (entries(old), entries(Some(new)));
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let ord = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.0.cmp(&y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match ord {
            std::cmp::Ordering::Less => {
                whole(repo, prefix, &a[i], false, out)?;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                whole(repo, prefix, &b[j], true, out)?;
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let (x, y) = (&a[i], &b[j]);
                if x.1 != y.1 || x.3 != y.3 {
                    if x.2 && y.2 {
                        let (tx, ty) = (repo.find_tree(x.1)?, repo.find_tree(y.1)?);
                        diff_trees(repo, Some(&tx), &ty, &join(prefix, &x.0), out)?;
                    } else if x.3 && y.3 {
                        let path = join(prefix, &x.0);
                        out.push(Change {
                            status: Delta::Modified,
                            old_path: Some(path.clone()),
                            new_path: Some(path),
                            new_id: y.1,
                        });
                    } else {
                        whole(repo, prefix, x, false, out)?;
                        whole(repo, prefix, y, true, out)?;
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
