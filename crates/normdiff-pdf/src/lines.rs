//! Glyphs to line fragments: glyphs on one baseline, cut at wide gaps.
//!
//! Glyphs are grouped by baseline (within 0.3 em), so drawing order does
//! not matter. Small raised glyphs just above a line (footnote calls) join
//! that line, digits becoming superscript digits (`¹`) as in text
//! converted from Word. A line is cut into fragments where the gap between
//! two glyphs is wider than [`GAP_EM`] em (a column gutter, or the tab
//! after a paragraph number; [`crate::columns`] puts the pieces of one
//! column back together). Spaces come from drawn space glyphs, text moves
//! (most producers start each word with one), or gaps wider than 0.15 em
//! (0.4 em on a page whose words are separated by drawn spaces or text
//! moves, where narrower gaps are kerning).
//!
//! Scripts ([`crate::script`]): next to a Chinese or Japanese character a
//! space is only a drawn space glyph (justification and the gap set
//! between Chinese and Latin or digits are not spaces); in a right-to-left
//! line only a gap wider than [`RTL_SPACE_EM`] is (drawn spaces come in
//! drawing order, text moves fall inside Arabic words), and next to an
//! Arabic letter elsewhere a drawn space or such a gap. A right-to-left line
//! is put in reading order; combining marks (Arabic vowels) stay with
//! their letter, also when they sit apart on a baseline of their own.
//! Glyphs without text (unmapped kashida fillers) fill their width and
//! are counted.

use crate::extract::Glyph;
use crate::script::{self, RTL_SPACE_EM};
use normdiff_core::segment::is_unspaced;

/// A gap wider than this many em cuts a line into fragments.
pub const GAP_EM: f64 = 1.6;

/// A run of text on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// Left edge, points.
    pub x0: f64,
    /// Right edge, points.
    pub x1: f64,
    /// Baseline, points from the top of the page.
    pub y: f64,
    /// Font size of its ordinary (not raised) glyphs, points.
    pub size: f64,
    /// Its text, in reading order.
    pub text: String,
    /// It reads right to left.
    pub rtl: bool,
    /// Glyphs without text left out.
    pub unmapped: usize,
    /// Of those, fillers between two Arabic letters (kashida).
    pub kashidas: usize,
}

/// A glyph with a flag for raised small glyphs.
#[derive(Debug, Clone)]
struct Placed<'a> {
    g: &'a Glyph,
    raised: bool,
}

/// Groups glyph indexes by baseline: clusters sorted top to bottom.
fn baselines(glyphs: &[Glyph]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut base = f64::NEG_INFINITY;
    let mut base_size = 0.0_f64;
    for i in order {
        let g = &glyphs[i];
        let tol = 0.3 * g.size.max(base_size).max(1.0);
        match out.last_mut() {
            Some(c) if (g.y - base).abs() <= tol => {
                c.push(i);
                base_size = base_size.max(g.size);
            }
            _ => {
                out.push(vec![i]);
                base = g.y;
                base_size = g.size;
            }
        }
    }
    out
}

/// Median font size of a cluster's glyphs.
fn median_size(glyphs: &[Glyph], c: &[usize]) -> f64 {
    let mut s: Vec<f64> = c.iter().map(|&i| glyphs[i].size).collect();
    s.sort_by(f64::total_cmp);
    s.get(s.len() / 2).copied().unwrap_or(0.0)
}

fn x_range(glyphs: &[Glyph], c: &[usize]) -> (f64, f64) {
    c.iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &i| {
            let g = &glyphs[i];
            (a.min(g.x), b.max(g.x + g.width))
        })
}

/// Is cluster `a` (median size `a_size`) a few small glyphs raised over
/// line `b`, within its horizontal extent?
fn raised_over(glyphs: &[Glyph], a: &[usize], a_size: f64, b: &[usize], bs: f64) -> bool {
    let (a0, a1) = x_range(glyphs, a);
    let (b0, b1) = x_range(glyphs, b);
    let lift = glyphs[b[0]].y - glyphs[a[0]].y;
    // A footnote's number set above its first line, in the notes' size.
    let number = a.len() <= 3
        && a.iter()
            .all(|&g| glyphs[g].text.chars().all(|c| c.is_ascii_digit()))
        && a1 <= b0 + bs;
    let small = a_size < 0.85 * bs || number;
    let within = a0 >= b0 - bs && a1 <= b1 + bs;
    small && within && lift > 0.1 * bs && lift < 0.75 * bs && a.len() <= 8
}

/// The line a cluster of combining marks only (a shadda or kasra set
/// apart from its letter's baseline) belongs to: the nearest baseline
/// within an em above or below whose glyphs span the marks.
fn mark_home(glyphs: &[Glyph], clusters: &[Vec<usize>], gone: &[bool], i: usize) -> Option<usize> {
    let c = &clusters[i];
    if !c.iter().all(|&g| script::is_mark(&glyphs[g].text)) {
        return None;
    }
    let (a0, a1) = x_range(glyphs, c);
    let y = glyphs[c[0]].y;
    (i.saturating_sub(2)..clusters.len().min(i + 3))
        .filter(|&j| j != i && !gone[j])
        .filter(|&j| {
            !clusters[j]
                .iter()
                .all(|&g| script::is_mark(&glyphs[g].text))
        })
        .filter(|&j| {
            let d = &clusters[j];
            let (b0, b1) = x_range(glyphs, d);
            let size = median_size(glyphs, d).max(1.0);
            (glyphs[d[0]].y - y).abs() < size && a0 >= b0 - size && a1 <= b1 + size
        })
        .min_by(|&j, &k| {
            let dy = |n: usize| (glyphs[clusters[n][0]].y - y).abs();
            dy(j).total_cmp(&dy(k))
        })
}

/// Merges clusters of small raised glyphs into the line just below them,
/// and clusters of combining marks into their letters' line.
fn merge_raised(glyphs: &[Glyph], clusters: Vec<Vec<usize>>) -> Vec<Vec<Placed<'_>>> {
    let sizes: Vec<f64> = clusters.iter().map(|c| median_size(glyphs, c)).collect();
    let mut out: Vec<Vec<Placed>> = clusters
        .iter()
        .map(|c| {
            c.iter()
                .map(|&i| Placed {
                    g: &glyphs[i],
                    raised: false,
                })
                .collect()
        })
        .collect();
    let mut gone = vec![false; clusters.len()];
    for i in 0..clusters.len() {
        if let Some(home) = mark_home(glyphs, &clusters, &gone, i) {
            let moved = std::mem::take(&mut out[i]);
            out[home].extend(moved);
            gone[i] = true;
            continue;
        }
        // The line it is raised above: one of the next few baselines (on a
        // two-column page the next one may be the other column's).
        let Some(below) = (i + 1..clusters.len().min(i + 4))
            .find(|&j| raised_over(glyphs, &clusters[i], sizes[i], &clusters[j], sizes[j]))
        else {
            continue;
        };
        let moved: Vec<Placed> = std::mem::take(&mut out[i])
            .into_iter()
            .map(|p| Placed { raised: true, ..p })
            .collect();
        out[below].extend(moved);
        gone[i] = true;
    }
    out.into_iter()
        .zip(gone)
        .filter(|(c, g)| !g && !c.is_empty())
        .map(|(c, _)| c)
        .collect()
}

/// The superscript form of an ASCII digit.
fn superscript(c: char) -> Option<char> {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    c.to_digit(10).map(|d| SUP[d as usize])
}

/// Appends a glyph's text, raised digits as superscripts.
fn push_text(out: &mut String, p: &Placed) {
    if p.raised {
        for c in p.g.text.chars() {
            out.push(superscript(c).unwrap_or(c));
        }
    } else {
        out.push_str(&p.g.text);
    }
}

/// Pieces of text (a glyph with its marks, or a space) kept in one
/// buffer: a `String` per glyph was a fifth of the layout time.
#[derive(Debug, Default)]
struct Pieces {
    text: String,
    /// Where each piece starts in `text`.
    starts: Vec<usize>,
}

impl Pieces {
    /// The last piece.
    fn last(&self) -> Option<&str> {
        self.starts.last().map(|&s| &self.text[s..])
    }

    /// Starts a new piece (what is pushed to `text` next).
    fn begin(&mut self) {
        self.starts.push(self.text.len());
    }

    fn push_space(&mut self) {
        self.begin();
        self.text.push(' ');
    }

    fn into_vec(self) -> Vec<String> {
        let ends = self.starts.iter().skip(1).copied().chain([self.text.len()]);
        self.starts
            .iter()
            .zip(ends)
            .map(|(&a, b)| self.text[a..b].to_owned())
            .collect()
    }
}

/// A fragment being built: its pieces left to right as drawn.
struct Builder {
    frag: Fragment,
    pieces: Pieces,
    /// Right end of the glyphs so far, marks aside.
    reach: f64,
    /// Last character written, for the script rules.
    last: Option<char>,
    /// Glyphs without text since the last one written.
    pending: usize,
}

impl Builder {
    fn new(g: &Glyph, y: f64, size: f64, rtl: bool) -> Self {
        Builder {
            frag: Fragment {
                x0: g.x,
                x1: g.x,
                y,
                size,
                text: String::new(),
                rtl,
                unmapped: 0,
                kashidas: 0,
            },
            pieces: Pieces::default(),
            reach: f64::NEG_INFINITY,
            last: None,
            pending: 0,
        }
    }

    /// Adds a glyph (a space, if any, is already pushed).
    fn add(&mut self, p: &Placed) {
        let g = p.g;
        self.frag.x1 = self.frag.x1.max(g.x + g.width);
        let glued = self.pieces.last().is_some_and(|l| l != " ");
        if script::is_mark(&g.text) && glued {
            push_text(&mut self.pieces.text, p);
            return;
        }
        self.reach = self.reach.max(g.x + g.width);
        let Some(first) = g.text.chars().next() else {
            self.pending += 1;
            return;
        };
        if self.pending > 0 {
            if self.last.is_some_and(script::is_rtl) && script::is_rtl(first) {
                self.frag.kashidas += self.pending;
            }
            self.frag.unmapped += std::mem::take(&mut self.pending);
        }
        self.pieces.begin();
        push_text(&mut self.pieces.text, p);
        self.last = g.text.chars().last();
    }

    fn finish(mut self) -> Fragment {
        self.frag.unmapped += self.pending;
        self.frag.text = if self.frag.rtl {
            let mut pieces = self.pieces.into_vec();
            script::visual_to_logical(&mut pieces);
            pieces.concat()
        } else {
            self.pieces.text
        };
        self.frag
    }
}

/// How a line spaces its words: the gap in em that is a space, and
/// whether it reads right to left (only gaps count there).
#[derive(Debug, Clone, Copy)]
struct Spacing {
    em: f64,
    rtl: bool,
}

/// Is there a space between the last character written and glyph `p`,
/// `gap` points further on?
fn space_between(last: Option<char>, p: &Placed, gap: f64, size: f64, space_em: Spacing) -> bool {
    let g = p.g;
    let (Some(last), Some(next)) = (last, g.text.chars().next()) else {
        return false;
    };
    if is_unspaced(last) || is_unspaced(next) {
        return g.space_before;
    }
    let Spacing { em: space_em, rtl } = space_em;
    if rtl {
        // Drawn spaces come in drawing order, which in a right-to-left
        // line need not be where they stand: only the gap counts.
        return gap > RTL_SPACE_EM * size;
    }
    if script::is_rtl(last) || script::is_rtl(next) {
        return g.space_before || gap > RTL_SPACE_EM * size;
    }
    g.space_before || g.moved_before || gap > space_em * size
}

/// In a right-to-left line, puts each combining mark right after the
/// letter it sits on: the letter under its ink, taken to be 0.2 em right
/// of its origin (marks have no advance and are drawn from a little left
/// of their ink; LibreOffice places a damma 1.2 pt left of its letter's
/// origin, a shadda 1.1 pt right of it).
fn marks_after_their_letter(line: &mut Vec<Placed>, size: f64) {
    let is_base = |p: &Placed| !p.g.text.is_empty() && !script::is_mark(&p.g.text);
    // Letters in x order (the line is sorted by x).
    let bases: Vec<usize> = (0..line.len()).filter(|&i| is_base(&line[i])).collect();
    if bases.is_empty() || !line.iter().any(|p| script::is_mark(&p.g.text)) {
        return;
    }
    let owner = |m: &Placed| {
        let at = m.g.x + 0.2 * size;
        let dist = |i: usize| {
            let g = line[i].g;
            (g.x - at).max(at - (g.x + g.width)).max(0.0)
        };
        let k = bases.partition_point(|&i| line[i].g.x <= at);
        bases[k.saturating_sub(2)..(k + 2).min(bases.len())]
            .iter()
            .copied()
            .min_by(|&a, &b| dist(a).total_cmp(&dist(b)))
    };
    let mut marks_of: Vec<Vec<usize>> = vec![Vec::new(); line.len()];
    let mut owned = vec![false; line.len()];
    for (j, m) in line.iter().enumerate() {
        if let Some(i) = script::is_mark(&m.g.text).then(|| owner(m)).flatten() {
            marks_of[i].push(j);
            owned[j] = true;
        }
    }
    let mut out = Vec::with_capacity(line.len());
    for (i, p) in line.iter().enumerate() {
        if !owned[i] {
            out.push(p.clone());
            out.extend(marks_of[i].iter().map(|&j| line[j].clone()));
        }
    }
    *line = out;
}

/// The median size of a line's ordinary glyphs, and its baseline.
fn line_metrics(line: &[Placed]) -> (f64, f64) {
    let mut normal: Vec<f64> = line
        .iter()
        .filter(|p| !p.raised)
        .map(|p| p.g.size)
        .collect();
    normal.sort_by(f64::total_cmp);
    let size = normal
        .get(normal.len() / 2)
        .copied()
        .unwrap_or_else(|| line[0].g.size)
        .max(1.0);
    let y = line
        .iter()
        .find(|p| !p.raised)
        .map_or(line[0].g.y, |p| p.g.y);
    (size, y)
}

/// Cuts one baseline (glyphs sorted by x) into fragments. Gaps wider than
/// `space_em` em are spaces even where no space glyph was drawn.
fn fragments_of(mut line: Vec<Placed>, space_em: f64, out: &mut Vec<Fragment>) {
    line.sort_by(|a, b| a.g.x.total_cmp(&b.g.x));
    let (size, y) = line_metrics(&line);
    let rtl = script::reads_rtl(line.iter().map(|p| p.g.text.as_str()));
    if rtl {
        marks_after_their_letter(&mut line, size);
    }
    let mut cur: Option<Builder> = None;
    let mut prev: Option<&Placed> = None;
    for p in &line {
        let g = p.g;
        if let (Some(q), Some(b)) = (prev, cur.as_mut()) {
            // A glyph drawn twice at (almost) the same place: fake bold.
            if q.g.text == g.text && (g.x - q.g.x).abs() < 0.2 * size {
                continue;
            }
            let gap = g.x - b.reach;
            if script::is_mark(&g.text) {
                // Stays with its letter.
            } else if gap > GAP_EM * size {
                out.extend(cur.take().map(Builder::finish));
            } else {
                let raised_call = p.raised && !q.raised && gap < 0.3 * size;
                if !raised_call
                    && space_between(b.last, p, gap, size, Spacing { em: space_em, rtl })
                    && b.pieces.last().is_some_and(|l| l != " ")
                {
                    b.pieces.push_space();
                }
            }
        }
        cur.get_or_insert_with(|| Builder::new(g, y, size, rtl))
            .add(p);
        prev = Some(p);
    }
    out.extend(cur.map(Builder::finish));
}

/// The fragments of one page, top to bottom, left to right.
pub fn fragments(glyphs: &[Glyph]) -> Vec<Fragment> {
    fragments_counted(glyphs).0
}

/// Glyphs without text left out of a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dropped {
    /// All of them.
    pub unmapped: usize,
    /// Those between two Arabic letters (kashida fillers).
    pub kashidas: usize,
}

/// The fragments of one page, and the glyphs without text left out.
pub fn fragments_counted(glyphs: &[Glyph]) -> (Vec<Fragment>, Dropped) {
    // Where words are separated by drawn spaces, a narrower gap is
    // kerning, not a space.
    let spaced = glyphs
        .iter()
        .filter(|g| g.space_before || g.moved_before)
        .count();
    let space_em = if spaced * 25 > glyphs.len() {
        0.4
    } else {
        0.15
    };
    let clusters = baselines(glyphs);
    let lines = merge_raised(glyphs, clusters);
    let mut out = Vec::new();
    for l in lines {
        fragments_of(l, space_em, &mut out);
    }
    for f in &mut out {
        let t = f.text.trim();
        if t.len() != f.text.len() {
            f.text = t.to_owned();
        }
    }
    let dropped = Dropped {
        unmapped: out.iter().map(|f| f.unmapped).sum(),
        kashidas: out.iter().map(|f| f.kashidas).sum(),
    };
    out.retain(|f| !f.text.is_empty());
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(s: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        let w = 0.5 * size;
        let mut out = Vec::new();
        let mut space = false;
        for (i, c) in s.chars().enumerate() {
            if c == ' ' {
                space = true;
                continue;
            }
            out.push(Glyph {
                x: x + i as f64 * w,
                y,
                size,
                width: w,
                text: c.to_string(),
                space_before: std::mem::take(&mut space),
                moved_before: false,
            });
        }
        out
    }

    /// One glyph at `x`, `w` wide, on baseline 100 at 12 pt, after a
    /// text move (as LibreOffice starts its runs).
    fn at(x: f64, w: f64, text: &str) -> Glyph {
        Glyph {
            x,
            y: 100.0,
            size: 12.0,
            width: w,
            text: text.to_owned(),
            space_before: false,
            moved_before: true,
        }
    }

    #[test]
    fn arabic_reads_right_to_left_marks_on_their_letter_kashida_counted() {
        // «حالياً بعدد» drawn left to right: د د ـ ع ب | ً ا ي ل ا ح, the
        // kashida unmapped, the fathatan drawn a little left of its alef.
        let g = vec![
            at(10.0, 5.0, "د"),
            at(15.0, 5.0, "د"),
            at(20.0, 3.0, ""),
            at(23.0, 5.0, "ع"),
            at(28.0, 4.0, "ب"),
            at(35.7, 0.0, "\u{64b}"),
            at(37.0, 4.0, "ا"),
            at(41.0, 4.0, "ي"),
            at(45.0, 4.0, "ل"),
            at(49.0, 4.0, "ا"),
            at(53.0, 6.0, "ح"),
        ];
        let (f, dropped) = fragments_counted(&g);
        assert_eq!(f.len(), 1);
        assert!(f[0].rtl);
        assert_eq!(f[0].text, "حالياً بعدد");
        assert_eq!(
            dropped,
            Dropped {
                unmapped: 1,
                kashidas: 1
            }
        );
    }

    #[test]
    fn no_space_next_to_chinese_characters() {
        // 到 2030 年 , 在: gaps of 0.2 em and a text move at each change
        // of font, no drawn space.
        let mut g = vec![
            at(10.0, 12.0, "到"),
            at(24.4, 6.0, "2"),
            at(30.4, 6.0, "0"),
            at(36.4, 6.0, "3"),
            at(42.4, 6.0, "0"),
            at(50.8, 12.0, "年"),
            at(63.0, 3.0, ","),
            at(66.2, 12.0, "在"),
        ];
        for d in &mut g[2..5] {
            d.moved_before = false;
        }
        assert_eq!(fragments(&g)[0].text, "到2030年,在");
    }

    #[test]
    fn one_line_with_spaces() {
        let f = fragments(&glyphs("The Group notes", 72.0, 100.0, 10.0));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "The Group notes");
    }

    #[test]
    fn raised_small_digits_become_superscripts() {
        let mut g = glyphs("resolution 73/27", 72.0, 100.0, 10.0);
        let end = g.last().map(|g| g.x + g.width).unwrap();
        g.extend(glyphs("1", end, 96.0, 6.0));
        let mut and = glyphs("and", end + 6.0, 100.0, 10.0);
        and[0].space_before = true;
        g.extend(and);
        let f = fragments(&g);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "resolution 73/27¹ and");
    }

    #[test]
    fn wide_gaps_cut_fragments_and_lines_sort_by_baseline() {
        let mut g = glyphs("right column", 320.0, 100.0, 10.0);
        g.extend(glyphs("left column", 72.0, 100.0, 10.0));
        g.extend(glyphs("second line", 72.0, 112.0, 10.0));
        let f = fragments(&g);
        let t: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(t, ["left column", "right column", "second line"]);
    }
}
