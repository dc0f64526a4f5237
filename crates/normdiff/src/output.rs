//! Where output goes: standard output or a file given with `-o`.
//!
//! With `-o`, output is written to a temporary file next to the target and
//! renamed into place when complete, so a failed run never leaves half a
//! report behind.

use anyhow::Context;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A buffered output sink.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A file, written under a temporary name first.
    File {
        writer: BufWriter<std::fs::File>,
        tmp: PathBuf,
        target: PathBuf,
    },
}

impl Output {
    /// Opens standard output, or `path` when given.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::new(io::stdout()))),
            Some(p) if p.as_os_str() == "-" => Ok(Output::Stdout(BufWriter::new(io::stdout()))),
            Some(p) => {
                let mut tmp = p.as_os_str().to_owned();
                tmp.push(".normdiff-tmp");
                let tmp = PathBuf::from(tmp);
                let f = std::fs::File::create(&tmp)
                    .with_context(|| format!("{}: cannot create", p.display()))?;
                Ok(Output::File {
                    writer: BufWriter::new(f),
                    tmp,
                    target: p.to_owned(),
                })
            }
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().context("cannot write to standard output"),
            Output::File {
                mut writer,
                tmp,
                target,
            } => {
                writer
                    .flush()
                    .with_context(|| format!("{}: cannot write", target.display()))?;
                drop(writer);
                std::fs::rename(&tmp, &target)
                    .with_context(|| format!("{}: cannot write", target.display()))
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { writer, .. } => writer.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { writer, .. } => writer.flush(),
        }
    }
}
