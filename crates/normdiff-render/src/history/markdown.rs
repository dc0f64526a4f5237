//! The Markdown history report: versions, lineage table, then the last
//! version's text with the introducing version of each sentence.

use super::{block_spans, table};
use crate::escape;
use normdiff_core::lineage::Lineage;
use normdiff_core::segment::sentences;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// The versions that introduced words of `start..end` (block-relative),
/// restricted to those after `since`.
fn versions_in(
    spans: &[(usize, usize, usize)],
    start: usize,
    end: usize,
    since: Option<usize>,
) -> BTreeSet<usize> {
    spans
        .iter()
        .filter(|s| s.0 < end && s.1 > start)
        .map(|s| s.2)
        .filter(|&v| since.is_none_or(|k| v > k))
        .collect()
}

fn versions_list(l: &Lineage) -> Vec<String> {
    l.versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut s = format!("{i}. {}", escape::markdown_cell(&v.name));
            if let Some(d) = &v.date {
                s.push_str(&format!(", {}", escape::markdown_cell(d)));
            }
            if let Some(a) = v.author.as_deref().filter(|a| !a.is_empty()) {
                s.push_str(&format!(", {}", escape::markdown_cell(a)));
            }
            s
        })
        .collect()
}

/// Writes the Markdown report. With `since = Some(k)`, the table lists
/// only lineages changed after version `k` and only versions after `k` are
/// named beside sentences.
pub fn markdown(l: &Lineage, since: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# History of {} versions\n", l.versions.len())?;
    for line in versions_list(l) {
        writeln!(out, "- {line}")?;
    }
    if let Some(k) = since {
        writeln!(
            out,
            "\nShowing changes after {}.",
            escape::markdown_cell(&l.versions[k].name)
        )?;
    }
    writeln!(out, "\n## Paragraph lineage\n")?;
    table(l, since, out)?;
    let Some(last) = l.versions.len().checked_sub(1) else {
        return Ok(());
    };
    writeln!(
        out,
        "\n## Where the words of {} come from\n",
        escape::markdown_cell(&l.versions[last].name)
    )?;
    writeln!(
        out,
        "Each sentence is followed by the versions that introduced its words, oldest first.\n"
    )?;
    for (b, &start) in l.block_starts.iter().enumerate() {
        let end = l.block_starts.get(b + 1).map_or(l.text.len(), |&s| s - 2);
        let text = &l.text[start..end];
        let spans = block_spans(l, b);
        let id = l.last_block_id(b);
        let Some(p) = l.paragraphs.get(id) else {
            continue;
        };
        let label = p
            .labels
            .get(&last)
            .map(|x| x.to_vec())
            .and_then(|v| v.into_iter().next().flatten());
        let head = label.map_or(format!("#{}", b + 1), |x| escape::markdown_cell(&x));
        let changed = &l.versions[p.last_changed].name;
        writeln!(
            out,
            "**{head}** (L{id}, last changed in {}):",
            escape::markdown_cell(changed)
        )?;
        let mut line = Vec::new();
        for (s, e) in sentences(text) {
            let mut piece = escape::markdown(text[s..e].trim());
            let vs = versions_in(&spans, s, e, since);
            if !vs.is_empty() {
                let names: Vec<String> = vs
                    .iter()
                    .map(|&v| escape::markdown_cell(&l.versions[v].name))
                    .collect();
                piece.push_str(&format!(" _\\[{}\\]_", names.join(", ")));
            }
            line.push(piece);
        }
        writeln!(out, "{}\n", line.join(" "))?;
    }
    Ok(())
}
