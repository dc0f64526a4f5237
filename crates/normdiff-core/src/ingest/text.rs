//! The plain-text reader, for text converted from PDF or Word.
//!
//! Steps, each recorded as a [`Repair`] where it changes the text:
//! 0. page furniture (running headers and footers, page counters: see
//!    [`super::furniture`]) is removed: its lines count as blank;
//! 1. lines are grouped into raw blocks (runs of non-blank lines);
//! 2. a raw block is cut into units: each bullet line of a list block
//!    (`-`, `*`, `•`, `- o`...), each row of a block with tab-separated
//!    lines (agenda, table of contents: a line, or several when a line was
//!    full and wrapped into the next), each line that starts with a label
//!    right after a line that ends a sentence; other lines are hard wraps
//!    of the same unit;
//! 3. footnotes are set aside: units starting with superscript digits
//!    (`¹`, `²³`), `[^n]:`, or a lone line starting with `* `;
//! 4. page-break splits are rejoined: a unit that does not end a sentence
//!    followed (footnotes and furniture skipped) by a continuation, when
//!    there is evidence of a page break (see
//!    [`super::join::page_break_evidence`]);
//! 5. each unit's lines are joined (see [`super::join`]).

use super::join::{join_lines, page_break_evidence, BreakEvidence, BreakSides, Vocabulary};
use super::structure::{ends_sentence, RawBlock};
use crate::model::{BlockKind, Footnote, Repair, RepairKind};

/// One line of the source.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// 1-based line number.
    no: usize,
    start: usize,
    text: &'a str,
}

/// A unit: consecutive lines that form one block (before page-break joins).
#[derive(Debug, Clone)]
struct Unit {
    /// Indexes into the line table.
    lines: Vec<usize>,
    kind: BlockKind,
    /// Bullet signature (indent + marker) and marker for list items.
    bullet: Option<(String, String)>,
    /// Byte length of the bullet marker on the first line.
    bullet_len: usize,
    /// Whether this unit is the only unit of its raw block.
    alone: bool,
}

const SUPERSCRIPTS: &[char] = &['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'];
const BULLETS: &[char] = &['-', '*', '•', '–', '◦', '▪', '·', '‣', '○', '●', '■', '□'];

/// Reads a bullet at the start of `line`: (signature, marker, byte length).
fn bullet(line: &str) -> Option<(String, String, usize)> {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let rest = &line[indent..];
    let c = rest.chars().next()?;
    if !BULLETS.contains(&c) {
        return None;
    }
    let after = &rest[c.len_utf8()..];
    if !after.starts_with([' ', '\t', '\u{00A0}']) {
        return None;
    }
    let mut marker = c.to_string();
    let mut len = indent + c.len_utf8();
    let trimmed = after.trim_start();
    len += after.len() - trimmed.len();
    // Word's second-level "o" bullet after a dash: "- o text".
    if let Some(r) = trimmed.strip_prefix("o ") {
        if r.chars().next().is_some_and(|c| c.is_alphabetic()) {
            marker.push_str(" o");
            len += 2;
        }
    }
    let sig = format!("{}{}", " ".repeat(indent.min(16)), marker);
    Some((sig, marker, len))
}

fn footnote_marker(line: &str) -> Option<(String, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let sup: String = t.chars().take_while(|c| SUPERSCRIPTS.contains(c)).collect();
    if !sup.is_empty() {
        let rest = &t[sup.len()..];
        let rest_trim = rest.trim_start();
        if !rest_trim.is_empty() {
            return Some((
                sup.clone(),
                lead + sup.len() + (rest.len() - rest_trim.len()),
            ));
        }
    }
    if let Some(r) = t.strip_prefix("[^") {
        if let Some(close) = r.find("]:") {
            let label = &r[..close];
            if !label.is_empty() && !label.contains(char::is_whitespace) {
                let after = &r[close + 2..];
                let skip = after.len() - after.trim_start().len();
                return Some((label.to_owned(), lead + 2 + close + 2 + skip));
            }
        }
    }
    None
}

/// Is `line` nothing but a URL (bare or in angle brackets)?
fn is_bare_link(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches('<')
        .trim_end_matches(['>', '.']);
    (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace)
}

/// Reads plain text into raw blocks, footnotes and repairs.
pub(crate) fn read(text: &str) -> (Vec<RawBlock>, Vec<Footnote>, Vec<Repair>) {
    let mut lines = Vec::new();
    let mut pos = 0;
    for (i, l) in text.split('\n').enumerate() {
        lines.push(Line {
            no: i + 1,
            start: pos,
            text: l,
        });
        pos += l.len() + 1;
    }
    let furniture = super::furniture::detect(&lines.iter().map(|l| l.text).collect::<Vec<_>>());
    // furniture_before[i]: furniture lines among lines[..i].
    let furniture_before: Vec<usize> = std::iter::once(0)
        .chain(furniture.iter().scan(0, |n, &f| {
            *n += usize::from(f);
            Some(*n)
        }))
        .collect();
    let units = cut_units(&lines, &furniture);
    let vocab = Vocabulary::of(text);
    let mut footnotes = Vec::new();
    let mut repairs = furniture_repairs(&lines, &furniture);
    // Units that stay in the running text, each possibly made of several
    // units joined across page breaks.
    let mut groups: Vec<Vec<Unit>> = Vec::new();
    let mut skipped_since_last: Vec<usize> = Vec::new();
    for (ui, unit) in units.iter().enumerate() {
        let unit = unit.clone();
        let first = lines[unit.lines[0]].text;
        // A footnote's URL pushed onto a page of its own: a unit that is
        // only a link, right before another footnote, continues the last
        // footnote.
        let next_is_note = units
            .get(ui + 1)
            .is_some_and(|n| footnote_marker(lines[n.lines[0]].text).is_some());
        if next_is_note && unit.lines.len() == 1 && is_bare_link(first) {
            if let Some(f) = footnotes.last_mut() {
                let f: &mut Footnote = f;
                f.text.push(' ');
                f.text.push_str(first.trim());
                f.lines[1] = lines[unit.lines[0]].no;
                continue;
            }
        }
        let fmarker = footnote_marker(first).or_else(|| {
            let t = first.trim_start();
            // (However many lines a reflow spread it over.)
            (unit.alone && unit.kind == BlockKind::ListItem && t.starts_with("* "))
                .then(|| ("*".to_owned(), first.len() - t.len() + 2))
        });
        if let Some((label, skip)) = fmarker {
            let joined = join_lines(
                std::iter::once(&first[skip..])
                    .chain(unit.lines[1..].iter().map(|&i| lines[i].text)),
                &vocab,
            );
            let range = [
                lines[unit.lines[0]].no,
                lines[*unit.lines.last().unwrap_or(&0)].no,
            ];
            repairs.push(Repair {
                kind: RepairKind::FootnoteRemoved,
                lines: range,
                continued_at: None,
                block: None,
                detail: format!("footnote {label} set aside"),
            });
            footnotes.push(Footnote {
                label,
                text: joined.text,
                lines: range,
            });
            skipped_since_last.push(range[0]);
            continue;
        }
        let evidence = groups.last().and_then(|g| {
            let prev = g.last().expect("groups are never empty");
            let prev_text = unit_text(prev, &lines, &vocab);
            let plain = prev.kind != BlockKind::TableRow
                && unit.kind == BlockKind::Paragraph
                && !ends_sentence(&prev_text)
                && super::label::parse_label(first.trim_start()).is_none();
            let prev_end = *prev.lines.last().unwrap_or(&0);
            let sides = BreakSides {
                head: lines[g[0].lines[0]].text,
                tail: &prev_text,
                next: first,
                next_tail: lines[*unit.lines.last().unwrap_or(&0)].text,
                footnotes: !skipped_since_last.is_empty(),
                form_feed: lines[prev_end..=unit.lines[0]]
                    .iter()
                    .any(|l| l.text.contains('\u{c}')),
                furniture: furniture_before[unit.lines[0]] > furniture_before[prev_end],
            };
            plain.then(|| page_break_evidence(&sides)).flatten()
        });
        if let Some(evidence) = evidence {
            let g = groups.last_mut().expect("checked above");
            let prev_first = lines[g[0].lines[0]].no;
            let at = lines[unit.lines[0]].no;
            let end = lines[*unit.lines.last().unwrap_or(&0)].no;
            let detail = if evidence == BreakEvidence::FormFeed {
                "paragraph split by a page break rejoined (form feed between)".to_owned()
            } else if evidence == BreakEvidence::PageFurniture {
                "paragraph split by a page break rejoined (page furniture between)".to_owned()
            } else if skipped_since_last.is_empty() {
                "paragraph split by a page break rejoined".to_owned()
            } else {
                format!(
                    "paragraph split by a page break rejoined (footnotes at lines {} skipped)",
                    skipped_since_last
                        .iter()
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            repairs.push(Repair {
                kind: RepairKind::PageBreakJoin,
                lines: [prev_first, end],
                continued_at: Some(at),
                block: None,
                detail,
            });
            g.push(unit);
        } else {
            groups.push(vec![unit]);
        }
        skipped_since_last.clear();
    }
    let mut raws = Vec::with_capacity(groups.len());
    // Bullet-signature stack for list nesting: (signature, raw index).
    let mut stack: Vec<(String, usize)> = Vec::new();
    for g in groups {
        let head = &g[0];
        let mut text_parts = Vec::new();
        let mut spans = Vec::new();
        let mut line_joins = 0;
        let mut dehyph = 0;
        for u in &g {
            let mut ls: Vec<&str> = u.lines.iter().map(|&i| lines[i].text).collect();
            ls[0] = &ls[0][u.bullet_len..];
            let j = join_lines(ls, &vocab);
            line_joins += j.joins;
            dehyph += j.dehyphenated;
            text_parts.push(j.text);
            let a = &lines[u.lines[0]];
            let b = &lines[*u.lines.last().unwrap_or(&0)];
            spans.push([a.start, b.start + b.text.len()]);
        }
        let first_no = lines[head.lines[0]].no;
        let last_unit = g.last().expect("groups are never empty");
        let last_no = lines[*last_unit.lines.last().unwrap_or(&0)].no;
        // Parts of a page-break join meet like wrapped lines: no space
        // next to a Chinese character.
        let mut text = String::new();
        for part in text_parts {
            if !text.is_empty() && !super::join::unspaced_join(&text, &part) {
                text.push(' ');
            }
            text.push_str(&part);
        }
        let idx = raws.len();
        if line_joins > 0 {
            repairs.push(Repair {
                kind: RepairKind::LineJoin,
                lines: [first_no, last_no],
                continued_at: None,
                block: Some(idx),
                detail: format!("{line_joins} hard-wrapped line breaks joined"),
            });
        }
        if dehyph > 0 {
            repairs.push(Repair {
                kind: RepairKind::Dehyphenate,
                lines: [first_no, last_no],
                continued_at: None,
                block: Some(idx),
                detail: format!("{dehyph} end-of-line hyphens removed"),
            });
        }
        // Nesting of list items by bullet signature.
        let (list_parent, level) = match (&head.kind, &head.bullet) {
            (BlockKind::ListItem, Some((sig, _))) => {
                if let Some(pos) = stack.iter().position(|(s, _)| s == sig) {
                    stack.truncate(pos);
                }
                let parent = stack.last().map(|&(_, i)| i);
                stack.push((sig.clone(), idx));
                (parent, (stack.len() - 1) as u32)
            }
            _ => {
                stack.clear();
                (None, 0)
            }
        };
        let heading_by_shape = head.kind == BlockKind::Paragraph
            && g.len() == 1
            && head.lines.len() == 1
            && text.chars().count() <= 120
            && !ends_sentence(&text)
            && !text.ends_with(',');
        raws.push(RawBlock {
            kind: head.kind,
            level,
            list_parent,
            text,
            markup: None,
            lines: [first_no, last_no],
            spans,
            bullet: head.bullet.as_ref().map(|(_, m)| m.clone()),
            heading_by_shape,
        });
    }
    // Page-break repairs name the block they produced.
    let mut k = 0;
    for r in repairs
        .iter_mut()
        .filter(|r| r.kind == RepairKind::PageBreakJoin)
    {
        while k < raws.len() && raws[k].lines[1] < r.lines[1] {
            k += 1;
        }
        if k < raws.len() {
            r.block = Some(k);
        }
    }
    repairs.sort_by_key(|r| (r.lines[0], r.lines[1]));
    (raws, footnotes, repairs)
}

fn unit_text(u: &Unit, lines: &[Line<'_>], vocab: &Vocabulary) -> String {
    let last = lines[*u.lines.last().unwrap_or(&0)].text;
    if u.lines.len() == 1 {
        return last[u.bullet_len..].to_owned();
    }
    join_lines([last], vocab).text
}

/// Does the row of a tab-separated block on line `prev` go on to `line`?
/// Rows are one line each unless a wrap spread one over several lines (a
/// table of contents or an agenda reflowed at 60 or 80 columns): `prev`
/// is full (`line`'s first word would not have fitted within the block's
/// widest line), does not end with a short tab-separated field (a page
/// number, a time), and does not end a sentence before a line with a tab.
fn row_goes_on(prev: &str, line: &str, widest: usize) -> bool {
    // Wrappers break at spaces: a tab does not end the word.
    let word = line
        .trim_start()
        .split(' ')
        .next()
        .map_or(0, |w| w.chars().count());
    let prev = prev.trim_end();
    let short_field = prev
        .rsplit_once('\t')
        .is_some_and(|(_, last)| last.chars().count() <= 12);
    word > 0
        && prev.chars().count() + 1 + word > widest
        && !(ends_sentence(prev) && line.contains('\t'))
        && !short_field
}

/// One [`RepairKind::PageFurniture`] repair per run of furniture lines
/// (blank lines between them allowed), naming what was removed.
fn furniture_repairs(lines: &[Line<'_>], furniture: &[bool]) -> Vec<Repair> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Repair>| {
        if let (Some(&a), Some(&b)) = (run.first(), run.last()) {
            let texts: Vec<String> = run
                .iter()
                .map(|&i| format!("`{}`", super::furniture::clean(lines[i].text)))
                .collect();
            out.push(Repair {
                kind: RepairKind::PageFurniture,
                lines: [lines[a].no, lines[b].no],
                continued_at: None,
                block: None,
                detail: format!("page furniture removed: {}", texts.join(", ")),
            });
        }
        run.clear();
    };
    for (i, l) in lines.iter().enumerate() {
        if furniture[i] {
            run.push(i);
        } else if !super::furniture::clean(l.text).is_empty() {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Cuts the lines into units (step 2 of the module doc); furniture lines
/// count as blank.
fn cut_units(lines: &[Line<'_>], furniture: &[bool]) -> Vec<Unit> {
    let blank = |i: usize| furniture[i] || lines[i].text.trim().is_empty();
    let mut units = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if blank(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !blank(i) {
            i += 1;
        }
        let block = &lines[start..i];
        let tabular = block.iter().any(|l| l.text.trim_end().contains('\t'));
        let widest = block
            .iter()
            .map(|l| l.text.trim_end().chars().count())
            .max();
        let list_block = bullet(block[0].text).is_some();
        let first_unit = units.len();
        for (k, l) in block.iter().enumerate() {
            let idx = start + k;
            let b = bullet(l.text);
            let prev_ends = k > 0 && ends_sentence(block[k - 1].text);
            let new_unit = k == 0
                || (tabular && !row_goes_on(block[k - 1].text, l.text, widest.unwrap_or(0)))
                || (b.is_some() && (list_block || prev_ends || l.text.starts_with([' ', '\t'])))
                || (prev_ends
                    && b.is_none()
                    && super::label::parse_label(l.text.trim_start()).is_some());
            if new_unit {
                let (kind, bullet_info, blen) = match b {
                    Some((sig, marker, len)) => (BlockKind::ListItem, Some((sig, marker)), len),
                    None if tabular => (
                        BlockKind::TableRow,
                        None,
                        l.text.len() - l.text.trim_start().len(),
                    ),
                    None => (
                        BlockKind::Paragraph,
                        None,
                        l.text.len() - l.text.trim_start().len(),
                    ),
                };
                units.push(Unit {
                    lines: vec![idx],
                    kind,
                    bullet: bullet_info,
                    bullet_len: blen,
                    alone: false,
                });
            } else if let Some(u) = units.last_mut() {
                u.lines.push(idx);
            }
        }
        if units.len() == first_unit + 1 {
            units[first_unit].alone = true;
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        read(s).0.into_iter().map(|r| r.text).collect()
    }

    #[test]
    fn page_break_join_skips_footnotes() {
        let s = "5. Il est vital pour le bien\n\n¹ A/75/816.\n\n² Autre note.\n\ncommun de tous.\n\n6. Suite.";
        let (raws, notes, repairs) = read(s);
        assert_eq!(raws.len(), 2);
        assert_eq!(raws[0].text, "5. Il est vital pour le bien commun de tous.");
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].label, "¹");
        assert_eq!(notes[0].text, "A/75/816.");
        let pb: Vec<_> = repairs
            .iter()
            .filter(|r| r.kind == RepairKind::PageBreakJoin)
            .collect();
        assert_eq!(pb.len(), 1);
        assert_eq!(pb[0].continued_at, Some(7));
        assert_eq!(pb[0].block, Some(0));
    }

    /// `body` pages as `pdftotext` writes them: header after each form
    /// feed, job number and page counter at each foot.
    fn pdftotext(pages: &[&str]) -> String {
        let n = pages.len();
        let mut out = String::new();
        for (k, p) in pages.iter().enumerate() {
            if k > 0 {
                out.push_str("\u{c}A/76/135\n\n");
            }
            out.push_str(&format!("{p}\n\n21-09447\n\n{}/{n}\n\n", k + 1));
        }
        out
    }

    fn kinds(repairs: &[Repair], kind: RepairKind) -> usize {
        repairs.iter().filter(|r| r.kind == kind).count()
    }

    #[test]
    fn page_break_with_running_header_between_is_rejoined() {
        for (a, b, whole) in [
            (
                "5. Il est vital pour le bien",
                "commun de tous.\n\n6. Suite.",
                "5. Il est vital pour le bien commun de tous.",
            ),
            (
                "5. يؤكد أن الدول",
                "تتعاون فيما بينها.\n\n6. نص.",
                "5. يؤكد أن الدول تتعاون فيما بينها.",
            ),
            (
                "5. 各国应当",
                "加强合作。\n\n6. 正文。",
                "5. 各国应当加强合作。",
            ),
        ] {
            let (raws, _, repairs) = read(&pdftotext(&[a, b, "7. Fin."]));
            let got: Vec<&str> = raws.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(got.len(), 3, "{got:?}");
            assert_eq!(got[0], whole);
            assert_eq!(kinds(&repairs, RepairKind::PageFurniture), 3);
            let pb: Vec<_> = repairs
                .iter()
                .filter(|r| r.kind == RepairKind::PageBreakJoin)
                .collect();
            assert_eq!(pb.len(), 1, "{pb:?}");
            assert!(pb[0].detail.contains("page furniture"), "{}", pb[0].detail);
        }
    }

    #[test]
    fn recitals_with_a_running_header_between_stay_apart() {
        let pages = [
            "Генеральная Ассамблея,\n\nпринимая во внимание, что права человека универсальны,",
            "ссылаясь на свою резолюцию 70/1,\n\nпризнавая важность сотрудничества,",
            "ссылаясь также на свою резолюцию 73/266,\n\n1. постановляет.",
        ];
        let (raws, _, repairs) = read(&pdftotext(&pages));
        assert_eq!(
            raws.len(),
            6,
            "{:?}",
            raws.iter().map(|r| &r.text).collect::<Vec<_>>()
        );
        assert_eq!(kinds(&repairs, RepairKind::PageBreakJoin), 0);
        assert_eq!(kinds(&repairs, RepairKind::PageFurniture), 3);
    }

    #[test]
    fn labelled_paragraphs_and_lone_short_lines_are_not_furniture() {
        let pages = ["3.\n\nLe Groupe note.\n\n(3)\n\nAnnexe", "Texte.", "Fin."];
        let (raws, _, _) = read(&pdftotext(&pages));
        let got: Vec<&str> = raws.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            got,
            ["3.", "Le Groupe note.", "(3)", "Annexe", "Texte.", "Fin."]
        );
    }

    #[test]
    fn wrapped_and_unwrapped_give_the_same_text() {
        let a = "1. Le rapport s'appuie sur les évaluations et les recommandations des rapports de consensus.";
        let b = "1. Le rapport s'appuie sur les évaluations et\nles recommandations des rapports de\nconsensus.";
        assert_eq!(texts(a), texts(b));
    }

    #[test]
    fn bullets_and_agenda_lines_are_separate() {
        let s = "- Un :\n - o deux ;\n - trois ;\n - o quatre.\n\nA\t9h\nB\t10h";
        let (raws, _, _) = read(s);
        let got: Vec<_> = raws
            .iter()
            .map(|r| (r.kind, r.level, r.list_parent))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::ListItem, 0, None),
                (BlockKind::ListItem, 1, Some(0)),
                (BlockKind::ListItem, 2, Some(1)),
                (BlockKind::ListItem, 1, Some(0)),
                (BlockKind::TableRow, 0, None),
                (BlockKind::TableRow, 0, None),
            ]
        );
        assert_eq!(raws[1].text, "deux ;");
    }

    #[test]
    fn wrapped_dash_does_not_start_a_list() {
        let s = "Il s'agit de l'Internet\n- ce que nous considérons comme le noyau.";
        assert_eq!(texts(s).len(), 1);
    }

    #[test]
    fn footnote_url_on_its_own_page_joins_its_footnote() {
        let s = "Texte.¹\n\n¹ Déclaration,\n\n<https://example.org/a.pdf>\n\n² Autre.";
        let (raws, notes, _) = read(s);
        assert_eq!(raws.len(), 1);
        assert_eq!(notes[0].text, "Déclaration, <https://example.org/a.pdf>");
    }

    #[test]
    fn lone_asterisk_line_is_a_footnote() {
        let (raws, notes, _) = read("Titre*\n\n* La version originale n'a pas été revue.");
        assert_eq!(raws.len(), 1);
        assert_eq!(notes[0].label, "*");
    }
}
