//! One pass over a WordprocessingML part (`document.xml`, `footnotes.xml`,
//! `endnotes.xml`): paragraphs in body order with their text and the
//! properties that decide their label and kind.
//!
//! Text is the runs' `w:t` joined, so a word split into runs by formatting
//! reads whole. Table rows become one paragraph each (cells joined by a
//! tab, the paragraphs of a cell by a space). Text boxes and content
//! controls are read in place; field instructions, comments, hidden runs
//! and the `mc:Fallback` copy of a drawing are left out; a field reads as
//! its result. Tracked changes are applied as the [`Revisions`] choice
//! says, and counted.

use super::xml::{attr, on, reference, val, Xml};
use super::Revisions;
use quick_xml::events::{BytesStart, Event};

/// A paragraph (or table row) as found in the part.
#[derive(Debug, Clone, Default)]
pub(crate) struct Para {
    pub text: String,
    /// `w:pStyle`.
    pub style: Option<String>,
    /// `w:numPr`: `(numId, ilvl)`.
    pub num: Option<(String, Option<usize>)>,
    /// `w:outlineLvl`.
    pub outline: Option<i64>,
    /// A table row rather than a paragraph.
    pub row: bool,
    /// The note (`w:id` of the enclosing `w:footnote`/`w:endnote`).
    pub note: Option<String>,
    /// Footnote and endnote references in the text: `(endnote?, id, mark)`.
    pub refs: Vec<(bool, String, String)>,
    /// Whether the paragraph mark goes (deleted and accepted, or inserted
    /// and rejected): the text runs on into the next paragraph.
    mark_gone: bool,
    /// The whole paragraph is hidden text.
    hidden: bool,
}

/// The result of a walk.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    pub paras: Vec<Para>,
    /// Tracked changes met (insertions, deletions, moves, property changes).
    pub revisions: usize,
}

/// Walks one part. `marks` numbers footnote and endnote references in body
/// order (shared between parts).
pub(crate) fn walk(
    xml: &[u8],
    part: &str,
    revisions: Revisions,
    marks: &mut Marks,
) -> Result<Walked, String> {
    let mut w = Walker {
        rev: revisions,
        out: Walked::default(),
        open: Vec::new(),
        carry: None,
        ins: 0,
        del: 0,
        move_from: 0,
        move_to: 0,
        run_hidden: false,
        in_t: None,
        tables: Vec::new(),
        note: None,
        ppr: None,
        marks,
    };
    let mut r = Xml::new(xml, part);
    while let Some(ev) = r.next()? {
        match ev {
            Event::Start(e) => w.start(&e, &mut r)?,
            Event::Empty(e) => w.empty(&e),
            Event::End(e) => w.end(e.local_name().as_ref()),
            Event::Text(t) if w.in_t.is_some() => w.push_text(&t.xml10_content()),
            Event::GeneralRef(g) if w.in_t.is_some() => {
                if let Some(c) = reference(&g) {
                    w.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = w.carry.take() {
        w.out.paras.push(p);
    }
    Ok(w.out)
}

/// Sequential marks of footnote and endnote references.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    foot: u32,
    end: u32,
}

impl Marks {
    fn next(&mut self, endnote: bool) -> String {
        if endnote {
            self.end += 1;
            superscript_roman(self.end)
        } else {
            self.foot += 1;
            superscript_digits(self.foot)
        }
    }
}

fn superscript_digits(n: u32) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .map(|d| SUP[d.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

fn superscript_roman(n: u32) -> String {
    super::format::format_number(n as i64, "lowerRoman")
        .chars()
        .map(|c| match c {
            'i' => 'ⁱ',
            'v' => 'ᵛ',
            'x' => 'ˣ',
            'l' => 'ˡ',
            'm' => 'ᵐ',
            c => c,
        })
        .collect()
}

/// A table being read: the cells of the current row.
#[derive(Debug, Default)]
struct Table {
    cells: Vec<String>,
    cell: String,
}

struct Walker<'m> {
    rev: Revisions,
    out: Walked,
    /// Paragraphs open, innermost last (a text box opens one inside
    /// another).
    open: Vec<Para>,
    /// A paragraph whose mark went, waiting to be joined to the next.
    carry: Option<Para>,
    ins: usize,
    del: usize,
    move_from: usize,
    move_to: usize,
    run_hidden: bool,
    /// Inside `w:t` (`false`) or `w:delText` (`true`).
    in_t: Option<bool>,
    tables: Vec<Table>,
    note: Option<String>,
    /// Inside `w:pPr`: whether in its `w:rPr` too.
    ppr: Option<bool>,
    marks: &'m mut Marks,
}

impl Walker<'_> {
    /// Is content at this point part of the document as read?
    fn visible(&self) -> bool {
        !self.run_hidden
            && match self.rev {
                Revisions::Accept => self.del == 0 && self.move_from == 0,
                Revisions::Reject => self.ins == 0 && self.move_to == 0,
            }
    }

    fn push_text(&mut self, s: &str) {
        let deleted = self.in_t == Some(true);
        if (deleted && self.rev == Revisions::Accept) || !self.visible() {
            return;
        }
        if let Some(p) = self.open.last_mut() {
            p.text.push_str(s);
        }
    }

    fn push_char(&mut self, c: char) {
        if self.visible() {
            if let Some(p) = self.open.last_mut() {
                p.text.push(c);
            }
        }
    }

    fn count_revision(&mut self, name: &str) {
        if matches!(
            name,
            "ins" | "del" | "moveFrom" | "moveTo" | "numberingChange"
        ) || name.ends_with("PrChange")
        {
            self.out.revisions += 1;
        }
    }

    fn start(&mut self, e: &BytesStart, r: &mut Xml) -> Result<(), String> {
        let name = e.local_name();
        let name = name.as_ref();
        self.count_revision(name);
        match name {
            // Old properties, the fallback copy of a drawing, a content
            // control's properties, section properties: nothing to read.
            "Fallback" | "sdtPr" | "sdtEndPr" | "sectPr" | "instrText" | "delInstrText"
            | "footnotePr" | "endnotePr" => {
                self.count_skipped(r)?;
            }
            n if n.ends_with("PrChange") => self.count_skipped(r)?,
            "footnote" | "endnote" => {
                let kind = attr(e, "type");
                if matches!(
                    kind.as_deref(),
                    Some("separator" | "continuationSeparator" | "continuationNotice")
                ) {
                    r.skip_to_end(r.depth)?;
                } else {
                    self.note = attr(e, "id");
                }
            }
            "p" => self.open_para(),
            "pPr" => self.ppr = Some(false),
            "rPr" if self.ppr.is_some() => self.ppr = Some(true),
            "r" => self.run_hidden = false,
            "t" => self.in_t = Some(false),
            "delText" => self.in_t = Some(true),
            "ins" => self.ins += 1,
            "del" => self.del += 1,
            "moveFrom" => self.move_from += 1,
            "moveTo" => self.move_to += 1,
            "tbl" => self.tables.push(Table::default()),
            _ => self.property(name, e),
        }
        Ok(())
    }

    /// Skips an element, still counting the revisions inside it.
    fn count_skipped(&mut self, r: &mut Xml) -> Result<(), String> {
        let depth = r.depth;
        while r.depth >= depth {
            match r.next()? {
                Some(Event::Start(e) | Event::Empty(e)) => {
                    self.count_revision(e.local_name().as_ref())
                }
                Some(_) => {}
                None => break,
            }
        }
        Ok(())
    }

    fn empty(&mut self, e: &BytesStart) {
        let name = e.local_name();
        let name = name.as_ref();
        self.count_revision(name);
        match name {
            "p" => {
                self.open_para();
                self.close_para();
            }
            "tab" if self.ppr.is_none() => self.push_char('\t'),
            "br" | "cr" => self.push_char(' '),
            "noBreakHyphen" => self.push_char('\u{2011}'),
            "footnoteReference" | "endnoteReference" => {
                self.note_ref(name == "endnoteReference", e)
            }
            "ins" | "del" if self.ppr == Some(true) => {
                let gone = match self.rev {
                    Revisions::Accept => name == "del",
                    Revisions::Reject => name == "ins",
                };
                if let Some(p) = self.open.last_mut() {
                    p.mark_gone |= gone;
                }
            }
            _ => self.property(name, e),
        }
    }

    /// Paragraph and run properties that matter.
    fn property(&mut self, name: &str, e: &BytesStart) {
        match (self.ppr, name) {
            (Some(false), "pStyle") => {
                if let Some(p) = self.open.last_mut() {
                    p.style = val(e);
                }
            }
            (Some(false), "numId") => {
                if let Some(p) = self.open.last_mut() {
                    let ilvl = p.num.as_ref().and_then(|n| n.1);
                    p.num = Some((val(e).unwrap_or_default(), ilvl));
                }
            }
            (Some(false), "ilvl") => {
                if let Some(p) = self.open.last_mut() {
                    let lvl = val(e).and_then(|v| v.parse().ok());
                    let id = p.num.take().map(|n| n.0).unwrap_or_default();
                    p.num = Some((id, lvl));
                }
            }
            (Some(false), "outlineLvl") => {
                if let Some(p) = self.open.last_mut() {
                    p.outline = super::xml::int_val(e);
                }
            }
            (Some(true), "vanish") => {
                if let Some(p) = self.open.last_mut() {
                    p.hidden = on(e);
                }
            }
            (None, "vanish" | "webHidden") => self.run_hidden = on(e),
            _ => {}
        }
    }

    fn note_ref(&mut self, endnote: bool, e: &BytesStart) {
        if !self.visible() || attr(e, "customMarkFollows").is_some_and(|v| v == "1" || v == "true")
        {
            return;
        }
        let Some(id) = attr(e, "id") else { return };
        let mark = self.marks.next(endnote);
        if let Some(p) = self.open.last_mut() {
            p.text.push_str(&mark);
            p.refs.push((endnote, id, mark));
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" => self.close_para(),
            "pPr" => self.ppr = None,
            "rPr" if self.ppr == Some(true) => self.ppr = Some(false),
            "t" | "delText" => self.in_t = None,
            "r" => self.run_hidden = false,
            "ins" => self.ins = self.ins.saturating_sub(1),
            "del" => self.del = self.del.saturating_sub(1),
            "moveFrom" => self.move_from = self.move_from.saturating_sub(1),
            "moveTo" => self.move_to = self.move_to.saturating_sub(1),
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.cells.push(cell.trim().to_owned());
                }
            }
            "tr" => self.close_row(),
            "tbl" => {
                self.tables.pop();
            }
            "footnote" | "endnote" => self.note = None,
            _ => {}
        }
    }

    fn open_para(&mut self) {
        self.open.push(Para {
            note: self.note.clone(),
            ..Para::default()
        });
    }

    fn close_para(&mut self) {
        let Some(mut p) = self.open.pop() else { return };
        // Text boxes open paragraphs inside a paragraph; a carried
        // paragraph joins the next one at its own level only.
        if self.open.is_empty() {
            if let Some(c) = self.carry.take() {
                p = join(c, p);
            }
            if p.mark_gone {
                self.carry = Some(p);
                return;
            }
        }
        if p.hidden && p.text.trim().is_empty() {
            return;
        }
        if let (Some(t), true) = (self.tables.last_mut(), self.open.is_empty()) {
            if !t.cell.is_empty() && !p.text.trim().is_empty() {
                t.cell.push(' ');
            }
            t.cell.push_str(p.text.trim());
            // A numbered paragraph in a cell still counts in its list.
            if p.num.is_some() {
                self.out.paras.push(Para {
                    text: String::new(),
                    ..p
                });
            }
            return;
        }
        self.out.paras.push(p);
    }

    fn close_row(&mut self) {
        let depth = self.tables.len();
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let cells = std::mem::take(&mut t.cells);
        let text = cells.join("\t");
        if depth > 1 {
            // A nested table's row is part of the outer cell's text.
            let outer = self.tables.len() - 2;
            let cell = &mut self.tables[outer].cell;
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text.replace('\t', " "));
            return;
        }
        if text.trim().is_empty() {
            return;
        }
        self.out.paras.push(Para {
            text,
            row: true,
            note: self.note.clone(),
            ..Para::default()
        });
    }
}

/// The paragraph that results when `first`'s mark goes: its text runs on
/// into `next`; the properties are `first`'s unless it had no text.
fn join(first: Para, next: Para) -> Para {
    let mut first = first;
    let mut next = next;
    let mut text = std::mem::take(&mut first.text);
    text.push_str(&next.text);
    let mut refs = std::mem::take(&mut first.refs);
    refs.append(&mut next.refs);
    let base = if text.len() == next.text.len() {
        next
    } else {
        Para {
            mark_gone: next.mark_gone,
            ..first.with_text()
        }
    };
    Para { text, refs, ..base }
}

impl Para {
    fn with_text(self) -> Para {
        Para {
            text: String::new(),
            refs: Vec::new(),
            ..self
        }
    }
}
