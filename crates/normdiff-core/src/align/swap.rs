//! Swaps of two adjacent groups: the group of fewer units is the move; at
//! a tie both are reported moved.
//!
//! When two neighbouring groups of blocks trade places (clause 1.1 with its
//! sub-items and clause 1.2), the alignment keeps the heavier group in
//! order and calls the other one moved, but nothing in the two texts says
//! which of them was picked up: "1.1 and 1.2 swapped places" is the honest
//! answer. A run of moved links is a swap partner of the in-order run it
//! crossed when:
//!
//! - the crossed run stands right next to it in both drafts (old `… C M …`,
//!   new `… M C …`, or the mirror), with no other paired block between
//!   (deleted and inserted blocks do not count);
//! - both runs start with a block at the same numbering depth (siblings:
//!   two clauses, two sub-items; two unnumbered paragraphs);
//! - the crossed run holds no more units than the moved one, a unit being a
//!   block numbered at that depth or above (a clause with its continuation
//!   paragraphs and sub-items is one unit; an unnumbered paragraph is one).
//!
//! The fewest units are reported moved: when the crossed run holds fewer
//! units than the moved one (one clause with its sub-items, against two
//! one-paragraph clauses), the crossed run is the move and the other run
//! keeps its place; at a tie, both runs are reported moved. A clause moved
//! past several clauses stays the only move.
//!
//! A heading is a boundary, not content: when the one block the alignment
//! calls moved is a heading (or a number of a shallower level than the
//! group it crossed, as `5.` over clause `4.3` and its sub-items) and the
//! group it crossed is one unit, the unit moved into the other section and
//! the heading kept its place: the unit is reported moved, the heading not.

use super::same::same_text;
use super::{Link, LinkKind};
use crate::model::{BlockKind, Document};

/// A link seen by its place among the paired blocks of each side (deleted
/// and inserted blocks skipped): first and last rank on each side.
#[derive(Debug, Clone, Copy)]
struct Placed {
    /// Index in the links.
    link: usize,
    old: (usize, usize),
    new: (usize, usize),
    moved: bool,
}

/// The links as [`Placed`], in new-draft order.
fn placed(links: &[Link], n_old: usize, n_new: usize) -> Vec<Placed> {
    let rank = |n: usize, side: &dyn Fn(&Link) -> &[usize]| {
        let mut paired = vec![false; n];
        for l in links {
            side(l).iter().for_each(|&b| paired[b] = true);
        }
        let mut r = vec![0; n];
        let mut k = 0;
        for (b, p) in paired.iter().enumerate() {
            r[b] = k;
            k += usize::from(*p);
        }
        r
    };
    let (ro, rn) = (rank(n_old, &|l| &l.old), rank(n_new, &|l| &l.new));
    let span = |v: &[usize], r: &[usize]| (r[v[0]], r[v[v.len() - 1]]);
    let mut out: Vec<Placed> = links
        .iter()
        .enumerate()
        .map(|(k, l)| Placed {
            link: k,
            old: span(&l.old, &ro),
            new: span(&l.new, &rn),
            moved: l.kind == LinkKind::Moved,
        })
        .collect();
    out.sort_by_key(|p| p.new.0);
    out
}

/// Marks the partner of every swap as moved (and the moved run as in place
/// when the partner is the smaller). `links` are the 1-1, split and merged
/// links of an alignment of `old` with `new` (no inserted or deleted ones).
pub(super) fn mark_swaps(links: &mut [Link], old: &Document, new: &Document) {
    if links.iter().any(|l| l.old.is_empty() || l.new.is_empty()) {
        return;
    }
    let p = placed(links, old.blocks.len(), new.blocks.len());
    let (mut partners, mut stayed) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at < p.len() {
        if !p[at].moved {
            at += 1;
            continue;
        }
        let end = run_end(&p, at, true);
        let moved = &p[at..end];
        let crossed = crossed_after(&p, end, moved)
            .or_else(|| crossed_before(&p, at, moved))
            .filter(|c| c.iter().all(|x| in_place_one_to_one(&links[x.link])));
        if let Some(c) = crossed {
            let units =
                swap_units(links, old, moved, c).filter(|_| same_depth_new(links, new, moved, c));
            if let Some((um, uc)) = units {
                partners.extend(c.iter().map(|x| x.link));
                if uc < um {
                    stayed.extend(moved.iter().map(|x| x.link));
                }
            } else if boundary_over_unit(links, old, moved, c) {
                partners.extend(c.iter().map(|x| x.link));
                stayed.push(moved[0].link);
            }
        }
        at = end;
    }
    for k in partners {
        links[k].kind = LinkKind::Moved;
    }
    for k in stayed {
        let l = &mut links[k];
        let same = same_text(&old.blocks[l.old[0]].text, &new.blocks[l.new[0]].text);
        l.kind = if same {
            LinkKind::Unchanged
        } else {
            LinkKind::Modified
        };
    }
}

/// Is the moved run one heading-like block (a heading, or a number of a
/// shallower level than the crossed run's first block) and the crossed
/// run one unit?
fn boundary_over_unit(
    links: &[Link],
    old: &Document,
    moved: &[Placed],
    crossed: &[Placed],
) -> bool {
    let [m] = moved else { return false };
    let l = &links[m.link];
    if l.old.len() != 1 || l.new.len() != 1 {
        return false;
    }
    let h = l.old[0];
    let c = old_blocks(links, crossed);
    let Some((dc, 1)) = units(old, &c) else {
        return false;
    };
    let heading =
        old.blocks[h].kind == BlockKind::Heading && old.blocks[c[0]].kind != BlockKind::Heading;
    let shallower = matches!((depth(old, h), dc), (Some(a), Some(b)) if a < b);
    heading || shallower
}

/// A 1-1 link in place: a split or merge keeps its kind, so a run holding
/// one is no swap partner.
fn in_place_one_to_one(l: &Link) -> bool {
    matches!(l.kind, LinkKind::Unchanged | LinkKind::Modified)
}

/// End (exclusive) of the run from `start` of links moved or not as
/// `moved` says that follow each other on both sides.
fn run_end(p: &[Placed], start: usize, moved: bool) -> usize {
    let mut end = start + 1;
    while end < p.len() && p[end].moved == moved && adjacent(&p[end - 1], &p[end]) {
        end += 1;
    }
    end
}

/// Does `b` follow `a` directly on both sides?
fn adjacent(a: &Placed, b: &Placed) -> bool {
    b.old.0 == a.old.1 + 1 && b.new.0 == a.new.1 + 1
}

/// The in-order run right after the moved run in the new draft that stood
/// right before it in the old draft: old `… C M …`, new `… M C …`.
fn crossed_after<'a>(p: &'a [Placed], end: usize, moved: &[Placed]) -> Option<&'a [Placed]> {
    let first = p.get(end)?;
    if first.moved || first.new.0 != moved.last()?.new.1 + 1 {
        return None;
    }
    let stop = run_end(p, end, false);
    let m0 = moved[0].old.0.checked_sub(1)?;
    let k = (end..stop).find(|&k| p[k].old.1 == m0)?;
    Some(&p[end..=k])
}

/// The in-order run right before the moved run in the new draft that
/// stood right after it in the old draft: old `… M C …`, new `… C M …`.
fn crossed_before<'a>(p: &'a [Placed], start: usize, moved: &[Placed]) -> Option<&'a [Placed]> {
    let mut k = start.checked_sub(1)?;
    if p[k].moved || p[k].new.1 + 1 != moved[0].new.0 {
        return None;
    }
    let m_end = moved.last()?.old.1;
    loop {
        if p[k].old.0 == m_end + 1 {
            return Some(&p[k..start]);
        }
        let prev = k.checked_sub(1)?;
        if p[prev].moved || !adjacent(&p[prev], &p[k]) {
            return None;
        }
        k = prev;
    }
}

/// Old blocks of a run, in order.
fn old_blocks(links: &[Link], run: &[Placed]) -> Vec<usize> {
    let mut b: Vec<usize> = run.iter().flat_map(|x| links[x.link].old.clone()).collect();
    b.sort_unstable();
    b
}

/// Numbering depth of a block: the length of its value path, `None`
/// without a label.
fn depth(doc: &Document, i: usize) -> Option<usize> {
    doc.value_path(i).map(|v| v.len())
}

/// Depth of the first block and number of units of `blocks` (see the
/// module doc); `None` when the run does not start with a unit of its own
/// (an unnumbered block before numbered ones).
fn units(doc: &Document, blocks: &[usize]) -> Option<(Option<usize>, usize)> {
    let d = depth(doc, *blocks.first()?);
    let n = match d {
        None if blocks.iter().all(|&b| depth(doc, b).is_none()) => blocks.len(),
        None => return None,
        Some(d) => blocks
            .iter()
            .filter(|&&b| depth(doc, b).is_some_and(|x| x <= d))
            .count(),
    };
    Some((d, n))
}

/// The units of the moved run and of the run it crossed when they are
/// siblings in the old draft and the crossed one holds no more units than
/// the moved one.
fn swap_units(
    links: &[Link],
    old: &Document,
    moved: &[Placed],
    crossed: &[Placed],
) -> Option<(usize, usize)> {
    let (dm, um) = units(old, &old_blocks(links, moved))?;
    let (dc, uc) = units(old, &old_blocks(links, crossed))?;
    (dm == dc && uc <= um).then_some((um, uc))
}

/// Do both runs start at the same depth in the new draft too?
fn same_depth_new(links: &[Link], new: &Document, moved: &[Placed], crossed: &[Placed]) -> bool {
    let first_new = |x: &Placed| links[x.link].new[0];
    depth(new, first_new(&moved[0])) == depth(new, first_new(&crossed[0]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ingest, InputFormat};

    fn link(kind: LinkKind, old: &[usize], new: &[usize]) -> Link {
        Link {
            kind,
            old: old.to_vec(),
            new: new.to_vec(),
            score: 1.0,
            renumbered: false,
        }
    }

    fn doc(paras: &[&str]) -> Document {
        ingest(&paras.join("\n\n"), InputFormat::Text)
    }

    const A: &str = "1. The Parties agree to cooperate in good faith.";
    const B: &str = "2. Payment is due within thirty days.";
    const C: &str = "3. Either Party may terminate by notice.";
    const D: &str = "4. Disputes go to arbitration in Geneva.";

    #[test]
    fn a_swap_of_two_single_clauses_moves_both() {
        let (old, new) = (doc(&[A, B, C]), doc(&[A, C, B]));
        let mut links = vec![
            link(LinkKind::Unchanged, &[0], &[0]),
            link(LinkKind::Moved, &[2], &[1]),
            link(LinkKind::Unchanged, &[1], &[2]),
        ];
        mark_swaps(&mut links, &old, &new);
        let kinds: Vec<LinkKind> = links.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [LinkKind::Unchanged, LinkKind::Moved, LinkKind::Moved]
        );
    }

    #[test]
    fn a_split_is_never_a_swap_partner() {
        let (old, new) = (
            doc(&[A, B, C]),
            doc(&[A, C, "2. Payment is due.", "Within thirty days."]),
        );
        let mut links = vec![
            link(LinkKind::Unchanged, &[0], &[0]),
            link(LinkKind::Moved, &[2], &[1]),
            link(LinkKind::Split, &[1], &[2, 3]),
        ];
        mark_swaps(&mut links, &old, &new);
        assert_eq!(links[2].kind, LinkKind::Split);
        assert_eq!(links[1].kind, LinkKind::Moved);
    }

    #[test]
    fn fewer_units_are_the_move() {
        // Clauses 2 and 3 (two units) were called moved across clause 4
        // (one unit): clause 4 is the move, 2 and 3 keep their place.
        let (old, new) = (doc(&[A, B, C, D]), doc(&[A, D, B, C]));
        let mut links = vec![
            link(LinkKind::Unchanged, &[0], &[0]),
            link(LinkKind::Unchanged, &[3], &[1]),
            link(LinkKind::Moved, &[1], &[2]),
            link(LinkKind::Moved, &[2], &[3]),
        ];
        mark_swaps(&mut links, &old, &new);
        let kinds: Vec<LinkKind> = links.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                LinkKind::Unchanged,
                LinkKind::Moved,
                LinkKind::Unchanged,
                LinkKind::Unchanged
            ]
        );
    }

    #[test]
    fn a_clause_moved_past_two_stays_the_only_move() {
        let (old, new) = (doc(&[A, B, C, D]), doc(&[A, C, D, B]));
        let mut links = vec![
            link(LinkKind::Unchanged, &[0], &[0]),
            link(LinkKind::Unchanged, &[2], &[1]),
            link(LinkKind::Unchanged, &[3], &[2]),
            link(LinkKind::Moved, &[1], &[3]),
        ];
        let before = links.clone();
        mark_swaps(&mut links, &old, &new);
        assert_eq!(links, before);
    }
}
