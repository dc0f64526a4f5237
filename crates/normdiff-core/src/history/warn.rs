//! Warnings about an event's redline that a reader could not see: invisible
//! or bidirectional characters added or removed (a Trojan-Source edit) and
//! look-alike letters from another script, as `diff` raises them.

use super::{Piece, PieceOp};
use crate::diff::{classify, ChangeClass};
use crate::inspect::is_mixed_script;
use crate::normalize::is_invisible;
use crate::report::show_invisible;
use std::collections::BTreeSet;

/// The warnings of `redline`, one message per suspicious piece.
pub(crate) fn redline_warnings(redline: &[Piece]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, p) in redline.iter().enumerate() {
        if p.op == PieceOp::Equal {
            continue;
        }
        let invisible = code_points(&p.text, is_invisible);
        if !invisible.is_empty() {
            let verb = if p.op == PieceOp::Insert {
                "inserted"
            } else {
                "deleted"
            };
            out.push(format!(
                "invisible {invisible} {verb} in “{}”",
                show_invisible(&p.text)
            ));
        }
        if p.op != PieceOp::Insert {
            continue;
        }
        let replaced = i
            .checked_sub(1)
            .map(|j| &redline[j])
            .filter(|q| q.op == PieceOp::Delete);
        let confusable =
            replaced.is_some_and(|q| classify(&q.text, &p.text) == ChangeClass::Confusable);
        let mixed = p
            .text
            .split(|c: char| !c.is_alphabetic())
            .any(is_mixed_script);
        if confusable || mixed {
            out.push(format!(
                "look-alike characters {} in “{}”",
                code_points(&p.text, |c| c.is_alphabetic() && !c.is_ascii()),
                show_invisible(&p.text)
            ));
        }
    }
    out
}

/// The distinct code points of `s` that `pick` selects, as `U+XXXX U+YYYY`.
fn code_points(s: &str, pick: impl Fn(char) -> bool) -> String {
    let set: BTreeSet<String> = s
        .chars()
        .filter(|&c| pick(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    set.into_iter().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(op: PieceOp, text: &str) -> Piece {
        Piece {
            op,
            text: text.to_owned(),
        }
    }

    #[test]
    fn trojan_source_and_look_alikes_are_named() {
        let w = redline_warnings(&[
            piece(PieceOp::Equal, "mot "),
            piece(PieceOp::Delete, "pas"),
            piece(PieceOp::Insert, "\u{202E}sap\u{202C}"),
        ]);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("U+202C U+202E inserted"), "{w:?}");
        assert!(w[0].contains("⟦U+202E⟧sap"), "{w:?}");
        let w = redline_warnings(&[
            piece(PieceOp::Delete, "noyau"),
            piece(PieceOp::Insert, "nоyau"),
        ]);
        assert_eq!(w, ["look-alike characters U+043E in “nоyau”"]);
        assert!(redline_warnings(&[piece(PieceOp::Insert, "plain")]).is_empty());
    }
}
