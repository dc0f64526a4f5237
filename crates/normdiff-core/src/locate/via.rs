//! `locate --via`: a quote in another language than the document, found
//! through a translation of the document in the quote's language.
//!
//! UN documents exist in all six languages. The quote is first located in
//! the document in its own language (the *via* document, [`super::locate`]),
//! then the via document is aligned with the target document
//! ([`crate::align::cross::align_learning`]) and the link of the via
//! paragraph gives the target paragraph. Inside it, the quote's words are
//! carried over by the lexicon learnt from the pair: the passage is the
//! span of the target words that translate the quote's words (the whole
//! paragraph when the lexicon knows none of them).

use super::{char_offset, LocateOptions, LocateReport, QuoteMatch};
use crate::align::cross::lexicon::{word_keys, Lexicon};
use crate::align::cross::{align_learning, CrossAlignment, CrossOptions};
use crate::model::Document;

/// Lexicon associations under this do not carry a word over.
pub const MIN_ASSOC: f32 = 0.15;

/// Finds each of `quotes` in `target` through `via`, the same document in
/// the quotes' language. Each match describes the target paragraph and
/// carries the via paragraph in [`QuoteMatch::via`].
pub fn locate_via(
    target: &Document,
    via: &Document,
    quotes: &[String],
    opts: &LocateOptions,
) -> LocateReport {
    let mut report = super::locate(via, quotes, opts);
    let (al, lex) = align_learning(via, target, &CrossOptions::default());
    for r in &mut report.results {
        let found = std::mem::take(&mut r.matches);
        for m in found {
            match follow(&m, &al, lex.as_ref(), via, target) {
                Some(t) => r.matches.push(t),
                None => r.notes.push(format!(
                    "found in the --via document (block {}) but that paragraph has no \
                     counterpart in the document",
                    m.index
                )),
            }
        }
        r.matches
            .sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        r.matches.dedup_by_key(|m| m.index);
    }
    report
}

/// A target block, how many quote words reach it, and their span.
type Carried = (usize, usize, Option<(usize, usize)>);

/// The target paragraph of via match `m`, with the quote's span carried
/// over.
fn follow(
    m: &QuoteMatch,
    al: &CrossAlignment,
    lex: Option<&Lexicon>,
    via: &Document,
    target: &Document,
) -> Option<QuoteMatch> {
    let link = al
        .links
        .iter()
        .find(|l| l.source.contains(&m.index) && !l.target.is_empty())?;
    let vtext = &via.blocks[m.index].text;
    let quote_words: Vec<_> = word_keys(vtext)
        .into_iter()
        .filter(|w| {
            let c = char_offset(vtext, w.start);
            c >= m.start && c < m.end
        })
        .collect();
    // Of the linked target blocks, the one most of the quote's words go to.
    let spans: Vec<Carried> = link
        .target
        .iter()
        .map(|&j| {
            let (hits, span) = carry(&quote_words, &target.blocks[j].text, lex);
            (j, hits, span)
        })
        .collect();
    let &(index, _, span) = spans
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let text = &target.blocks[index].text;
    let (start, end) = span.unwrap_or((0, text.chars().count()));
    Some(QuoteMatch {
        index,
        label: target.blocks[index].label.clone(),
        score: m.score,
        start,
        end,
        passage: text.chars().skip(start).take(end - start).collect(),
        link_score: Some((link.score * 10_000.0).round() / 10_000.0),
        via: Some(Box::new(m.clone())),
    })
}

/// How many of `words` the lexicon carries into `text`, and the char span
/// of the words they land on (the outer tenth on each side dropped when
/// there are ten or more).
fn carry(
    words: &[crate::align::cross::lexicon::KeyedWord],
    text: &str,
    lex: Option<&Lexicon>,
) -> (usize, Option<(usize, usize)>) {
    let Some(lex) = lex else { return (0, None) };
    let tw = word_keys(text);
    let mut hit: Vec<usize> = lex
        .word_links(words, &tw, MIN_ASSOC)
        .into_iter()
        .flatten()
        .collect();
    if hit.is_empty() {
        return (0, None);
    }
    hit.sort_unstable();
    let trim = hit.len() / 10;
    let (a, b) = (hit[trim], hit[hit.len() - 1 - trim]);
    let span = (char_offset(text, tw[a].start), char_offset(text, tw[b].end));
    (hit.len(), Some(span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ingest, InputFormat};

    const EN: &str = "End poverty in all its forms everywhere by 2030.\n\n\
        End hunger and ensure access to safe food for all people.\n\n\
        Ensure healthy lives and promote well-being for all at all ages.\n\n\
        Reduce poverty and hunger among children by half.\n\n\
        Promote healthy food and lives for children everywhere.\n\n\
        Ensure access to food and water for all people everywhere.\n\n\
        Reduce hunger among all people by half by 2030.\n\n\
        Promote well-being and access to water for children.\n\n\
        End poverty among children and people at all ages.\n\n\
        Ensure safe water for all by 2030.\n";
    const FR: &str = "Éliminer la pauvreté sous toutes ses formes partout d'ici 2030.\n\n\
        Éliminer la faim et assurer l'accès à une nourriture saine pour tous les peuples.\n\n\
        Permettre à tous de vivre en bonne santé et promouvoir le bien-être à tout âge.\n\n\
        Réduire de moitié la pauvreté et la faim chez les enfants.\n\n\
        Promouvoir une nourriture saine et la santé des enfants partout.\n\n\
        Assurer l'accès à la nourriture et à l'eau pour tous les peuples partout.\n\n\
        Réduire de moitié la faim chez tous les peuples d'ici 2030.\n\n\
        Promouvoir le bien-être et l'accès à l'eau pour les enfants.\n\n\
        Éliminer la pauvreté chez les enfants et les peuples à tout âge.\n\n\
        Assurer une eau saine pour tous d'ici 2030.\n";

    #[test]
    fn quote_followed_through_the_alignment() {
        let en = ingest(EN, InputFormat::Text);
        let fr = ingest(FR, InputFormat::Text);
        let q = vec!["Réduire de moitié la pauvreté et la faim chez les enfants".to_owned()];
        let r = locate_via(&en, &fr, &q, &LocateOptions::default());
        let m = &r.results[0].matches[0];
        assert_eq!(m.index, 3);
        assert_eq!(m.via.as_ref().map(|v| v.index), Some(3));
        assert!(m.link_score.is_some());
        assert!(m.passage.contains("poverty"), "{}", m.passage);
    }
}
