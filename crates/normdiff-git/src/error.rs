//! The error type of the git source: one line naming the repository or
//! revision and the problem.

use std::fmt;

/// An error opening or walking a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What failed (repository directory, revision, path pattern).
    pub subject: String,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The directory is not inside a git repository.
    NotARepository,
    /// The revision does not name a commit.
    UnknownRevision,
    /// The clone is shallow: history is cut at this commit.
    Shallow {
        /// The commit where history ends, with its date and summary.
        ends_at: String,
    },
    /// A `--path` pattern is not a valid glob.
    BadPattern(String),
    /// The path does not exist in the revision (`REV:path`).
    NoSuchPath,
    /// Any other libgit2 error.
    Git(String),
}

impl Error {
    pub(crate) fn new(subject: impl Into<String>, kind: ErrorKind) -> Self {
        Error {
            subject: subject.into(),
            kind,
        }
    }

    pub(crate) fn git(subject: impl Into<String>, e: git2::Error) -> Self {
        Error::new(subject, ErrorKind::Git(e.message().to_owned()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.subject)?;
        match &self.kind {
            ErrorKind::NotARepository => write!(f, "not a git repository"),
            ErrorKind::UnknownRevision => write!(f, "unknown revision"),
            ErrorKind::Shallow { ends_at } => write!(
                f,
                "shallow clone: history ends at commit {ends_at}; fetch the full history with `git fetch --unshallow`"
            ),
            ErrorKind::BadPattern(m) => write!(f, "bad path pattern: {m}"),
            ErrorKind::NoSuchPath => write!(f, "no such file in that revision"),
            ErrorKind::Git(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<Error> for normdiff_core::Error {
    fn from(e: Error) -> Self {
        let subject = e.subject.clone();
        let msg = e.to_string();
        let msg = msg
            .strip_prefix(&format!("{subject}: "))
            .unwrap_or(&msg)
            .to_owned();
        normdiff_core::Error::new(subject, normdiff_core::ErrorKind::Invalid(msg))
    }
}
