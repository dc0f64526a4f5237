//! Glyphs to line fragments: glyphs on one baseline, cut at wide gaps.
//!
//! Glyphs are grouped by baseline (within 0.3 em), so drawing order does
//! not matter. Small raised glyphs just above a line (footnote calls) join
//! that line, digits becoming superscript digits (`¹`) as in text
//! converted from Word. A line is cut into fragments where the gap between
//! two glyphs is wider than [`GAP_EM`] em (a column gutter, or the tab
//! after a paragraph number; [`crate::columns`] puts the pieces of one
//! column back together). Spaces come from drawn space glyphs, or from
//! gaps wider than 0.15 em (0.4 em on a page whose words are separated by
//! drawn spaces, where narrower gaps are kerning).

use crate::extract::Glyph;

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
    /// Its text.
    pub text: String,
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

/// Merges clusters of small raised glyphs into the line just below them.
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

/// Cuts one baseline (glyphs sorted by x) into fragments. Gaps wider than
/// `space_em` em are spaces even where no space glyph was drawn.
fn fragments_of(mut line: Vec<Placed>, space_em: f64, out: &mut Vec<Fragment>) {
    line.sort_by(|a, b| a.g.x.total_cmp(&b.g.x));
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
    let mut cur: Option<Fragment> = None;
    let mut prev: Option<&Placed> = None;
    for p in &line {
        let g = p.g;
        if let (Some(q), Some(f)) = (prev, cur.as_mut()) {
            let end = q.g.x + q.g.width;
            // A glyph drawn twice at (almost) the same place: fake bold.
            if q.g.text == g.text && (g.x - q.g.x).abs() < 0.2 * size {
                continue;
            }
            let gap = g.x - end;
            if gap > GAP_EM * size {
                out.push(cur.take().expect("checked"));
            } else {
                let raised_call = p.raised && !q.raised && gap < 0.3 * size;
                if !raised_call
                    && (g.space_before || gap > space_em * size)
                    && !f.text.ends_with(' ')
                {
                    f.text.push(' ');
                }
            }
        }
        let f = cur.get_or_insert_with(|| Fragment {
            x0: g.x,
            x1: g.x,
            y,
            size,
            text: String::new(),
        });
        push_text(&mut f.text, p);
        f.x1 = f.x1.max(g.x + g.width);
        prev = Some(p);
    }
    out.extend(cur);
}

/// The fragments of one page, top to bottom, left to right.
pub fn fragments(glyphs: &[Glyph]) -> Vec<Fragment> {
    // Where words are separated by drawn spaces, a narrower gap is
    // kerning, not a space.
    let spaced = glyphs.iter().filter(|g| g.space_before).count();
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
    out.retain(|f| !f.text.is_empty());
    out
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
            });
        }
        out
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
