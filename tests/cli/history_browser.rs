//! The HTML blame view of `normdiff history` in headless Chromium
//! (issue 17), through the same harness as the redline's browser test
//! ([`crate::browser`]): hovering a word shows its version's name, date and
//! author in the status line, words are shaded, and the page raises no
//! error, no console error and no Content-Security-Policy violation.
//! Skips with a reason when no Chromium is installed; fails when `CI=true`.

use crate::browser::run_page;
use crate::util::{fixture, run};

const TEST: &str = r#"
var w = [].slice.call(document.querySelectorAll('p.b span[data-v="2"]'))
  .filter(function (s) { return s.textContent === 'finales'; })[0];
var r = {found: !!w};
if (w) {
  w.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  r.who = document.getElementById('who').textContent;
  r.bg = getComputedStyle(w).backgroundColor;
}
__done(r);
"#;

#[test]
fn hover_shows_the_version_and_the_page_has_no_errors() {
    let browser = crate::browser_or_skip!();
    let m = fixture("history/series/manifest.tsv").display().to_string();
    let (code, html, err) = run(&["history", "--manifest", &m, "-f", "html"]);
    assert_eq!(code, 0, "{err}");
    let v = run_page(&browser, &html, TEST);
    assert_eq!(v["errors"], serde_json::json!([]), "page errors: {v}");
    let r = &v["result"];
    assert_eq!(r["found"], true, "a word of version 2: {v}");
    assert_eq!(
        r["who"], "v2 final.txt — 2021-05-28T00:00:00Z — Secretariat",
        "{v}"
    );
    assert_ne!(r["bg"], "rgba(0, 0, 0, 0)", "the word is shaded: {v}");
}
