//! Test helpers: a check report built from small texts.

use normdiff_core::check::{
    run_check, CheckOptions, CheckReport, FileVersions, OnChange, ProtectSpec, WatchSpec,
};
use normdiff_core::history::MatchOptions;

/// Renders `report` with `r` into a string.
pub fn render(r: &dyn super::RenderCheck, report: &CheckReport) -> String {
    let mut out = Vec::new();
    r.render(report, &mut out).expect("in-memory write");
    String::from_utf8(out).expect("UTF-8 output")
}

const OLD: &str = "1. Le Groupe note les débats.\n\n\
2. Les États ne devraient pas porter atteinte au noyau public de l'Internet.\n\n\
3. Les normes sont volontaires, à 100 %.\n\n\
4. Les États coopèrent en matière de sécurité.\n";
const NEW: &str = "1. Le Groupe note les débats.\n\n\
2. Les États ne devraient pas porter atteinte à l'infrastructure essentielle de l'Internet.\n\n\
3. Les normes sont volontaires, à 50 %,\nsauf accord.\n\n\
4. Les États coopèrent en matière de séc\u{200B}urité.\n";

fn watch(id: &str, phrase: &str, on_change: OnChange) -> WatchSpec {
    WatchSpec {
        id: id.into(),
        phrase: phrase.into(),
        variants: vec![],
        matching: MatchOptions::default(),
        on_change,
        lang: None,
        files: vec![0],
    }
}

/// A report with a failing, a warning, a suspicious and a passing entry,
/// and a protected paragraph (text with `%`, `,` and `:` to escape).
pub fn sample() -> CheckReport {
    let files = vec![FileVersions::same_path(
        "drafts/report, v2: final.txt",
        Some(OLD.into()),
        Some(NEW.into()),
    )];
    let watches = [
        watch("public-core", "noyau public de l'Internet", OnChange::Fail),
        watch("voluntary", "normes sont volontaires", OnChange::Warn),
        watch("security", "en matière de sécurité", OnChange::Warn),
        watch("debates", "note les débats", OnChange::Fail),
    ];
    let protect = ProtectSpec {
        id: "para-3".into(),
        path: "drafts/report, v2: final.txt".into(),
        label: "3".into(),
        on_change: OnChange::Fail,
        file: Some(0),
    };
    let opts = CheckOptions {
        base_name: "main".into(),
        head_name: "HEAD".into(),
        ..CheckOptions::default()
    };
    run_check(&files, &watches, &[protect], &opts).expect("valid phrases")
}
