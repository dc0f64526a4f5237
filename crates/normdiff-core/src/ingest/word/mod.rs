//! The Word (`.docx`) reader.
//!
//! A `.docx` is a ZIP package of XML parts (`package.rs`). The reader walks
//! the main document part (`walk.rs`) and prints, for each paragraph, the
//! label Word would print for it (`numbering.rs`, `format.rs`), its heading
//! level (`styles.rs`) and its footnote marks; footnotes and endnotes are
//! read from their parts and set aside. The result is *Word text*
//! (`flat.rs`): one line per block with its kind, parent and label, which
//! [`super::ingest`] reads into the same [`crate::Document`] as the text
//! readers, so every later stage (alignment, diff, history, check) works
//! on Word input unchanged and block line numbers point into that text.
//!
//! Tracked changes are read as accepted ([`Revisions::Accept`], Word's
//! "final" view) or rejected, and counted.

pub(crate) mod flat;
mod format;
mod numbering;
mod package;
mod styles;
mod walk;
mod xml;

use crate::error::{Error, ErrorKind, Result};
use flat::{FlatBlock, FlatWriter};
use numbering::{Counters, Numbering, Printed};
use package::Package;
use std::collections::BTreeMap;
use styles::Styles;
use walk::{walk, Marks, Para};
use xml::damaged;

pub use flat::MAGIC;

/// Which text of a document with tracked changes to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Revisions {
    /// As if every change were accepted (what Word shows as "final").
    #[default]
    Accept,
    /// As if every change were rejected (the text before the changes).
    Reject,
}

/// Options of the Word reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordOptions {
    /// How to read tracked changes.
    pub revisions: Revisions,
}

/// A Word document read into Word text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordText {
    /// The Word text: read it with [`fn@crate::ingest`] (any format).
    pub text: String,
    /// Tracked changes in the document (insertions, deletions, moves and
    /// property changes, each counted once).
    pub revisions: usize,
}

/// Does `bytes` start like a ZIP archive (a `.docx`, `.xlsx`, `.odt`...)?
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Does `bytes` start like an OLE compound file (a legacy `.doc`, or a
/// password-protected `.docx`)?
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The error for an OLE compound file: encrypted Office document or
/// legacy binary `.doc`.
pub fn ole_error(bytes: &[u8], name: &str) -> Error {
    let marker: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let encrypted = bytes.windows(marker.len()).any(|w| w == marker.as_slice());
    let what = if encrypted {
        "password-protected (encrypted) Office document; save an unprotected copy as .docx"
    } else {
        "an OLE compound file (legacy Word .doc or other Office binary), not .docx; save it as .docx"
    };
    Error::new(name, ErrorKind::Invalid(what.to_owned()))
}

/// Reads the `.docx` in `bytes` (the file called `name`) into Word text.
///
/// Errors name the file: a damaged or truncated archive, a ZIP archive
/// that holds no Word document, malformed or too deeply nested XML, a part
/// that decompresses past the bounds of `package.rs`.
pub fn read_word(bytes: &[u8], name: &str, opts: &WordOptions) -> Result<WordText> {
    if is_ole(bytes) {
        return Err(ole_error(bytes, name));
    }
    let mut pkg = Package::open(bytes, name)?;
    let parts = pkg.parts()?;
    let bad = |e: String| damaged(name, &format!("damaged Word file: {e}"));
    let part = |pkg: &mut Package, kind: &str, default: &str| -> Result<Option<Vec<u8>>> {
        let path = parts.related.get(kind).map_or(default, String::as_str);
        pkg.read(path)
    };
    let numbering = match part(&mut pkg, "numbering", "word/numbering.xml")? {
        Some(x) => Numbering::parse(&x).map_err(bad)?,
        None => Numbering::default(),
    };
    let styles = match part(&mut pkg, "styles", "word/styles.xml")? {
        Some(x) => Styles::parse(&x).map_err(bad)?,
        None => Styles::default(),
    };
    let document = pkg.read(&parts.document)?.unwrap_or_default();
    let mut marks = Marks::default();
    let body = walk(&document, &parts.document, opts.revisions, &mut marks).map_err(bad)?;
    let mut revisions = body.revisions;
    let mut notes: [BTreeMap<String, String>; 2] = Default::default();
    for (i, (kind, default)) in [
        ("footnotes", "word/footnotes.xml"),
        ("endnotes", "word/endnotes.xml"),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(x) = part(&mut pkg, kind, default)? {
            let walked = walk(&x, default, opts.revisions, &mut Marks::default()).map_err(bad)?;
            revisions += walked.revisions;
            notes[i] = note_texts(walked.paras);
        }
    }
    let text = write_blocks(&body.paras, &numbering, &styles, &notes);
    Ok(WordText { text, revisions })
}

/// The text of each note, its paragraphs joined by a space.
fn note_texts(paras: Vec<Para>) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for p in paras {
        let Some(id) = p.note else { continue };
        let t = out.entry(id).or_default();
        let add = p.text.trim();
        if !t.is_empty() && !add.is_empty() {
            t.push(' ');
        }
        t.push_str(add);
    }
    out
}

/// Labels, kinds and parents of the body paragraphs, written as Word text
/// with the notes after them in the order they are referenced.
fn write_blocks(
    paras: &[Para],
    numbering: &Numbering,
    styles: &Styles,
    notes: &[BTreeMap<String, String>; 2],
) -> String {
    let mut w = FlatWriter::default();
    let mut counters = Counters::default();
    // List → open levels `(ilvl, block index)`, for parents.
    let mut stacks: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut refs = Vec::new();
    for p in paras {
        let (printed, ilvl) = match numbering_of(p, styles, numbering) {
            Some((num, ilvl)) => (counters.next(numbering, &num, ilvl), ilvl),
            None => (None, 0),
        };
        if p.text.trim().is_empty() {
            continue;
        }
        let heading = match p.outline {
            Some(o) => (0..9).contains(&o).then_some(o as u32 + 1),
            None => styles.heading(p.style.as_deref()),
        };
        let index = w.len();
        let parent = printed.as_ref().and_then(|pr| {
            let stack = stacks.entry(pr.list.clone()).or_default();
            while stack.last().is_some_and(|&(l, _)| l >= ilvl) {
                stack.pop();
            }
            let parent = stack.last().map(|&(_, i)| i);
            stack.push((ilvl, index));
            parent
        });
        w.block(&FlatBlock {
            kind: kind_tag(p, heading, printed.as_ref(), ilvl),
            parent,
            label: printed.as_ref().map(|p| (p.label.as_str(), p.suffix)),
            text: &p.text,
        });
        refs.extend(p.refs.iter().cloned());
    }
    for (endnote, id, mark) in refs {
        let text = notes[usize::from(endnote)]
            .get(&id)
            .map_or("", String::as_str);
        w.note(&mark, text);
    }
    w.finish()
}

/// `(numId, ilvl)` of a paragraph, from its own properties or its style.
fn numbering_of(p: &Para, styles: &Styles, numbering: &Numbering) -> Option<(String, usize)> {
    let from_style = styles.numbering(p.style.as_deref());
    let (num, ilvl) = match (&p.num, from_style) {
        (Some((id, lvl)), style) if !id.is_empty() => {
            let lvl = lvl.or_else(|| style.and_then(|s| s.1));
            (id.clone(), lvl)
        }
        (Some((_, lvl)), Some((id, slvl, _))) => (id, lvl.or(slvl)),
        (None, Some((id, lvl, sid))) => {
            let lvl = lvl.or_else(|| numbering.level_of_style(&id, &sid));
            (id, lvl)
        }
        _ => return None,
    };
    (num != "0").then_some((num, ilvl.unwrap_or(0)))
}

fn kind_tag(p: &Para, heading: Option<u32>, printed: Option<&Printed>, ilvl: usize) -> String {
    if p.row {
        return "t".into();
    }
    if let Some(h) = heading {
        return format!("h{h}");
    }
    match printed {
        Some(pr) if pr.bullet => format!("l{ilvl}"),
        _ => "p".into(),
    }
}
