//! Same-language block alignment (old draft → new draft).
//!
//! PROVISIONAL: pairs blocks whose comparison keys are equal, in order, and
//! leaves the rest inserted/deleted. The full aligner (inverted index,
//! monotone DP with 1-2/2-1 steps, move pairing) replaces this body; the
//! signature stays.

use super::{Alignment, Link, LinkKind};
use crate::model::Document;
use crate::normalize::{key, Profile};

/// Options of the same-language aligner.
#[derive(Debug, Clone, PartialEq)]
pub struct SameOptions {
    /// Minimum similarity (0–1) for two blocks to be linked.
    pub min_score: f64,
}

impl Default for SameOptions {
    fn default() -> Self {
        SameOptions { min_score: 0.3 }
    }
}

/// Aligns `old` with `new`.
pub fn align(old: &Document, new: &Document, _opts: &SameOptions) -> Alignment {
    let ok: Vec<String> = old
        .blocks
        .iter()
        .map(|b| key(&b.text, Profile::NORMAL))
        .collect();
    let nk: Vec<String> = new
        .blocks
        .iter()
        .map(|b| key(&b.text, Profile::NORMAL))
        .collect();
    let mut links = Vec::new();
    let mut i = 0;
    for (j, k) in nk.iter().enumerate() {
        if let Some(off) = ok[i..].iter().position(|o| o == k) {
            for d in i..i + off {
                links.push(Link {
                    kind: LinkKind::Deleted,
                    old: vec![d],
                    new: vec![],
                    score: 0.0,
                    renumbered: false,
                });
            }
            let o = i + off;
            let renumbered = old.blocks[o].label_key != new.blocks[j].label_key
                && old.blocks[o].label_key.is_some()
                && new.blocks[j].label_key.is_some();
            links.push(Link {
                kind: LinkKind::Unchanged,
                old: vec![o],
                new: vec![j],
                score: 1.0,
                renumbered,
            });
            i = o + 1;
        } else {
            links.push(Link {
                kind: LinkKind::Inserted,
                old: vec![],
                new: vec![j],
                score: 0.0,
                renumbered: false,
            });
        }
    }
    for d in i..ok.len() {
        links.push(Link {
            kind: LinkKind::Deleted,
            old: vec![d],
            new: vec![],
            score: 0.0,
            renumbered: false,
        });
    }
    Alignment { links }
}
