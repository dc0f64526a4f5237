//! JSON redline: the report itself.
//!
//! # Wire format (`schema_version` 1)
//!
//! One pretty-printed object, followed by a newline; see also
//! `docs/json-diff.md`. Field order is fixed, maps are sorted: the same
//! input gives the same bytes.
//!
//! - `schema_version`: `1`.
//! - `old_name`, `new_name`: the names given on the command line, or null
//!   (standard input is `(stdin)`).
//! - `glance`: the changes at a glance, one `{pair, text, light}` per
//!   changed pair in reading order (`pair` indexes `pairs`; `text` as the
//!   other formats print it, `¶ 24 a) deleted: “…”`; `light`: only
//!   typography, whitespace, punctuation or case changes). Always the full
//!   list: `--only`, `--hide` and collapsing do not apply to JSON.
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
//!   - `old_names`, `new_names`: the blocks' qualified names as every
//!     report prints them: the label with its enclosing paragraph's
//!     (`"24 a)"`), or `#N` for an unlabelled block (`N` = its index);
//!   - `similarity`: 0 to 1, 4 decimals;
//!   - `renumbered`: the label changed;
//!   - `changed`: a visible word change remains after `--ignore`;
//!   - `ops`: `{op, text, class, ignored?}` with `op` one of `equal`,
//!     `delete`, `insert`; `class` null for `equal`; `ignored: true` only
//!     on changes hidden by `--ignore`. Concatenating the `equal` and
//!     `delete` texts gives the old side's text, `equal` and `insert` the
//!     new side's; a side of two blocks joins their texts with `"\n\n"`.

use super::glance::line;
use super::Render;
use normdiff_core::report::{DiffReport, Pair, Summary};
use serde::Serialize;
use std::io::{self, Write};

/// The JSON renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

/// One line of the glance on the wire.
#[derive(Serialize)]
struct GlanceLine {
    pair: usize,
    text: String,
    light: bool,
}

/// The report with its glance, in wire order.
#[derive(Serialize)]
struct Wire<'a> {
    schema_version: u32,
    old_name: &'a Option<String>,
    new_name: &'a Option<String>,
    glance: Vec<GlanceLine>,
    summary: &'a Summary,
    pairs: &'a [Pair],
}

impl Render for Json {
    fn render(&self, report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
        let glance = (0..report.pairs.len())
            .filter_map(|i| line(report, i))
            .map(|l| GlanceLine {
                pair: l.pair,
                text: l.text,
                light: l.light,
            })
            .collect();
        let wire = Wire {
            schema_version: report.schema_version,
            old_name: &report.old_name,
            new_name: &report.new_name,
            glance,
            summary: &report.summary,
            pairs: &report.pairs,
        };
        serde_json::to_writer_pretty(&mut *out, &wire)?;
        out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::testing::{json_side, render, report, NEW, OLD};
    use proptest::prelude::*;

    /// Documents of numbered paragraphs drawn from a small vocabulary, so
    /// that drafts share paragraphs and words.
    fn doc_strategy() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "Les",
            "États",
            "doivent",
            "devraient",
            "coopérer",
            "au",
            "niveau",
            "national",
            "l’Internet",
            "l'Internet",
            "«",
            "»",
            ",",
            ".",
            "a)",
            "b)",
            "\u{a0}",
            "\u{200B}",
            "نص",
            "عربي",
            "第一条",
            "Статья",
        ]);
        let para = prop::collection::vec(word, 1..12).prop_map(|w| w.join(" "));
        prop::collection::vec(para, 1..8).prop_map(|ps| {
            ps.iter()
                .enumerate()
                .map(|(i, p)| format!("{}. {p}", i + 1))
                .collect::<Vec<_>>()
                .join("\n\n")
        })
    }

    /// The block texts of one side, rebuilt from the JSON pairs.
    fn rebuilt(v: &serde_json::Value, side: &str, skip: &str) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        for p in v["pairs"].as_array().unwrap() {
            let idx: Vec<u64> = p[side]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_u64().unwrap())
                .collect();
            let label_ops = p["label_ops"].as_u64().unwrap_or(0) as usize;
            let text_ops = serde_json::Value::from(&p["ops"].as_array().unwrap()[label_ops..]);
            let text = json_side(&text_ops, skip);
            if idx.is_empty() {
                assert_eq!(text, "");
                continue;
            }
            let parts: Vec<&str> = if idx.len() > 1 {
                text.split("\n\n").collect()
            } else {
                vec![&text]
            };
            assert_eq!(parts.len(), idx.len(), "{text:?}");
            out.extend(idx.into_iter().zip(parts.into_iter().map(str::to_owned)));
        }
        out.sort();
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Nothing substantive is lost: both documents rebuild exactly
        /// from the JSON, whatever the other formats collapse or hide.
        #[test]
        fn both_documents_rebuild_from_the_json(old in doc_strategy(), new in doc_strategy()) {
            use normdiff_core::{ingest, InputFormat};
            let json = render(&Json, &report(&old, &new, &[]));
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            for (text, side, skip) in [(&old, "old", "insert"), (&new, "new", "delete")] {
                let doc = ingest(text, InputFormat::Text);
                let want: Vec<(u64, String)> = doc.blocks.iter().map(|b| (b.index as u64, b.text.clone())).collect();
                prop_assert_eq!(rebuilt(&v, side, skip), want);
            }
        }
    }

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
