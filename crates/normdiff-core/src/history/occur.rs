//! Occurrences of the terms in a document, located by block and sentence.

use super::matcher::fold;
use super::Matcher;
use crate::model::{BlockKind, Document};
use crate::segment::sentences;

/// One occurrence of a term in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// Which term: 0 for the phrase, 1.. for the variants.
    pub term: usize,
    /// Index of the block (0-based).
    pub block: usize,
    /// Byte range of the match in the block's `text`.
    pub span: (usize, usize),
    /// Byte range of the sentence containing the match's start.
    pub sentence: (usize, usize),
    /// Word edits between the match and the term (fuzzy matching).
    pub distance: usize,
    /// The match stands inside square brackets (`[...]`, a draft's
    /// disputed text), within its block.
    pub bracketed: bool,
}

/// All occurrences of all terms in `doc`, in (term, block, offset) order.
pub fn find_occurrences(doc: &Document, matcher: &Matcher) -> Vec<Occurrence> {
    let mut out = Vec::new();
    // Each paragraph folded once for the cheap test of every term.
    let folded: Vec<Vec<u8>> = doc.blocks.iter().map(|b| fold(&b.text)).collect();
    for term in 0..matcher.term_count() {
        for (b, f) in doc.blocks.iter().zip(&folded) {
            let hits = matcher.find_folded(term, &b.text, f);
            if hits.is_empty() {
                continue;
            }
            let sents = sentences(&b.text);
            for h in hits {
                out.push(Occurrence {
                    term,
                    block: b.index,
                    span: (h.start, h.end),
                    sentence: sentence_around(&sents, h.start, h.end),
                    distance: h.distance,
                    bracketed: in_brackets(&b.text, h.start, h.end),
                });
            }
        }
    }
    out
}

/// Does `[start, end)` of `text` stand inside square brackets: an
/// unclosed `[` before it and a `]` after it, before any new `[`?
pub(crate) fn in_brackets(text: &str, start: usize, end: usize) -> bool {
    let opened = text[..start]
        .rfind(['[', ']'])
        .is_some_and(|i| text.as_bytes()[i] == b'[');
    let closed = text[end..]
        .find(['[', ']'])
        .is_some_and(|i| text.as_bytes()[end + i] == b']');
    opened && closed
}

/// The smallest run of sentences covering `[start, end)`.
pub(crate) fn sentence_around(
    sents: &[(usize, usize)],
    start: usize,
    end: usize,
) -> (usize, usize) {
    let first = sents.iter().find(|s| s.1 > start).map_or(start, |s| s.0);
    let last = sents.iter().rev().find(|s| s.0 < end).map_or(end, |s| s.1);
    (first.min(start), last.max(end))
}

/// A readable label for block `index` of `doc`, for timelines: its own
/// label (`18`, `13 a)`, `Article premier`); else its parent's label; else
/// the label (or short text) of the nearest heading before it followed by
/// `¶n`, the block's position after that heading (`Article 1374 ¶1`);
/// else `¶n` counted from the top.
pub fn block_label(doc: &Document, index: usize) -> Option<String> {
    let b = doc.blocks.get(index)?;
    if let Some(l) = &b.label {
        return Some(l.clone());
    }
    if let Some(l) = b
        .parent
        .and_then(|p| doc.blocks.get(p))
        .and_then(|p| p.label.clone())
    {
        return Some(l);
    }
    let heading = doc.blocks[..index]
        .iter()
        .rev()
        .find(|h| h.kind == BlockKind::Heading);
    match heading {
        Some(h) => {
            let name = h.label.clone().unwrap_or_else(|| short(&h.text));
            Some(format!("{name} ¶{}", index - h.index))
        }
        None => Some(format!("¶{}", index + 1)),
    }
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::MatchOptions;
    use crate::{ingest, InputFormat};

    #[test]
    fn wrapped_markdown_occurrence_found_with_sentence() {
        let md = "Article 1374\n----\nIl est tenu. Il apporte tous les soins d'un bon père de\nfamille. Fin.\n\nNéanmoins rien.\n";
        let doc = ingest(md, InputFormat::Markdown);
        let m = Matcher::new("bon père de famille", &[], &MatchOptions::default()).unwrap();
        let occ = find_occurrences(&doc, &m);
        assert_eq!(occ.len(), 1);
        let b = &doc.blocks[occ[0].block];
        let (s, e) = occ[0].sentence;
        assert_eq!(
            &b.text[s..e].trim_end(),
            &"Il apporte tous les soins d'un bon père de famille."
        );
        assert_eq!(
            block_label(&doc, occ[0].block).as_deref(),
            Some("Article 1374 ¶1")
        );
    }

    #[test]
    fn brackets_around_the_match() {
        let t = "a [noyau public] b";
        let s = t.find("noyau").unwrap();
        assert!(in_brackets(t, s, s + "noyau public".len()));
        assert!(!in_brackets("a [x] noyau [y]", 6, 11));
        assert!(!in_brackets("noyau", 0, 5));
        assert!(in_brackets("[le noyau public de l'Internet]", 4, 30));
    }

    #[test]
    fn labels_fall_back_to_position() {
        let doc = ingest("18. Le Groupe note.\n\nSans numéro.\n", InputFormat::Text);
        assert_eq!(block_label(&doc, 0).as_deref(), Some("18"));
        assert_eq!(block_label(&doc, 1).as_deref(), Some("¶2"));
        assert_eq!(block_label(&doc, 9), None);
    }
}
