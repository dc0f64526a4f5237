//! PDF reading quality on real and rendered PDFs, scored by
//! `scripts/pdf-quality.py` (the scorer `docs/PERFORMANCE.md` quotes):
//! `align` directly on the published PDF pairs of the shared corpus against
//! their gold paragraph pairs, and `diff` on the drafts/v7 pair rendered to
//! PDF by LibreOffice (running header, job-number footer, page counter,
//! footnotes) against the drafts' gold.

use std::path::Path;
use std::process::Command;

/// Runs the scorer with `args`; `None` (skipped, or failed under CI) when
/// python3 is missing.
fn score(corpus: &Path, args: &[&str]) -> Option<String> {
    let script = crate::util::root().join("scripts/pdf-quality.py");
    let out = match Command::new("python3")
        .arg(script)
        .args(args)
        .env("NORMDIFF_CORPUS", corpus)
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            crate::util::skip(&format!("python3 not runnable: {e}"));
            return None;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "pdf-quality.py {args:?}: {stderr}");
    Some(String::from_utf8(out.stdout).unwrap())
}

/// The F1 printed at the end of a scorer line.
fn f1(line: &str) -> f64 {
    let at = line.rfind("F1 ").expect("F1 in the line") + 3;
    line[at..].trim().parse().unwrap()
}

#[test]
fn align_on_published_pdf_pairs_reaches_the_gold() {
    let corpus = crate::corpus_or_skip!();
    let bin = crate::util::bin();
    let Some(out) = score(&corpus, &["align", bin.to_str().unwrap()]) else {
        return;
    };
    eprintln!("{out}");
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(": gold ")).collect();
    assert_eq!(lines.len(), 6, "six pairs scored:\n{out}");
    for line in lines {
        let score = f1(line);
        // English-French pairs: issue #15's bar. The others (Spanish and
        // Portuguese) guard today's floor so that none gets worse.
        let floor = if line.contains("en-fr") || line.contains("en-es") {
            0.95
        } else {
            0.86
        };
        assert!(score >= floor, "{line}: F1 under {floor}");
    }
}

#[test]
fn drafts_rendered_to_pdf_pair_as_their_text_does() {
    let corpus = crate::corpus_or_skip!();
    let has_soffice = Command::new("soffice").arg("--version").output().is_ok();
    if !has_soffice {
        crate::util::skip("LibreOffice (soffice) not installed: cannot render the drafts to PDF");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = crate::util::bin();
    let Some(out) = score(
        &corpus,
        &[
            "drafts",
            bin.to_str().unwrap(),
            dir.path().to_str().unwrap(),
        ],
    ) else {
        return;
    };
    eprintln!("{out}");
    for side in ["zero:", "final:"] {
        let line = out.lines().find(|l| l.starts_with(side)).unwrap();
        assert!(
            line.contains("blocks with header/footer/page counter: 0 "),
            "page furniture inside a block: {line}"
        );
    }
    let line = out.lines().find(|l| l.contains(" F1 ")).unwrap();
    assert!(f1(line) >= 0.98, "{line}");
}
