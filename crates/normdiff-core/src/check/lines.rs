//! Pins each finding to the source lines of the words it is about, so a
//! GitHub annotation points at the changed line rather than the first line
//! of a long paragraph.
//!
//! A finding's [`Location`] starts as its paragraph's first line. This pass
//! looks, in the decoded text of the file version the finding is in, for
//! the first changed words on that side (inserted words in head, deleted
//! words in base) or else the watched term, from the paragraph's first line
//! on; words may be split across hard-wrapped lines. When found, `line` and
//! `end_line` become the lines where those words start and end; otherwise
//! the paragraph's first line stays (`end_line` = `line`).

use super::{CheckReport, FileVersions, Finding, Location};
use crate::diff::OpKind;

/// How far past the paragraph's first line the words are looked for.
const WINDOW: usize = 64 * 1024;

/// Sets `line`/`end_line` of every finding of `report` (see the module doc).
pub(crate) fn pin(report: &mut CheckReport, files: &[FileVersions]) {
    for e in &mut report.entries {
        for f in &mut e.findings {
            pin_finding(f, files);
        }
    }
}

fn pin_finding(f: &mut Finding, files: &[FileVersions]) {
    let head = f.side == "head";
    let text = files.iter().find_map(|fv| {
        let (path, text) = if head {
            (fv.new_path.as_deref(), fv.new.as_deref())
        } else {
            (fv.old_path.as_deref(), fv.old.as_deref())
        };
        (path == Some(f.location.path.as_str()))
            .then_some(text)
            .flatten()
    });
    let Some(text) = text else { return };
    let side = if head { OpKind::Insert } else { OpKind::Delete };
    let needle = f
        .ops
        .iter()
        .find(|o| o.op == side && !o.ignored && !o.text.trim().is_empty())
        .map_or(f.term.as_str(), |o| o.text.as_str());
    if let Some((a, b)) = find_span(text, &f.location, needle) {
        f.location.line = a;
        f.location.end_line = b;
    }
}

/// The first and last line (1-based) of `needle`'s words in `text`, looked
/// for from `loc.line` on, whitespace between words matching any run of
/// white space (hard wraps).
fn find_span(text: &str, loc: &Location, needle: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = *words.first()?;
    let start = line_start(text, loc.line)?;
    let end = (start + WINDOW).min(text.len());
    let end = (end..=text.len()).find(|&i| text.is_char_boundary(i))?;
    let hay = &text[start..end];
    let mut from = 0;
    while let Some(i) = hay[from..].find(first) {
        let at = from + i;
        if let Some(stop) = follows(hay, at + first.len(), &words[1..]) {
            let line = |off: usize| loc.line + hay[..off].matches('\n').count();
            return Some((line(at), line(stop)));
        }
        from = at + first.len();
    }
    None
}

/// The end offset when `words` follow position `at` of `hay`, each after
/// some white space.
fn follows(hay: &str, mut at: usize, words: &[&str]) -> Option<usize> {
    for w in words {
        let rest = &hay[at..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() || !trimmed.starts_with(w) {
            return None;
        }
        at += rest.len() - trimmed.len() + w.len();
    }
    Some(at)
}

/// The byte offset where 1-based `line` starts.
fn line_start(text: &str, line: usize) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_across_a_hard_wrap_are_found_on_their_lines() {
        let text = "Titre\n\n18. Les États devraient protéger\nle noyau public de\nl'Internet contre tout.\n";
        let loc = Location {
            path: "a.txt".into(),
            label: Some("18".into()),
            line: 3,
            end_line: 3,
        };
        assert_eq!(
            find_span(text, &loc, "noyau public de l'Internet"),
            Some((4, 5))
        );
        assert_eq!(find_span(text, &loc, "protéger"), Some((3, 3)));
        assert_eq!(find_span(text, &loc, "absent"), None);
        assert_eq!(find_span(text, &loc, ""), None);
    }
}
