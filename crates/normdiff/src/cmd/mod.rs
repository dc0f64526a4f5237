//! One module per subcommand; each turns its arguments into core calls and
//! picks a renderer.

pub mod align;
pub mod check;
pub mod completions;
pub mod diff;
pub mod diff_dirs;
pub mod history;
pub mod locate;
pub mod parse;
pub mod trace;

use crate::cli::{Cli, Command};
use std::process::ExitCode;

/// Runs the chosen subcommand.
pub fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Check(args) => check::run(args),
        Command::Trace(args) => trace::run(args),
        Command::History(args) => history::run(args),
        Command::Align(args) => align::run(args),
        Command::Locate(args) => locate::run(args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
    }
}
