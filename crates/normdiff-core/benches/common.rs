//! Shared helpers of the benchmarks: corpus files.

#![allow(dead_code)] // each bench uses part of it

use std::path::PathBuf;

/// The shared corpus (`$NORMDIFF_CORPUS` or `../shared/corpus` beside the
/// workspace), if present.
pub fn corpus() -> Option<PathBuf> {
    let p = std::env::var_os("NORMDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    p.is_dir().then_some(p)
}

/// Reads a corpus file as text, or `None` (with a note) when absent.
pub fn corpus_text(rel: &str) -> Option<String> {
    let Some(c) = corpus() else {
        eprintln!("corpus not found: benchmarks on corpus files skipped");
        return None;
    };
    if let Some(prefix) = rel.strip_prefix("seeds/") {
        let p = std::fs::read_dir(c.join("seeds"))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })?;
        return std::fs::read_to_string(p).ok();
    }
    std::fs::read_to_string(c.join(rel)).ok()
}

/// `text` repeated `n` times, separated by blank lines.
pub fn repeat(text: &str, n: usize) -> String {
    vec![text; n].join("\n\n")
}
