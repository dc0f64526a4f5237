//! The HTML blame view of `normdiff history` in headless Chromium
//! (issue 17): hovering a word shows its version's name, date and author in
//! the status line, words are shaded, and the page raises no error, no
//! console error and no Content-Security-Policy violation.
//!
//! Self-contained: the rendered page gets a probe script (first in `<head>`
//! to catch errors, last in `<body>` to hover a word), Chromium prints the
//! DOM (`--dump-dom`), and the test reads the probe's verdict from it.
//! Skips with a reason when no Chromium is installed; fails when `CI=true`.

use crate::util::{fixture, run};
use std::process::Command;

/// The Chromium binary (`$CHROMIUM`, `chromium`, `chromium-browser`).
fn chromium() -> Option<String> {
    let candidates = [
        std::env::var("CHROMIUM").unwrap_or_default(),
        "chromium".into(),
        "chromium-browser".into(),
    ];
    let found = candidates.into_iter().filter(|c| !c.is_empty()).find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "no Chromium found and CI=true (.ci/run installs the Debian package chromium)"
        );
        eprintln!("skipped: no Chromium (install the Debian package chromium or set CHROMIUM)");
    }
    found
}

const HEAD_PROBE: &str = "<script>window.__errors=[];\
addEventListener('error',function(e){__errors.push('error: '+e.message)});\
document.addEventListener('securitypolicyviolation',function(e){__errors.push('csp: '+e.violatedDirective)});\
var __ce=console.error;console.error=function(){__errors.push('console: '+Array.prototype.join.call(arguments,' '));__ce.apply(console,arguments)};</script>";

const BODY_PROBE: &str = "<script>(function(){var w=[].slice.call(document.querySelectorAll('p.b span[data-v=\"2\"]'))\
.filter(function(s){return s.textContent==='finales'})[0];var r={errors:__errors};\
if(w){w.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));r.who=document.getElementById('who').textContent;\
r.bg=getComputedStyle(w).backgroundColor;}\
document.body.setAttribute('data-probe',JSON.stringify(r));})();</script>";

#[test]
fn hover_shows_the_version_and_the_page_has_no_errors() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let m = fixture("history/series/manifest.tsv").display().to_string();
    let (code, html, err) = run(&["history", "--manifest", &m, "-f", "html"]);
    assert_eq!(code, 0, "{err}");
    let page = html
        .replacen(
            "<meta charset=\"utf-8\">",
            &format!("<meta charset=\"utf-8\">{HEAD_PROBE}"),
            1,
        )
        .replacen("</body>", &format!("{BODY_PROBE}</body>"), 1);
    let file = dir.path().join("blame.html");
    std::fs::write(&file, page).unwrap();
    let profile = dir.path().join("profile");
    let out = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let at = dom.find("data-probe=\"").unwrap_or_else(|| {
        panic!(
            "no probe verdict in the DOM: {}\n{}",
            dom,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let raw = &dom[at + 12..];
    let raw = &raw[..raw.find('"').unwrap()];
    let json = raw
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let v: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(v["errors"], serde_json::json!([]), "page errors");
    assert_eq!(
        v["who"], "v2 final.txt — 2021-05-28T00:00:00Z — Secretariat",
        "{v}"
    );
    assert_ne!(v["bg"], "rgba(0, 0, 0, 0)", "the word is shaded: {v}");
}
