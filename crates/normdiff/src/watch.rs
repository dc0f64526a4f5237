//! The watch file (`.normdiff.toml`) of `normdiff check`: `[[watch]]`
//! phrases and `[[protect]]` paragraphs (format in `docs/watch-file.md`).
//!
//! Every error names the file, the line and column (1-based) and the
//! problem: `.normdiff.toml:4:13: unknown variant `block`, expected `fail`
//! or `warn``.

use normdiff_core::check::OnChange;
use normdiff_core::history::{MatchMode, MatchOptions, Matcher};
use normdiff_git::PathFilter;
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    watch: Vec<Spanned<RawWatch>>,
    #[serde(default)]
    protect: Vec<Spanned<RawProtect>>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum RawMode {
    Exact,
    Normalized,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum RawOnChange {
    Fail,
    Warn,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWatch {
    id: Spanned<String>,
    phrase: Spanned<String>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    #[serde(default)]
    paths: Vec<Spanned<String>>,
    lang: Option<String>,
    #[serde(rename = "match")]
    mode: Option<RawMode>,
    fuzzy: Option<Spanned<u32>>,
    on_change: Option<RawOnChange>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProtect {
    id: Option<Spanned<String>>,
    path: Spanned<String>,
    label: Spanned<String>,
    on_change: Option<RawOnChange>,
}

/// A watched phrase, validated.
#[derive(Debug, Clone)]
pub struct Watch {
    pub id: String,
    pub phrase: String,
    pub variants: Vec<String>,
    pub paths: PathFilter,
    pub lang: Option<String>,
    pub matching: MatchOptions,
    pub on_change: OnChange,
}

/// A protected paragraph, validated.
#[derive(Debug, Clone)]
pub struct Protect {
    pub id: String,
    pub path: String,
    pub label: String,
    pub on_change: OnChange,
}

/// The whole watch file.
#[derive(Debug, Clone, Default)]
pub struct WatchFile {
    pub watches: Vec<Watch>,
    pub protects: Vec<Protect>,
}

/// Line and column (1-based, in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut at = offset;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn err(name: &str, text: &str, span: Option<Range<usize>>, msg: &str) -> anyhow::Error {
    let msg = msg.trim().replace('\n', " ");
    match span {
        Some(s) => {
            let (l, c) = line_col(text, s.start);
            anyhow::anyhow!("{name}:{l}:{c}: {msg}")
        }
        None => anyhow::anyhow!("{name}: {msg}"),
    }
}

fn on_change(v: Option<RawOnChange>) -> OnChange {
    match v {
        Some(RawOnChange::Warn) => OnChange::Warn,
        _ => OnChange::Fail,
    }
}

/// Parses and validates the watch file `text` (named `name` in errors).
pub fn parse(name: &str, text: &str) -> anyhow::Result<WatchFile> {
    let raw: RawFile = toml::from_str(text).map_err(|e| err(name, text, e.span(), e.message()))?;
    let mut out = WatchFile::default();
    let mut ids: Vec<String> = Vec::new();
    let mut seen = |id: &Spanned<String>| -> anyhow::Result<()> {
        let v = id.get_ref().trim();
        if v.is_empty() {
            return Err(err(name, text, Some(id.span()), "`id` is empty"));
        }
        if ids.iter().any(|i| i == v) {
            return Err(err(
                name,
                text,
                Some(id.span()),
                &format!("duplicate id `{v}`"),
            ));
        }
        ids.push(v.to_owned());
        Ok(())
    };
    for w in &raw.watch {
        let span = w.span();
        let w = w.get_ref();
        seen(&w.id)?;
        let fuzzy = w.fuzzy.as_ref().map_or(0, |f| *f.get_ref() as usize);
        let matching = MatchOptions {
            mode: match w.mode {
                Some(RawMode::Exact) => MatchMode::Exact,
                _ => MatchMode::Normalized,
            },
            fuzzy,
        };
        let variants: Vec<String> = w.variants.iter().map(|v| v.get_ref().clone()).collect();
        if let Err(e) = Matcher::new(w.phrase.get_ref(), &variants, &matching) {
            let at = w
                .variants
                .iter()
                .find(|v| Matcher::new(v.get_ref(), &[], &matching).is_err())
                .map_or(w.phrase.span(), |v| v.span());
            let what = if matches!(e.kind(), normdiff_core::ErrorKind::EmptyPhrase) {
                "the phrase has no word".to_owned()
            } else {
                e.to_string()
            };
            return Err(err(name, text, Some(at), &what));
        }
        let patterns: Vec<String> = w.paths.iter().map(|p| p.get_ref().clone()).collect();
        let paths = PathFilter::new(&patterns).map_err(|e| {
            let at = w
                .paths
                .iter()
                .find(|p| PathFilter::new(std::slice::from_ref(p.get_ref())).is_err())
                .map_or(span.clone(), |p| p.span());
            err(name, text, Some(at), &e.to_string())
        })?;
        out.watches.push(Watch {
            id: w.id.get_ref().trim().to_owned(),
            phrase: w.phrase.get_ref().clone(),
            variants,
            paths,
            lang: w.lang.clone(),
            matching,
            on_change: on_change(w.on_change),
        });
    }
    for p in &raw.protect {
        let p = p.get_ref();
        if let Some(id) = &p.id {
            seen(id)?;
        }
        for (field, v) in [("path", &p.path), ("label", &p.label)] {
            if v.get_ref().trim().is_empty() {
                return Err(err(
                    name,
                    text,
                    Some(v.span()),
                    &format!("`{field}` is empty"),
                ));
            }
        }
        let path = p.path.get_ref().trim();
        let path = path.strip_prefix("./").unwrap_or(path);
        let label = p.label.get_ref().trim();
        out.protects.push(Protect {
            id: p.id.as_ref().map_or_else(
                || format!("{path} ¶ {label}"),
                |i| i.get_ref().trim().to_owned(),
            ),
            path: path.to_owned(),
            label: label.to_owned(),
            on_change: on_change(p.on_change),
        });
    }
    if out.watches.is_empty() && out.protects.is_empty() {
        return Err(err(
            name,
            text,
            None,
            "no [[watch]] or [[protect]] entry: nothing to check",
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(".normdiff.toml", text).unwrap_err().to_string()
    }

    #[test]
    fn minimal_form_from_the_issue() {
        let w = parse(
            ".normdiff.toml",
            "[[watch]]\nid = \"public-core\"\nphrase = \"noyau public de l'Internet\"\non_change = \"fail\"\n",
        )
        .unwrap();
        assert_eq!(w.watches.len(), 1);
        assert_eq!(w.watches[0].on_change, OnChange::Fail);
        assert_eq!(w.watches[0].matching, MatchOptions::default());
        assert!(w.watches[0].paths.is_empty());
    }

    #[test]
    fn full_form() {
        let w = parse(
            "w.toml",
            r#"
[[watch]]
id = "a"
phrase = "bon père de famille"
variants = ["de manière raisonnable"]
paths = ["Code Civil/**"]
lang = "fr"
match = "exact"
fuzzy = 1
on_change = "warn"

[[protect]]
path = "./report.md"
label = "18."
"#,
        )
        .unwrap();
        let a = &w.watches[0];
        assert_eq!(a.matching.mode, MatchMode::Exact);
        assert_eq!(a.matching.fuzzy, 1);
        assert_eq!(a.on_change, OnChange::Warn);
        assert!(a.paths.is_match("Code Civil/Livre I/a.md"));
        assert_eq!(w.protects[0].path, "report.md");
        assert_eq!(w.protects[0].id, "report.md ¶ 18.");
    }

    #[test]
    fn errors_name_the_line_and_problem() {
        let e = error("[[watch]]\nid = \"a\"\nphrase = \"x y\"\non_change = \"block\"\n");
        assert!(e.starts_with(".normdiff.toml:4:"), "{e}");
        assert!(e.contains("block"), "{e}");
        let e = error("[[watch]]\nid = \"a\"\nphrase = \"x y\"\nonchange = \"warn\"\n");
        assert!(e.starts_with(".normdiff.toml:4:"), "{e}");
        let e = error("[[watch]]\nid = \"a\"\n\nphrase = \"  \"\n");
        assert_eq!(e, ".normdiff.toml:4:10: the phrase has no word");
        let e =
            error("[[watch]]\nid = \"a\"\nphrase = \"x\"\n[[watch]]\nid = \"a\"\nphrase = \"y\"\n");
        assert_eq!(e, ".normdiff.toml:5:6: duplicate id `a`");
        let e = error("[[watch]]\nid = \"a\"\nphrase = \"x y\"\nfuzzy = 3\n");
        assert!(e.starts_with(".normdiff.toml:3:"), "{e}");
        let e = error("[[watch]]\nid = \"a\"\nphrase = \"x\"\npaths = [\"ok\", \"a[\"]\n");
        assert!(e.starts_with(".normdiff.toml:4:16:"), "{e}");
        let e = error("[[watch]\n");
        assert!(e.starts_with(".normdiff.toml:1:"), "{e}");
        let e = error("[[watch]]\nphrase = \"x\"\n");
        assert!(e.contains("missing field `id`"), "{e}");
        assert!(error("").contains("nothing to check"));
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\nçd", 5), (2, 2));
        assert_eq!(line_col("", 0), (1, 1));
    }
}
