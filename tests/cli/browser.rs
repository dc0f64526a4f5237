//! A headless browser for tests of HTML reports (reusable by any command
//! that writes HTML).
//!
//! [`run_page`] writes the page to a temp file with two scripts injected:
//! one first in `<head>` that records uncaught errors, `console.error`
//! calls and Content-Security-Policy violations in `window.__errors`, and the test script last in `<body>`, run
//! on `load`, which must call `__done(result)` with a JSON-serialisable
//! value. Chromium (`chromium --headless --dump-dom`, with networking,
//! updates and sync off and a fresh profile) loads the page; the result
//! is read back from the dumped DOM. No DevTools client is needed.
//!
//! [`browser_or_skip!`] gives the browser, or prints why the test is
//! skipped; under `CI=true` a missing browser fails the test instead.

#![allow(dead_code)] // each test module uses a different part

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The Chromium binary: `$NORMDIFF_CHROMIUM`, or `chromium`,
/// `chromium-browser` or `google-chrome` on the PATH.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NORMDIFF_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The browser, or prints why the test is skipped and returns; fails
/// under `CI=true`.
#[macro_export]
macro_rules! browser_or_skip {
    () => {
        match $crate::browser::chromium() {
            Some(p) => p,
            None if std::env::var("CI").is_ok_and(|v| v == "true") => {
                panic!("CI=true but no Chromium found (apt-get install chromium)")
            }
            None => {
                eprintln!("skipped: no Chromium found (apt-get install chromium, or set NORMDIFF_CHROMIUM)");
                return;
            }
        }
    };
}

const ERRORS: &str = "<script>window.__errors=[];\
window.addEventListener('error',function(e){window.__errors.push(String(e.message));});\
document.addEventListener('securitypolicyviolation',function(e){window.__errors.push('csp: '+e.violatedDirective);});\
(function(){var o=console.error;console.error=function(){window.__errors.push(Array.prototype.join.call(arguments,' '));o.apply(console,arguments);};})();\
function __done(r){var p=document.createElement('pre');p.id='__result';p.textContent=JSON.stringify({result:r,errors:window.__errors});document.body.appendChild(p);}\
</script>";

/// Loads `html` in headless Chromium with `test_js` run on `load`; returns
/// `{result, errors}` as the page reported them.
pub fn run_page(browser: &Path, html: &str, test_js: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = html
        .replacen("<head>", &format!("<head>\n{ERRORS}"), 1)
        .replacen(
            "</body>",
            &format!("<script>window.addEventListener('load',function(){{try{{{test_js}}}catch(e){{window.__errors.push('test: '+e);__done(null);}}}});</script>\n</body>"),
            1,
        );
    let file = dir.path().join("page.html");
    std::fs::write(&file, page).expect("write page");
    let profile = dir.path().join("profile");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,800",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", file.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let dom = reader.join().expect("reader");
    let start = dom.find("<pre id=\"__result\">").unwrap_or_else(|| {
        panic!(
            "no test result in the page: {}",
            &dom[..dom.len().min(2000)]
        )
    }) + "<pre id=\"__result\">".len();
    let end = start + dom[start..].find("</pre>").expect("end of result");
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("bad result {json}: {e}"))
}
