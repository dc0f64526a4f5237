//! The `normdiff` command-line tool: argument parsing, file reading, choice
//! of renderer and colour, exit codes. All the work is done by
//! `normdiff-core`; this crate only connects it to the outside world.

mod check_source;
mod cli;
mod cmd;
mod docx_date;
mod exit;
mod files_source;
mod gitspec;
mod input;
mod output;
mod threads;
mod watch;

use std::process::ExitCode;

/// mimalloc instead of the system allocator: reading a PDF makes and drops
/// hundreds of thousands of small objects (strings, operands), and glibc's
/// allocator took a fifth of the time (docs/DECISIONS.md, "PDF reading
/// speed").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                // The reader went away (`| head`): not trouble, and the
                // answer (differences or not) stands.
                return ExitCode::from(exit::status_on_closed_pipe());
            }
            // Whatever an error quotes (file names, revisions, phrases)
            // reaches the terminal inert.
            eprintln!("normdiff: {}", inert(&format!("{err:#}")));
            ExitCode::from(exit::TROUBLE)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    use clap::Parser;
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors; usage errors exit 2.
            let code = if e.use_stderr() {
                exit::TROUBLE
            } else {
                exit::SUCCESS
            };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    cmd::dispatch(cli)
}

/// `msg` with control characters other than line ends and tabs, and bidi
/// controls, as `⟦U+XXXX⟧` markers.
fn inert(msg: &str) -> String {
    msg.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if (c.is_control() && c != '\n' && c != '\t') || bidi {
                format!("⟦U+{:04X}⟧", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
