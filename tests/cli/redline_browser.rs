//! The HTML redline in a real browser (headless Chromium): the change list
//! jumps to the right pair, `j`/`k` move between changes, the Arabic
//! paragraph is laid out right to left, the toggles work, and nothing is
//! logged as an error.

use crate::browser::run_page;
use crate::util::normdiff;

const OLD: &str = "1. Les États doivent coopérer au niveau national pour protéger l'infrastructure publique de l'Internet et ses services essentiels.\n\n2. Ce paragraphe ne change pas du tout.\n\n3. تتعاون الدول في مجال الأمن.\n\n4. Les normes s'appliquent ici.\n";
const NEW: &str = "1. Les États devraient coopérer à l'échelle nationale pour protéger l'infrastructure publique de l'Internet et ses services essentiels.\n\n2. Ce paragraphe ne change pas du tout.\n\n3. تتعاون الدول في مجال الأمن السيبراني.\n\n4. Les normes s’appliquent ici.\n";

const TEST: &str = r#"
var R = {};
// Room below the last pair, so that any pair can scroll to the top.
document.body.style.paddingBottom = '3000px';
var links = Array.prototype.slice.call(document.querySelectorAll('#changes a'));
R.links = links.map(function (a) { return a.getAttribute('href'); });
links[1].click();
R.afterClick = location.hash;
var t = document.getElementById(location.hash.slice(1));
R.clickedTop = Math.round(t.getBoundingClientRect().top);
function key(k) { document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true})); }
key('j'); R.afterJ = location.hash;
key('j'); R.afterJJ = location.hash;
key('k'); key('k'); R.afterKK = location.hash;
document.getElementById('next').click(); R.afterNext = location.hash;
var ar = document.querySelector('p.inline[lang="ar"]');
R.arabicDir = ar ? getComputedStyle(ar).direction : null;
R.latinDir = getComputedStyle(document.querySelector('p.inline:not([lang])')).direction;
document.getElementById('side-view').click();
var heads = document.querySelector('.colheads');
R.headsPosition = getComputedStyle(heads).position;
R.headsShown = getComputedStyle(heads).display !== 'none';
R.headsText = heads.textContent;
document.getElementById('hide-same').click();
R.sameHidden = getComputedStyle(document.querySelector('span.same')).fontSize;
__done(R);
"#;

#[test]
fn html_redline_navigates_in_a_browser() {
    let browser = crate::browser_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, OLD).unwrap();
    std::fs::write(&new, NEW).unwrap();
    let out = normdiff()
        .current_dir(dir.path())
        .args(["diff", "old.txt", "new.txt", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let html = String::from_utf8(out.stdout).unwrap();
    let v = run_page(&browser, &html, TEST);
    let r = &v["result"];
    assert_eq!(v["errors"], serde_json::json!([]), "console errors: {v}");
    // Three changed pairs: ¶ 1 (words), ¶ 3 (Arabic), ¶ 4 (typography).
    let links: Vec<&str> = r["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(links.len(), 3, "{v}");
    assert!(html.contains(&format!(
        "<section class=\"pair change modified\" id=\"{}\"",
        &links[1][1..]
    )));
    assert_eq!(r["afterClick"], links[1], "{v}");
    let top = r["clickedTop"].as_i64().unwrap();
    assert!(
        (0..200).contains(&top),
        "the pair is at the top of the view: {v}"
    );
    assert_eq!(r["afterJ"], links[2], "{v}");
    assert_eq!(r["afterJJ"], links[2], "j stops at the last change: {v}");
    assert_eq!(r["afterKK"], links[0], "{v}");
    assert_eq!(r["afterNext"], links[1], "{v}");
    assert_eq!(r["arabicDir"], "rtl", "{v}");
    assert_eq!(r["latinDir"], "ltr", "{v}");
    assert_eq!(r["headsPosition"], "sticky", "{v}");
    assert_eq!(r["headsShown"], true, "{v}");
    assert_eq!(r["headsText"], "old.txtnew.txt", "{v}");
    assert_eq!(r["sameHidden"], "0px", "{v}");
}
