//! End-to-end tests of the `normdiff` binary: one module per area, sharing
//! the harness in `util`. Tests that need the shared corpus
//! (`../shared/corpus`, or `$NORMDIFF_CORPUS`) skip with a printed reason
//! when it is absent.

mod align;
mod check;
mod diff;
mod examples;
mod hostile;
mod locate;
mod parse;
mod pdf;
mod trace;
mod util;
