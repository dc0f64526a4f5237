//! Where output goes: standard output or a file given with `-o`.
//!
//! With `-o FILE`, a regular file (or a new one) is written under a
//! temporary name next to it and renamed into place when complete, so a
//! failed run never leaves half a report behind. Anything else — a device
//! such as `/dev/null`, a pipe, a symbolic link — is written in place: a
//! rename would replace it with a regular file.

use anyhow::Context;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A buffered output sink.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A device, pipe or symbolic link, written in place.
    Direct(BufWriter<std::fs::File>, PathBuf),
    /// A regular file, written under a temporary name first.
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
                let in_place = std::fs::symlink_metadata(p).is_ok_and(|m| !m.file_type().is_file());
                if in_place {
                    let f = std::fs::OpenOptions::new()
                        .write(true)
                        .truncate(true)
                        .open(p)
                        .with_context(|| format!("{}: cannot open for writing", p.display()))?;
                    return Ok(Output::Direct(BufWriter::new(f), p.to_owned()));
                }
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
            Output::Direct(mut w, p) => w
                .flush()
                .with_context(|| format!("{}: cannot write", p.display())),
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
            Output::Direct(w, _) => w.write(buf),
            Output::File { writer, .. } => writer.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::Direct(w, _) => w.flush(),
            Output::File { writer, .. } => writer.flush(),
        }
    }
}
