//! The git version source on small repositories built here with git2
//! (fixed author and times): renames, merges, hard wraps, non-UTF-8 and
//! binary blobs, shallow clones, path filters and the error cases.

use git2::{Oid, Repository, Signature, Time};
use normdiff_core::history::{trace, History, MatchOptions, Matcher, TraceOptions};
use normdiff_git::{ErrorKind, GitOptions, GitSource};
use std::path::Path;

const PARA: &str = "Le dépositaire administre les biens confiés en bon père de famille et rend compte de sa gestion aux ayants droit.";
const OTHER: &str = "Le Groupe recommande de poursuivre les travaux dans le cadre des Nations Unies et de ses institutions.";

struct Repo {
    dir: tempfile::TempDir,
    repo: Repository,
    tick: i64,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        Repo { dir, repo, tick: 0 }
    }

    /// Commits `files` (path, content or `None` to delete) on top of
    /// `parents` (first parent's tree as the base) and moves HEAD there.
    fn commit(&mut self, parents: &[Oid], files: &[(&str, Option<&[u8]>)], msg: &str) -> Oid {
        self.tick += 1;
        let mut index = self.repo.index().unwrap();
        index.clear().unwrap();
        if let Some(p) = parents.first() {
            index
                .read_tree(&self.repo.find_commit(*p).unwrap().tree().unwrap())
                .unwrap();
        }
        for (path, content) in files {
            let full = self.dir.path().join(path);
            match content {
                Some(bytes) => {
                    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
                    std::fs::write(&full, bytes).unwrap();
                    index.add_path(Path::new(path)).unwrap();
                }
                None => index.remove_path(Path::new(path)).unwrap(),
            }
        }
        let tree = self.repo.find_tree(index.write_tree().unwrap()).unwrap();
        let sig = Signature::new(
            "Tester",
            "t@example.org",
            &Time::new(1_600_000_000 + self.tick * 86_400, 60),
        )
        .unwrap();
        let parents: Vec<git2::Commit> = parents
            .iter()
            .map(|p| self.repo.find_commit(*p).unwrap())
            .collect();
        let refs: Vec<&git2::Commit> = parents.iter().collect();
        let id = self
            .repo
            .commit(None, &sig, &sig, msg, &tree, &refs)
            .unwrap();
        self.repo
            .reference("refs/heads/main", id, true, "test")
            .unwrap();
        self.repo.set_head("refs/heads/main").unwrap();
        id
    }
}

fn run(dir: &Path, opts: &GitOptions, phrase: &str) -> History {
    let mut src = GitSource::open(dir, opts).unwrap();
    let m = Matcher::new(phrase, &[], &MatchOptions::default()).unwrap();
    trace(&mut src, &m, &TraceOptions::default(), &mut |_| {}).unwrap()
}

fn kinds(h: &History) -> Vec<(String, &str, &str)> {
    h.events
        .iter()
        .map(|e| (e.summary.clone(), e.kind.name(), e.path.as_str()))
        .collect()
}

fn doc(paras: &[&str]) -> Vec<u8> {
    paras.join("\n\n").into_bytes()
}

#[test]
fn renamed_file_and_wrapped_phrase() {
    let mut r = Repo::new();
    let wrapped = PARA.replace("bon père de famille", "bon père de\nfamille");
    let a = r.commit(&[], &[("a.md", Some(&doc(&[OTHER, &wrapped])))], "one");
    let b = r.commit(
        &[a],
        &[("a.md", None), ("b.md", Some(&doc(&[OTHER, &wrapped])))],
        "rename",
    );
    r.commit(
        &[b],
        &[(
            "b.md",
            Some(&doc(&[
                OTHER,
                &PARA.replace("en bon père de famille", "raisonnablement"),
            ])),
        )],
        "law",
    );
    let h = run(r.dir.path(), &GitOptions::default(), "bon père de famille");
    assert_eq!(
        kinds(&h),
        [
            ("one".into(), "introduced", "a.md"),
            ("rename".into(), "renamed", "b.md"),
            ("law".into(), "removed", "b.md")
        ]
    );
    assert_eq!(h.events[1].previous_path.as_deref(), Some("a.md"));
    assert_eq!(h.events[2].replaced_by.as_deref(), Some("raisonnablement"));
    assert_eq!(
        h.events[0].date.as_deref(),
        Some("2020-09-14T13:26:40+01:00")
    );
    assert_eq!(h.stats.commits_visited, 3);
}

/// (path, previous path, deleted) of every version the source yields.
fn versions(src: &mut GitSource) -> Vec<(String, Option<String>, bool)> {
    use normdiff_core::history::{Content, VersionSource};
    std::iter::from_fn(|| src.next_version())
        .map(|v| {
            let v = v.unwrap();
            (v.path, v.previous_path, v.content == Content::Deleted)
        })
        .collect()
}

#[test]
fn renames_are_detected_only_for_relevant_files() {
    let mut r = Repo::new();
    let a = r.commit(
        &[],
        &[
            ("plain.md", Some(&doc(&[OTHER, OTHER]))),
            ("hot.md", Some(&doc(&[OTHER, PARA]))),
        ],
        "one",
    );
    let b = r.commit(
        &[a],
        &[
            ("plain.md", None),
            ("plain2.md", Some(&doc(&[OTHER, OTHER]))),
        ],
        "rename the plain file",
    );
    r.commit(
        &[b],
        &[("hot.md", None), ("hot2.md", Some(&doc(&[OTHER, PARA])))],
        "rename the file with the phrase",
    );
    let m = Matcher::new("bon père de famille", &[], &MatchOptions::default()).unwrap();
    let relevant: normdiff_git::Relevance = std::sync::Arc::new(move |b| m.may_match_bytes(b));
    let open = || GitSource::open(r.dir.path(), &GitOptions::default()).unwrap();
    let s = |p: &str| p.to_owned();
    let (head, tail) = (
        [(s("hot.md"), None, false), (s("plain.md"), None, false)],
        (s("hot2.md"), Some(s("hot.md")), false),
    );
    // Without a relevance test every rename is detected.
    let all = versions(&mut open());
    assert_eq!(all[..2], head);
    assert_eq!(
        all[2..],
        [(s("plain2.md"), Some(s("plain.md")), false), tail.clone()]
    );
    // With one, the plain file's rename stays a deletion and an addition.
    let some = versions(&mut open().renames_only_for(relevant));
    assert_eq!(some[..2], head);
    assert_eq!(
        some[2..],
        [
            (s("plain.md"), None, true),
            (s("plain2.md"), None, false),
            tail
        ]
    );
}

#[test]
fn merges_first_parent_and_all_parents() {
    let mut r = Repo::new();
    let base = r.commit(&[], &[("a.txt", Some(&doc(&[OTHER])))], "base");
    let side = r.commit(&[base], &[("a.txt", Some(&doc(&[OTHER, PARA])))], "side");
    let main = r.commit(&[base], &[("z.txt", Some(b"unrelated"))], "main");
    r.commit(
        &[main, side],
        &[("a.txt", Some(&doc(&[OTHER, PARA])))],
        "merge",
    );
    let first = run(r.dir.path(), &GitOptions::default(), "bon père de famille");
    assert_eq!(kinds(&first), [("merge".into(), "introduced", "a.txt")]);
    assert_eq!(first.stats.commits_visited, 3);
    let all = run(
        r.dir.path(),
        &GitOptions {
            all_parents: true,
            ..GitOptions::default()
        },
        "bon père de famille",
    );
    assert_eq!(kinds(&all), [("side".into(), "introduced", "a.txt")]);
    assert_eq!(all.stats.commits_visited, 4);
    // The merge brings the side branch's blob again: skipped by object id.
    assert_eq!(all.stats.blobs_unchanged, 1);
}

#[test]
fn binary_and_non_utf8_blobs_are_skipped_with_a_count() {
    let mut r = Repo::new();
    let a = r.commit(
        &[],
        &[
            ("a.txt", Some(&doc(&[PARA]))),
            ("logo.png", Some(b"\x89PNG\r\n\x1a\n\x00\x00")),
        ],
        "one",
    );
    r.commit(
        &[a],
        &[("latin1.txt", Some(b"en bon p\xe8re de famille"))],
        "two",
    );
    let h = run(r.dir.path(), &GitOptions::default(), "bon père de famille");
    assert_eq!((h.stats.blobs_binary, h.stats.blobs_not_utf8), (1, 1));
    assert_eq!(
        h.skipped
            .iter()
            .map(|s| s.path.as_str())
            .collect::<Vec<_>>(),
        ["logo.png", "latin1.txt"]
    );
    assert_eq!(h.events.len(), 1);
}

#[test]
fn path_globs_limit_the_walk() {
    let mut r = Repo::new();
    r.commit(
        &[],
        &[
            ("Livre I/a.md", Some(&doc(&[PARA]))),
            ("Livre II/b.md", Some(&doc(&[PARA]))),
        ],
        "one",
    );
    let only = |p: &str| GitOptions {
        paths: vec![p.to_owned()],
        ..GitOptions::default()
    };
    let paths = |h: &History| h.events.iter().map(|e| e.path.clone()).collect::<Vec<_>>();
    assert_eq!(
        paths(&run(r.dir.path(), &only("Livre II"), "bon père de famille")),
        ["Livre II/b.md"]
    );
    assert_eq!(
        paths(&run(r.dir.path(), &only("**/a.md"), "bon père de famille")),
        ["Livre I/a.md"]
    );
    assert_eq!(
        paths(&run(r.dir.path(), &only("*.md"), "bon père de famille")),
        Vec::<String>::new()
    );
}

#[test]
fn errors_name_the_problem() {
    let empty = tempfile::tempdir().unwrap();
    let e = GitSource::open(empty.path(), &GitOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.kind, ErrorKind::NotARepository);
    let mut r = Repo::new();
    r.commit(&[], &[("a.txt", Some(b"x"))], "one");
    let e = GitSource::open(
        r.dir.path(),
        &GitOptions {
            rev: "no-such-branch".into(),
            ..GitOptions::default()
        },
    )
    .err()
    .unwrap();
    assert_eq!(e.kind, ErrorKind::UnknownRevision);
    assert_eq!(e.to_string(), "no-such-branch: unknown revision");
}

#[test]
fn shallow_clone_says_where_history_ends() {
    let mut r = Repo::new();
    let a = r.commit(&[], &[("a.txt", Some(&doc(&[PARA])))], "one");
    let b = r.commit(&[a], &[("a.txt", Some(&doc(&[PARA, OTHER])))], "two");
    r.commit(&[b], &[("a.txt", Some(&doc(&[OTHER])))], "three");
    let dest = tempfile::tempdir().unwrap();
    let url = format!("file://{}", r.dir.path().display());
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "2", &url])
        .arg(dest.path().join("c"))
        .status();
    let Ok(status) = status else {
        eprintln!("skipped: git CLI not available to make a shallow clone");
        return;
    };
    assert!(status.success());
    let e = GitSource::open(&dest.path().join("c"), &GitOptions::default())
        .err()
        .unwrap();
    assert!(matches!(e.kind, ErrorKind::Shallow { .. }), "{e}");
    assert!(e.to_string().contains("\"two\""), "{e}");
    assert!(e.to_string().contains("git fetch --unshallow"), "{e}");
    // A phrase-carrying version can still be traced in the full repo.
    assert_eq!(
        run(r.dir.path(), &GitOptions::default(), "bon père de famille")
            .events
            .len(),
        2
    );
}
