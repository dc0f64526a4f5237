//! The ZIP package of a `.docx`: its parts, read with bounds.
//!
//! Only stored and deflated entries are read (the `zip` crate is built with
//! deflate alone). Every part is read through a limit, whatever size its
//! header claims, so a ZIP bomb stops at [`MAX_PART`] bytes per part and
//! [`MAX_TOTAL`] bytes in all.

use super::xml::{attr, damaged, Xml};
use crate::error::Result;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// Largest decompressed part read, in bytes.
pub(crate) const MAX_PART: u64 = 256 * 1024 * 1024;
/// Largest decompressed total read from one package, in bytes.
pub(crate) const MAX_TOTAL: u64 = 512 * 1024 * 1024;

/// An opened package.
pub(crate) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    name: &'a str,
    read_so_far: u64,
}

/// The parts of a Word document that the reader needs, by role.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub document: String,
    /// Relationship type suffix (`numbering`, `styles`, `footnotes`,
    /// `endnotes`) → part name.
    pub related: BTreeMap<String, String>,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a ZIP archive.
    pub fn open(bytes: &'a [u8], name: &'a str) -> Result<Package<'a>> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            damaged(
                name,
                &format!("damaged or truncated ZIP archive ({e}); is it a complete .docx?"),
            )
        })?;
        Ok(Package {
            zip,
            name,
            read_so_far: 0,
        })
    }

    /// Does the package hold a part of this name?
    pub fn has(&self, part: &str) -> bool {
        self.zip.index_for_name(part).is_some()
    }

    /// The bytes of `part`, or `None` when there is no such part.
    pub fn read(&mut self, part: &str) -> Result<Option<Vec<u8>>> {
        let Some(i) = self.zip.index_for_name(part) else {
            return Ok(None);
        };
        let name = self.name;
        let mut file = self
            .zip
            .by_index(i)
            .map_err(|e| damaged(name, &format!("cannot read part {part} ({e})")))?;
        let budget = MAX_PART.min(MAX_TOTAL.saturating_sub(self.read_so_far));
        let mut out = Vec::with_capacity(file.size().min(budget) as usize);
        (&mut file)
            .take(budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| damaged(name, &format!("cannot read part {part} ({e})")))?;
        if out.len() as u64 > budget {
            return Err(damaged(
                name,
                &format!("part {part} decompresses to more than {budget} bytes (a ZIP bomb?)"),
            ));
        }
        self.read_so_far += out.len() as u64;
        Ok(Some(out))
    }

    /// Finds the main document part and its related parts through the
    /// package relationships (falling back to the usual names).
    pub fn parts(&mut self) -> Result<Parts> {
        let mut document = rel_targets(self.read("_rels/.rels")?.as_deref(), "")
            .remove("officeDocument")
            .unwrap_or_else(|| "word/document.xml".to_owned());
        if !self.has(&document) && self.has("word/document.xml") {
            document = "word/document.xml".to_owned();
        }
        if !self.has(&document) {
            return Err(damaged(
                self.name,
                "a ZIP archive but not a Word document (no word/document.xml)",
            ));
        }
        let (dir, file) = document.rsplit_once('/').unwrap_or(("", &document));
        let rels = format!("{dir}/_rels/{file}.rels");
        let related = rel_targets(self.read(rels.trim_start_matches('/'))?.as_deref(), dir);
        Ok(Parts { document, related })
    }
}

/// Relationship type suffix → target part name, resolved against `dir`.
/// A missing or unreadable relationship part gives an empty map.
fn rel_targets(xml: Option<&[u8]>, dir: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(xml) = xml else { return out };
    let mut r = Xml::new(xml, "rels");
    while let Ok(Some(ev)) = r.next() {
        if let Event::Start(e) | Event::Empty(e) = &ev {
            if e.local_name().as_ref() != "Relationship" || attr(e, "TargetMode").is_some() {
                continue;
            }
            let (Some(ty), Some(target)) = (attr(e, "Type"), attr(e, "Target")) else {
                continue;
            };
            let kind = ty.rsplit('/').next().unwrap_or("").to_owned();
            let path = match target.strip_prefix('/') {
                Some(abs) => abs.to_owned(),
                None if dir.is_empty() => target,
                None => format!("{dir}/{target}"),
            };
            out.entry(kind).or_insert(path);
        }
    }
    out
}
