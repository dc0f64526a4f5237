//! Path globs shared by the walk (`--path`) and `normdiff check` (watch
//! entries' `paths`): `*`, `?`, `**`, `[...]`; a plain path also matches
//! everything below it.

use crate::error::Error;
use crate::walk::path_filter;
use globset::GlobSet;

/// A set of path patterns. An empty set matches every path.
#[derive(Debug, Clone, Default)]
pub struct PathFilter {
    set: Option<GlobSet>,
}

impl PathFilter {
    /// Compiles `patterns`; errors name the bad pattern.
    pub fn new(patterns: &[String]) -> Result<PathFilter, Error> {
        Ok(PathFilter {
            set: path_filter(patterns)?,
        })
    }

    /// Does `path` (`/`-separated, relative) match? Always for an empty set.
    pub fn is_match(&self, path: &str) -> bool {
        self.set.as_ref().is_none_or(|s| s.is_match(path))
    }

    /// Was the filter built from no pattern (matches everything)?
    pub fn is_empty(&self) -> bool {
        self.set.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_and_directories() {
        let f = PathFilter::new(&["drafts".into(), "*.md".into()]).unwrap();
        assert!(f.is_match("drafts/a/b.txt"));
        assert!(f.is_match("report.md"));
        assert!(!f.is_match("sub/report.md"));
        assert!(!f.is_match("other.txt"));
        assert!(PathFilter::new(&[]).unwrap().is_match("x"));
        assert!(PathFilter::new(&["a[".into()]).is_err());
    }
}
