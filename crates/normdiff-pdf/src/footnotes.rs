//! Footnotes at the foot of a page.
//!
//! The footnote zone of a page is the run of lines at its bottom (below
//! 45 % of its height, page furniture already removed) set in a smaller
//! size than the document's body text, starting at a line that begins
//! with a footnote marker: superscript digits (`¹`), a number followed by
//! a space or a capital letter, or `*`. Each marker line whose number
//! follows the last one starts a note; other lines continue it.

use crate::columns::Line;

/// A footnote as printed at the foot of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its marker with superscript digits made ASCII (`"12"`, `"*"`).
    pub label: String,
    /// Its lines, the marker removed from the first.
    pub lines: Vec<String>,
}

/// Superscript digits to ASCII digits.
fn plain_digit(c: char) -> Option<char> {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    SUP.iter()
        .position(|&s| s == c)
        .and_then(|d| char::from_digit(d as u32, 10))
        .or_else(|| c.is_ascii_digit().then_some(c))
}

/// The marker at the start of a note line: (label, byte length with the
/// space after it).
pub fn marker(text: &str) -> Option<(String, usize)> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    if let Some(rest) = t.strip_prefix('*') {
        return rest.starts_with(' ').then(|| ("*".to_owned(), lead + 2));
    }
    let mut label = String::new();
    let mut len = 0;
    let mut superscript = false;
    for c in t.chars() {
        match plain_digit(c) {
            Some(d) if label.len() < 3 => {
                superscript |= !c.is_ascii_digit();
                label.push(d);
                len += c.len_utf8();
            }
            _ => break,
        }
    }
    if label.is_empty() || label.starts_with('0') {
        return None;
    }
    let rest = &t[len..];
    let next = rest.chars().next()?;
    let ok =
        next == ' ' || next == '\t' || (superscript && next.is_alphabetic()) || next.is_uppercase();
    let skip = rest.len() - rest.trim_start().len();
    ok.then(|| (label, lead + len + skip))
}

/// The document's body size: the size of most characters, points.
pub fn body_size<'a>(lines: impl Iterator<Item = &'a Line>) -> f64 {
    let mut weight: std::collections::BTreeMap<i64, usize> = Default::default();
    for l in lines {
        *weight.entry((l.size * 2.0).round() as i64).or_default() += l.text.len();
    }
    weight
        .into_iter()
        .max_by_key(|&(s, w)| (w, -s))
        .map_or(10.0, |(s, _)| s as f64 / 2.0)
}

/// Splits off the footnotes of one page, column by column (two-column
/// pages set notes at the foot of each column): returns the indexes of
/// `lines` that are footnote lines, and the notes.
pub fn split(lines: &[Line], height: f64, body: f64) -> (Vec<usize>, Vec<Note>) {
    let mut zone = Vec::new();
    let mut notes = Vec::new();
    for column in [0, 1] {
        let (z, n) = split_column(lines, column, height, body);
        zone.extend(z);
        notes.extend(n);
    }
    (zone, notes)
}

/// The footnotes at the foot of one column.
fn split_column(lines: &[Line], column: u8, height: f64, body: f64) -> (Vec<usize>, Vec<Note>) {
    let mut by_y: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].column == column)
        .collect();
    by_y.sort_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y));
    let small = |l: &Line| l.size <= body * 0.9 && l.y > height * 0.45;
    let mut zone: Vec<usize> = by_y
        .iter()
        .rev()
        .take_while(|&&i| small(&lines[i]))
        .copied()
        .collect();
    zone.reverse();
    let Some(first) = zone.iter().position(|&i| marker(&lines[i].text).is_some()) else {
        return (Vec::new(), Vec::new());
    };
    let zone = zone.split_off(first);
    let mut notes: Vec<Note> = Vec::new();
    for &i in &zone {
        let text = &lines[i].text;
        let starts = marker(text).filter(|(label, _)| {
            let last = notes.last().and_then(|n| n.label.parse::<u32>().ok());
            match (last, label.parse::<u32>()) {
                (Some(a), Ok(b)) => b == a + 1,
                _ => true,
            }
        });
        match (starts, notes.last_mut()) {
            (Some((label, skip)), _) => notes.push(Note {
                label,
                lines: vec![text[skip..].to_owned()],
            }),
            (None, Some(n)) => n.lines.push(text.clone()),
            (None, None) => {}
        }
    }
    (zone, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, size: f64, text: &str) -> Line {
        Line {
            x0: 72.0,
            x1: 500.0,
            y,
            size,
            text: text.to_owned(),
            column: 0,
            rtl: false,
        }
    }

    #[test]
    fn markers() {
        assert_eq!(marker("¹ See A/76/135."), Some(("1".into(), 3)));
        assert_eq!(marker("12 Ibid."), Some(("12".into(), 3)));
        assert_eq!(marker("3Official Records"), Some(("3".into(), 1)));
        assert_eq!(marker("2021 was a year"), None);
        assert_eq!(marker("* Reissued"), Some(("*".into(), 2)));
        assert_eq!(marker("Ibid."), None);
    }

    #[test]
    fn small_marked_lines_at_the_foot_are_notes() {
        let lines = vec![
            line(100.0, 10.0, "Body text that goes on"),
            line(700.0, 8.0, "¹ First note that runs"),
            line(709.0, 8.0, "onto a second line."),
            line(718.0, 8.0, "² Second note."),
        ];
        let (zone, notes) = split(&lines, 800.0, 10.0);
        assert_eq!(zone, [1, 2, 3]);
        assert_eq!(notes.len(), 2);
        assert_eq!(
            notes[0].lines,
            ["First note that runs", "onto a second line."]
        );
        assert_eq!(notes[1].label, "2");
    }

    #[test]
    fn no_marker_no_notes() {
        let lines = vec![line(100.0, 10.0, "Body"), line(700.0, 8.0, "A caption")];
        assert!(split(&lines, 800.0, 10.0).1.is_empty());
    }
}
