//! The example outputs committed in `docs/examples/` are what the current
//! code prints (regenerate with `scripts/update-examples.sh`).

use crate::util::{normdiff, root};

#[test]
fn committed_examples_are_current() {
    let old = "fixtures/drafts/gge/old.txt";
    let new = "fixtures/drafts/gge/new.txt";
    let cases: [(&[&str], &str); 4] = [
        (&["diff", old, new], "docs/examples/gge-redline.md"),
        (
            &["diff", "--style", "critic", old, new],
            "docs/examples/gge-redline-critic.md",
        ),
        (
            &["diff", "--format", "html", old, new],
            "docs/examples/gge-redline.html",
        ),
        (
            &["diff", "--format", "summary", old, new],
            "docs/examples/gge-summary.txt",
        ),
    ];
    for (args, file) in cases {
        // Run from the workspace root: the outputs name the fixtures by
        // their relative paths.
        let out = normdiff().current_dir(root()).args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let committed = std::fs::read(root().join(file)).unwrap();
        assert!(
            committed == out.stdout,
            "{file} is stale: run scripts/update-examples.sh"
        );
    }
}
