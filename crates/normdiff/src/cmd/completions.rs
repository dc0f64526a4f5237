//! `normdiff completions SHELL` and `normdiff man [COMMAND]`: shell
//! completion scripts (clap_complete) and roff man pages (clap_mangen),
//! generated from the same clap definition as `--help`, so they cannot
//! drift from it.

use crate::cli::Cli;
use clap::{Args, CommandFactory, ValueEnum};
use std::io::Write;
use std::process::ExitCode;

/// A shell to complete for.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (`diff` gives normdiff-diff.1);
    /// none for normdiff.1.
    pub command: Option<String>,
}

pub fn completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    use clap_complete::{generate, shells};
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    match args.shell {
        Shell::Bash => generate(shells::Bash, &mut cmd, "normdiff", &mut out),
        Shell::Zsh => generate(shells::Zsh, &mut cmd, "normdiff", &mut out),
        Shell::Fish => generate(shells::Fish, &mut cmd, "normdiff", &mut out),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let cmd = Cli::command();
    let page = match &args.command {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name) else {
                anyhow::bail!("no subcommand named {name:?}");
            };
            // clap names are `&'static str` without its `string` feature;
            // one short string per run.
            let page_name: &'static str = Box::leak(format!("normdiff-{name}").into_boxed_str());
            sub.clone().name(page_name)
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    std::io::stdout().lock().write_all(&buf)?;
    Ok(ExitCode::SUCCESS)
}
