//! `normdiff align SRC TGT`: a document beside its translation.

use crate::exit;
use crate::input::{self, InputArgs};
use crate::output::Output;
use anyhow::Context;
use clap::{Args, ValueEnum};
use normdiff_core::align::cross::{self, report};
use normdiff_core::{CrossOptions, Glossary, GlossaryEntry};
use serde::Deserialize;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AlignFormat {
    /// A bilingual two-column Markdown table (right-to-left text isolated).
    Markdown,
    /// A standalone HTML page with the bilingual table (`dir` attributes).
    Html,
    /// One line per link: `src_indexes<TAB>tgt_indexes<TAB>score`.
    Tsv,
    /// The alignment as JSON (schema in docs/json-align.md).
    Json,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The source document (`-` for standard input).
    pub source: String,
    /// The target document: a translation of the source.
    pub target: String,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "markdown")]
    pub format: AlignFormat,
    /// A TOML glossary of term equivalents used as extra anchors
    /// (format in docs/glossary.md).
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Option<String>,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// One term or several variants of it.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Terms {
    One(String),
    Many(Vec<String>),
}

impl Terms {
    fn into_vec(self) -> Vec<String> {
        match self {
            Terms::One(s) => vec![s],
            Terms::Many(v) => v,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    source: Terms,
    target: Terms,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<TermFile>,
}

/// Parses a glossary file's text (`path` names it in errors).
pub fn parse_glossary(text: &str, path: &str) -> anyhow::Result<Glossary> {
    let file: GlossaryFile =
        toml::from_str(text).with_context(|| format!("{path}: not a valid glossary"))?;
    Ok(Glossary {
        entries: file
            .term
            .into_iter()
            .map(|t| GlossaryEntry {
                source: t.source.into_vec(),
                target: t.target.into_vec(),
            })
            .collect(),
    })
}

pub fn run(args: AlignArgs) -> anyhow::Result<ExitCode> {
    let glossary = match &args.glossary {
        Some(path) => {
            let bytes = input::read_bytes(path, args.input.max_size)?;
            let text = normdiff_core::decode(&bytes, path)?.text;
            parse_glossary(&text, path)?
        }
        None => Glossary::default(),
    };
    let source = input::read_document(&args.source, &args.input)?;
    let target = input::read_document(&args.target, &args.input)?;
    normdiff_core::limits::check_align(&source, &normdiff_core::shown_name(&args.source))?;
    normdiff_core::limits::check_align(&target, &normdiff_core::shown_name(&args.target))?;
    let alignment = cross::align(&source, &target, &CrossOptions { glossary });
    let (source_name, target_name) = (
        normdiff_core::shown_name(&args.source),
        normdiff_core::shown_name(&args.target),
    );
    let rep = report::report(&source, &target, &alignment, &source_name, &target_name);
    let mut out = Output::open(args.output.as_deref())?;
    use normdiff_render::align as r;
    match args.format {
        AlignFormat::Markdown => r::markdown(&rep, &mut out)?,
        AlignFormat::Html => r::html(&rep, &mut out)?,
        AlignFormat::Tsv => r::tsv(&rep, &mut out)?,
        AlignFormat::Json => r::json(&rep, &mut out)?,
    }
    out.finish()?;
    Ok(ExitCode::from(exit::SUCCESS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_forms() {
        let g = parse_glossary(
            "[[term]]\nsource = \"noyau public\"\ntarget = [\"public core\", \"core of the Internet\"]\n",
            "g.toml",
        )
        .unwrap();
        assert_eq!(g.entries.len(), 1);
        assert_eq!(g.entries[0].source, vec!["noyau public"]);
        assert_eq!(g.entries[0].target.len(), 2);
        assert!(parse_glossary("", "g.toml").unwrap().entries.is_empty());
        let e = parse_glossary("[[term]]\nsource = 1\n", "g.toml").unwrap_err();
        assert!(format!("{e:#}").starts_with("g.toml: not a valid glossary"));
    }
}
