//! GitHub Actions workflow commands: one `::error`, `::warning` or
//! `::notice` line per finding, pointing at the lines of the changed words
//! (or the watched term) in the head version, so the pull request shows it
//! beside the text.
//!
//! Syntax: `::LEVEL file=PATH,line=N[,endLine=M],title=TITLE::MESSAGE`
//! (`endLine` when the words span lines). Message data
//! escapes `%` → `%25`, `\r` → `%0D`, `\n` → `%0A` ([`escape_data`]);
//! property values additionally `:` → `%3A` and `,` → `%2C`
//! ([`escape_property`]). Every other control character and every bidi
//! control is written as a `⟦U+XXXX⟧` marker. A multi-line message (description, then the
//! redline as `[-old-]{+new+}`) uses `%0A`.
//!
//! Levels: `error` for findings that make an entry fail, `warning` for
//! changes of a `warn` entry, `notice` for moves, renumbering, renames and
//! phrases found nowhere. A finding located only in base (its file or
//! paragraph is gone) carries no `file`/`line`.

use super::{describe, plain_mark, redline, totals, RenderCheck};
use normdiff_core::check::{CheckReport, EntryKind, EntryResult, Finding, Status, Verdict};
use std::io::{self, Write};

/// The workflow-command renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Github;

/// Escapes workflow-command message data: `%`, `\r`, `\n` as the runner
/// expects; every other control character (ESC, BEL, backspace, C1
/// controls: the makings of terminal escapes, OSC 8 links and OSC 52
/// clipboard writes) and every bidi control as a `⟦U+XXXX⟧` marker, so
/// none reaches a CI log raw.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("⟦U+{:04X}⟧", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Bidi embedding, override and isolate controls, and the directional
/// marks: they reorder what a log shows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Escapes a workflow-command property value: as [`escape_data`], plus
/// `:` and `,`.
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_data(s).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

fn level(e: &EntryResult, f: &Finding) -> &'static str {
    let counts = f.status.is_change() || f.is_suspicious();
    match (e.verdict, counts) {
        (Verdict::Fail, true) => "error",
        (Verdict::Warn, true) => "warning",
        _ => "notice",
    }
}

fn command(
    out: &mut dyn Write,
    level: &str,
    props: &[(&str, String)],
    msg: &str,
) -> io::Result<()> {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    writeln!(out, "::{level} {}::{}", props.join(","), escape_data(msg))
}

impl RenderCheck for Github {
    fn render(&self, r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
        for e in &r.entries {
            let title = format!("normdiff check: {} {}", e.id, e.status.name());
            for f in &e.findings {
                let mut msg = describe(e, f);
                if let Some(line) = redline(f, &|s| s.replace('\n', " ¶ "), &plain_mark) {
                    msg.push('\n');
                    msg.push_str(&line);
                }
                let mut props = Vec::new();
                if f.side == "head" {
                    props.push(("file", f.location.path.clone()));
                    props.push(("line", f.location.line.to_string()));
                    if f.location.end_line > f.location.line {
                        props.push(("endLine", f.location.end_line.to_string()));
                    }
                }
                props.push(("title", title.clone()));
                command(out, level(e, f), &props, &msg)?;
            }
            if e.findings.is_empty() && e.status == Status::Absent {
                let (lvl, what) = match e.kind {
                    EntryKind::Watch => ("notice", "phrase found in neither version"),
                    EntryKind::Protect => ("error", "protected paragraph found in neither version"),
                };
                let lvl = if e.verdict == Verdict::Fail {
                    "error"
                } else {
                    lvl
                };
                command(
                    out,
                    lvl,
                    &[("title", title)],
                    &format!("{}: {what}", e.subject),
                )?;
            }
        }
        writeln!(out, "{}", totals(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{render, sample};

    #[test]
    fn no_control_character_passes_raw() {
        let hostile =
            "a\u{1b}]52;c;eA==\u{7}b\u{1b}]8;;http://x\u{1b}\\c\u{8}\u{9b}\u{202E}d\te%\r\n";
        for s in [escape_data(hostile), escape_property(hostile)] {
            assert!(
                !s.chars().any(|c| c.is_control() || is_bidi_control(c)),
                "{s:?}"
            );
            assert!(s.contains("⟦U+001B⟧") && s.contains("⟦U+202E⟧") && s.contains("%25%0D%0A"));
        }
    }

    #[test]
    fn escaping_is_exact() {
        assert_eq!(escape_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(
            escape_property("100% a\r\nb: c, d"),
            "100%25 a%0D%0Ab%3A c%2C d"
        );
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_property("::error"), "%3A%3Aerror");
        assert_eq!(escape_data(""), "");
    }

    #[test]
    fn workflow_commands() {
        let s = render(&Github, &sample());
        for line in s.lines().filter(|l| l.starts_with("::")) {
            // Every command is one line: `::level props::message`.
            let rest = line.strip_prefix("::").unwrap();
            let (head, msg) = rest.split_once("::").unwrap();
            assert!(["error", "warning", "notice"].contains(&head.split(' ').next().unwrap()));
            assert!(!msg.contains('\n') && !msg.contains('\r'));
        }
        insta::assert_snapshot!(s);
    }
}
