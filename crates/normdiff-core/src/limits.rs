//! Size limits that keep work bounded where an algorithm is not linear in
//! its input. Each is documented, with measured times, in
//! `docs/LIMITS.md`; the CLI refuses input over a limit with exit code 2
//! and a message that names the limit.

use crate::error::{Error, ErrorKind, Result};
use crate::model::Document;

/// Longest paragraph (in Unicode scalar values) `locate` searches: its
/// window search is quadratic in the words of one paragraph that the
/// quote shares. 200 000 characters is about 30 000 words, some
/// seventy pages in one paragraph.
pub const LOCATE_MAX_PARAGRAPH_CHARS: usize = 200_000;

/// Longest paragraph (in Unicode scalar values) `align` accepts. The
/// cross-language aligner's work is linear in the text, but its anchor and
/// feature tables for one paragraph of tens of megabytes take gigabytes
/// (a 50 MB paragraph: 93 s and 2.7 GiB, `docs/LIMITS.md`). 1 000 000
/// characters is some 150 000 words, several hundred pages in one
/// paragraph: no real document comes near it.
pub const ALIGN_MAX_PARAGRAPH_CHARS: usize = 1_000_000;

/// Refuses a document that `locate` cannot search in bounded time: one
/// whose paragraph is longer than [`LOCATE_MAX_PARAGRAPH_CHARS`]. `name`
/// names the document in the error.
pub fn check_locate(doc: &Document, name: &str) -> Result<()> {
    check_paragraphs(doc, name, LOCATE_MAX_PARAGRAPH_CHARS, "locate")
}

/// Refuses a document that `align` cannot align in bounded memory: one
/// whose paragraph is longer than [`ALIGN_MAX_PARAGRAPH_CHARS`].
pub fn check_align(doc: &Document, name: &str) -> Result<()> {
    check_paragraphs(doc, name, ALIGN_MAX_PARAGRAPH_CHARS, "align")
}

/// The first paragraph of `doc` longer than `limit` characters, as an
/// error naming the document, the paragraph, the command and the limit.
fn check_paragraphs(doc: &Document, name: &str, limit: usize, command: &str) -> Result<()> {
    for b in &doc.blocks {
        // Byte length bounds the character count from above: count only
        // when it could be over.
        if b.text.len() > limit {
            let chars = b.text.chars().count();
            if chars > limit {
                return Err(Error::new(
                    name,
                    ErrorKind::Invalid(format!(
                        "paragraph {} (line {}) is {chars} characters long, over {command}'s limit of \
                         {limit} characters per paragraph",
                        b.index, b.lines[0]
                    )),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ingest, InputFormat};

    #[test]
    fn locate_refuses_only_paragraphs_over_the_limit() {
        let ok = "mot ".repeat(LOCATE_MAX_PARAGRAPH_CHARS / 4);
        assert!(check_locate(&ingest(&ok, InputFormat::Text), "a.txt").is_ok());
        let long = format!(
            "Titre\n\n{}",
            "mot ".repeat(LOCATE_MAX_PARAGRAPH_CHARS / 4 + 10)
        );
        let e = check_locate(&ingest(&long, InputFormat::Text), "a.txt").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("a.txt: paragraph 0 (line 1) is 2000"),
            "{msg}"
        );
        assert!(msg.contains("limit of 200000 characters"), "{msg}");
    }

    #[test]
    fn align_refuses_only_paragraphs_over_its_limit() {
        let ok = "mot ".repeat(ALIGN_MAX_PARAGRAPH_CHARS / 4);
        assert!(check_align(&ingest(&ok, InputFormat::Text), "a.txt").is_ok());
        let long = "mot ".repeat(ALIGN_MAX_PARAGRAPH_CHARS / 4 + 10);
        let msg = check_align(&ingest(&long, InputFormat::Text), "b.txt")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("b.txt: paragraph 0 (line 1)"), "{msg}");
        assert!(msg.contains("align's limit of 1000000 characters"), "{msg}");
    }
}
