//! `normdiff parse FILE`: how a document was understood.

use crate::exit;
use crate::input::{self, InputArgs};
use crate::output::Output;
use clap::{Args, ValueEnum};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ParseFormat {
    /// A readable outline: one line per block, then footnotes and repairs.
    Text,
    /// The document model as JSON (schema in docs/json-parse.md).
    Json,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The document to read (`-` for standard input).
    pub file: String,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: ParseFormat,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let doc = input::read_document(&args.file, &args.input)?;
    let mut out = Output::open(args.output.as_deref())?;
    match args.format {
        ParseFormat::Text => normdiff_render::document::text(&doc, &mut out)?,
        ParseFormat::Json => normdiff_render::document::json(&doc, &mut out)?,
    }
    out.finish()?;
    Ok(ExitCode::from(exit::SUCCESS))
}
