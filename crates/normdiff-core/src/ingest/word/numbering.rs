//! Automatic numbering (`numbering.xml`): the labels Word prints.
//!
//! A paragraph refers to a numbering instance (`w:num`, by `numId`) and a
//! level (`ilvl`). The instance points to an abstract numbering
//! (`w:abstractNum`) whose levels give a start value, a format
//! (`decimal`, `lowerLetter`, `upperRoman`, the CJK and Arabic ones...), a
//! label pattern (`lvlText`, such as `%1.` or `%1 %2)`) and when the level
//! restarts (`lvlRestart`). Instances without a start override share their
//! abstract numbering's counters, so a list interrupted by other
//! paragraphs, or continued in another instance, goes on counting, as in
//! Word; an instance with `startOverride` has counters of its own.

use super::format::format_number;
use super::xml::{attr, int_val, val, Xml};
use quick_xml::events::Event;
use std::collections::BTreeMap;

/// Levels per list, as in Word.
const LEVELS: usize = 9;

/// One level of an abstract numbering.
#[derive(Debug, Clone, Default)]
pub(crate) struct Level {
    pub start: i64,
    pub format: String,
    pub text: String,
    /// `lvlRestart`: `None` restarts after any higher level, `Some(0)`
    /// never, `Some(k)` after level k (1-based) or higher.
    pub restart: Option<i64>,
    /// `isLgl`: show every level's number in decimal.
    pub legal: bool,
    /// `suff`: what follows the label (`tab`, `space`, `nothing`).
    pub suffix: String,
    /// `pStyle`: the paragraph style bound to this level.
    pub style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: Vec<Level>,
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abs: String,
    /// Level → start override.
    starts: BTreeMap<usize, i64>,
    /// Level → level redefined by `lvlOverride/lvl`.
    levels: BTreeMap<usize, Level>,
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: BTreeMap<String, Abstract>,
    instances: BTreeMap<String, Instance>,
}

/// The label of one numbered paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Printed {
    /// The label as printed (`18.`, `18 a)`, `•`).
    pub label: String,
    /// What follows the label: `\t`, ` ` or nothing.
    pub suffix: &'static str,
    /// Is this a bullet (not a number)?
    pub bullet: bool,
    /// The list (counter set) the paragraph belongs to.
    pub list: String,
}

impl Numbering {
    /// Parses `numbering.xml`. Malformed XML gives an error message.
    pub fn parse(xml: &[u8]) -> Result<Numbering, String> {
        let mut n = Numbering::default();
        let mut r = Xml::new(xml, "word/numbering.xml");
        let mut abs: Option<(String, Abstract)> = None;
        let mut inst: Option<(String, Instance)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_lvl: Option<usize> = None;
        while let Some(ev) = r.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match e.local_name().as_ref() {
                        "abstractNum" if !empty => {
                            abs = Some((
                                attr(e, "abstractNumId").unwrap_or_default(),
                                Abstract::default(),
                            ))
                        }
                        "num" if !empty => {
                            inst = Some((attr(e, "numId").unwrap_or_default(), Instance::default()))
                        }
                        "abstractNumId" => {
                            if let (Some((_, i)), Some(v)) = (inst.as_mut(), val(e)) {
                                i.abs = v;
                            }
                        }
                        "lvlOverride" if !empty => {
                            override_lvl = attr(e, "ilvl").and_then(|v| v.parse().ok())
                        }
                        "startOverride" => {
                            if let (Some((_, i)), Some(l), Some(v)) =
                                (inst.as_mut(), override_lvl, int_val(e))
                            {
                                i.starts.insert(l, v);
                            }
                        }
                        "lvl" if !empty => {
                            let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            level = Some((
                                ilvl,
                                Level {
                                    start: 1,
                                    format: "decimal".into(),
                                    suffix: "tab".into(),
                                    ..Level::default()
                                },
                            ));
                        }
                        name => {
                            if let Some((_, l)) = level.as_mut() {
                                read_level_prop(l, name, e);
                            }
                        }
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let Some((ilvl, l)) = level.take() {
                            if ilvl < LEVELS {
                                if let Some((_, i)) = inst.as_mut() {
                                    i.levels.insert(override_lvl.unwrap_or(ilvl), l);
                                } else if let Some((_, a)) = abs.as_mut() {
                                    if a.levels.len() <= ilvl {
                                        a.levels.resize(ilvl + 1, Level::default());
                                    }
                                    a.levels[ilvl] = l;
                                }
                            }
                        }
                    }
                    "lvlOverride" => override_lvl = None,
                    "abstractNum" => {
                        if let Some((id, a)) = abs.take() {
                            n.abstracts.insert(id, a);
                        }
                    }
                    "num" => {
                        if let Some((id, i)) = inst.take() {
                            n.instances.insert(id, i);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(n)
    }

    /// The level definition of `(num, ilvl)`, overrides applied.
    pub fn level(&self, num: &str, ilvl: usize) -> Option<&Level> {
        let inst = self.instances.get(num)?;
        if let Some(l) = inst.levels.get(&ilvl) {
            return Some(l);
        }
        self.abstracts.get(&inst.abs)?.levels.get(ilvl)
    }

    /// The level of `num` whose `pStyle` is `style`, if any.
    pub fn level_of_style(&self, num: &str, style: &str) -> Option<usize> {
        let inst = self.instances.get(num)?;
        let abs = self.abstracts.get(&inst.abs)?;
        abs.levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))
    }
}

fn read_level_prop(l: &mut Level, name: &str, e: &quick_xml::events::BytesStart) {
    match name {
        "start" => l.start = int_val(e).unwrap_or(1),
        "numFmt" => l.format = val(e).unwrap_or_else(|| "decimal".into()),
        "lvlText" => l.text = val(e).unwrap_or_default(),
        "lvlRestart" => l.restart = int_val(e),
        "isLgl" => l.legal = super::xml::on(e),
        "suff" => l.suffix = val(e).unwrap_or_else(|| "tab".into()),
        "pStyle" => l.style = val(e),
        _ => {}
    }
}

/// Counters through a document, in body order.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    /// List key → the current value of each level (`None`: not yet used).
    lists: BTreeMap<String, [Option<i64>; LEVELS]>,
    /// Instances with a start override already started.
    started: std::collections::BTreeSet<String>,
}

impl Counters {
    /// Counts one paragraph numbered `(num, ilvl)` and returns its label,
    /// or `None` when the numbering is absent, `numId` 0 or unknown.
    pub fn next(&mut self, n: &Numbering, num: &str, ilvl: usize) -> Option<Printed> {
        let ilvl = ilvl.min(LEVELS - 1);
        let inst = n.instances.get(num)?;
        let this = n.level(num, ilvl)?;
        // An instance that overrides a start value has its own counters,
        // set to the override on first use.
        let list = if inst.starts.is_empty() {
            format!("a{}", inst.abs)
        } else {
            format!("n{num}")
        };
        let counters = self.lists.entry(list.clone()).or_insert([None; LEVELS]);
        if !inst.starts.is_empty() && self.started.insert(num.to_owned()) {
            for (&l, &s) in &inst.starts {
                if l < LEVELS {
                    counters[l] = Some(s - 1);
                }
            }
        }
        counters[ilvl] = Some(match counters[ilvl] {
            Some(v) => v + 1,
            None => this.start,
        });
        for (d, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = n.level(num, d).and_then(|l| l.restart);
            // lvlRestart k: restart when level k (1-based) or a higher one
            // is used; by default, after any higher level.
            let k = restart.unwrap_or(d as i64);
            if k != 0 && (ilvl as i64) < k {
                *counter = None;
            }
        }
        let values = *counters;
        let bullet = this.format == "bullet";
        let label = if bullet {
            this.text.clone()
        } else {
            render(&this.text, |l| {
                let lvl = n.level(num, l)?;
                let v = values[l].unwrap_or(lvl.start);
                let fmt = if this.legal && l < ilvl {
                    "decimal"
                } else {
                    lvl.format.as_str()
                };
                Some(format_number(v, fmt))
            })
        };
        let suffix = match this.suffix.as_str() {
            "space" => " ",
            "nothing" => "",
            _ => "\t",
        };
        Some(Printed {
            label,
            suffix,
            bullet,
            list,
        })
    }
}

/// Expands `%1`..`%9` in a `lvlText` pattern.
fn render(pattern: &str, mut value: impl FnMut(usize) -> Option<String>) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                chars.next();
                if (1..=LEVELS as u32).contains(&d) {
                    out.push_str(&value(d as usize - 1).unwrap_or_default());
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1 %2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/><w:lvlRestart w:val="1"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="18"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    fn labels(seq: &[(&str, usize)]) -> Vec<String> {
        let n = Numbering::parse(XML.as_bytes()).unwrap();
        let mut c = Counters::default();
        seq.iter()
            .map(|&(num, l)| c.next(&n, num, l).map(|p| p.label).unwrap_or_default())
            .collect()
    }

    #[test]
    fn two_levels_with_parent_number() {
        let got = labels(&[("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1)]);
        assert_eq!(got, ["1.", "1 a)", "1 b)", "2.", "2 a)"]);
    }

    #[test]
    fn instances_of_one_list_continue_and_overrides_restart() {
        let got = labels(&[("1", 0), ("2", 0), ("3", 0), ("3", 0), ("1", 0)]);
        assert_eq!(got, ["1.", "2.", "18.", "19.", "3."]);
    }

    #[test]
    fn lvl_restart_only_after_the_named_level() {
        // Level 3 restarts only after level 1: a new level-2 item goes on.
        let got = labels(&[("1", 0), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 2)]);
        assert_eq!(got, ["1.", "(i)", "1 a)", "(ii)", "2.", "(i)"]);
    }

    #[test]
    fn bullets_and_unknown_instances() {
        assert_eq!(labels(&[("4", 0), ("9", 0), ("0", 0)]), ["•", "", ""]);
    }
}
