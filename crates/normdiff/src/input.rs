//! Reading input files into documents, with errors that name the file.

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use normdiff_core::ingest::sniff::{sniff, Sniffed};
use normdiff_core::ingest::word::{read_word, Revisions, WordOptions};
use normdiff_core::{decode_owned, ingest, Document, InputFormat};
use std::io::Read;

/// How to read an input file.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputKind {
    /// By content, then by file name: a Word document (.docx) is read as
    /// Word; `.md`/`.markdown` is Markdown, anything else plain text.
    Auto,
    /// Plain text, as converted from PDF or Word.
    Text,
    /// Markdown.
    Markdown,
}

/// How to read tracked changes in a Word document.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RevisionsArg {
    /// The document with every tracked change accepted (Word's final view).
    Accept,
    /// The document with every tracked change rejected (the text before).
    Reject,
}

/// Input options shared by every subcommand that reads documents.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// How to read input files.
    #[arg(long, value_enum, default_value = "auto", global = true)]
    pub input_format: InputKind,
    /// Refuse input files larger than this many bytes (suffixes K, M, G).
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size, global = true)]
    pub max_size: usize,
    /// Tracked changes in Word (.docx) input: read the text with all of
    /// them accepted, or all rejected. A warning says how many there were.
    #[arg(long, value_enum, default_value = "accept", global = true)]
    pub revisions: RevisionsArg,
}

/// Parses `64M`, `512K`, `1G` or a plain byte count.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, 'K' | 'k')) => (&s[..i], 1024),
        Some((i, 'M' | 'm')) => (&s[..i], 1024 * 1024),
        Some((i, 'G' | 'g')) => (&s[..i], 1024 * 1024 * 1024),
        _ => (s, 1),
    };
    num.parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("not a size: {s:?} (examples: 1000000, 512K, 64M)"))
}

/// `path` made safe to print (see [`normdiff_core::shown_name`]); bytes
/// that are not UTF-8 are written `\xNN`.
pub fn shown_path(path: &std::path::Path) -> String {
    #[cfg(unix)]
    let name = {
        use std::os::unix::ffi::OsStrExt;
        normdiff_core::name_from_bytes(path.as_os_str().as_bytes())
    };
    #[cfg(not(unix))]
    let name = path.to_string_lossy().into_owned();
    normdiff_core::shown_name(&name)
}

/// Reads the bytes of `path` (`-` is standard input), refusing more than
/// `max_size` bytes.
pub fn read_bytes(path: &str, max_size: usize) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let path_shown = normdiff_core::shown_name(path);
    let limit = max_size as u64 + 1;
    if path == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        let f = std::fs::File::open(path).with_context(|| format!("{path_shown}: cannot open"))?;
        crate::output::note_input(std::path::Path::new(path));
        let meta = f.metadata().ok();
        if meta.as_ref().is_some_and(|m| m.is_dir()) {
            bail!("{path_shown}: is a directory, not a file");
        }
        // One buffer of the right size (plus the byte that shows the end),
        // rather than one grown by doubling: a regular file says its size.
        if let Some(len) = meta.filter(|m| m.is_file()).map(|m| m.len().min(limit)) {
            bytes.reserve_exact(usize::try_from(len).unwrap_or(0) + 1);
        }
        f.take(limit)
            .read_to_end(&mut bytes)
            .with_context(|| format!("{path_shown}: cannot read"))?;
    }
    if bytes.len() > max_size {
        bail!("{path_shown}: larger than the limit of {max_size} bytes (raise it with --max-size)");
    }
    Ok(bytes)
}

/// Reads, decodes and ingests the document at `path` (a PDF, found by
/// its `%PDF-` signature, through the PDF reader).
pub fn read_document(path: &str, args: &InputArgs) -> anyhow::Result<Document> {
    let bytes = read_bytes(path, args.max_size)?;
    let name = if path == "-" {
        "<stdin>".to_owned()
    } else {
        normdiff_core::shown_name(path)
    };
    document_from_bytes(bytes, &name, path, args)
}

/// Ingests the bytes of the input called `name`, choosing the reader by
/// content (a Word document is read as Word whatever its name) and then
/// by the file name `path` (Markdown or text).
pub fn document_from_bytes(
    bytes: Vec<u8>,
    name: &str,
    path: &str,
    args: &InputArgs,
) -> anyhow::Result<Document> {
    if let Some(doc) = pdf_document(&bytes, name)? {
        return Ok(doc);
    }
    if sniff(&bytes) == Sniffed::Word {
        let opts = WordOptions {
            revisions: match args.revisions {
                RevisionsArg::Accept => Revisions::Accept,
                RevisionsArg::Reject => Revisions::Reject,
            },
        };
        let word = read_word(&bytes, name, &opts)?;
        if word.revisions > 0 {
            let (done, other) = match opts.revisions {
                Revisions::Accept => ("accepted", "reject"),
                Revisions::Reject => ("rejected", "accept"),
            };
            eprintln!(
                "normdiff: warning: {name}: {} tracked change(s) read as {done} (--revisions {other} for the other reading)",
                word.revisions
            );
        }
        return Ok(ingest(&word.text, InputFormat::Text));
    }
    let decoded = decode_owned(bytes, name)?;
    Ok(ingest(&decoded.text, input_format(path, args.input_format)))
}

/// The document of a PDF's bytes, or `None` when they are not a PDF.
pub fn pdf_document(bytes: &[u8], name: &str) -> anyhow::Result<Option<Document>> {
    if !normdiff_pdf::is_pdf(bytes) {
        return Ok(None);
    }
    Ok(Some(normdiff_pdf::to_document(
        bytes,
        name,
        &normdiff_pdf::Options::default(),
    )?))
}

/// The text of a file's bytes: a PDF's layout text (what its document is
/// read from), or the decoded text.
pub fn text_of(bytes: &[u8], name: &str) -> anyhow::Result<String> {
    if normdiff_pdf::is_pdf(bytes) {
        return Ok(normdiff_pdf::to_text(bytes, name, &normdiff_pdf::Options::default())?.text);
    }
    Ok(normdiff_core::decode(bytes, name)?.text)
}

/// The input format for `path` under the user's choice.
pub fn input_format(path: &str, kind: InputKind) -> InputFormat {
    match kind {
        InputKind::Auto => InputFormat::from_path(path),
        InputKind::Text => InputFormat::Text,
        InputKind::Markdown => InputFormat::Markdown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 * 1024 * 1024));
        assert_eq!(parse_size("10"), Ok(10));
        assert!(parse_size("ten").is_err());
    }
}
