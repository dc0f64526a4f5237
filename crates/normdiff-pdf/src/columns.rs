//! Reading order: single-column pages, and simple two-column pages.
//!
//! A page has two columns when some vertical gutter in its middle third is
//! crossed by few fragments while many end left of it and many start right
//! of it. The page is then read in bands: a fragment that crosses the
//! gutter (a title across both columns) closes a band; inside a band the
//! left column is read before the right one. Fragments of one column on
//! one baseline (a paragraph number and the text after its tab) are put
//! back together into one line.

use crate::lines::Fragment;

/// A line in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Left edge, points.
    pub x0: f64,
    /// Right edge, points.
    pub x1: f64,
    /// Baseline, points from the top of the page.
    pub y: f64,
    /// Font size, points.
    pub size: f64,
    /// The text.
    pub text: String,
    /// Column: 0 for the left (or only) one, 1 for the right one.
    pub column: u8,
    /// It reads right to left.
    pub rtl: bool,
}

/// Fewest fragments on each side of a gutter for a two-column page.
const MIN_SIDE: usize = 6;

/// The x of a two-column gutter on a page `width` points wide, if any.
pub fn gutter(frags: &[Fragment], width: f64) -> Option<f64> {
    let long: Vec<&Fragment> = frags.iter().filter(|f| f.text.len() > 12).collect();
    if long.len() < 2 * MIN_SIDE {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    let mut x = width * 0.33;
    while x <= width * 0.67 {
        let crossing = long.iter().filter(|f| f.x0 < x && f.x1 > x).count();
        let left = long.iter().filter(|f| f.x1 <= x).count();
        let right = long.iter().filter(|f| f.x0 >= x).count();
        let side = left.min(right);
        if side >= MIN_SIDE && crossing * 5 <= side && best.is_none_or(|(s, _)| side > s) {
            best = Some((side, x));
        }
        x += 2.0;
    }
    best.map(|(_, x)| x)
}

/// Merges fragments that share a baseline (already in one column).
fn merge_baselines(mut frags: Vec<&Fragment>, column: u8, out: &mut Vec<Line>) {
    frags.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    for f in frags {
        match out.last_mut() {
            Some(l) if l.column == column && (f.y - l.y).abs() < 0.3 * l.size.max(f.size) => {
                // Right-to-left pieces read from the right one.
                if l.rtl && f.rtl {
                    l.text = format!("{} {}", f.text, l.text);
                } else {
                    l.text.push(' ');
                    l.text.push_str(&f.text);
                }
                l.x1 = l.x1.max(f.x1);
                l.x0 = l.x0.min(f.x0);
            }
            _ => out.push(Line {
                x0: f.x0,
                x1: f.x1,
                y: f.y,
                size: f.size,
                text: f.text.clone(),
                column,
                rtl: f.rtl,
            }),
        }
    }
}

/// The page's lines in reading order.
pub fn order(frags: &[Fragment], width: f64) -> Vec<Line> {
    let mut out = Vec::new();
    let Some(g) = gutter(frags, width) else {
        merge_baselines(frags.iter().collect(), 0, &mut out);
        return out;
    };
    let mut sorted: Vec<&Fragment> = frags.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut left = Vec::new();
    let mut right = Vec::new();
    for f in sorted {
        if f.x0 < g && f.x1 > g {
            merge_baselines(std::mem::take(&mut left), 0, &mut out);
            merge_baselines(std::mem::take(&mut right), 1, &mut out);
            merge_baselines(vec![f], 0, &mut out);
        } else if f.x1 <= g {
            left.push(f);
        } else {
            right.push(f);
        }
    }
    merge_baselines(left, 0, &mut out);
    merge_baselines(right, 1, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frag(x0: f64, x1: f64, y: f64, text: &str) -> Fragment {
        Fragment {
            x0,
            x1,
            y,
            size: 10.0,
            text: text.to_owned(),
            rtl: false,
            unmapped: 0,
            kashidas: 0,
        }
    }

    #[test]
    fn two_columns_read_left_then_right_under_a_full_width_title() {
        let mut f = vec![frag(72.0, 500.0, 50.0, "A title across both columns")];
        for i in 0..8 {
            let y = 80.0 + 12.0 * i as f64;
            f.push(frag(72.0, 280.0, y, &format!("left column line {i}")));
            f.push(frag(320.0, 540.0, y, &format!("right column line {i}")));
        }
        let lines = order(&f, 612.0);
        assert_eq!(lines[0].text, "A title across both columns");
        assert_eq!(lines[1].text, "left column line 0");
        assert_eq!(lines[8].text, "left column line 7");
        assert_eq!(lines[9].text, "right column line 0");
        assert_eq!(lines[9].column, 1);
    }

    #[test]
    fn a_number_and_its_text_on_one_baseline_make_one_line() {
        let f = vec![
            frag(72.0, 80.0, 50.0, "12."),
            frag(108.0, 500.0, 50.0, "The Group notes that"),
        ];
        let lines = order(&f, 612.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "12. The Group notes that");
    }
}
