//! The two versions of the files `normdiff check` compares: two trees of a
//! git repository (renames followed), two directories, or two files.
//!
//! Which files are read: those matched by some entry (a `[[watch]]` with
//! no `paths` matches every file; `[[protect]]` names its file). The watch
//! file itself is never a candidate. A file that is not text (binary, not
//! UTF-8/UTF-16, larger than `--max-size`) is skipped when only a
//! match-everything entry wants it, and is an error when an entry names it.

use crate::watch::WatchFile;
use anyhow::{bail, Context};
use normdiff_core::check::FileVersions;
use normdiff_git::{ChangeKind, Repo};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A file to compare before reading: where each side's bytes come from.
#[derive(Debug, Clone)]
pub struct Candidate<T> {
    pub old_path: Option<String>,
    pub new_path: Option<String>,
    pub old: Option<T>,
    pub new: Option<T>,
}

/// Does any entry want `path`? `Some(true)` when an entry names it (its
/// `paths` patterns, or a protected paragraph's file), `Some(false)` when
/// only a match-everything entry does, `None` when none.
pub fn wanted(w: &WatchFile, path: &str, names: &[&str]) -> Option<bool> {
    let hit = |p: &str| {
        w.watches
            .iter()
            .any(|e| !e.paths.is_empty() && e.paths.is_match(p))
            || w.protects.iter().any(|e| e.path == p)
    };
    if std::iter::once(path).chain(names.iter().copied()).any(hit) {
        Some(true)
    } else if w.watches.iter().any(|e| e.paths.is_empty()) {
        Some(false)
    } else {
        None
    }
}

/// Decodes one side; `Ok(None)` when it is not text and not named.
fn text_of(bytes: Vec<u8>, name: &str, named: bool, max: usize) -> anyhow::Result<Option<String>> {
    if bytes.len() > max {
        if named {
            bail!("{name}: larger than the limit of {max} bytes (raise it with --max-size)");
        }
        return Ok(None);
    }
    match crate::input::text_of(&bytes, name) {
        Ok(t) => Ok(Some(t)),
        Err(e) if named => Err(e),
        Err(_) => Ok(None),
    }
}

/// Reads the candidates' sides with `read`, keeping those an entry wants.
fn collect<T>(
    w: &WatchFile,
    cands: Vec<Candidate<T>>,
    max: usize,
    mut read: impl FnMut(&T, &str) -> anyhow::Result<Vec<u8>>,
) -> anyhow::Result<Vec<FileVersions>> {
    let mut out = Vec::new();
    for c in cands {
        let path = c
            .new_path
            .clone()
            .or(c.old_path.clone())
            .unwrap_or_default();
        let other: Vec<&str> = c.old_path.iter().map(String::as_str).collect();
        let Some(named) = wanted(w, &path, &other) else {
            continue;
        };
        let mut side = |src: &Option<T>, p: &Option<String>| -> anyhow::Result<Option<String>> {
            match (src, p) {
                (Some(s), Some(p)) => text_of(read(s, p)?, p, named, max),
                _ => Ok(None),
            }
        };
        let old = side(&c.old, &c.old_path)?;
        let new = side(&c.new, &c.new_path)?;
        if old.is_none() && new.is_none() {
            continue;
        }
        out.push(FileVersions {
            old_path: old.as_ref().and(c.old_path),
            new_path: new.as_ref().and(c.new_path),
            old,
            new,
        });
    }
    Ok(out)
}

/// The files of two revisions of a repository; with `worktree`, the head
/// side is read from the working tree (the files tracked in `head`, as
/// edited; a deleted one counts as removed).
pub fn git_files(
    repo: &Repo,
    base: &normdiff_git::Commit,
    head: &normdiff_git::Commit,
    worktree: bool,
    w: &WatchFile,
    exclude: Option<&str>,
    max: usize,
) -> anyhow::Result<Vec<FileVersions>> {
    let root = repo.root();
    let on_disk = |p: &str| !worktree || root.join(p).is_file();
    let old: BTreeMap<String, String> = repo
        .files(base)?
        .into_iter()
        .map(|f| (f.path, f.blob))
        .collect();
    let new: BTreeMap<String, String> = repo
        .files(head)?
        .into_iter()
        .map(|f| (f.path, f.blob))
        .collect();
    let mut renamed_from: BTreeMap<String, String> = BTreeMap::new();
    for c in repo.changes(base, head)? {
        if let (ChangeKind::Renamed, Some(o), Some(n)) = (c.kind, c.old_path, c.new_path) {
            renamed_from.insert(n, o);
        }
    }
    let moved: BTreeSet<&String> = renamed_from.values().collect();
    let mut cands: Vec<Candidate<String>> = Vec::new();
    for (path, blob) in &new {
        let from = renamed_from.get(path).unwrap_or(path);
        let here = on_disk(path);
        cands.push(Candidate {
            old_path: old.contains_key(from).then(|| from.clone()),
            new_path: here.then(|| path.clone()),
            old: old.get(from).cloned(),
            new: here.then(|| format!("{WORKTREE_MARK}{blob}")),
        });
    }
    for (path, blob) in &old {
        if !new.contains_key(path) && !moved.contains(path) {
            cands.push(Candidate {
                old_path: Some(path.clone()),
                new_path: None,
                old: Some(blob.clone()),
                new: None,
            });
        }
    }
    cands.retain(|c| {
        let p = c.new_path.as_deref().or(c.old_path.as_deref());
        p != exclude
    });
    collect(w, cands, max, |id, p| {
        match id.strip_prefix(WORKTREE_MARK) {
            Some(_) if worktree => read_file(&root.join(p)),
            Some(blob) => Ok(repo.blob(blob, p)?),
            None => Ok(repo.blob(id, p)?),
        }
    })
}

/// Marks a head-side blob id whose bytes come from the working tree
/// instead, when reading a working tree.
const WORKTREE_MARK: &str = "worktree:";

/// Every file below `dir`, as `/`-separated relative paths (`.git` skipped).
fn walk_dir(dir: &Path) -> anyhow::Result<BTreeMap<String, std::path::PathBuf>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).with_context(|| format!("{}: cannot read", d.display()))?;
        for e in entries {
            let e = e.with_context(|| format!("{}: cannot read", d.display()))?;
            let p = e.path();
            let ft = e.file_type()?;
            if ft.is_dir() {
                if e.file_name() != ".git" {
                    stack.push(p);
                }
            } else if ft.is_file() {
                let rel = p.strip_prefix(dir).unwrap_or(&p);
                // Names that are not UTF-8 are kept, bytes as `\xNN`.
                let rel: Vec<String> = rel.components().map(|c| os_name(c.as_os_str())).collect();
                out.insert(rel.join("/"), p);
            }
        }
    }
    Ok(out)
}

/// A path component as text; bytes that are not UTF-8 written `\xNN`.
fn os_name(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        normdiff_core::name_from_bytes(name.as_bytes())
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

fn read_file(p: &Path) -> anyhow::Result<Vec<u8>> {
    crate::output::note_input(p);
    std::fs::read(p).with_context(|| format!("{}: cannot read", crate::input::shown_path(p)))
}

/// The files of two directories, paired by relative path; a file only in
/// the old directory and one only in the new with identical bytes count as
/// renamed.
///
/// Files named like the watch file (`.normdiff.toml`) and the watch file
/// given (`watch`) are left out.
pub fn dir_files(
    old_dir: &Path,
    new_dir: &Path,
    w: &WatchFile,
    watch: &Path,
    max: usize,
) -> anyhow::Result<Vec<FileVersions>> {
    let watch = watch.canonicalize().ok();
    let keep = |m: BTreeMap<String, std::path::PathBuf>| -> BTreeMap<String, std::path::PathBuf> {
        m.into_iter()
            .filter(|(rel, p)| {
                rel.rsplit('/').next() != Some(crate::cmd::check::DEFAULT_WATCH)
                    && (watch.is_none() || p.canonicalize().ok() != watch)
            })
            .collect()
    };
    let (old, new) = (keep(walk_dir(old_dir)?), keep(walk_dir(new_dir)?));
    let only_old: Vec<&String> = old.keys().filter(|k| !new.contains_key(*k)).collect();
    let mut renamed_from: BTreeMap<&String, &String> = BTreeMap::new();
    for n in new.keys().filter(|k| !old.contains_key(*k)) {
        let bytes = read_file(&new[n])?;
        for o in &only_old {
            if !renamed_from.values().any(|x| x == o) && read_file(&old[*o])? == bytes {
                renamed_from.insert(n, o);
                break;
            }
        }
    }
    let mut cands: Vec<Candidate<std::path::PathBuf>> = Vec::new();
    for (path, file) in &new {
        let from = renamed_from.get(path).copied().unwrap_or(path);
        cands.push(Candidate {
            old_path: old.contains_key(from).then(|| from.clone()),
            new_path: Some(path.clone()),
            old: old.get(from).cloned(),
            new: Some(file.clone()),
        });
    }
    for (path, file) in &old {
        if !new.contains_key(path) && !renamed_from.values().any(|x| *x == path) {
            cands.push(Candidate {
                old_path: Some(path.clone()),
                new_path: None,
                old: Some(file.clone()),
                new: None,
            });
        }
    }
    collect(w, cands, max, |p, _| read_file(p))
}

/// Two files compared as one document, named by the new file's path as
/// given. Every entry applies to it (`paths` and `[[protect]] path` are not
/// consulted), so both files are always read and must be text.
pub fn two_files(old: &Path, new: &Path, max: usize) -> anyhow::Result<Vec<FileVersions>> {
    let name = new.to_string_lossy().replace('\\', "/");
    let side = |p: &Path| -> anyhow::Result<Option<String>> {
        text_of(read_file(p)?, &p.display().to_string(), true, max)
    };
    Ok(vec![FileVersions {
        old_path: Some(name.clone()),
        new_path: Some(name),
        old: side(old)?,
        new: side(new)?,
    }])
}
