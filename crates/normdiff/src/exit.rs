//! Exit codes: public contract, as diff(1) and `git diff --exit-code`.
//!
//! | code | meaning |
//! |------|---------|
//! | 0 | success, no differences (or nothing watched changed) |
//! | 1 | differences found (or a `fail` watch entry changed) |
//! | 2 | trouble: bad input, unreadable file, bad arguments |

/// Success; no differences.
pub const SUCCESS: u8 = 0;
/// Differences found.
pub const DIFFERENCES: u8 = 1;
/// Trouble: bad input, unreadable file, bad arguments.
pub const TROUBLE: u8 = 2;

/// The status to exit with if standard output turns out to be a closed
/// pipe (`normdiff diff a b | head`): the command's real answer, as
/// diff(1) keeps it, set by a command once it knows it and before it
/// writes.
static ON_CLOSED_PIPE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(SUCCESS);

/// Records the status the run will end with, for a closed pipe.
pub fn set_status(code: u8) {
    ON_CLOSED_PIPE.store(code, std::sync::atomic::Ordering::Relaxed);
}

/// The status recorded with [`set_status`] ([`SUCCESS`] if none).
pub fn status_on_closed_pipe() -> u8 {
    ON_CLOSED_PIPE.load(std::sync::atomic::Ordering::Relaxed)
}
