//! A thin layer over quick-xml for WordprocessingML: attributes by local
//! name, entity references resolved, and a bound on element depth.

use crate::error::{Error, ErrorKind};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

/// Deepest element nesting accepted (Word writes a few dozen levels).
pub(crate) const MAX_DEPTH: usize = 512;

/// The error for a damaged or unreadable Word file.
pub(crate) fn damaged(name: &str, what: &str) -> Error {
    Error::new(name, ErrorKind::Invalid(what.to_owned()))
}

/// A pull reader over one XML part that tracks its depth.
pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    /// Current element depth (after the last event).
    pub depth: usize,
}

impl<'a> Xml<'a> {
    /// A reader over `bytes`, the part called `part` (named in errors).
    pub fn new(bytes: &'a [u8], part: &'a str) -> Xml<'a> {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().expand_empty_elements = false;
        Xml {
            reader,
            part,
            depth: 0,
        }
    }

    /// The next event, `None` at the end. Errors say what is wrong with
    /// the part, without the file name (the caller adds it).
    pub fn next(&mut self) -> std::result::Result<Option<Event<'a>>, String> {
        let ev = self
            .reader
            .read_event()
            .map_err(|e| format!("{}: malformed XML ({e})", self.part))?;
        match &ev {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(format!(
                        "{}: elements nested deeper than {MAX_DEPTH} levels",
                        self.part
                    ));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof => {
                if self.depth > 0 {
                    return Err(format!("{}: truncated XML", self.part));
                }
                return Ok(None);
            }
            _ => {}
        }
        Ok(Some(ev))
    }

    /// Skips to the end of the element just started (depth `depth`).
    pub fn skip_to_end(&mut self, depth: usize) -> std::result::Result<(), String> {
        while self.depth >= depth {
            if self.next()?.is_none() {
                break;
            }
        }
        Ok(())
    }
}

/// The value of the attribute with local name `local` (any prefix).
pub(crate) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == local).then(|| a.value.clone().into_owned()))
}

/// `w:val` of an element.
pub(crate) fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

/// Is a toggle property on (`<w:vanish/>`, `<w:vanish w:val="true"/>`)?
pub(crate) fn on(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

/// `w:val` as an integer.
pub(crate) fn int_val(e: &BytesStart) -> Option<i64> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// The text an entity or character reference stands for.
pub(crate) fn reference(r: &BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.xml10_content().as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}
