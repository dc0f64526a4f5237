//! Block alignment: which block of one document corresponds to which block
//! of another.
//!
//! - [`same`]: two drafts in one language (old → new): weighted token
//!   overlap through an inverted index, a monotone dynamic programme over
//!   1-1, 1-0, 0-1, 1-2 and 2-1 steps, then move pairing of what is left.
//! - [`cross`]: a document and its translation (source → target): labels,
//!   anchors, punctuation, calibrated length ratio and cognates, scored by
//!   a monotone dynamic programme with the same steps.
//!
//! An [`Alignment`] is a list of scored [`Link`]s joining 0–2 blocks per
//! side that covers every block of both documents exactly once.

mod chain;
pub mod cross;
mod features;
pub mod same;
mod swap;

use serde::Serialize;

/// What happened to a block between two drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Same text (under the comparison key), same place.
    Unchanged,
    /// Same place, text changed.
    Modified,
    /// Paired out of document order (text may have changed too).
    Moved,
    /// One old block became two new blocks.
    Split,
    /// Two old blocks became one new block.
    Merged,
    /// Only in the new document.
    Inserted,
    /// Only in the old document.
    Deleted,
}

impl LinkKind {
    /// All kinds, in summary order.
    pub const ALL: [LinkKind; 7] = [
        LinkKind::Unchanged,
        LinkKind::Modified,
        LinkKind::Moved,
        LinkKind::Split,
        LinkKind::Merged,
        LinkKind::Inserted,
        LinkKind::Deleted,
    ];

    /// The kind's name as written in reports (`unchanged`, `moved`...).
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Unchanged => "unchanged",
            LinkKind::Modified => "modified",
            LinkKind::Moved => "moved",
            LinkKind::Split => "split",
            LinkKind::Merged => "merged",
            LinkKind::Inserted => "inserted",
            LinkKind::Deleted => "deleted",
        }
    }
}

/// One link of an alignment between an old and a new document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// What happened.
    pub kind: LinkKind,
    /// Old block indexes (0, 1 or 2, ascending).
    pub old: Vec<usize>,
    /// New block indexes (0, 1 or 2, ascending).
    pub new: Vec<usize>,
    /// Similarity of the two sides, 0 to 1 (1 for identical text; 0 for
    /// inserted and deleted blocks).
    pub score: f64,
    /// Both sides carry labels and their keys differ (18 → 21). Reported on
    /// its own, never as a change of text.
    pub renumbered: bool,
}

/// An alignment of two documents: links in reading order (new-document
/// order, deleted blocks where they stood in the old document).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Alignment {
    /// The links.
    pub links: Vec<Link>,
}

impl Alignment {
    /// Does the alignment cover each of `n_old` old and `n_new` new blocks
    /// exactly once?
    pub fn covers(&self, n_old: usize, n_new: usize) -> bool {
        let mut seen_old = vec![0u32; n_old];
        let mut seen_new = vec![0u32; n_new];
        for l in &self.links {
            for &i in &l.old {
                match seen_old.get_mut(i) {
                    Some(s) => *s += 1,
                    None => return false,
                }
            }
            for &i in &l.new {
                match seen_new.get_mut(i) {
                    Some(s) => *s += 1,
                    None => return false,
                }
            }
        }
        seen_old.iter().chain(&seen_new).all(|&s| s == 1)
    }
}
