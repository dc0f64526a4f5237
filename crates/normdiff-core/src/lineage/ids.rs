//! Lineage ids: walks the consecutive reports once and gives every block of
//! every version its lineage.
//!
//! Per link of version `k` → `k + 1`:
//! - one old, one new block (unchanged, modified, moved, renumbered): the
//!   new block keeps the old block's lineage;
//! - no old block (inserted): a new lineage without parents;
//! - no new block (deleted): the old lineage ends, `deleted`;
//! - one old, several new (split): the old lineage records the pieces at
//!   `k + 1` and ends, `split`; each piece starts a child lineage whose
//!   parent is the old one;
//! - several old (merge): each old lineage records the merged block(s) at
//!   `k + 1` and ends, `merged`; each new block starts a child lineage
//!   listing all of them as parents.

use super::{OneOrMany, Paragraph, Status};
use crate::align::LinkKind;
use crate::model::Document;
use crate::report::{DiffReport, Pair};
use std::collections::BTreeMap;

/// The lineages being built and each version's block → lineage map.
struct Builder<'a> {
    docs: &'a [Document],
    paragraphs: Vec<Paragraph>,
    block_ids: Vec<Vec<usize>>,
}

impl Builder<'_> {
    fn label(&self, v: usize, b: usize) -> Option<String> {
        self.docs[v].blocks.get(b).and_then(|x| x.label.clone())
    }

    /// Starts a lineage at block `b` of version `v`.
    fn start(&mut self, v: usize, b: usize, parents: Vec<usize>, kind: Option<LinkKind>) {
        let id = self.paragraphs.len();
        let mut p = Paragraph {
            id,
            parents,
            blocks: BTreeMap::from([(v, OneOrMany::One(b))]),
            labels: BTreeMap::from([(v, OneOrMany::One(self.label(v, b)))]),
            status: Status::Present,
            ended_in: None,
            kinds: BTreeMap::new(),
            changed_in: vec![v],
            last_changed: v,
        };
        if let Some(k) = kind {
            p.kinds.insert(v, k);
        }
        self.paragraphs.push(p);
        self.block_ids[v][b] = id;
    }

    /// Records that lineage `id` reaches blocks `to` of version `v`.
    fn reach(&mut self, id: usize, v: usize, to: &[usize]) {
        let labels: Vec<Option<String>> = to.iter().map(|&b| self.label(v, b)).collect();
        let p = &mut self.paragraphs[id];
        if let [b] = to {
            p.blocks.insert(v, OneOrMany::One(*b));
            p.labels.insert(v, OneOrMany::One(labels[0].clone()));
        } else {
            p.blocks.insert(v, OneOrMany::Many(to.to_vec()));
            p.labels.insert(v, OneOrMany::Many(labels));
        }
    }

    fn end(&mut self, id: usize, v: usize, status: Status, kind: LinkKind) {
        let p = &mut self.paragraphs[id];
        p.status = status;
        p.ended_in = Some(v);
        p.kinds.insert(v, kind);
        p.changed_in.push(v);
        p.last_changed = v;
    }

    /// Applies one pair of the report of version `k` → `v = k + 1`.
    fn link(&mut self, v: usize, pair: &Pair) {
        let k = v - 1;
        let olds: Vec<usize> = pair.old.iter().map(|&b| self.block_ids[k][b]).collect();
        match (olds.as_slice(), pair.new.as_slice()) {
            ([], news) => {
                for &b in news {
                    self.start(v, b, Vec::new(), Some(LinkKind::Inserted));
                }
            }
            (olds, []) => {
                for &id in olds {
                    self.end(id, v, Status::Deleted, LinkKind::Deleted);
                }
            }
            ([id], [b]) => {
                let id = *id;
                self.reach(id, v, &[*b]);
                self.block_ids[v][*b] = id;
                let p = &mut self.paragraphs[id];
                p.kinds.insert(v, pair.kind);
                if pair.changed {
                    p.changed_in.push(v);
                    p.last_changed = v;
                }
            }
            ([id], news) => {
                let id = *id;
                self.reach(id, v, news);
                self.end(id, v, Status::Split, LinkKind::Split);
                for &b in news {
                    self.start(v, b, vec![id], Some(LinkKind::Split));
                }
            }
            (olds, news) => {
                for &id in olds {
                    self.reach(id, v, news);
                    self.end(id, v, Status::Merged, LinkKind::Merged);
                }
                for &b in news {
                    self.start(v, b, olds.to_vec(), Some(LinkKind::Merged));
                }
            }
        }
    }
}

/// The lineages of `docs` under `reports` (report `k` is version `k` →
/// `k + 1`), and each version's block → lineage id map.
pub fn assign(docs: &[Document], reports: &[DiffReport]) -> (Vec<Paragraph>, Vec<Vec<usize>>) {
    let mut b = Builder {
        docs,
        paragraphs: Vec::new(),
        block_ids: docs
            .iter()
            .map(|d| vec![usize::MAX; d.blocks.len()])
            .collect(),
    };
    if let Some(first) = docs.first() {
        for i in 0..first.blocks.len() {
            b.start(0, i, Vec::new(), None);
        }
    }
    for (k, report) in reports.iter().enumerate() {
        for pair in &report.pairs {
            b.link(k + 1, pair);
        }
        // An alignment covers every block once; a block it missed would
        // keep no lineage, so it starts one (never expected).
        for i in 0..docs[k + 1].blocks.len() {
            if b.block_ids[k + 1][i] == usize::MAX {
                b.start(k + 1, i, Vec::new(), Some(LinkKind::Inserted));
            }
        }
    }
    (b.paragraphs, b.block_ids)
}
