//! Change classes: what kind of difference separates two stretches of text.

use crate::inspect::{script, Script};
use crate::normalize::{is_invisible, key, Profile};
use crate::numerals::digit_value;
use crate::segment::tokenize;
use serde::Serialize;
use unicode_security::confusable_detection::skeleton;

/// The class of a change, from the most suspicious to the most benign.
///
/// `invisible` and `confusable` are always reported: a change a reader
/// cannot see in the text is exactly the change a redline must show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// Words changed.
    Substantive,
    /// Only punctuation changed (the words, compared by key, are the same).
    Punctuation,
    /// Only letter case changed.
    Case,
    /// Only typographic variants changed: apostrophes (’ / '), quotes
    /// (« » / "), dashes, NBSP or narrow NBSP / space, ligatures, Unicode
    /// normalization form.
    Typography,
    /// Only ASCII white space changed (spaces, tabs, line breaks).
    Whitespace,
    /// Only invisible characters changed: zero-width spaces and joiners,
    /// word joiner, BOM, soft hyphen, bidi controls and other
    /// default-ignorable code points ([`crate::normalize::is_invisible`]).
    Invisible,
    /// A word differs only by look-alike characters from another script
    /// (a Cyrillic `о` for a Latin `o`), per Unicode's confusables data
    /// (UTS #39 skeletons, from the `unicode-security` crate).
    Confusable,
}

impl ChangeClass {
    /// Every class, in report order.
    pub const ALL: [ChangeClass; 7] = [
        ChangeClass::Substantive,
        ChangeClass::Punctuation,
        ChangeClass::Case,
        ChangeClass::Typography,
        ChangeClass::Whitespace,
        ChangeClass::Invisible,
        ChangeClass::Confusable,
    ];

    /// The class's name as written in reports and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ChangeClass::Substantive => "substantive",
            ChangeClass::Punctuation => "punctuation",
            ChangeClass::Case => "case",
            ChangeClass::Typography => "typography",
            ChangeClass::Whitespace => "whitespace",
            ChangeClass::Invisible => "invisible",
            ChangeClass::Confusable => "confusable",
        }
    }

    /// The class named `name` (as [`ChangeClass::name`] writes it).
    pub fn from_name(name: &str) -> Option<ChangeClass> {
        ChangeClass::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Can users hide this class (`--ignore`)? Only the benign ones:
    /// punctuation, case, typography, whitespace. Substantive, invisible
    /// and confusable changes are always shown.
    pub fn is_ignorable(self) -> bool {
        matches!(
            self,
            ChangeClass::Punctuation
                | ChangeClass::Case
                | ChangeClass::Typography
                | ChangeClass::Whitespace
        )
    }
}

fn without(s: &str, drop: impl Fn(char) -> bool) -> String {
    s.chars().filter(|&c| !drop(c)).collect()
}

/// The Latin/Cyrillic/Greek scripts used by the letters of `s`, as a bit
/// set; digits count as a script of their own (`0` against `O`).
fn scripts(s: &str) -> u8 {
    s.chars().fold(0, |acc, c| {
        acc | match script(c) {
            Script::Latin => 1,
            Script::Cyrillic => 2,
            Script::Greek => 4,
            Script::Other if c.is_numeric() => 8,
            Script::Other => 0,
        }
    })
}

/// Do `old` and `new` differ only by look-alike characters of different
/// scripts (same UTS #39 skeleton, different script sets)?
pub(crate) fn is_confusable(old: &str, new: &str) -> bool {
    old != new && scripts(old) != scripts(new) && skeleton(old).eq(skeleton(new))
}

/// Do `old` and `new` write the same digits in different digit systems
/// (`13` / `１３` / `١٣` / `१३`)? A number that reads the same but is made
/// of other characters is a look-alike change.
fn other_digit_system(old: &str, new: &str) -> bool {
    let digits =
        |s: &str| -> Vec<char> { s.chars().filter(|&c| digit_value(c).is_some()).collect() };
    let (a, b) = (digits(old), digits(new));
    !a.is_empty()
        && a != b
        && a.iter()
            .map(|&c| digit_value(c))
            .eq(b.iter().map(|&c| digit_value(c)))
        && without(old, |c| digit_value(c).is_some()) == without(new, |c| digit_value(c).is_some())
}

/// The normalized keys of the words (and numbers, ideographs) of `s`.
fn word_keys(s: &str) -> Vec<String> {
    tokenize(s)
        .into_iter()
        .filter(|t| t.is_wordlike())
        .map(|t| key(t.text(s), Profile::NORMAL))
        .collect()
}

/// Classifies the change of `old` into `new` (two different texts; either
/// may be empty). A change that adds, removes or swaps an invisible
/// character is `invisible` whatever else it does (a space replaced by a
/// zero-width space must not pass as typography, which users may hide).
/// Otherwise the first class that explains the whole difference wins, in
/// this order: confusable (look-alike letters of another script, or the
/// same digits in another digit system: `13` / `１３` / `١٣`), whitespace,
/// typography, case, punctuation; otherwise substantive.
pub fn classify(old: &str, new: &str) -> ChangeClass {
    let invisible = |s: &str| -> String { s.chars().filter(|&c| is_invisible(c)).collect() };
    if invisible(old) != invisible(new) || without(old, is_invisible) == without(new, is_invisible)
    {
        ChangeClass::Invisible
    } else if is_confusable(old, new) || other_digit_system(old, new) {
        ChangeClass::Confusable
    } else if without(old, |c| c.is_ascii_whitespace()) == without(new, |c| c.is_ascii_whitespace())
    {
        ChangeClass::Whitespace
    } else if key(old, Profile::TYPOGRAPHY) == key(new, Profile::TYPOGRAPHY) {
        ChangeClass::Typography
    } else if key(old, Profile::NORMAL) == key(new, Profile::NORMAL) {
        ChangeClass::Case
    } else if word_keys(old) == word_keys(new) {
        ChangeClass::Punctuation
    } else {
        ChangeClass::Substantive
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        use ChangeClass::*;
        assert_eq!(classify("noyau", "noy\u{200B}au"), Invisible);
        assert_eq!(classify("", "\u{202E}"), Invisible);
        // Reported by the check feature: a space swapped for a zero-width
        // space is not typography (which --ignore may hide).
        assert_eq!(classify(" ", "\u{200B}"), Invisible);
        assert_eq!(classify("le noyau", "le\u{200B}noyau"), Invisible);
        assert_eq!(classify("public", "publique\u{2060}"), Invisible);
        assert_eq!(classify("noyau", "n\u{043E}yau"), Confusable);
        assert_eq!(classify("Статья", "Ст\u{0061}тья"), Confusable);
        assert_eq!(classify(" ", "\n"), Whitespace);
        assert_eq!(classify("", "  "), Whitespace);
        assert_eq!(classify("l’", "l'"), Typography);
        assert_eq!(classify("«\u{a0}", "\" "), Typography);
        assert_eq!(classify("\u{a0}", " "), Typography);
        assert_eq!(classify("Groupe", "groupe"), Case);
        assert_eq!(classify(",", ";"), Punctuation);
        assert_eq!(classify("", ","), Punctuation);
        assert_eq!(classify("public", "mondial"), Substantive);
        assert_eq!(classify("o", "O"), Case);
        assert_eq!(classify("13", "１３"), Confusable);
        assert_eq!(classify("13.", "١٣."), Confusable);
        assert_eq!(classify("13", "१३"), Confusable);
        assert_eq!(classify("13", "14"), Substantive);
    }

    #[test]
    fn names_round_trip() {
        for c in ChangeClass::ALL {
            assert_eq!(ChangeClass::from_name(c.name()), Some(c));
        }
        assert!(!ChangeClass::Invisible.is_ignorable());
        assert!(ChangeClass::Typography.is_ignorable());
    }
}
