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

/// The entry of a raw tree object that starts at byte `pos`, and the
/// offset of the next one.
fn entry_at(raw: &[u8], pos: usize) -> Result<(Entry<'_>, usize), git2::Error> {
    let bad = || git2::Error::from_str("corrupt tree object");
    let rest = &raw[pos..];
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
    let entry = Entry {
        name: &rest[sp + 1..nul],
        id: Oid::from_bytes(id)?,
        tree,
        blob,
    };
    Ok((entry, pos + nul + 21))
}

/// The entries of a raw tree object, in stored (git) order.
fn entries(raw: &[u8]) -> Result<Vec<Entry<'_>>, git2::Error> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < raw.len() {
        let (e, next) = entry_at(raw, pos)?;
        out.push(e);
        pos = next;
    }
    Ok(out)
}

/// The offset of the first entry of `raw` that does not lie wholly within
/// its first `same` bytes (the bytes it shares with the other tree): the
/// entries before it are the other tree's too, byte for byte.
fn first_differing_entry(raw: &[u8], same: usize) -> Result<usize, git2::Error> {
    let bad = || git2::Error::from_str("corrupt tree object");
    let mut pos = 0;
    while pos < raw.len() {
        let nul = raw[pos..].iter().position(|&b| b == 0).ok_or_else(bad)? + pos;
        let next = nul + 21;
        if next > same {
            break;
        }
        pos = next;
    }
    Ok(pos)
}

/// The length of the longest common prefix of `a` and `b`.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    // Whole blocks first (a memcmp each), then byte by byte.
    while i + 64 <= n && a[i..i + 64] == b[i..i + 64] {
        i += 64;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the longest common suffix of `a` and `b`.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (ea, eb) = (a.len(), b.len());
    let mut i = 0;
    while i + 64 <= n && a[ea - i - 64..ea - i] == b[eb - i - 64..eb - i] {
        i += 64;
    }
    while i < n && a[ea - i - 1] == b[eb - i - 1] {
        i += 1;
    }
    i
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
///
/// The raw trees are compared byte for byte first: the entries of their
/// common prefix and common suffix are the same in both and are passed
/// over unparsed, so a commit that changes one file of a large directory
/// parses only the entries around it.
pub(crate) fn diff_trees(
    trees: &mut Trees,
    old: Option<Oid>,
    new: Oid,
    prefix: &str,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let old_raw = old.map(|id| trees.cache.get(trees.odb, id)).transpose()?;
    let new_raw = trees.cache.get(trees.odb, new)?;
    let a: &[u8] = old_raw.as_deref().unwrap_or_default();
    let b: &[u8] = &new_raw;
    let start = first_differing_entry(a, common_prefix(a, b))?;
    // The suffix may not reach back into the entries already skipped.
    let suffix = common_suffix(&a[start..], &b[start..]);
    let (mut i, mut j) = (start, start);
    let mut x = None;
    let mut y = None;
    loop {
        // The rest of both trees is the same, entry for entry.
        if a.len() - i == b.len() - j && a.len() - i <= suffix && x.is_none() && y.is_none() {
            break;
        }
        if x.is_none() && i < a.len() {
            let (e, next) = entry_at(a, i)?;
            x = Some(e);
            i = next;
        }
        if y.is_none() && j < b.len() {
            let (e, next) = entry_at(b, j)?;
            y = Some(e);
            j = next;
        }
        let ord = match (&x, &y) {
            (Some(x), Some(y)) => git_order(x, y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => break,
        };
        match ord {
            std::cmp::Ordering::Less => {
                whole(trees, prefix, &x.take().expect("some"), false, out)?;
            }
            std::cmp::Ordering::Greater => {
                whole(trees, prefix, &y.take().expect("some"), true, out)?;
            }
            std::cmp::Ordering::Equal => {
                let (x, y) = (x.take().expect("some"), y.take().expect("some"));
                changed_entry(trees, prefix, &x, &y, out)?;
            }
        }
    }
    Ok(())
}

/// The changes below two entries of the same name.
fn changed_entry(
    trees: &mut Trees,
    prefix: &str,
    x: &Entry,
    y: &Entry,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    if x.id == y.id && x.blob == y.blob {
        return Ok(());
    }
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
    Ok(())
}

/// Changes of one commit through libgit2, with similarity-based rename
/// detection (used only when a commit both adds and deletes files), or
/// with `exact_only` only renames of unchanged content.
pub(crate) fn diff_with_renames(
    repo: &Repository,
    old: Option<&Tree>,
    new: &Tree,
    paths: &[&str],
    exact_only: bool,
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
    diff.find_similar(Some(
        DiffFindOptions::new()
            .renames(true)
            .exact_match_only(exact_only),
    ))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// Writes the files `files` (path → content number) as a tree.
    fn write_tree(repo: &Repository, files: &BTreeMap<String, u8>) -> Oid {
        fn build(repo: &Repository, files: &[(Vec<&str>, u8)]) -> Oid {
            let mut b = repo.treebuilder(None).unwrap();
            let mut i = 0;
            while i < files.len() {
                let (path, content) = &files[i];
                if path.len() == 1 {
                    let blob = repo
                        .blob(format!("content {content}\n").as_bytes())
                        .unwrap();
                    b.insert(path[0], blob, 0o100644).unwrap();
                    i += 1;
                    continue;
                }
                let dir = path[0];
                let mut sub = Vec::new();
                while i < files.len() && files[i].0.len() > 1 && files[i].0[0] == dir {
                    sub.push((files[i].0[1..].to_vec(), files[i].1));
                    i += 1;
                }
                b.insert(dir, build(repo, &sub), 0o040000).unwrap();
            }
            b.write().unwrap()
        }
        let list: Vec<(Vec<&str>, u8)> = files
            .iter()
            .map(|(p, c)| (p.split('/').collect(), *c))
            .collect();
        build(repo, &list)
    }

    /// Changes as (status, old path, new path, old id, new id), sorted.
    type Row = (String, Option<String>, Option<String>, Oid, Oid);

    fn rows(changes: Vec<Change>) -> Vec<Row> {
        let mut out: Vec<Row> = changes
            .into_iter()
            .map(|c| {
                let status = format!("{:?}", c.status);
                (status, c.old_path, c.new_path, c.old_id, c.new_id)
            })
            .collect();
        out.sort();
        out
    }

    /// libgit2's own comparison of the two trees (no rename detection).
    fn libgit2_rows(repo: &Repository, old: Option<Oid>, new: Oid) -> Vec<Row> {
        let old = old.map(|t| repo.find_tree(t).unwrap());
        let new = repo.find_tree(new).unwrap();
        let diff = repo
            .diff_tree_to_tree(old.as_ref(), Some(&new), None)
            .unwrap();
        let changes = diff
            .deltas()
            .map(|d| {
                let path = |f: git2::DiffFile| f.path().map(|p| p.to_string_lossy().into_owned());
                let added = d.status() == Delta::Added;
                let deleted = d.status() == Delta::Deleted;
                Change {
                    status: d.status(),
                    old_path: (!added).then(|| path(d.old_file())).flatten(),
                    new_path: (!deleted).then(|| path(d.new_file())).flatten(),
                    old_id: d.old_file().id(),
                    new_id: d.new_file().id(),
                }
            })
            .collect();
        rows(changes)
    }

    /// Names whose git order differs from plain byte order (`a` as a
    /// directory sorts as `a/`, after `a.b` and `a-b`).
    fn path() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec!["a", "a.b", "a-b", "ab", "b", "z"]);
        prop::collection::vec(name, 1..4).prop_map(|v| v.join("/"))
    }

    /// Files as a map; a path that is also a directory prefix of another is
    /// dropped (a tree cannot hold both).
    fn files() -> impl Strategy<Value = BTreeMap<String, u8>> {
        prop::collection::btree_map(path(), 0u8..3, 0..24).prop_map(|m| {
            let keys: Vec<String> = m.keys().cloned().collect();
            m.into_iter()
                .filter(|(p, _)| !keys.iter().any(|k| k.starts_with(&format!("{p}/"))))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn same_changes_as_libgit2(old in files(), new in files(), base in files()) {
            let dir = tempfile::tempdir().unwrap();
            let repo = Repository::init(dir.path()).unwrap();
            // The new tree shares most of the old one: `new` overrides a
            // copy of `old` plus `base`, entries dropped where they clash.
            let mut shared = base.clone();
            shared.extend(old.clone());
            let mut next = base;
            next.extend(new);
            let keys: Vec<String> = next.keys().cloned().collect();
            next.retain(|p, _| !keys.iter().any(|k| k.starts_with(&format!("{p}/"))));
            let keys: Vec<String> = shared.keys().cloned().collect();
            shared.retain(|p, _| !keys.iter().any(|k| k.starts_with(&format!("{p}/"))));
            let (a, b) = (write_tree(&repo, &shared), write_tree(&repo, &next));
            let odb = repo.odb().unwrap();
            let mut cache = TreeCache::default();
            for old in [Some(a), None] {
                let mut trees = Trees { odb: &odb, cache: &mut cache };
                let mut out = Vec::new();
                diff_trees(&mut trees, old, b, "", &mut out).unwrap();
                prop_assert_eq!(rows(out), libgit2_rows(&repo, old, b));
            }
        }
    }

    #[test]
    fn common_ends() {
        assert_eq!(common_prefix(b"abcdef", b"abcxef"), 3);
        assert_eq!(common_suffix(b"abcdef", b"abcxef"), 2);
        let long: Vec<u8> = (0..200u8).collect();
        let mut other = long.clone();
        other[130] = 0;
        assert_eq!(common_prefix(&long, &other), 130);
        assert_eq!(common_suffix(&long, &other), 69);
        assert_eq!(common_prefix(&long, &long[..70]), 70);
        assert_eq!(common_suffix(b"", b"x"), 0);
    }
}
