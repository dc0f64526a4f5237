//! Changes of the characters of a label that keep its number.
//!
//! Alignment compares labels by key and value (`13`, `１３` and `١٣` are
//! the same number; so are Latin `a)` and Cyrillic `а)` in `13 a)`), but a
//! label rewritten with other characters is a change of text a reader
//! cannot see: [`label_ops`] diffs the labels as printed (marker and the
//! spaces after it), and the report puts those ops before the text's. A
//! digit-system swap and a look-alike letter are `confusable`, an NBSP
//! after the number `typography`: shown unless that class is ignored, and
//! `confusable`/`invisible` are never ignorable.

use super::{classify, diff_text, ChangeClass, DiffOptions, Op};
use crate::model::Block;

/// Are the two blocks' labels the same number written with different
/// characters (same value path, and the printed forms differ only by
/// look-alike or invisible characters)? Such a pair is not renumbered.
pub fn look_alike_labels(old: &Block, new: &Block) -> bool {
    let (Some(a), Some(b)) = (&old.label_info, &new.label_info) else {
        return false;
    };
    a.value == b.value
        && a.printed != b.printed
        && matches!(
            classify(a.printed.trim_end(), b.printed.trim_end()),
            ChangeClass::Confusable | ChangeClass::Invisible
        )
}

/// The ops of a change of label characters between two aligned blocks, or
/// nothing when the labels are printed alike or are different numbers (a
/// renumbering, reported as such and never as a change of text).
pub fn label_ops(old: &Block, new: &Block, opts: &DiffOptions) -> Vec<Op> {
    let (Some(a), Some(b)) = (&old.label_info, &new.label_info) else {
        return Vec::new();
    };
    if a.printed == b.printed {
        return Vec::new();
    }
    let same_number = old.label_key == new.label_key || look_alike_labels(old, new);
    if !same_number {
        return Vec::new();
    }
    diff_text(&a.printed, &b.printed, opts).ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ingest, InputFormat};

    fn first(s: &str) -> Block {
        ingest(s, InputFormat::Text).blocks.remove(0)
    }

    fn classes(old: &str, new: &str) -> Vec<ChangeClass> {
        let ops = label_ops(&first(old), &first(new), &DiffOptions::default());
        let mut c: Vec<_> = ops.iter().filter_map(|o| o.class).collect();
        c.dedup();
        c
    }

    #[test]
    fn digit_systems_are_confusable() {
        use ChangeClass::*;
        for new in ["１３. Texte.", "١٣. Texte.", "१३. Texte.", "۱۳. Texte."] {
            assert_eq!(classes("13. Texte.", new), vec![Confusable], "{new}");
        }
        assert_eq!(
            classes("Norme 13 a) : Texte.", "Norme １３ a) : Texte."),
            vec![Confusable]
        );
    }

    #[test]
    fn look_alike_letters_are_confusable_not_renumbered() {
        let (a, b) = (
            first("Norme 13 a) : Texte."),
            first("Norme 13 \u{430}) : Texte."),
        );
        assert!(look_alike_labels(&a, &b));
        assert_eq!(
            classes("Norme 13 a) : Texte.", "Norme 13 \u{430}) : Texte."),
            vec![ChangeClass::Confusable]
        );
        assert!(!look_alike_labels(&first("13 a) x"), &first("13 b) x")));
    }

    #[test]
    fn nbsp_after_the_number_is_typography() {
        assert_eq!(
            classes("13. Texte.", "13.\u{a0}Texte."),
            vec![ChangeClass::Typography]
        );
    }

    #[test]
    fn renumbering_and_equal_labels_give_nothing() {
        assert!(classes("13. Texte.", "14. Texte.").is_empty());
        assert!(classes("13. Texte.", "13. Autre.").is_empty());
        assert!(classes("Texte.", "13. Texte.").is_empty());
    }
}
