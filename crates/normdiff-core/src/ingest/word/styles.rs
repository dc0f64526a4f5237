//! Paragraph styles (`styles.xml`): headings and numbering that a
//! paragraph takes from its style and the styles it is based on.

use super::xml::{attr, int_val, val, Xml};
use quick_xml::events::Event;
use std::collections::BTreeMap;

/// What a paragraph style says, before inheritance.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<i64>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: BTreeMap<String, Style>,
    default: Option<String>,
}

/// Longest `basedOn` chain followed (Word allows cycles in damaged files).
const MAX_CHAIN: usize = 16;

impl Styles {
    /// Parses `styles.xml`.
    pub fn parse(xml: &[u8]) -> Result<Styles, String> {
        let mut out = Styles::default();
        let mut r = Xml::new(xml, "word/styles.xml");
        let mut cur: Option<(String, Style)> = None;
        while let Some(ev) = r.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" if matches!(ev, Event::Start(_)) => {
                        let paragraph = attr(e, "type").is_none_or(|t| t == "paragraph");
                        let id = attr(e, "styleId").unwrap_or_default();
                        if paragraph && attr(e, "default").as_deref() == Some("1") {
                            out.default = Some(id.clone());
                        }
                        cur = paragraph.then(|| (id, Style::default()));
                    }
                    name => {
                        if let Some((_, s)) = cur.as_mut() {
                            match name {
                                "name" => s.name = val(e).unwrap_or_default(),
                                "basedOn" => s.based_on = val(e),
                                "outlineLvl" => s.outline = int_val(e),
                                "numId" => s.num_id = val(e),
                                "ilvl" => s.ilvl = val(e).and_then(|v| v.parse().ok()),
                                _ => {}
                            }
                        }
                    }
                },
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, s)) = cur.take() {
                        out.styles.insert(id, s);
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// The styles `id` inherits from, itself first (the default style when
    /// `id` is `None`).
    fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = (&'a str, &'a Style)> {
        let mut at = id.or(self.default.as_deref());
        (0..MAX_CHAIN).map_while(move |_| {
            let id = at?;
            let s = self.styles.get(id)?;
            at = s.based_on.as_deref();
            Some((id, s))
        })
    }

    /// The heading level (1-based) of a paragraph of style `id`, from the
    /// style's outline level or its name (`heading 2`, `Title`).
    pub fn heading(&self, id: Option<&str>) -> Option<u32> {
        for (_, s) in self.chain(id) {
            if let Some(o) = s.outline {
                return (0..9).contains(&o).then_some(o as u32 + 1);
            }
            let name = s.name.to_ascii_lowercase();
            if let Some(n) = name.strip_prefix("heading ") {
                return n.trim().parse().ok().filter(|n| (1..=9).contains(n));
            }
            if name == "title" {
                return Some(1);
            }
        }
        None
    }

    /// The numbering a style gives its paragraphs: `(numId, ilvl, style
    /// that set it)`.
    pub fn numbering(&self, id: Option<&str>) -> Option<(String, Option<usize>, String)> {
        self.chain(id).find_map(|(sid, s)| {
            s.num_id
                .as_ref()
                .map(|n| (n.clone(), s.ilvl, sid.to_owned()))
        })
    }
}
