//! # normdiff-git
//!
//! Git history as a [`normdiff_core::history::VersionSource`]: the only
//! crate of normdiff that touches libgit2 (through `git2`, read-only, built
//! without network transports). No git2 type leaks out of it.
//!
//! [`GitSource::open`] walks from a revision (default `HEAD`) to the root,
//! oldest commit first, first parent only unless
//! [`GitOptions::all_parents`]. Each commit is compared with its first
//! parent tree to tree, so unchanged files (and whole unchanged
//! directories) are skipped by object id and never read; renames are
//! detected when a commit both adds and deletes files (past git's rename
//! limit, exact renames only, as `git log` does); `--path` globs limit
//! the files. Contents are handed over as blob ids that [`GitStore`] reads
//! on worker threads, one repository handle per thread.
//!
//! For `normdiff check` and `normdiff diff REV:path`, [`Repo`] resolves
//! revisions, lists the files of a tree, the changes between two trees
//! (renames detected) and reads blobs; [`PathFilter`] matches paths against
//! the same globs as `--path`.
//!
//! ## Example
//!
//! ```no_run
//! use normdiff_core::history::{trace, Matcher, MatchOptions, TraceOptions};
//! use normdiff_git::{GitOptions, GitSource};
//!
//! let mut source = GitSource::open("code-civil".as_ref(), &GitOptions::default()).unwrap();
//! let matcher = Matcher::new("bon père de famille", &[], &MatchOptions::default()).unwrap();
//! let history = trace(&mut source, &matcher, &TraceOptions::default(), &mut |_| {}).unwrap();
//! println!("{} events", history.events.len());
//! ```
#![deny(missing_docs)]

mod error;
mod filter;
mod tree;
mod treediff;
mod walk;

pub use error::{Error, ErrorKind};
pub use filter::PathFilter;
pub use tree::{read_spec, split_spec, Change, ChangeKind, Commit, Repo, TreeFile};
pub use walk::{GitOptions, GitSource, GitStore, Relevance};
