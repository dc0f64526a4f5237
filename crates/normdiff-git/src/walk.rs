//! The revision walk and the per-thread blob store.

use crate::error::{Error, ErrorKind};
use crate::treediff::{diff_trees, diff_with_renames, Change, TreeCache, Trees};
use git2::{Delta, Oid, Repository, Sort};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use normdiff_core::history::{
    BlobStore, Content, Revision, SourceStats, Timestamp, Version, VersionSource,
};
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Options of the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitOptions {
    /// Revision to walk back from (`HEAD`, a branch, a commit id...).
    pub rev: String,
    /// Path patterns (globs with `*`, `?`, `**`, `[...]`; a plain path
    /// also matches everything below it). Empty: every file.
    pub paths: Vec<String>,
    /// Walk every parent of merges, not only the first.
    pub all_parents: bool,
}

impl Default for GitOptions {
    fn default() -> Self {
        GitOptions {
            rev: "HEAD".to_owned(),
            paths: Vec::new(),
            all_parents: false,
        }
    }
}

/// Does a blob's content matter to the caller (for a trace: may it carry
/// the phrase)? Called on worker threads.
pub type Relevance = Arc<dyn Fn(&[u8]) -> bool + Send + Sync>;

/// Git history as a version source (see the crate docs).
pub struct GitSource {
    /// The repository's git directory (handles are per thread).
    git_dir: PathBuf,
    /// Batches walked since the threads' handles were last dropped.
    batches_since_reset: usize,
    commits: std::vec::IntoIter<Oid>,
    pending: VecDeque<Version>,
    filter: Option<GlobSet>,
    relevant: Option<Relevance>,
    stats: SourceStats,
}

/// Reads blobs by object id, with one repository handle per thread.
#[derive(Debug, Clone)]
pub struct GitStore {
    git_dir: PathBuf,
}

/// This thread's handle on a repository, with its tree cache.
struct Handle {
    git_dir: PathBuf,
    repo: Repository,
    trees: TreeCache,
}

thread_local! {
    static REPO: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's handle on the repository at `git_dir`
/// (opened on first use; git2 objects never cross threads).
fn with_repo<T>(
    git_dir: &Path,
    f: impl FnOnce(&Repository, &mut TreeCache) -> Result<T, git2::Error>,
) -> Result<T, git2::Error> {
    REPO.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_none_or(|h| h.git_dir != git_dir) {
            *cell = Some(Handle {
                git_dir: git_dir.to_owned(),
                repo: Repository::open(git_dir)?,
                trees: TreeCache::default(),
            });
        }
        let h = cell.as_mut().expect("opened above");
        f(&h.repo, &mut h.trees)
    })
}

impl BlobStore for GitStore {
    fn read(&self, id: &str, path: &str) -> normdiff_core::Result<Vec<u8>> {
        with_repo(&self.git_dir, |repo, _| {
            let odb = repo.odb()?;
            let blob = odb.read(Oid::from_str(id)?)?;
            Ok(blob.data().to_vec())
        })
        .map_err(|e| Error::git(format!("{path} (blob {id})"), e).into())
    }
}

pub(crate) fn path_filter(patterns: &[String]) -> Result<Option<GlobSet>, Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let p = p.trim_end_matches('/');
        for g in [p.to_owned(), format!("{p}/**")] {
            let glob = GlobBuilder::new(&g)
                .literal_separator(true)
                .build()
                .map_err(|e| Error::new(p, ErrorKind::BadPattern(e.kind().to_string())))?;
            b.add(glob);
        }
    }
    b.build()
        .map(Some)
        .map_err(|e| Error::new(patterns.join(" "), ErrorKind::BadPattern(e.to_string())))
}

fn revision(c: &git2::Commit) -> Revision {
    let id = c.id().to_string();
    // The author date: when the change was made (for the Civil Code, the
    // law's date); the committer date is when it was recorded.
    let t = c.author().when();
    Revision {
        short_id: id[..7].to_owned(),
        id,
        time: Some(Timestamp {
            seconds: t.seconds(),
            offset_minutes: t.offset_minutes(),
        }),
        author: String::from_utf8_lossy(c.author().name_bytes()).into_owned(),
        message: String::from_utf8_lossy(c.message_bytes()).into_owned(),
        file: None,
    }
}

/// The commits where a shallow clone's history is cut.
fn shallow_roots(repo: &Repository) -> Vec<Oid> {
    let text = std::fs::read_to_string(repo.path().join("shallow")).unwrap_or_default();
    text.lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

impl GitSource {
    /// Opens the repository containing `dir` and prepares the walk. Errors:
    /// not a repository, unknown revision, bad pattern, shallow history.
    pub fn open(dir: &Path, opts: &GitOptions) -> Result<GitSource, Error> {
        let shown = dir.display().to_string();
        // Read-only walk over a local repository: skip re-hashing every
        // object read (libgit2's check costs a SHA-1 per tree and blob; the
        // repository's own integrity is `git fsck`'s business). Process-wide.
        git2::opts::strict_hash_verification(false);
        // libgit2's object cache keeps every tree and commit read (up to
        // 256 MB, per repository handle): memory would grow with history.
        // The walk keeps its own two-commit tree cache instead.
        git2::opts::enable_caching(false);
        let repo = Repository::discover(dir).map_err(|e| match e.code() {
            git2::ErrorCode::NotFound => Error::new(&shown, ErrorKind::NotARepository),
            _ => Error::git(&shown, e),
        })?;
        let filter = path_filter(&opts.paths)?;
        let start = repo
            .revparse_single(&opts.rev)
            .and_then(|o| o.peel_to_commit())
            .map_err(|e| crate::tree::revision_error(&opts.rev, e))?
            .id();
        let mut walk = repo.revwalk().map_err(|e| Error::git(&shown, e))?;
        walk.push(start).map_err(|e| Error::git(&opts.rev, e))?;
        if !opts.all_parents {
            walk.simplify_first_parent()
                .map_err(|e| Error::git(&shown, e))?;
        }
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(|e| Error::git(&shown, e))?;
        let commits: Vec<Oid> = walk
            .collect::<Result<_, _>>()
            .map_err(|e| Error::git(&shown, e))?;
        if repo.is_shallow() {
            let roots = shallow_roots(&repo);
            if let Some(cut) = commits.iter().find(|c| roots.contains(c)) {
                let c = repo.find_commit(*cut).map_err(|e| Error::git(&shown, e))?;
                let r = revision(&c);
                let date = r.time.map(|t| t.date()).unwrap_or_default();
                let ends_at = format!("{} ({date}, \"{}\")", r.short_id, r.summary());
                return Err(Error::new(&shown, ErrorKind::Shallow { ends_at }));
            }
        }
        let total = commits.len() as u64;
        Ok(GitSource {
            git_dir: repo.path().to_owned(),
            batches_since_reset: 0,
            commits: commits.into_iter(),
            pending: VecDeque::new(),
            filter,
            relevant: None,
            stats: SourceStats {
                commits_total: Some(total),
                ..SourceStats::default()
            },
        })
    }

    /// Limits rename detection to files that matter: a commit that both
    /// adds and deletes files asks libgit2 for renames (a similarity
    /// measure over every added and deleted blob) only when one of those
    /// blobs is `relevant`; otherwise they stay additions and deletions.
    /// For a trace, a rename between files that cannot carry the phrase
    /// yields no event either way.
    pub fn renames_only_for(mut self, relevant: Relevance) -> GitSource {
        self.relevant = Some(relevant);
        self
    }
}

/// Commits whose changes are computed together, in parallel.
const COMMIT_BATCH: usize = 256;

/// Consecutive commits given to one thread.
const COMMITS_PER_TASK: usize = 32;

/// The file versions of commit `oid` (changes against its first parent,
/// in path order), keeping the paths `filter` accepts.
fn versions_of(
    repo: &Repository,
    cache: &mut TreeCache,
    filter: Option<&GlobSet>,
    relevant: Option<&Relevance>,
    oid: Oid,
) -> Result<Vec<Version>, git2::Error> {
    let wanted = |path: &str| filter.is_none_or(|f| f.is_match(path));
    let commit = repo.find_commit(oid)?;
    let tree = commit.tree_id();
    let parent_tree = match commit.parent_id(0) {
        Ok(p) => Some(match cache.last_commit {
            Some((c, t)) if c == p => t,
            _ => repo.find_commit(p)?.tree_id(),
        }),
        Err(_) => None,
    };
    cache.next_commit();
    let odb = repo.odb()?;
    let mut changes = Vec::new();
    let mut trees = Trees {
        odb: &odb,
        cache: &mut *cache,
    };
    diff_trees(&mut trees, parent_tree, tree, "", &mut changes)?;
    cache.last_commit = Some((oid, tree));
    let added = changes.iter().any(|c| c.status == Delta::Added);
    let deleted = changes.iter().any(|c| c.status == Delta::Deleted);
    if added && deleted && renames_matter(&odb, &changes, relevant)? {
        let paths: Vec<&str> = changes
            .iter()
            .filter(|c| matches!(c.status, Delta::Added | Delta::Deleted))
            .filter_map(|c| c.new_path.as_deref().or(c.old_path.as_deref()))
            .collect();
        let old = parent_tree.map(|t| repo.find_tree(t)).transpose()?;
        let new = repo.find_tree(tree)?;
        let exact_only = too_many_rename_candidates(&changes);
        let mut renamed = diff_with_renames(repo, old.as_ref(), &new, &paths, exact_only)?;
        changes.retain(|c| !matches!(c.status, Delta::Added | Delta::Deleted));
        changes.append(&mut renamed);
    }
    let rev = Arc::new(revision(&commit));
    let mut out: Vec<Version> = Vec::new();
    for c in changes {
        let version = |path: String, previous_path: Option<String>, content: Content| Version {
            revision: rev.clone(),
            path,
            previous_path,
            content,
        };
        let blob = || Content::Blob(c.new_id.to_string());
        let old_ok = c.old_path.as_deref().is_some_and(wanted);
        let new_ok = c.new_path.as_deref().is_some_and(wanted);
        let (old_path, new_path) = (c.old_path.clone(), c.new_path.clone());
        match (c.status, old_ok, new_ok) {
            (Delta::Renamed, true, true) => {
                out.extend(new_path.map(|p| version(p, old_path, blob())))
            }
            (Delta::Renamed | Delta::Deleted, true, false) | (Delta::Deleted, true, _) => {
                out.extend(old_path.map(|p| version(p, None, Content::Deleted)))
            }
            (Delta::Renamed | Delta::Added | Delta::Modified, _, true) => {
                out.extend(new_path.map(|p| version(p, None, blob())))
            }
            _ => {}
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Beyond this many candidate sources times destinations (squared), only
/// exact renames (same content) are looked for: git's own limit
/// (`diff.renameLimit`, 1,000), past which `git log` says "exhaustive
/// rename detection was skipped". Similarity is measured between every
/// added and every deleted file, so a commit that re-files a whole code
/// (thousands of files each way) would cost millions of comparisons.
const RENAME_LIMIT: usize = 1000;

/// Are there too many added and deleted files (those that are not exact
/// renames) for similarity-based rename detection, as git counts them?
fn too_many_rename_candidates(changes: &[Change]) -> bool {
    let ids = |status: Delta| -> std::collections::HashSet<Oid> {
        changes
            .iter()
            .filter(|c| c.status == status)
            .map(|c| {
                if status == Delta::Added {
                    c.new_id
                } else {
                    c.old_id
                }
            })
            .collect()
    };
    let (added, deleted) = (ids(Delta::Added), ids(Delta::Deleted));
    let count = |status: Delta, other: &std::collections::HashSet<Oid>| {
        changes
            .iter()
            .filter(|c| c.status == status)
            .filter(|c| {
                let id = if status == Delta::Added {
                    c.new_id
                } else {
                    c.old_id
                };
                !other.contains(&id)
            })
            .count()
    };
    let (sources, destinations) = (count(Delta::Deleted, &added), count(Delta::Added, &deleted));
    sources.saturating_mul(destinations) > RENAME_LIMIT * RENAME_LIMIT
}

/// Can renames among the added and deleted files of `changes` matter?
/// Without a relevance test, always; with one, when any of those blobs is
/// relevant (deleted ones first: there are fewer).
fn renames_matter(
    odb: &git2::Odb,
    changes: &[Change],
    relevant: Option<&Relevance>,
) -> Result<bool, git2::Error> {
    let Some(relevant) = relevant else {
        return Ok(true);
    };
    for status in [Delta::Deleted, Delta::Added] {
        for c in changes.iter().filter(|c| c.status == status) {
            let id = if status == Delta::Added {
                c.new_id
            } else {
                c.old_id
            };
            if relevant(odb.read(id)?.data()) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Batches after which every thread's repository handle is dropped.
///
/// libgit2 shares one object per pack file among all the handles open on
/// it, with a cache of the objects it rebuilt from deltas (up to 16 MiB, a
/// limit fixed inside libgit2). That cache fills as history is walked, so
/// memory would grow with the length of the history up to the cap. When
/// the last handle closes, the pack and its cache go: dropping all handles
/// between batches now and then keeps memory flat. Not too often: the
/// pack and its index are unmapped too, and the page faults and cache
/// misses after each reopening cost more than the handles themselves: on
/// the Civil Code's full history, dropping them every 256 commits took
/// 12.1 s CPU against 10.4 s every 2,048 (one pair of runs).
const RESET_EVERY_BATCHES: usize = 8;

impl GitSource {
    fn drop_handles_now_and_then(&mut self) {
        self.batches_since_reset += 1;
        if self.batches_since_reset > RESET_EVERY_BATCHES {
            self.batches_since_reset = 0;
            rayon::broadcast(|_| REPO.with(|cell| *cell.borrow_mut() = None));
            REPO.with(|cell| *cell.borrow_mut() = None);
        }
    }
}

impl VersionSource for GitSource {
    type Store = GitStore;

    fn store(&self) -> GitStore {
        GitStore {
            git_dir: self.git_dir.clone(),
        }
    }

    fn next_version(&mut self) -> Option<normdiff_core::Result<Version>> {
        loop {
            if let Some(v) = self.pending.pop_front() {
                return Some(Ok(v));
            }
            // The next commits' changes, computed in parallel (one
            // repository handle per thread), queued in walk order.
            let batch: Vec<Oid> = self.commits.by_ref().take(COMMIT_BATCH).collect();
            if batch.is_empty() {
                return None;
            }
            self.stats.commits_visited += batch.len() as u64;
            self.drop_handles_now_and_then();
            let git_dir = self.git_dir.clone();
            let filter = self.filter.as_ref();
            let relevant = self.relevant.as_ref();
            // Consecutive commits on one thread: each commit's old trees
            // are the previous one's new trees, already in that thread's
            // cache.
            let results: Vec<Result<Vec<Version>, git2::Error>> = batch
                .par_chunks(COMMITS_PER_TASK)
                .map(|chunk| {
                    with_repo(&git_dir, |repo, trees| {
                        Ok(chunk
                            .iter()
                            .map(|&oid| versions_of(repo, trees, filter, relevant, oid))
                            .collect::<Vec<_>>())
                    })
                    .unwrap_or_else(|e| {
                        chunk
                            .iter()
                            .map(|_| Err(git2::Error::from_str(e.message())))
                            .collect()
                    })
                })
                .flatten()
                .collect();
            for (oid, r) in batch.iter().zip(results) {
                match r {
                    Ok(versions) => self.pending.extend(versions),
                    Err(e) => return Some(Err(Error::git(format!("commit {oid}"), e).into())),
                }
            }
        }
    }

    fn stats(&self) -> SourceStats {
        self.stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_candidates_counted_as_git_does() {
        let id = |n: u32| Oid::from_bytes(&[&n.to_be_bytes()[..], &[1; 16]].concat()).unwrap();
        let change = |status, n: u32| Change {
            status,
            old_path: None,
            new_path: None,
            old_id: if status == Delta::Deleted {
                id(n)
            } else {
                Oid::ZERO_SHA1
            },
            new_id: if status == Delta::Added {
                id(n)
            } else {
                Oid::ZERO_SHA1
            },
        };
        let commit = |deleted: u32, added: u32, same: u32| -> Vec<Change> {
            let d = (0..deleted).map(|n| change(Delta::Deleted, n));
            // The first `same` added files have the content of deleted ones.
            let a =
                (0..added).map(|n| change(Delta::Added, if n < same { n } else { 1_000_000 + n }));
            d.chain(a).collect()
        };
        assert!(!too_many_rename_candidates(&commit(1000, 1000, 0)));
        assert!(too_many_rename_candidates(&commit(1001, 1000, 0)));
        assert!(too_many_rename_candidates(&commit(2000, 600, 0)));
        // Exact renames are not candidates.
        assert!(!too_many_rename_candidates(&commit(1500, 1500, 600)));
    }

    #[test]
    fn thread_handles_are_dropped_every_few_batches() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let tree = repo.find_tree(repo.treebuilder(None).unwrap().write().unwrap());
        let sig = git2::Signature::now("T", "t@example.org").unwrap();
        repo.commit(Some("HEAD"), &sig, &sig, "empty", &tree.unwrap(), &[])
            .unwrap();
        let mut src = GitSource::open(dir.path(), &GitOptions::default()).unwrap();
        let open_here = || REPO.with(|cell| cell.borrow().is_some());
        with_repo(&src.git_dir, |_, _| Ok(())).unwrap();
        assert!(open_here());
        for _ in 0..RESET_EVERY_BATCHES {
            src.drop_handles_now_and_then();
        }
        assert!(open_here());
        src.drop_handles_now_and_then();
        assert!(
            !open_here(),
            "the handle (and libgit2's pack caches) should be gone"
        );
    }
}
