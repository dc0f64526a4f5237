//! Page furniture: running headers and footers, page counters, bar codes.
//!
//! A line in the top or bottom [`MARGIN`] of a page is furniture when the
//! same line, digits masked (`A/76/135`, `21-09447`, `3/27` all vary only
//! in digits from page to page), stands at the same height (within 4
//! points, measured from the nearer edge) on at least one other page. A
//! margin line that is only a page counter (`3`, `3/27`, `- 3 -`, `Page 3
//! of 27`), a bar code (`*2109447*`) or a UN job number (`21-09447 (E)`)
//! is furniture even on a page of its own, unless it follows a line of
//! its size at body leading that leaves a sentence open: then it ends a
//! paragraph.

use crate::columns::Line;
use std::collections::HashMap;

/// Share of the page height, at the top and at the bottom, searched.
pub const MARGIN: f64 = 0.14;

/// One page's lines and height.
#[derive(Debug, Clone)]
pub struct PageLines {
    /// Page height in points.
    pub height: f64,
    /// Lines in reading order.
    pub lines: Vec<Line>,
}

/// The line's text with every digit run replaced by `#`, lower-cased and
/// without spaces.
fn mask(text: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_numeric() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            if !c.is_whitespace() {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// Where a margin line stands: `(top?, points from that edge)`, or `None`
/// when it is in the body of the page.
fn margin_position(l: &Line, height: f64) -> Option<(bool, f64)> {
    if l.y <= height * MARGIN {
        Some((true, l.y))
    } else if l.y >= height * (1.0 - MARGIN) {
        Some((false, height - l.y))
    } else {
        None
    }
}

/// Is `text` a page counter, a bar code or a job number by itself?
pub fn is_counter_or_code(text: &str) -> bool {
    let t = text.trim();
    let m = mask(t);
    let counters = [
        "#",
        "#/#",
        "-#-",
        "–#–",
        "—#—",
        "page#",
        "page#of#",
        "página#",
        "página#de#",
        "p.#",
        "стр.#",
        "#of#",
        "(#)",
        "[#]",
        "*#*",
        "#-#",
        "#-#(e)",
        "#-#(f)",
        "#-#(s)",
        "#-#(r)",
        "#-#(a)",
        "#-#(c)",
    ];
    if counters.contains(&m.as_str()) {
        // "2021-2030" is a period, not a job number: keep digit runs of
        // the `21-09447` shape only.
        return !m.starts_with("#-#") || is_job_number(t);
    }
    is_roman(t)
}

fn is_job_number(t: &str) -> bool {
    let digits: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    digits.len() == 2 && digits[0].len() == 2 && digits[1].len() == 5
}

fn is_roman(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 6
        && t.chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// Does `l` stand apart from the text? Not when the line right above it,
/// at body leading and in its size, leaves a sentence open: a number that
/// ends a paragraph in the margin (an Arabic target's last line `2030`) is
/// not a page counter.
fn apart(l: &Line, lines: &[Line]) -> bool {
    let s = l.size.max(1.0);
    !lines.iter().any(|o| {
        let dy = l.y - o.y;
        dy > 0.3 * s
            && dy < 1.6 * s
            && (o.size - l.size).abs() <= 0.5
            && !crate::layout::ends_sentence(&o.text)
    })
}

/// Marks furniture: `out[p][i]` is true when line `i` of page `p` is.
pub fn detect(pages: &[PageLines]) -> Vec<Vec<bool>> {
    // (top?, masked text) → (page, height from the edge) of each margin line.
    let mut seen: HashMap<(bool, String), Vec<(usize, f64)>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for l in &page.lines {
            if let Some((top, at)) = margin_position(l, page.height) {
                seen.entry((top, mask(&l.text))).or_default().push((p, at));
            }
        }
    }
    pages
        .iter()
        .enumerate()
        .map(|(p, page)| {
            page.lines
                .iter()
                .map(|l| {
                    let Some((top, at)) = margin_position(l, page.height) else {
                        return false;
                    };
                    let repeated = seen.get(&(top, mask(&l.text))).is_some_and(|v| {
                        v.iter()
                            .any(|&(q, other)| q != p && (other - at).abs() <= 4.0)
                    });
                    repeated || (is_counter_or_code(&l.text) && apart(l, &page.lines))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, text: &str) -> Line {
        Line {
            x0: 72.0,
            x1: 300.0,
            y,
            size: 10.0,
            text: text.to_owned(),
            column: 0,
            rtl: false,
        }
    }

    #[test]
    fn repeated_headers_and_counters_are_furniture_body_lines_are_not() {
        let page = |n: usize| PageLines {
            height: 800.0,
            lines: vec![
                line(40.0, "A/76/135"),
                line(300.0, &format!("Body text {n} of the page.")),
                line(760.0, &format!("21-09447 {n}/27")),
            ],
        };
        let pages = vec![page(2), page(3), page(4)];
        let f = detect(&pages);
        assert_eq!(f[0], [true, false, true]);
        assert_eq!(f[2], [true, false, true]);
    }

    #[test]
    fn a_lone_page_number_or_bar_code_is_furniture() {
        assert!(is_counter_or_code("3"));
        assert!(is_counter_or_code("3/27"));
        assert!(is_counter_or_code("- 12 -"));
        assert!(is_counter_or_code("*2109447*"));
        assert!(is_counter_or_code("21-09447 (E)"));
        assert!(is_counter_or_code("xiv"));
        assert!(!is_counter_or_code("2021-2030"));
        assert!(!is_counter_or_code("The General Assembly,"));
    }

    #[test]
    fn a_number_ending_a_paragraph_in_the_margin_is_body() {
        let pages = vec![PageLines {
            height: 800.0,
            lines: vec![
                line(300.0, "Body text."),
                line(718.0, "بحلول عام"),
                line(730.0, "2030"),
                line(770.0, "7"),
            ],
        }];
        assert_eq!(detect(&pages)[0], [false, false, false, true]);
    }
}
