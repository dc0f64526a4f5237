//! The document model: what ingestion produces and every later stage reads.
//!
//! A [`Document`] is an ordered list of [`Block`]s plus the footnotes that
//! were set aside and the [`Repair`]s made to PDF- or Word-converted text.
//! Labels are data, not identity: drafts renumber paragraphs, so identity
//! across versions comes from alignment.
//!
//! Units: `index` is 0-based; `lines` are 1-based and inclusive, counted in
//! the decoded text (LF line ends); byte spans are offsets into that text.

use serde::Serialize;

/// What kind of block a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading (Markdown heading, section heading such as `II. Droit
    /// international`, or an article heading such as `Article premier`).
    Heading,
    /// A running paragraph, numbered or not.
    Paragraph,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A row of a table, or a tab-separated line (agenda, table of contents).
    TableRow,
    /// A paragraph inside a block quote.
    Quote,
    /// A code block (kept verbatim).
    Code,
}

/// One block of a document: a paragraph, heading, list item, table row...
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Position in document order, 0-based.
    pub index: usize,
    /// The kind of block.
    pub kind: BlockKind,
    /// The label the text prints, normalized: without trailing `.` or ` :`
    /// and without a leading `Norme`/`Point` word (`"18"`, `"13 a)"`,
    /// `"a)"`, `"II"`, `"Article premier"`, `"第一条"`), or `None`.
    pub label: Option<String>,
    /// The label reduced to a comparison key (`"18"`, `"13a"`, `"a"`,
    /// `"sec:2"`, `"art:1"`): equal keys mean the same number in any script.
    pub label_key: Option<String>,
    /// The exact text of the label as printed, including any `Norme` word
    /// and trailing punctuation (`"Norme 13 a) :"`), or `None`.
    pub marker: Option<String>,
    /// How the label was read (scheme, value path, exact printed prefix),
    /// or `None` without a label; omitted from JSON when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_info: Option<LabelInfo>,
    /// Index of the enclosing block: the numbered paragraph of a
    /// sub-paragraph `a)`, or the parent item of a nested list item.
    pub parent: Option<usize>,
    /// Nesting depth: heading level for headings, list depth (0-based) for
    /// list items, quote depth for quotes, 0 otherwise.
    pub level: u32,
    /// The block's text after the label, repaired (hard wraps and page
    /// breaks joined), with Markdown inline markup removed. This is the text
    /// that comparison, diff and search work on.
    pub text: String,
    /// For Markdown input, the inline source with its markup, when it
    /// differs from `text`; `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markup: Option<String>,
    /// First and last source line, 1-based and inclusive.
    pub lines: [usize; 2],
    /// Byte ranges of the decoded source that make up this block (several
    /// when a page break split it).
    pub spans: Vec<[usize; 2]>,
}

impl Block {
    /// The label, or a placeholder naming the block by position (`#12`,
    /// 1-based), for headings in reports.
    pub fn display_label(&self) -> String {
        match &self.label {
            Some(l) => l.clone(),
            None => format!("#{}", self.index + 1),
        }
    }
}

/// How a block's label was read (see `ingest::label` for the schemes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabelInfo {
    /// The numbering scheme (`decimal`, `numbered`, `sub`, `article`...).
    pub scheme: String,
    /// The label's own value path: `[2, 7]` for `2.7`, `[13, 1]` for
    /// `13 a)` (letters by rank in their alphabet). Equal values written
    /// with other characters (`13`/`１３`/`١٣`) are the same number.
    pub value: Vec<u32>,
    /// The exact text the label took from the start of the block: the
    /// marker and the spaces after it (`"13.\u{a0}"`).
    pub printed: String,
}

/// A footnote set aside from the running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// The marker as printed: `"¹"`, `"²³"`, `"*"`, `"1"` (for `[^1]:`).
    pub label: String,
    /// The footnote's text, without its marker.
    pub text: String,
    /// First and last source line, 1-based and inclusive.
    pub lines: [usize; 2],
}

/// What kind of repair was made to converted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// Two blocks rejoined: a paragraph split by a page break.
    PageBreakJoin,
    /// A footnote set aside from the running text.
    FootnoteRemoved,
    /// Hard-wrapped lines joined into one block.
    LineJoin,
    /// An end-of-line hyphen removed when joining a split word.
    Dehyphenate,
    /// Markdown nesting too deep to parse; the input was read as plain text.
    MarkdownTooDeep,
    /// Page furniture removed from converted text: running headers and
    /// footers, page counters, job numbers (`A/76/135`, `21-09447 (E)`,
    /// `3/27`) left at a page break.
    PageFurniture,
    /// PDF glyphs without a Unicode mapping left out of the text (Arabic
    /// kashida fillers, and glyphs whose font maps them to nothing).
    UnmappedGlyphs,
}

/// One repair made while ingesting converted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repair {
    /// What was done.
    pub kind: RepairKind,
    /// Source lines involved, 1-based and inclusive (for a page-break join:
    /// the first part's first line to the second part's last line).
    pub lines: [usize; 2],
    /// For page-break joins, the line where the continuation starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continued_at: Option<usize>,
    /// Index of the resulting block, if the repair produced one.
    pub block: Option<usize>,
    /// A short human-readable description.
    pub detail: String,
}

/// How the text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text, often converted from PDF or Word.
    #[default]
    Text,
    /// CommonMark/GFM Markdown.
    Markdown,
    /// A Word (`.docx`) document, read as Word text (see `ingest::word`).
    Word,
    /// A text PDF, read by `normdiff-pdf` into plain-text layout (line
    /// numbers count in that text).
    Pdf,
}

/// A notable character found in the text (invisible or look-alike).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CharNote {
    /// Block index, or `None` in a footnote or outside blocks.
    pub block: Option<usize>,
    /// 1-based source line.
    pub line: usize,
    /// The code point as `U+XXXX`.
    pub code_point: String,
    /// What it is: `invisible` or `mixed-script`.
    pub class: String,
    /// The word it stands in, for context.
    pub context: String,
}

/// A document as ingested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Document {
    /// How the text was read.
    pub format: SourceFormat,
    /// Blocks in document order.
    pub blocks: Vec<Block>,
    /// Footnotes set aside, in document order.
    pub footnotes: Vec<Footnote>,
    /// Repairs made, in document order.
    pub repairs: Vec<Repair>,
    /// Invisible and mixed-script characters found.
    pub char_notes: Vec<CharNote>,
}

impl Document {
    /// The label keys of block `index` and its ancestors, outermost first,
    /// joined with `/` (`"30/a"` for sub-paragraph `a)` of paragraph 30), or
    /// `None` when the block has no label. A sub-paragraph whose paragraph
    /// was renumbered has a different path even though its own label is
    /// the same.
    pub fn label_path(&self, index: usize) -> Option<String> {
        let block = self.blocks.get(index)?;
        block.label_key.as_ref()?;
        let mut keys = Vec::new();
        let mut at = Some(index);
        // Parents always come earlier; the bound guards against cycles.
        for _ in 0..64 {
            let Some(i) = at else { break };
            let b = &self.blocks[i];
            if let Some(k) = &b.label_key {
                keys.push(k.as_str());
            }
            at = b.parent.filter(|&p| p < i);
        }
        keys.reverse();
        Some(keys.join("/"))
    }

    /// Labelled ancestors of block `index` and the block itself, outermost
    /// first (at most 64: parents always come earlier).
    fn labelled_chain(&self, index: usize) -> Vec<&Block> {
        let mut chain = Vec::new();
        let mut at = Some(index);
        for _ in 0..64 {
            let Some(i) = at else { break };
            let Some(b) = self.blocks.get(i) else { break };
            if b.label_info.is_some() {
                chain.push(b);
            }
            at = b.parent.filter(|&p| p < i);
        }
        chain.reverse();
        chain
    }

    /// The qualified value path of block `index`: its parents' values and
    /// its own (`[4, 2]` for a `(b)` under `4.`); a label that prints its
    /// parents (`2.7`, `13 a)`) is its own path. `None` without a label.
    pub fn value_path(&self, index: usize) -> Option<Vec<u32>> {
        self.blocks.get(index)?.label_info.as_ref()?;
        let mut path = Vec::new();
        for b in self.labelled_chain(index) {
            let v = &b.label_info.as_ref()?.value;
            if v.len() > 1 {
                path.clone_from(v);
            } else {
                path.extend_from_slice(v);
            }
        }
        Some(path)
    }

    /// The label of block `index` qualified by its parents' labels where
    /// the bare label would be ambiguous: `24 a)` for sub-paragraph `a)` of
    /// paragraph 24, `4(b)` for a `(b)` under `4.`; a label that prints its
    /// parents (`2.7`, `1.a`) and top-level labels stay as they are.
    pub fn qualified_label(&self, index: usize) -> Option<String> {
        self.blocks.get(index)?.label.as_ref()?;
        let mut out = String::new();
        for b in self.labelled_chain(index) {
            let (Some(l), Some(info)) = (&b.label, &b.label_info) else {
                continue;
            };
            // Headings, goals, sections and articles do not qualify their
            // paragraphs' numbers; a label that prints its parents starts over.
            let qualifies = matches!(
                info.scheme.as_str(),
                "numbered" | "decimal" | "paragraph-word" | "sub"
            ) && b.kind != BlockKind::Heading;
            if info.value.len() > 1 || !qualifies {
                out.clear();
                if b.index != index && !qualifies {
                    continue;
                }
            } else if !out.is_empty() && !l.starts_with('(') {
                out.push(' ');
            }
            out.push_str(l);
        }
        Some(out)
    }

    /// The block with the given label, if exactly one has it.
    pub fn block_by_label(&self, label: &str) -> Option<&Block> {
        let mut it = self
            .blocks
            .iter()
            .filter(|b| b.label.as_deref() == Some(label));
        match (it.next(), it.next()) {
            (Some(b), None) => Some(b),
            _ => None,
        }
    }
}
