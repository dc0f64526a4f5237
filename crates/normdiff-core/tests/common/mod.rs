//! Shared by the integration tests: the shared corpus, or a skip that
//! fails under `CI=true` (a skipped corpus test must never make a CI run
//! green).

#![allow(dead_code)] // each test file uses a different part

use std::path::PathBuf;

/// The shared corpus (`$NORMDIFF_CORPUS`, else `../shared/corpus` beside
/// the workspace), or `None` after printing why the test is skipped.
pub fn corpus() -> Option<PathBuf> {
    let p = std::env::var_os("NORMDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    if p.is_dir() {
        return Some(p);
    }
    skip(&format!(
        "shared corpus not found at {} (set NORMDIFF_CORPUS)",
        p.display()
    ));
    None
}

/// Prints why a test is skipped; fails instead when `CI=true`.
pub fn skip(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but the test cannot run: {why}"
    );
    eprintln!("skipped: {why}");
}
