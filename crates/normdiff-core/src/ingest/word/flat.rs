//! Word text: what the Word reader hands to ingestion.
//!
//! The first line is [`MAGIC`]. Then one line per block, fields separated
//! by U+001F and the line opened by U+001E (neither can occur in a Word
//! document: XML 1.0 forbids them):
//!
//! ```text
//! ␞KIND␟PARENT␟LABEL␟SUFFIX␟TEXT      a block
//! ␞f␟MARK␟TEXT                         a footnote or endnote
//! ```
//!
//! KIND is `p` (paragraph), `hN` (heading of level N), `lN` (bulleted list
//! item at depth N) or `t` (table row, cells separated by tabs); PARENT is
//! the index of the enclosing numbered block or empty; LABEL is the label
//! Word prints and SUFFIX what follows it (`t` tab, `s` space, empty).
//! Block line numbers of a Word document point into this text.

use super::super::structure::RawBlock;
use crate::model::{Block, BlockKind, Footnote};

/// The first line of Word text.
pub const MAGIC: &str = "\u{1E}normdiff-word-text 1";

const RS: char = '\u{1E}';
const US: char = '\u{1F}';

/// A block to write.
pub(crate) struct FlatBlock<'a> {
    pub kind: String,
    pub parent: Option<usize>,
    pub label: Option<(&'a str, &'static str)>,
    pub text: &'a str,
}

/// Writes Word text.
#[derive(Debug)]
pub(crate) struct FlatWriter {
    out: String,
    blocks: usize,
}

impl Default for FlatWriter {
    fn default() -> Self {
        FlatWriter {
            out: format!("{MAGIC}\n"),
            blocks: 0,
        }
    }
}

/// `s` with the characters that would break a line or a field replaced
/// by spaces.
fn field(out: &mut String, s: &str) {
    out.extend(s.chars().map(|c| match c {
        '\n' | '\r' | RS | US => ' ',
        c => c,
    }));
}

impl FlatWriter {
    /// Blocks written so far.
    pub fn len(&self) -> usize {
        self.blocks
    }

    /// Writes a block.
    pub fn block(&mut self, b: &FlatBlock) {
        let o = &mut self.out;
        o.push(RS);
        o.push_str(&b.kind);
        o.push(US);
        if let Some(p) = b.parent {
            o.push_str(&p.to_string());
        }
        o.push(US);
        let (label, suffix) = b.label.unwrap_or(("", ""));
        field(o, label);
        o.push(US);
        o.push_str(match suffix {
            "\t" => "t",
            " " => "s",
            _ => "",
        });
        o.push(US);
        field(o, b.text.trim());
        o.push('\n');
        self.blocks += 1;
    }

    /// Writes a footnote or endnote.
    pub fn note(&mut self, mark: &str, text: &str) {
        let o = &mut self.out;
        o.push(RS);
        o.push('f');
        o.push(US);
        field(o, mark);
        o.push(US);
        field(o, text.trim());
        o.push('\n');
    }

    /// The text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Is `text` Word text?
pub(crate) fn is_word_text(text: &str) -> bool {
    text.starts_with(MAGIC)
}

/// The label Word printed for a raw block, and the bytes it and its
/// suffix take at the start of the raw text.
pub(crate) type Given = Option<(String, usize)>;

/// Reads Word text into raw blocks, footnotes and printed labels.
pub(crate) fn read(text: &str) -> (Vec<RawBlock>, Vec<Footnote>, Vec<Given>) {
    let (mut raws, mut notes, mut given) = (Vec::new(), Vec::new(), Vec::new());
    let mut pos = 0;
    for (i, line) in text.split('\n').enumerate() {
        let start = pos;
        pos += line.len() + 1;
        let Some(body) = line.strip_prefix(RS).filter(|_| i > 0) else {
            continue;
        };
        let no = i + 1;
        let mut f = body.split(US);
        let kind = f.next().unwrap_or("");
        if kind == "f" {
            let (mark, text) = (f.next().unwrap_or(""), f.next().unwrap_or(""));
            notes.push(Footnote {
                label: mark.to_owned(),
                text: text.to_owned(),
                lines: [no, no],
            });
            continue;
        }
        let parent = f.next().and_then(|p| p.parse().ok());
        let label = f.next().unwrap_or("");
        let suffix = match f.next().unwrap_or("") {
            "t" => "\t",
            "s" => " ",
            _ => "",
        };
        let body_text = f.next().unwrap_or("");
        let text_start = start + line.len() - body_text.len();
        let (kind, level) = kind_of(kind);
        let bullet = kind == BlockKind::ListItem && !label.is_empty();
        let mut t = String::new();
        let mut g = None;
        if !label.is_empty() && !bullet {
            // A label with nothing after it would run into the text.
            let suffix = if suffix.is_empty() { " " } else { suffix };
            t.push_str(label);
            t.push_str(suffix);
            g = Some((label.to_owned(), t.len()));
        }
        t.push_str(body_text);
        raws.push(RawBlock {
            kind,
            level,
            list_parent: parent.filter(|&p| p < raws.len()),
            text: t,
            markup: None,
            lines: [no, no],
            spans: vec![[text_start, start + line.len()]],
            bullet: bullet.then(|| label.to_owned()),
            heading_by_shape: false,
        });
        given.push(g);
    }
    (raws, notes, given)
}

fn kind_of(tag: &str) -> (BlockKind, u32) {
    let level = || tag[1..].parse().unwrap_or(0);
    match tag.chars().next() {
        Some('h') => (BlockKind::Heading, level().max(1)),
        Some('l') => (BlockKind::ListItem, level()),
        Some('t') => (BlockKind::TableRow, 0),
        _ => (BlockKind::Paragraph, 0),
    }
}

/// Gives every block Word numbered its printed label, where the label
/// reader did not recognise it (`1.1.2`, `A-`, `§ 3`): the label is data
/// Word printed, so it is kept as printed.
pub(crate) fn keep_printed_labels(blocks: &mut [Block], given: &[Given]) {
    for (b, g) in blocks.iter_mut().zip(given) {
        let Some((printed, len)) = g else { continue };
        if b.label.is_some() || !b.text.is_char_boundary(*len) {
            continue;
        }
        let label = printed
            .trim()
            .trim_end_matches(['.', ':'])
            .trim()
            .to_owned();
        if label.is_empty() {
            continue;
        }
        let key: String = label
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '.')
            .flat_map(char::to_lowercase)
            .collect();
        b.text.drain(..*len);
        b.marker = Some(printed.clone());
        b.label_key = Some(if key.is_empty() { label.clone() } else { key });
        b.label = Some(label);
    }
}
