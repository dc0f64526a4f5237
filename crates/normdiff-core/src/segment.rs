//! Words and sentences, with language care.
//!
//! [`tokenize`] cuts a text into [`Token`]s that cover it exactly: the
//! concatenation of all token texts is the input, so a diff over tokens can
//! always reproduce both sides. Word boundaries come from Unicode (UAX #29)
//! with these adjustments:
//! - elisions are split from the following word (`l'Internet` → `l'` +
//!   `Internet`; also with ’), per the table [`ELISIONS`];
//! - Han, Hiragana and Katakana are one token per character, so Chinese is
//!   compared per character;
//! - runs of white space (any space variant) are one [`TokenKind::Space`]
//!   token.
//!
//! Arabic and Cyrillic words come out of UAX #29 as words, unchanged.
//! Tokenization is linear in the input length.

use crate::normalize::{is_invisible, is_space};
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (letters, possibly with inner digits, apostrophes or marks).
    Word,
    /// A number (digits, possibly with inner `.`, `,`, `/`).
    Number,
    /// One Han, Hiragana or Katakana character.
    Ideograph,
    /// Punctuation or a symbol.
    Punct,
    /// A run of white space.
    Space,
    /// A run of invisible (default-ignorable) characters.
    Invisible,
}

/// A token: a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text within `text` (the string it was cut from).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Is this a word, number or ideograph (something that carries meaning)?
    pub fn is_wordlike(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Ideograph
        )
    }
}

/// Elided articles and conjunctions split from the word they precede
/// (lower case, without the apostrophe). French: l', d', j', m', n', s', t',
/// c', qu', jusqu', lorsqu', puisqu', quoiqu', presqu', quelqu'; Italian:
/// dell', all', dall', nell', sull', un', quell'; Catalan: l', d', s'.
pub const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu", "dell", "all", "dall", "nell", "sull", "un", "quell",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// `c.is_alphabetic()`, answered from ranges for ASCII, Latin-1, Latin
/// Extended-A, the Russian and Arabic alphabets and the common CJK
/// ideographs (all letters) before the general Unicode table, whose lookup
/// dominated reading and aligning Russian text.
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0x00..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x17F | 0x401 | 0x410..=0x44F | 0x451 => true,
        0x621..=0x63A | 0x641..=0x64A | 0x4E00..=0x9FFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Is `c` written without spaces on either side: Han ideographs, kana,
/// CJK and fullwidth punctuation (Chinese and Japanese put no space
/// between words; Hangul is left out, Korean spaces its words)? Joining
/// wrapped lines and reading PDF lines insert no space next to one.
pub fn is_unspaced(c: char) -> bool {
    is_ideograph(c)
        || matches!(c as u32, 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x31F0..=0x31FF | 0xFE30..=0xFE4F | 0xFF01..=0xFF60)
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

fn classify(s: &str) -> TokenKind {
    let mut chars = s.chars();
    let first = chars.next().unwrap_or(' ');
    if s.chars().all(is_space) {
        TokenKind::Space
    } else if s.chars().all(is_invisible) {
        TokenKind::Invisible
    } else if is_ideograph(first) && s.chars().count() == 1 {
        TokenKind::Ideograph
    } else if s.chars().any(is_letter) {
        TokenKind::Word
    } else if s.chars().any(|c| c.is_numeric()) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    }
}

/// Cuts `text` into tokens that cover it exactly, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    for (start, piece) in text.split_word_bound_indices() {
        let end = start + piece.len();
        let kind = classify(piece);
        match kind {
            TokenKind::Space | TokenKind::Invisible => {
                // Merge runs of the same kind (UAX #29 splits some of them).
                if let Some(last) = out.last_mut() {
                    if last.kind == kind && last.end == start {
                        last.end = end;
                        continue;
                    }
                }
                out.push(Token { start, end, kind });
            }
            TokenKind::Word => split_word(text, start, end, &mut out),
            _ => out.push(Token { start, end, kind }),
        }
    }
    out
}

/// Pushes a UAX #29 word, splitting elisions and ideographs.
fn split_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    if word.chars().any(is_ideograph) {
        // Per-character for CJK; keep runs of other letters together.
        let mut run_start: Option<usize> = None;
        for (i, c) in word.char_indices() {
            if is_ideograph(c) {
                if let Some(rs) = run_start.take() {
                    out.push(Token {
                        start: start + rs,
                        end: start + i,
                        kind: classify(&word[rs..i]),
                    });
                }
                out.push(Token {
                    start: start + i,
                    end: start + i + c.len_utf8(),
                    kind: TokenKind::Ideograph,
                });
            } else if run_start.is_none() {
                run_start = Some(i);
            }
        }
        if let Some(rs) = run_start {
            out.push(Token {
                start: start + rs,
                end,
                kind: classify(&word[rs..]),
            });
        }
        return;
    }
    if let Some((i, c)) = word.char_indices().find(|&(_, c)| is_apostrophe(c)) {
        let prefix = &word[..i];
        let cut = i + c.len_utf8();
        if cut < word.len() && ELISIONS.contains(&prefix.to_lowercase().as_str()) {
            out.push(Token {
                start,
                end: start + cut,
                kind: TokenKind::Word,
            });
            // The rest may itself start with an elision (rare: "qu'l'...").
            split_word(text, start + cut, end, out);
            return;
        }
    }
    out.push(Token {
        start,
        end,
        kind: TokenKind::Word,
    });
}

/// Calls `f` with each word of `text` folded for comparison (typography
/// per [`crate::normalize`], lower case), in order, without building
/// tokens: the cheap word stream used for alignment features.
///
/// Unlike [`tokenize`] (UAX #29, for diffs and display) a word here is a
/// maximal run of letters, digits and combining marks: apostrophes,
/// hyphens and punctuation separate words (`l'Internet` gives `l`,
/// `internet`), Han, Hiragana and Katakana characters are one word each,
/// and invisible characters are skipped without breaking a word.
pub fn for_each_folded_word(text: &str, mut f: impl FnMut(&str)) {
    use unicode_normalization::UnicodeNormalization;
    let nfc: std::borrow::Cow<'_, str> = if crate::normalize::is_nfc_quick_yes(text) {
        text.into()
    } else {
        text.nfc().collect::<String>().into()
    };
    let s = nfc.as_ref();
    // Most words are already folded (`les`, `États` aside): those are
    // passed as slices of the text; only the others are built in `word`.
    let mut state = Word::None;
    let mut word = String::new();
    let mut folded = String::new();
    // Ends the current word, if any, before byte `at` (a generic function,
    // not a closure over `dyn`, so that `f` is inlined).
    fn flush(s: &str, state: &mut Word, word: &mut String, at: usize, f: &mut impl FnMut(&str)) {
        match std::mem::replace(state, Word::None) {
            Word::Plain(start) => f(&s[start..at]),
            // (Empty when it held only characters that fold to nothing.)
            Word::Built if !word.is_empty() => {
                f(word);
                word.clear();
            }
            Word::Built => {}
            Word::None => {}
        }
    }
    // Turns a plain word into a built one, from byte `at` on.
    let build = |state: &mut Word, word: &mut String, at: usize| {
        if let Word::Plain(start) = *state {
            word.push_str(&s[start..at]);
        }
        *state = Word::Built;
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII by classes, runs at a time (the bulk of Latin-script text).
        let b = bytes[i];
        match ASCII_CLASS[usize::from(b)] {
            LOWER_OR_DIGIT => {
                let start = i;
                i += 1;
                while i < bytes.len() && ASCII_CLASS[usize::from(bytes[i])] == LOWER_OR_DIGIT {
                    i += 1;
                }
                match state {
                    Word::None => state = Word::Plain(start),
                    Word::Plain(_) => {}
                    Word::Built => word.push_str(&s[start..i]),
                }
                continue;
            }
            UPPER => {
                build(&mut state, &mut word, i);
                word.push(char::from(b.to_ascii_lowercase()));
                i += 1;
                continue;
            }
            SEPARATOR => {
                flush(s, &mut state, &mut word, i, &mut f);
                i += 1;
                continue;
            }
            _ => {}
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if folds_to_itself(c) {
            match state {
                Word::None => state = Word::Plain(i),
                Word::Plain(_) => {}
                Word::Built => word.push(c),
            }
        } else if is_ideograph(c) {
            flush(s, &mut state, &mut word, i, &mut f);
            f(&s[i..i + c.len_utf8()]);
        } else if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) {
            build(&mut state, &mut word, i);
            folded.clear();
            crate::normalize::fold_char(c, &mut folded);
            word.extend(folded.chars().flat_map(char::to_lowercase));
        } else if is_invisible(c) {
            // Skipped without breaking the word.
            if state != Word::None {
                build(&mut state, &mut word, i);
            }
        } else {
            flush(s, &mut state, &mut word, i, &mut f);
        }
        i += c.len_utf8();
    }
    flush(s, &mut state, &mut word, s.len(), &mut f);
}

/// Classes of bytes for [`for_each_folded_word`]: ASCII letters and
/// digits, other ASCII, and the first bytes of other characters.
const SEPARATOR: u8 = 0;
const LOWER_OR_DIGIT: u8 = 1;
const UPPER: u8 = 2;
const NON_ASCII: u8 = 3;
const ASCII_CLASS: [u8; 256] = {
    let mut t = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'0'..=b'9' => LOWER_OR_DIGIT,
            b'A'..=b'Z' => UPPER,
            0x80..=0xFF => NON_ASCII,
            _ => SEPARATOR,
        };
        b += 1;
    }
    t
};

/// The word being read by [`for_each_folded_word`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    /// No word.
    None,
    /// A word that is its own folded form, starting at this byte.
    Plain(usize),
    /// A word whose folded form is being built.
    Built,
}

/// Is non-ASCII `c` a word character that folding leaves as it is
/// (lower-case Latin-1 and Cyrillic letters but `æ`)?
fn folds_to_itself(c: char) -> bool {
    matches!(c, 'ß'..='å' | 'ç'..='ö' | 'ø'..='ÿ' | 'а'..='я')
}

/// Byte ranges of the sentences of `text` (UAX #29 sentence boundaries),
/// covering it exactly.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    text.split_sentence_bound_indices()
        .map(|(i, s)| (i, i + s.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_letter_agrees_with_is_alphabetic_on_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    /// The character-by-character definition [`for_each_folded_word`] must
    /// agree with.
    fn folded_words_reference(text: &str) -> Vec<String> {
        use unicode_normalization::UnicodeNormalization;
        let mut out = Vec::new();
        let mut word = String::new();
        let mut folded = String::new();
        for c in text.nfc() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    word.push(c.to_ascii_lowercase());
                } else if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            } else if is_ideograph(c) {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                out.push(c.to_string());
            } else if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) {
                folded.clear();
                crate::normalize::fold_char(c, &mut folded);
                word.extend(folded.chars().flat_map(char::to_lowercase));
            } else if !is_invisible(c) && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn folded_words_match_their_definition(
            s in "([a-zA-Z0-9 ,.'’\\-]|[ÀÉÈéèàçßæÆœŒÿ÷×Ёёа-яА-ЯΣσ第十八条ｱＡ\u{200B}\u{00AD}\u{0301}\u{00A0}]|\\PC){0,40}"
        ) {
            let mut got = Vec::new();
            for_each_folded_word(&s, |w| got.push(w.to_owned()));
            proptest::prop_assert_eq!(got, folded_words_reference(&s));
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Space)
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn tokens_cover_the_text() {
        let s = "Le noyau public de l’Internet, « jusqu'à » 18 bis.  第十八条 Статья 1 المادة ١";
        let toks = tokenize(s);
        let joined: String = toks.iter().map(|t| t.text(s)).collect();
        assert_eq!(joined, s);
    }

    #[test]
    fn french_elisions_split() {
        assert_eq!(
            words("de l'Internet jusqu’à qu'il aujourd'hui"),
            vec![
                "de",
                "l'",
                "Internet",
                "jusqu’",
                "à",
                "qu'",
                "il",
                "aujourd'hui"
            ]
        );
    }

    #[test]
    fn chinese_per_character() {
        assert_eq!(
            words("第十八条规定"),
            vec!["第", "十", "八", "条", "规", "定"]
        );
    }

    #[test]
    fn arabic_and_cyrillic_words() {
        assert_eq!(
            words("Статья 1. Все люди"),
            vec!["Статья", "1", ".", "Все", "люди"]
        );
        assert_eq!(words("المادة ١ يولد"), vec!["المادة", "١", "يولد"]);
    }

    #[test]
    fn spaces_merge_including_nbsp() {
        let s = "a \u{00A0}\u{202F} b";
        let toks = tokenize(s);
        assert_eq!(toks.len(), 3);
        assert_eq!(toks[1].kind, TokenKind::Space);
    }

    #[test]
    fn folded_words() {
        let mut got = Vec::new();
        for_each_folded_word(
            "L’Internet, le cœur: Ｅｔａｔ noy\u{200B}au 第十条",
            |w| got.push(w.to_owned()),
        );
        assert_eq!(
            got,
            vec!["l", "internet", "le", "coeur", "etat", "noyau", "第", "十", "条"]
        );
    }

    #[test]
    fn invisible_characters_are_their_own_tokens() {
        let s = "noy\u{200B}au";
        let kinds: Vec<_> = tokenize(s).iter().map(|t| t.kind).collect();
        assert!(kinds.contains(&TokenKind::Invisible), "{kinds:?}");
    }
}
