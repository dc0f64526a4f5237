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

/// Refuses a document that `locate` cannot search in bounded time: one
/// whose paragraph is longer than [`LOCATE_MAX_PARAGRAPH_CHARS`]. `name`
/// names the document in the error.
pub fn check_locate(doc: &Document, name: &str) -> Result<()> {
    for b in &doc.blocks {
        // Byte length bounds the character count from above: count only
        // when it could be over.
        if b.text.len() > LOCATE_MAX_PARAGRAPH_CHARS {
            let chars = b.text.chars().count();
            if chars > LOCATE_MAX_PARAGRAPH_CHARS {
                return Err(Error::new(
                    name,
                    ErrorKind::Invalid(format!(
                        "paragraph {} (line {}) is {chars} characters long, over locate's limit of \
                         {LOCATE_MAX_PARAGRAPH_CHARS} characters per paragraph",
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
}
