//! `Repo`: revisions, tree listings, changes between trees (renames),
//! blobs by path and `REV:path` specs, on repositories built with git2.

use git2::{Repository, Signature, Time};
use normdiff_git::{read_spec, ChangeKind, ErrorKind, Repo};
use std::path::Path;

const PARA: &str = "1. Le Groupe recommande de poursuivre les travaux dans le cadre des Nations Unies et de ses institutions spécialisées.\n";

fn commit(repo: &Repository, dir: &Path, files: &[(&str, Option<&str>)], msg: &str, tick: i64) {
    let mut index = repo.index().unwrap();
    for (path, content) in files {
        let full = dir.join(path);
        match content {
            Some(text) => {
                std::fs::create_dir_all(full.parent().unwrap()).unwrap();
                std::fs::write(&full, text).unwrap();
                index.add_path(Path::new(path)).unwrap();
            }
            None => index.remove_path(Path::new(path)).unwrap(),
        }
    }
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = Signature::new(
        "Tester",
        "t@example.org",
        &Time::new(1_700_000_000 + tick, 0),
    )
    .unwrap();
    let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let parents: Vec<&git2::Commit> = parent.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, msg, &tree, &parents)
        .unwrap();
}

#[test]
fn trees_changes_and_specs() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = Repository::init(tmp.path()).unwrap();
    commit(
        &repo,
        tmp.path(),
        &[
            ("a/report.md", Some(PARA)),
            ("keep.txt", Some("x\n")),
            ("gone.txt", Some("y\n")),
        ],
        "base",
        0,
    );
    commit(
        &repo,
        tmp.path(),
        &[
            ("a/report.md", None),
            ("b/rapport.md", Some(PARA)),
            ("gone.txt", None),
            ("new.txt", Some("z\n")),
        ],
        "head",
        60,
    );
    let r = Repo::open(&tmp.path().join("a")).unwrap(); // any directory inside
    let base = r.resolve("HEAD~1").unwrap();
    let head = r.resolve("HEAD").unwrap();
    assert_eq!(head.id.len(), 40);
    assert_eq!(head.short_id, head.id[..7]);
    let paths: Vec<String> = r
        .files(&base)
        .unwrap()
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert_eq!(paths, ["a/report.md", "gone.txt", "keep.txt"]);
    let changes = r.changes(&base, &head).unwrap();
    let renamed = changes
        .iter()
        .find(|c| c.kind == ChangeKind::Renamed)
        .unwrap();
    assert_eq!(renamed.old_path.as_deref(), Some("a/report.md"));
    assert_eq!(renamed.new_path.as_deref(), Some("b/rapport.md"));
    assert!(changes
        .iter()
        .any(|c| c.kind == ChangeKind::Deleted && c.old_path.as_deref() == Some("gone.txt")));
    assert!(changes
        .iter()
        .any(|c| c.kind == ChangeKind::Added && c.new_path.as_deref() == Some("new.txt")));
    assert_eq!(r.read(&base, "a/report.md").unwrap(), PARA.as_bytes());
    assert_eq!(
        read_spec(tmp.path(), "HEAD:b/rapport.md").unwrap(),
        PARA.as_bytes()
    );
    assert_eq!(read_spec(tmp.path(), "HEAD~1:./keep.txt").unwrap(), b"x\n");
    let e = read_spec(tmp.path(), "HEAD:a/report.md").unwrap_err();
    assert_eq!(e.kind, ErrorKind::NoSuchPath);
    assert_eq!(
        e.to_string(),
        "HEAD:a/report.md: no such file in that revision"
    );
    let e = r.resolve("nope").unwrap_err();
    assert_eq!(e.to_string(), "nope: unknown revision");
    let outside = tempfile::tempdir().unwrap();
    assert!(matches!(
        Repo::open(outside.path()).map(|_| ()).unwrap_err().kind,
        ErrorKind::NotARepository
    ));
}
