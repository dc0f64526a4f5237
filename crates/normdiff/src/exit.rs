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
