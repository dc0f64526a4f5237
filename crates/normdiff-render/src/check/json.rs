//! JSON check report: the report itself.
//!
//! # Wire format (`schema_version` 1)
//!
//! One pretty-printed object followed by a newline; documented in
//! `docs/json-check.md`. Field order is fixed: the same input gives the
//! same bytes.
//!
//! - `schema_version`: `1`; `base`, `head`: names of the two versions;
//!   `ignored`: classes ignored (`--ignore`).
//! - `summary`: `entries`, `passed`, `warnings`, `failures`, `failed`
//!   (the exit status is 1 exactly when `failed`), `files` compared.
//! - `entries`: watches in watch-file order, then protected paragraphs;
//!   each with `kind` (`watch`, `protect`), `id`, `subject` (the phrase, or
//!   `path ¶ label`), `variants`, `on_change` (`fail`, `warn`), `lang`,
//!   `status` (`removed`, `changed`, `added`, `moved`, `renumbered`,
//!   `renamed`, `unchanged`, `absent`), `verdict` (`pass`, `warn`,
//!   `fail`), `suspicious` (an invisible or confusable change touched it),
//!   `findings` and `locations` (`{path, label, line}` in head; `line`
//!   1-based, the paragraph's first line).
//! - a finding: `status`, `term`, `variant`, `location`, `side` (`head` or
//!   `base`: where `location` points), `previous_path`, `previous_label`,
//!   `before`, `after` (sentence or paragraph), `replaced_by`, `ops`
//!   (`{op, text, class, ignored?}` as in `docs/json-diff.md`: `equal` +
//!   `delete` texts give `before`, `equal` + `insert` give `after`) and
//!   `classes` (the classes that count).

use super::RenderCheck;
use normdiff_core::check::CheckReport;
use std::io::{self, Write};

/// The JSON renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl RenderCheck for Json {
    fn render(&self, r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, r)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{render, sample};

    #[test]
    fn json_round_trips_the_ops() {
        let s = render(&Json, &sample());
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["summary"]["failed"], true);
        let f = &v["entries"][0]["findings"][0];
        let side = |skip| crate::redline::testing::json_side(&f["ops"], skip);
        assert_eq!(side("insert"), f["before"].as_str().unwrap());
        assert_eq!(side("delete"), f["after"].as_str().unwrap());
    }
}
