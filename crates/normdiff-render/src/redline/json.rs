//! JSON redline: the report itself.
//!
//! # Wire format (`schema_version` 1)
//!
//! One pretty-printed object, followed by a newline; see also
//! `docs/json-diff.md`. Field order is fixed, maps are sorted: the same
//! input gives the same bytes.
//!
//! - `schema_version`: `1`.
//! - `old_name`, `new_name`: the names given on the command line, or null.
//! - `summary`:
//!   - `unchanged`, `modified`, `moved`, `split`, `merged`, `inserted`,
//!     `deleted`: pairs per kind;
//!   - `renumbered`: pairs whose label changed (counted apart; never a text
//!     change);
//!   - `changes`: visible changes per class (`substantive`, `punctuation`,
//!     `case`, `typography`, `whitespace`, `invisible`, `confusable`); a
//!     replacement counts once;
//!   - `ignored_changes`: changes hidden by `--ignore`, per class;
//!   - `ignored`: the classes hidden by `--ignore`;
//!   - `deadline_hits`: pairs whose word diff hit its time limit (coarser);
//!   - `differences`: do the documents differ (the exit status);
//!   - `warnings`: `{class, pair, message}` for invisible and confusable
//!     changes (`pair` indexes `pairs`).
//! - `pairs`: in reading order (new-document order, deletions where they
//!   stood), each with
//!   - `kind`: `unchanged`, `modified`, `moved`, `split`, `merged`,
//!     `inserted`, `deleted`;
//!   - `old`, `new`: block indexes as printed by `normdiff parse` (0-based;
//!     0–2 per side);
//!   - `old_labels`, `new_labels`: the blocks' labels as printed, or null;
//!   - `similarity`: 0 to 1, 4 decimals;
//!   - `renumbered`: the label changed;
//!   - `changed`: a visible word change remains after `--ignore`;
//!   - `ops`: `{op, text, class, ignored?}` with `op` one of `equal`,
//!     `delete`, `insert`; `class` null for `equal`; `ignored: true` only
//!     on changes hidden by `--ignore`. Concatenating the `equal` and
//!     `delete` texts gives the old side's text, `equal` and `insert` the
//!     new side's; a side of two blocks joins their texts with `"\n\n"`.

use super::Render;
use normdiff_core::report::DiffReport;
use std::io::{self, Write};

/// The JSON renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Render for Json {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::{json_side, render, report, NEW, OLD};

    #[test]
    fn ops_rebuild_the_pair_texts() {
        let json = render(&Json, &report(OLD, NEW, &[]));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["schema_version"], 1);
        assert!(v["summary"]["differences"].as_bool().unwrap());
        let pairs = v["pairs"].as_array().unwrap();
        assert!(!pairs.is_empty());
        for p in pairs {
            let (old, new) = (
                json_side(&p["ops"], "insert"),
                json_side(&p["ops"], "delete"),
            );
            if p["old"].as_array().unwrap().is_empty() {
                assert_eq!(old, "");
            }
            if p["new"].as_array().unwrap().is_empty() {
                assert_eq!(new, "");
            }
        }
        assert!(json.contains("\"class\": \"invisible\""), "{json}");
    }
}
