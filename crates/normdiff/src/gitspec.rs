//! Inputs of `normdiff diff` beyond plain files: git object specs
//! (`REV:path`) and the argument shape git uses for an external diff
//! driver.
//!
//! Precedence: an argument that names an existing file is that file, even
//! when it looks like `REV:path` (a file literally named `main:report.md`
//! wins); otherwise an argument of the shape `REV:path` is read from the
//! repository containing the current directory; anything else is a file
//! (and fails as a missing one).

use crate::input::{input_format, pdf_document, read_document, InputArgs};
use normdiff_core::{decode, ingest, Document};
use std::path::Path;

/// Reads `arg` as a file, or as a git object spec `REV:path`.
pub fn read_source(arg: &str, args: &InputArgs) -> anyhow::Result<Document> {
    if arg == "-" || Path::new(arg).exists() {
        return read_document(arg, args);
    }
    let Some((_, path)) = normdiff_git::split_spec(arg) else {
        return read_document(arg, args);
    };
    let bytes = normdiff_git::read_spec(Path::new("."), arg)?;
    if bytes.len() > args.max_size {
        anyhow::bail!(
            "{arg}: larger than the limit of {} bytes (raise it with --max-size)",
            args.max_size
        );
    }
    if let Some(doc) = pdf_document(&bytes, arg)? {
        return Ok(doc);
    }
    let text = decode(&bytes, arg)?.text;
    Ok(ingest(&text, input_format(path, args.input_format)))
}

/// The files of a diff: `(old, new, old name, new name, as git driver)`.
/// Two arguments are OLD and NEW; seven are git's external-diff call
/// (`path old-file old-hex old-mode new-file new-hex new-mode`), whose
/// files are named `a/path` and `b/path`.
pub fn diff_inputs(
    old: &str,
    new: &str,
    rest: &[String],
) -> anyhow::Result<(String, String, String, String, bool)> {
    match rest {
        [] => Ok((old.into(), new.into(), old.into(), new.into(), false)),
        [_old_hex, _old_mode, new_file, _new_hex, _new_mode] => Ok((
            new.into(),
            new_file.clone(),
            format!("a/{old}"),
            format!("b/{old}"),
            true,
        )),
        _ => anyhow::bail!(
            "expected OLD NEW, or the 7 arguments git gives an external diff driver (path old-file old-hex old-mode new-file new-hex new-mode); got {}",
            2 + rest.len()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_shapes() {
        let (o, n, on, nn, git) = diff_inputs("a.txt", "b.txt", &[]).unwrap();
        assert_eq!(
            (o.as_str(), n.as_str(), on.as_str(), nn.as_str(), git),
            ("a.txt", "b.txt", "a.txt", "b.txt", false)
        );
        let rest: Vec<String> = ["1111", "100644", "/tmp/new", "2222", "100644"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (o, n, on, nn, git) = diff_inputs("report.md", "/tmp/old", &rest).unwrap();
        assert_eq!((o.as_str(), n.as_str()), ("/tmp/old", "/tmp/new"));
        assert_eq!(
            (on.as_str(), nn.as_str(), git),
            ("a/report.md", "b/report.md", true)
        );
        assert!(diff_inputs("a", "b", &rest[..2]).is_err());
    }
}
