//! End-to-end tests of the `normdiff` binary: one module per area, sharing
//! the harness in `util`. Tests that need the shared corpus
//! (`../shared/corpus`, or `$NORMDIFF_CORPUS`) skip with a printed reason
//! when it is absent.

mod align;
mod browser;
mod check;
mod diff;
mod examples;
mod history;
mod history_browser;
mod hostile;
mod hostile2;
mod labels;
mod locate;
mod parse;
mod pdf;
mod pdf_quality;
mod pdf_scripts;
mod redline;
mod redline_browser;
mod text_furniture;
mod trace;
mod trace_series;
mod util;
mod word;
