//! Body lines to the plain-text layout the text reader ingests.
//!
//! Paragraphs are separated by a blank line; the lines of a paragraph stay
//! on lines of their own, so that the text reader joins them (repairing
//! hyphenation) and cuts numbered paragraphs as it does for any converted
//! text. A new paragraph starts after a vertical gap wider than the
//! document's usual leading, at a change of font size, after a line that
//! stops short of the column's right edge (left edge, for a line that
//! reads right to left), and at a column change.
//!
//! A page break continues the paragraph when the last line of the page does
//! not end a sentence, is set in the same size as the next page's first
//! line, and either runs to the right edge or is followed by a word in
//! lower case (and the next page does not open on a label): the join is
//! recorded. Footnotes follow the body, each as a `[^N]:` unit, so the text
//! reader sets them aside.

use crate::columns::Line;
use crate::footnotes::Note;
use normdiff_core::ingest::label::parse_label;

/// The body of one page, furniture and footnotes removed.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// Lines in reading order.
    pub lines: Vec<Line>,
}

/// Document-wide measures of the body text.
#[derive(Debug, Clone, Copy)]
pub struct Measures {
    /// Body font size, points.
    pub size: f64,
    /// Usual distance between baselines of body lines, points.
    pub leading: f64,
}

/// A paragraph rejoined across a page break, in layout-text lines
/// (1-based): the paragraph's first line, and where the next page's part
/// starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageJoin {
    /// First line of the paragraph.
    pub first: usize,
    /// First line of the continuation.
    pub continued_at: usize,
    /// Last line of the paragraph.
    pub last: usize,
}

/// The layout text and the page-break joins made.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The text, for [`fn@normdiff_core::ingest`] as plain text.
    pub text: String,
    /// Paragraphs rejoined across page breaks.
    pub joins: Vec<PageJoin>,
}

/// The usual leading: the smallest common baseline distance between
/// consecutive body-size lines of one column (one seen, give or take half
/// a point, at least a third as often as the most common one). Where most paragraphs are one or two
/// lines long (Chinese targets), the gap between paragraphs is the most
/// common distance, and taking it for the leading would join them all.
pub fn leading(pages: &[Body], size: f64) -> f64 {
    let mut count: std::collections::BTreeMap<i64, usize> = Default::default();
    for p in pages {
        for w in p.lines.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let gap = b.y - a.y;
            if a.column == b.column
                && (a.size - size).abs() < 0.6
                && (b.size - size).abs() < 0.6
                && gap > 0.5 * size
                && gap < 3.0 * size
            {
                *count.entry((gap * 2.0).round() as i64).or_default() += 1;
            }
        }
    }
    // Half-point bins, counted three at a time: a leading of 14.75 points
    // falls in two bins.
    let near = |g: i64| (g - 1..=g + 1).filter_map(|h| count.get(&h).map(|&n| (h, n)));
    let window = |g: i64| near(g).map(|(_, n)| n).sum::<usize>();
    let top = count.keys().map(|&g| window(g)).max().unwrap_or(0);
    let Some(&g) = count.keys().find(|&&g| window(g) * 3 >= top) else {
        return size * 1.2;
    };
    // The most common bin of that window (the smaller on a tie).
    let best = near(g).max_by_key(|&(h, n)| (n, -h)).map_or(g, |(h, _)| h);
    best as f64 / 2.0
}

/// The right edge of a page's column: the 80th percentile of its lines'
/// right ends.
fn right_edge(lines: &[Line], column: u8) -> f64 {
    let mut x: Vec<f64> = lines
        .iter()
        .filter(|l| l.column == column)
        .map(|l| l.x1)
        .collect();
    x.sort_by(f64::total_cmp);
    x.get(x.len() * 4 / 5).copied().unwrap_or(0.0)
}

/// The left edge of a page's column: the 20th percentile of left ends.
fn left_edge(lines: &[Line], column: u8) -> f64 {
    let mut x: Vec<f64> = lines
        .iter()
        .filter(|l| l.column == column)
        .map(|l| l.x0)
        .collect();
    x.sort_by(f64::total_cmp);
    x.get(x.len() / 5).copied().unwrap_or(0.0)
}

/// Does `text` end a sentence (or a clause that closes a paragraph)?
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '»' | '”' | '"' | '’' | ')' | ']') || is_superscript(c)
    });
    t.ends_with([
        '.', '!', '?', ':', ';', ',', '。', '！', '？', '؟', '؛', '…',
    ])
}

fn is_superscript(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹')
}

/// Is `b` the start of a new paragraph after `a` on the same page?
fn breaks(a: &Line, b: &Line, m: &Measures, e: &Edges) -> bool {
    if a.column != b.column || b.y <= a.y {
        return true;
    }
    let scale = a.size.max(b.size) / m.size;
    if b.y - a.y > 1.25 * m.leading * scale {
        return true;
    }
    if (a.size - b.size).abs() > 1.0 {
        return true;
    }
    let slack = 0.2 * (e.right - e.left).max(1.0);
    let short = a.x1 < e.right - slack || (a.rtl && a.x0 > e.left + slack);
    short && !a.text.ends_with('-')
}

/// Should the last line `a` of a page run on into `b`, the first line of
/// the next?
fn runs_on(a: &Line, b: &Line, e: &Edges) -> bool {
    // A right-to-left line is full when it spans the column: its last
    // line may be set against either edge (LibreOffice aligns it left in
    // a paragraph whose base direction is left to right).
    let full = a.x1 >= e.right - e.flush && (!a.rtl || a.x0 <= e.left + e.flush);
    let lower = b.text.starts_with(char::is_lowercase);
    !ends_sentence(&a.text)
        && (a.size - b.size).abs() <= 1.0
        && (full || lower)
        && parse_label(&b.text).is_none()
}

/// A page column's edges, and how close to them a full line ends.
#[derive(Debug, Clone, Copy)]
struct Edges {
    right: f64,
    left: f64,
    /// Within this many points of the edge a line is full: a third of an
    /// em in justified text (where every line but a paragraph's last is
    /// flush), a tenth of the column's width otherwise.
    flush: f64,
}

/// The edges of column `column` of a page's `lines`.
fn edges(lines: &[Line], column: u8) -> Edges {
    let (right, left) = (right_edge(lines, column), left_edge(lines, column));
    let col: Vec<&Line> = lines.iter().filter(|l| l.column == column).collect();
    let rtl = col.iter().filter(|l| l.rtl).count() * 2 > col.len();
    let wide = 0.1 * (right - left).max(1.0);
    // How far short of the edge each line ends.
    let short = |l: &&&Line| if rtl { l.x0 - left } else { right - l.x1 };
    let flush_lines = col.iter().filter(|l| short(l) <= 0.3 * l.size).count();
    let near = col
        .iter()
        .filter(|l| (0.3 * l.size..wide).contains(&short(l)))
        .count();
    // Ragged text ends many lines a little short of the edge; justified
    // text ends them flush, but for paragraphs' last lines.
    let justified = flush_lines >= 3 && flush_lines >= 3 * near;
    let size = col.first().map_or(10.0, |l| l.size);
    Edges {
        right,
        left,
        flush: if justified { size / 3.0 } else { wide },
    }
}

/// Writes the text: pages' bodies, then the notes.
pub fn write(pages: &[Body], notes: &[Note], m: &Measures) -> Layout {
    let mut out = Layout::default();
    let mut line_no = 0usize;
    let mut para_first = 0usize;
    let mut open_join: Option<PageJoin> = None;
    let mut prev: Option<(&Line, Edges)> = None;
    for page in pages {
        let edges = [0u8, 1].map(|c| edges(&page.lines, c));
        for (i, l) in page.lines.iter().enumerate() {
            let e = edges[usize::from(l.column.min(1))];
            let (new_para, page_join) = match prev {
                None => (true, false),
                Some((a, ae)) if i == 0 => {
                    let on = runs_on(a, l, &ae);
                    (!on, on)
                }
                Some((a, ae)) => (breaks(a, l, m, &ae), false),
            };
            if new_para {
                if let Some(j) = open_join.take() {
                    out.joins.push(PageJoin { last: line_no, ..j });
                }
                if line_no > 0 {
                    out.text.push_str("\n\n");
                    line_no += 1;
                }
                para_first = line_no + 1;
            } else {
                out.text.push('\n');
            }
            line_no += 1;
            if page_join {
                let first = open_join.map_or(para_first, |j| j.first);
                if let Some(j) = open_join.take() {
                    out.joins.push(PageJoin {
                        last: line_no - 1,
                        ..j
                    });
                }
                open_join = Some(PageJoin {
                    first,
                    continued_at: line_no,
                    last: line_no,
                });
            }
            out.text.push_str(&l.text);
            prev = Some((l, e));
        }
    }
    if let Some(j) = open_join.take() {
        out.joins.push(PageJoin { last: line_no, ..j });
    }
    for n in notes {
        out.text
            .push_str(if out.text.is_empty() { "" } else { "\n\n" });
        out.text.push_str("[^");
        out.text.push_str(&n.label);
        out.text.push_str("]: ");
        out.text.push_str(&n.lines.join("\n"));
    }
    out.text.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x1: f64, y: f64, text: &str) -> Line {
        Line {
            x0: 72.0,
            x1,
            y,
            size: 10.0,
            text: text.to_owned(),
            column: 0,
            rtl: false,
        }
    }

    const M: Measures = Measures {
        size: 10.0,
        leading: 12.0,
    };

    #[test]
    fn gaps_and_short_lines_end_paragraphs() {
        let page = Body {
            lines: vec![
                line(500.0, 100.0, "1. The Group notes that the"),
                line(500.0, 112.0, "norms apply in all circum-"),
                line(300.0, 124.0, "stances."),
                line(500.0, 136.0, "2. The Group also notes"),
                line(500.0, 160.0, "After a gap"),
            ],
        };
        let l = write(&[page], &[], &M);
        assert_eq!(
            l.text,
            "1. The Group notes that the\nnorms apply in all circum-\nstances.\n\n2. The Group also notes\n\nAfter a gap\n"
        );
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_runs_on_and_is_recorded() {
        let p1 = Body {
            lines: vec![
                line(500.0, 100.0, "First paragraph ends here."),
                line(500.0, 124.0, "The second runs to the edge and"),
            ],
        };
        let p2 = Body {
            lines: vec![
                line(500.0, 80.0, "Goes on with a capital."),
                line(500.0, 110.0, "3. New paragraph."),
            ],
        };
        let notes = vec![Note {
            label: "1".into(),
            lines: vec!["A note.".into()],
        }];
        let l = write(&[p1, p2], &notes, &M);
        assert_eq!(
            l.text,
            "First paragraph ends here.\n\nThe second runs to the edge and\nGoes on with a capital.\n\n3. New paragraph.\n\n[^1]: A note.\n"
        );
        assert_eq!(
            l.joins,
            [PageJoin {
                first: 3,
                continued_at: 4,
                last: 4
            }]
        );
    }
}
