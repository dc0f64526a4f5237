//! The words of a block, cut and loose-keyed once.
//!
//! The evidence ([`super::evidence`]: month names, acronyms, cognates) and
//! the lexicon ([`super::lexicon`]) all read a block's tokens and the
//! loose key of its words (case, accents and Arabic vowel marks folded).
//! Keying a word (Unicode decomposition) is the costly part of preparing
//! a block, so each block is tokenized and keyed once and both share it.

use crate::normalize::{key, Profile};
use crate::segment::{tokenize, Token, TokenKind};

/// One token of a block and, for a word, its loose key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The token (byte range and kind).
    pub token: Token,
    /// The loose key of a [`TokenKind::Word`] token (empty for others).
    pub loose: String,
}

/// The tokens of `text`, in order, with the loose key of each word.
pub fn words(text: &str) -> Vec<Word> {
    tokenize(text)
        .into_iter()
        .map(|token| Word {
            loose: if token.kind == TokenKind::Word {
                key(token.text(text), Profile::LOOSE)
            } else {
                String::new()
            },
            token,
        })
        .collect()
}
