//! Where output goes: standard output or a file given with `-o`.
//!
//! With `-o FILE`, a regular file (or a new one) is written to an
//! unpredictable temporary file in the same directory (created exclusively
//! by `tempfile`, so a symbolic link planted there is never followed),
//! given the target's permissions, and renamed into place when complete: a
//! failed run leaves neither half a report nor a temporary file behind.
//! Anything else — a device such as `/dev/null`, a pipe, a symbolic link
//! the user made — is written in place: a rename would replace it with a
//! regular file.
//!
//! `-o` naming one of the command's inputs (the same file, also through a
//! symbolic or hard link) is refused: the tool never writes to its inputs.
//! Inputs are recorded with [`note_input`] as they are read.

use anyhow::{bail, Context};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The identities of the files read so far (device and inode on Unix, the
/// canonical path elsewhere).
static INPUTS: Mutex<Vec<FileId>> = Mutex::new(Vec::new());

#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_path: &Path, meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &std::fs::Metadata) -> Option<FileId> {
    path.canonicalize().ok()
}

/// Records that the file at `path` is an input of this run.
pub fn note_input(path: &Path) {
    if let Some(id) = std::fs::metadata(path).ok().and_then(|m| file_id(path, &m)) {
        INPUTS.lock().unwrap_or_else(|e| e.into_inner()).push(id);
    }
}

/// Is the existing file at `path` (links followed) one of the inputs?
fn is_input(path: &Path) -> bool {
    let Some(id) = std::fs::metadata(path).ok().and_then(|m| file_id(path, &m)) else {
        return false;
    };
    INPUTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains(&id)
}

/// A buffered output sink.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A device, pipe or symbolic link, written in place.
    Direct(BufWriter<std::fs::File>, PathBuf),
    /// A regular file, written to a temporary file first.
    File {
        writer: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
    },
}

impl Output {
    /// Opens standard output, or `path` when given.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        let p = match path {
            None => return Ok(Output::Stdout(BufWriter::new(io::stdout()))),
            Some(p) if p.as_os_str() == "-" => {
                return Ok(Output::Stdout(BufWriter::new(io::stdout())))
            }
            Some(p) => p,
        };
        let shown = crate::input::shown_path(p);
        if is_input(p) {
            bail!(
                "{shown}: is one of the inputs; refusing to overwrite it (choose another -o FILE)"
            );
        }
        let meta = std::fs::symlink_metadata(p).ok();
        if meta.as_ref().is_some_and(|m| !m.file_type().is_file()) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(p)
                .with_context(|| format!("{shown}: cannot open for writing"))?;
            return Ok(Output::Direct(BufWriter::new(f), p.to_owned()));
        }
        let tmp =
            temp_next_to(p, meta.as_ref()).with_context(|| format!("{shown}: cannot create"))?;
        Ok(Output::File {
            writer: BufWriter::new(tmp),
            target: p.to_owned(),
        })
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().context("cannot write to standard output"),
            Output::Direct(mut w, p) => w
                .flush()
                .with_context(|| format!("{}: cannot write", crate::input::shown_path(&p))),
            Output::File { writer, target } => {
                let shown = crate::input::shown_path(&target);
                let tmp = writer
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("{shown}: cannot write"))?;
                // On failure the temporary file is dropped, hence removed.
                tmp.persist(&target)
                    .map(drop)
                    .map_err(|e| e.error)
                    .with_context(|| format!("{shown}: cannot write"))
            }
        }
    }
}

/// An exclusively created temporary file in `target`'s directory, with the
/// permissions of the existing target (`meta`), or those of a new file.
fn temp_next_to(
    target: &Path,
    meta: Option<&std::fs::Metadata>,
) -> io::Result<tempfile::NamedTempFile> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut b = tempfile::Builder::new();
    b.prefix(".normdiff-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets 0666 less the umask, as a plain create would.
        if meta.is_none() {
            b.permissions(std::fs::Permissions::from_mode(0o666));
        }
    }
    let tmp = b.tempfile_in(dir)?;
    if let Some(m) = meta {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    Ok(tmp)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failed_run_leaves_nothing_behind() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("out.md");
        let mut out = Output::open(Some(&target)).unwrap();
        out.write_all(b"half a report").unwrap();
        assert_eq!(names(d.path()).len(), 1, "one temporary file while writing");
        drop(out); // the run fails before finish()
        assert!(names(d.path()).is_empty());
    }

    #[test]
    fn finish_moves_the_report_into_place() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("out.md");
        std::fs::write(&target, "old").unwrap();
        let mut out = Output::open(Some(&target)).unwrap();
        out.write_all(b"new").unwrap();
        out.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names(d.path()), ["out.md"]);
    }

    #[test]
    fn an_input_is_never_an_output() {
        let d = tempfile::tempdir().unwrap();
        let input = d.path().join("in.txt");
        std::fs::write(&input, "draft").unwrap();
        note_input(&input);
        let err = Output::open(Some(&input)).err().unwrap();
        assert!(format!("{err:#}").contains("is one of the inputs"));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "draft");
        // Forget it before its inode can be reused by another test's file.
        INPUTS.lock().unwrap().clear();
    }
}
