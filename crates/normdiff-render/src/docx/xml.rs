//! WordprocessingML for the redline: paragraphs of runs, each run plain or
//! inside a revision.

use super::DocxOptions;
use normdiff_core::{Block, BlockKind};
use std::fmt::Write as _;

/// The revision a run (or a paragraph mark) is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rev {
    None,
    Ins,
    Del,
    MoveFrom,
    MoveTo,
}

/// A paragraph to write.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    /// `Heading1`... for headings.
    style: Option<String>,
    /// The revision the paragraph mark belongs to.
    pub mark: Option<Rev>,
    runs: Vec<(Rev, String)>,
}

impl Para {
    pub fn new(b: &Block) -> Para {
        Para {
            style: (b.kind == BlockKind::Heading)
                .then(|| format!("Heading{}", b.level.clamp(1, 9))),
            mark: None,
            runs: Vec::new(),
        }
    }

    /// Appends text, merged with the previous run of the same revision.
    pub fn push(&mut self, rev: Rev, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some((r, t)) if *r == rev => t.push_str(text),
            _ => self.runs.push((rev, text.to_owned())),
        }
    }
}

/// The `w:body` content of the paragraphs.
pub(crate) fn body(paras: &[Para], opts: &DocxOptions) -> String {
    let mut out = String::new();
    let mut id = 0usize;
    for p in paras {
        out.push_str("<w:p>");
        let mut ppr = String::new();
        if let Some(s) = &p.style {
            let _ = write!(ppr, "<w:pStyle w:val=\"{s}\"/>");
        }
        if let Some(m) = p.mark.filter(|&m| m != Rev::None) {
            id += 1;
            let _ = write!(ppr, "<w:rPr><w:{} {}/></w:rPr>", tag(m), attrs(id, opts));
        }
        if !ppr.is_empty() {
            let _ = write!(out, "<w:pPr>{ppr}</w:pPr>");
        }
        for (rev, text) in &p.runs {
            let deleted = matches!(rev, Rev::Del);
            let runs = runs(text, deleted);
            if *rev == Rev::None {
                out.push_str(&runs);
            } else {
                id += 1;
                let t = tag(*rev);
                let _ = write!(out, "<w:{t} {}>{runs}</w:{t}>", attrs(id, opts));
            }
        }
        out.push_str("</w:p>");
    }
    out
}

fn tag(r: Rev) -> &'static str {
    match r {
        Rev::Ins | Rev::None => "ins",
        Rev::Del => "del",
        Rev::MoveFrom => "moveFrom",
        Rev::MoveTo => "moveTo",
    }
}

fn attrs(id: usize, opts: &DocxOptions) -> String {
    let mut a = format!("w:id=\"{id}\" w:author=\"{}\"", escape(&opts.author));
    if let Some(d) = &opts.date {
        let _ = write!(a, " w:date=\"{}\"", escape(d));
    }
    a
}

/// Runs for `text`: tabs as `w:tab`, deleted text as `w:delText`.
fn runs(text: &str, deleted: bool) -> String {
    let t = if deleted { "w:delText" } else { "w:t" };
    let mut out = String::from("<w:r>");
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:tab/>");
        }
        if !piece.is_empty() {
            let _ = write!(out, "<{t} xml:space=\"preserve\">{}</{t}>", escape(piece));
        }
    }
    out.push_str("</w:r>");
    out
}

/// XML text: markup characters escaped, characters XML 1.0 cannot carry
/// (C0 controls other than tab and line ends) dropped, line ends as spaces.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\r' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}
