//! Test harness: the binary, fixtures, the shared corpus, temp dirs.

#![allow(dead_code)] // each test module uses a different part

use std::path::PathBuf;

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A path under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The shared corpus, if present (`$NORMDIFF_CORPUS` or `../shared/corpus`
/// next to the workspace).
pub fn corpus() -> Option<PathBuf> {
    let p = std::env::var_os("NORMDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus"));
    p.is_dir().then_some(p)
}

/// The corpus path, or prints why the test is skipped and returns `None`.
#[macro_export]
macro_rules! corpus_or_skip {
    () => {
        match $crate::util::corpus() {
            Some(p) => p,
            None => {
                // Under CI a skipped corpus test would make a green run
                // mean nothing: fail instead.
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "shared corpus not found and CI=true: corpus tests must run"
                );
                eprintln!("skipped: shared corpus not found (set NORMDIFF_CORPUS or put it at ../shared/corpus)");
                return;
            }
        }
    };
}

/// Prints why a test is skipped, or fails it when `CI=true` (a skipped
/// test must never make a CI run green).
pub fn skip(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but the test cannot run: {why}"
    );
    eprintln!("skipped: {why}");
}

/// A path inside the corpus: seeds by their 3-digit prefix.
pub fn seed(corpus: &std::path::Path, prefix: &str) -> PathBuf {
    let dir = corpus.join("seeds");
    let mut hits: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    hits.sort();
    hits.pop().expect("seed file")
}

/// The `normdiff` binary under test: `$NORMDIFF_TEST_BIN` when set (to run
/// the suite against another build, e.g. to see a new test fail on the
/// previous release), else the one cargo built.
pub fn bin() -> PathBuf {
    std::env::var_os("NORMDIFF_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("normdiff"))
}

/// The `normdiff` binary as a command, with colour and environment made
/// deterministic.
pub fn normdiff() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(bin());
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

/// Runs normdiff with `args`, returning (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = normdiff().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs normdiff and parses its standard output as JSON.
pub fn run_json(args: &[&str]) -> (i32, serde_json::Value) {
    let (code, out, err) = run(args);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}\n{err}"));
    (code, v)
}
