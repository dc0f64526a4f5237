//! How many threads `diff` uses.
//!
//! rayon's default pool starts one worker per core and leaves the calling
//! thread waiting. On a small input the start-up of those workers (and of
//! the memory arena each brings) costs more than the parallel work saves:
//! a `diff` of two ordinary drafts (about 100 KB each) runs fastest with
//! the calling thread and one helper. So the pool always includes the
//! calling thread, and small inputs get at most two threads; large inputs
//! one per core. `RAYON_NUM_THREADS` always wins.

/// Total input size (bytes) from which `diff` uses every core.
pub const LARGE_INPUT: u64 = 1 << 20;

/// At most this many threads below [`LARGE_INPUT`].
const SMALL_INPUT_THREADS: usize = 2;

/// Builds rayon's global pool for inputs of these sizes (`None`: unknown,
/// as for standard input or a git `REV:path`). Call once, before any
/// parallel work; if the pool already exists nothing changes.
pub fn configure(sizes: &[Option<u64>]) {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // An error means the pool already exists: nothing to change.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(thread_count(sizes, cores))
        .use_current_thread()
        .build_global();
}

/// Threads for inputs of `sizes` on a machine with `cores`: at most
/// [`SMALL_INPUT_THREADS`] when every size is known and they total less
/// than [`LARGE_INPUT`], else one per core.
fn thread_count(sizes: &[Option<u64>], cores: usize) -> usize {
    let total = sizes.iter().try_fold(0u64, |acc, s| s.map(|s| acc + s));
    if total.is_some_and(|t| t < LARGE_INPUT) {
        cores.min(SMALL_INPUT_THREADS)
    } else {
        cores
    }
}

/// The size of the regular file at `path`, if it is one (not standard
/// input, a git `REV:path`, a pipe or a device).
pub fn file_size(path: &str) -> Option<u64> {
    if path == "-" {
        return None;
    }
    std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_known_inputs_get_at_most_two_threads() {
        let small = [Some(100_000), Some(100_000)];
        assert_eq!(thread_count(&small, 8), 2);
        assert_eq!(thread_count(&small, 1), 1);
        assert_eq!(thread_count(&[Some(LARGE_INPUT), Some(1)], 8), 8);
        // Standard input or a git blob: size unknown, every core.
        assert_eq!(thread_count(&[Some(10), None], 8), 8);
    }
}
