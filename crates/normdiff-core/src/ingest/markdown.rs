//! The Markdown reader, through comrak's AST (CommonMark plus GFM tables,
//! strikethrough and footnotes).
//!
//! Headings, paragraphs, list items (with their numbers kept as labels and
//! nesting as parents), block-quote paragraphs, table rows (cells joined
//! with ` | `) and code blocks become raw blocks. Inline markup is removed
//! from `text` (emphasis marks dropped, links reduced to their text,
//! footnote references dropped) and kept in `markup`. Footnote definitions
//! are set aside as footnotes. Soft line breaks are joined like hard wraps
//! in plain text (see [`super::join`]). The walk is iterative, and input
//! nested deeper than [`MAX_NESTING`] is refused (the caller falls back to
//! plain text) so that hostile input cannot exhaust the stack.

use super::join::{join_lines, Vocabulary};
use super::structure::RawBlock;
use crate::model::{BlockKind, Footnote};
use comrak::nodes::{ListType, NodeValue};
use comrak::{parse_document, Arena, Node, Options};

/// Deepest block nesting (block quotes and list indentation) read as
/// Markdown.
pub const MAX_NESTING: usize = 64;

/// A rough upper bound of the nesting depth, from line prefixes.
fn nesting_depth(text: &str) -> usize {
    text.lines()
        .map(|l| {
            let mut depth = 0;
            let mut spaces = 0;
            for c in l.chars() {
                match c {
                    '>' => depth += 1,
                    ' ' => spaces += 1,
                    '\t' => spaces += 4,
                    '-' | '*' | '+' => depth += 1,
                    _ => break,
                }
            }
            depth + spaces / 2
        })
        .max()
        .unwrap_or(0)
}

#[derive(Clone)]
struct Ctx {
    /// Raw index of the enclosing list item, if any.
    item: Option<usize>,
    /// Depth of list nesting.
    list_depth: u32,
    /// Depth of block-quote nesting.
    quote_depth: u32,
    /// Label text to prepend to the first paragraph of an ordered item.
    item_marker: Option<String>,
    in_footnote: Option<String>,
    /// Is this the first paragraph of a list item (the item itself)?
    item_head: bool,
}

fn push_kids<'a>(stack: &mut Vec<(Node<'a>, Ctx)>, node: Node<'a>, ctx: Ctx) {
    let kids: Vec<_> = node.children().collect();
    for k in kids.into_iter().rev() {
        stack.push((k, ctx.clone()));
    }
}

/// Reads Markdown; `None` if it is nested too deeply to parse safely.
pub(crate) fn read(text: &str) -> Option<(Vec<RawBlock>, Vec<Footnote>)> {
    if nesting_depth(text) > MAX_NESTING {
        return None;
    }
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.footnotes = true;
    let root = parse_document(&arena, text, &options);
    let vocab = Vocabulary::of(text);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut raws: Vec<RawBlock> = Vec::new();
    let mut footnotes = Vec::new();
    // Explicit stack: (node, context), children pushed in reverse.
    let mut stack: Vec<(Node<'_>, Ctx)> = vec![(
        root,
        Ctx {
            item: None,
            list_depth: 0,
            quote_depth: 0,
            item_marker: None,
            in_footnote: None,
            item_head: false,
        },
    )];
    while let Some((node, ctx)) = stack.pop() {
        let value = node.data().value.clone();
        let pos = node.data().sourcepos;
        let lines = [
            pos.start.line.max(1),
            pos.end.line.max(pos.start.line).max(1),
        ];
        let span = [
            line_starts.get(lines[0] - 1).copied().unwrap_or(0),
            line_starts
                .get(lines[1])
                .map_or(text.len(), |&s| s.saturating_sub(1)),
        ];
        match value {
            NodeValue::Document => push_kids(
                &mut stack,
                node,
                Ctx {
                    item: None,
                    list_depth: 0,
                    quote_depth: 0,
                    item_marker: None,
                    in_footnote: None,
                    item_head: false,
                },
            ),
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) | NodeValue::Alert(_) => {
                push_kids(
                    &mut stack,
                    node,
                    Ctx {
                        item: ctx.item,
                        list_depth: ctx.list_depth,
                        quote_depth: ctx.quote_depth + 1,
                        item_marker: None,
                        in_footnote: ctx.in_footnote.clone(),
                        item_head: false,
                    },
                )
            }
            NodeValue::List(_) => push_kids(
                &mut stack,
                node,
                Ctx {
                    item: ctx.item,
                    list_depth: ctx.list_depth,
                    quote_depth: ctx.quote_depth,
                    item_marker: None,
                    in_footnote: ctx.in_footnote.clone(),
                    item_head: false,
                },
            ),
            NodeValue::Item(list) => {
                let marker = (list.list_type == ListType::Ordered).then(|| {
                    let d = match list.delimiter {
                        comrak::nodes::ListDelimType::Period => '.',
                        comrak::nodes::ListDelimType::Paren => ')',
                    };
                    format!("{}{d} ", list.start)
                });
                // The item's first paragraph becomes the item block; its
                // index is the next raw index.
                let first_para = raws.len();
                let kids: Vec<_> = node.children().collect();
                // An item that opens with something else than a paragraph
                // (`- - x`: a list in a list item) has no block of its own;
                // its children hang from the enclosing item.
                let has_head = kids
                    .first()
                    .is_some_and(|k| matches!(k.data().value, NodeValue::Paragraph));
                let children_parent = if has_head { Some(first_para) } else { ctx.item };
                for (i, k) in kids.into_iter().enumerate().rev() {
                    let is_first = i == 0 && has_head;
                    stack.push((
                        k,
                        Ctx {
                            item: if is_first { ctx.item } else { children_parent },
                            list_depth: ctx.list_depth + 1,
                            quote_depth: ctx.quote_depth,
                            item_marker: if is_first { marker.clone() } else { None },
                            in_footnote: ctx.in_footnote.clone(),
                            item_head: is_first,
                        },
                    ));
                }
            }
            NodeValue::FootnoteDefinition(def) => push_kids(
                &mut stack,
                node,
                Ctx {
                    item: None,
                    list_depth: 0,
                    quote_depth: 0,
                    item_marker: None,
                    in_footnote: Some(def.name.clone()),
                    item_head: false,
                },
            ),
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableRow(_) => {
                let (plain, markup) = if matches!(value, NodeValue::TableRow(_)) {
                    let cells: Vec<(String, String)> = node
                        .children()
                        .map(|c| inline_text(c, text, &line_starts, &vocab))
                        .collect();
                    (
                        cells
                            .iter()
                            .map(|c| c.0.as_str())
                            .collect::<Vec<_>>()
                            .join(" | "),
                        cells
                            .iter()
                            .map(|c| c.1.as_str())
                            .collect::<Vec<_>>()
                            .join(" | "),
                    )
                } else {
                    inline_text(node, text, &line_starts, &vocab)
                };
                if let Some(name) = &ctx.in_footnote {
                    if let Some(f) = footnotes
                        .iter_mut()
                        .rev()
                        .find(|f: &&mut Footnote| &f.label == name)
                    {
                        f.text.push(' ');
                        f.text.push_str(&plain);
                        f.lines[1] = lines[1];
                    } else {
                        footnotes.push(Footnote {
                            label: name.clone(),
                            text: plain,
                            lines,
                        });
                    }
                    continue;
                }
                let (kind, level) = match &value {
                    NodeValue::Heading(h) => (BlockKind::Heading, u32::from(h.level)),
                    NodeValue::TableRow(_) => (BlockKind::TableRow, 0),
                    _ if ctx.item_head => (BlockKind::ListItem, ctx.list_depth.saturating_sub(1)),
                    _ if ctx.quote_depth > 0 => (BlockKind::Quote, ctx.quote_depth),
                    _ => (BlockKind::Paragraph, 0),
                };
                let prefix = ctx.item_marker.clone().unwrap_or_default();
                let text_full = format!("{prefix}{plain}");
                let markup_full = format!("{prefix}{markup}");
                raws.push(RawBlock {
                    kind,
                    level,
                    list_parent: ctx.item,
                    markup: (markup_full != text_full).then_some(markup_full),
                    text: text_full,
                    lines,
                    spans: vec![span],
                    bullet: None,
                    heading_by_shape: false,
                });
            }
            NodeValue::CodeBlock(cb) => raws.push(RawBlock {
                kind: BlockKind::Code,
                level: 0,
                list_parent: ctx.item,
                text: cb.literal.trim_end().to_owned(),
                markup: None,
                lines,
                spans: vec![span],
                bullet: None,
                heading_by_shape: false,
            }),
            NodeValue::HtmlBlock(h) => {
                let t = h.literal.trim();
                if !t.is_empty() && !t.starts_with("<!--") {
                    raws.push(RawBlock {
                        kind: BlockKind::Code,
                        level: 0,
                        list_parent: ctx.item,
                        text: t.to_owned(),
                        markup: None,
                        lines,
                        spans: vec![span],
                        bullet: None,
                        heading_by_shape: false,
                    });
                }
            }
            NodeValue::ThematicBreak | NodeValue::FrontMatter(_) => {}
            _ => push_kids(
                &mut stack,
                node,
                Ctx {
                    item: ctx.item,
                    list_depth: ctx.list_depth,
                    quote_depth: ctx.quote_depth,
                    item_marker: None,
                    in_footnote: ctx.in_footnote.clone(),
                    item_head: false,
                },
            ),
        }
    }
    Some((raws, footnotes))
}

/// The plain text and the markup source of a leaf block's inlines.
fn inline_text(
    node: Node<'_>,
    src: &str,
    line_starts: &[usize],
    vocab: &Vocabulary,
) -> (String, String) {
    let mut lines: Vec<String> = vec![String::new()];
    for d in node.descendants().skip(1) {
        // Skip text inside nodes whose text we take otherwise.
        let inside_skipped = d
            .ancestors()
            .skip(1)
            .take_while(|a| !std::ptr::eq(*a, node))
            .any(|a| {
                matches!(
                    a.data().value,
                    NodeValue::FootnoteReference(_)
                        | NodeValue::Image(_)
                        | NodeValue::HtmlInline(_)
                )
            });
        if inside_skipped {
            continue;
        }
        let last = lines.last_mut().expect("never empty");
        match &d.data().value {
            NodeValue::Text(t) => last.push_str(t),
            NodeValue::Code(c) => last.push_str(&c.literal),
            NodeValue::SoftBreak => lines.push(String::new()),
            NodeValue::LineBreak => last.push(' '),
            _ => {}
        }
    }
    let plain = join_lines(lines.iter().map(String::as_str), vocab).text;
    let pos = node.data().sourcepos;
    let start = line_starts
        .get(pos.start.line.saturating_sub(1))
        .map_or(0, |s| s + pos.start.column.saturating_sub(1));
    let end = line_starts
        .get(pos.end.line.saturating_sub(1))
        .map_or(src.len(), |s| s + pos.end.column)
        .min(src.len());
    let markup = if start < end && src.is_char_boundary(start) && src.is_char_boundary(end) {
        let raw = &src[start..end];
        let raw = raw.trim_start_matches('#').trim_start();
        join_lines(raw.lines(), vocab).text
    } else {
        plain.clone()
    };
    (plain, markup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_stripped_links_reduced() {
        let (raws, _) = read("Voir la **résolution** [70/237](#) de\nl'Assemblée.").unwrap();
        assert_eq!(raws[0].text, "Voir la résolution 70/237 de l'Assemblée.");
        assert_eq!(
            raws[0].markup.as_deref(),
            Some("Voir la **résolution** [70/237](#) de l'Assemblée.")
        );
    }

    #[test]
    fn headings_lists_quotes_tables_footnotes() {
        let md = "# Titre\n\nArticle 1726\n----\n\n1. Un\n2. Deux\n   - sous\n\n> cité\n\n| a | b |\n|---|---|\n| c | d |\n\nTexte[^1].\n\n[^1]: Une note.\n";
        let (raws, notes) = read(md).unwrap();
        let kinds: Vec<_> = raws.iter().map(|r| (r.kind, r.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, "Titre"),
                (BlockKind::Heading, "Article 1726"),
                (BlockKind::ListItem, "1. Un"),
                (BlockKind::ListItem, "2. Deux"),
                (BlockKind::ListItem, "sous"),
                (BlockKind::Quote, "cité"),
                (BlockKind::TableRow, "a | b"),
                (BlockKind::TableRow, "c | d"),
                (BlockKind::Paragraph, "Texte."),
            ]
        );
        assert_eq!(raws[4].list_parent, Some(3));
        assert_eq!(notes[0].label, "1");
        assert_eq!(notes[0].text, "Une note.");
    }

    /// Found by fuzzing: `- - -~` made a block its own parent.
    #[test]
    fn item_opening_with_a_list_has_no_block_of_its_own() {
        let (raws, _) = read("- - -~\n").unwrap();
        for (i, r) in raws.iter().enumerate() {
            assert!(r.list_parent.is_none_or(|p| p < i), "{raws:?}");
        }
        let (raws, _) = read("- a\n  - - b\n").unwrap();
        assert_eq!(raws.len(), 2);
        assert_eq!(raws[1].list_parent, Some(0));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let md = ">".repeat(10_000) + " x";
        assert!(read(&md).is_none());
    }
}
