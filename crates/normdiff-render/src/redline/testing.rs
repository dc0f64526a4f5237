//! Test helpers: reports built from small texts.

use normdiff_core::align::same::{align, SameOptions};
use normdiff_core::report::{build_report, DiffReport, ReportOptions};
use normdiff_core::{ingest, ChangeClass, InputFormat};

/// The report of `old` → `new` (plain text), ignoring `ignore`.
pub fn report(old: &str, new: &str, ignore: &[ChangeClass]) -> DiffReport {
    let (o, n) = (
        ingest(old, InputFormat::Text),
        ingest(new, InputFormat::Text),
    );
    let a = align(&o, &n, &SameOptions::default());
    let opts = ReportOptions {
        ignore: ignore.iter().copied().collect(),
        ..ReportOptions::default()
    };
    build_report(&o, &n, &a, &opts)
}

/// One side rebuilt from JSON `ops`: every op's text but the `skip` ones
/// (`"insert"` gives the old side, `"delete"` the new).
pub fn json_side(ops: &serde_json::Value, skip: &str) -> String {
    ops.as_array()
        .expect("ops is an array")
        .iter()
        .filter(|o| o["op"] != skip)
        .map(|o| o["text"].as_str().expect("op text"))
        .collect()
}

/// Renders `report` with `r` into a string.
pub fn render(r: &dyn super::Render, report: &DiffReport) -> String {
    let mut out = Vec::new();
    r.render(report, &mut out).expect("in-memory write");
    String::from_utf8(out).expect("UTF-8 output")
}

/// Two drafts exercising every kind of change, with hostile text.
pub const OLD: &str = "1. Le Groupe note que le noyau public de l’Internet doit être protégé.\n\n2. Les États devraient coopérer <script>alert(1)</script> et **agir**.\n\n3. Ce paragraphe sera supprimé entièrement du texte.\n\n4. Les normes {++ne++} s'appliquent pas ~~ici~~.\n";
/// The new draft matching [`OLD`].
pub const NEW: &str = "1. Le Groupe note que le noy\u{200B}au public de l'Internet doit être préservé.\n\n2. Les États doivent coopérer <script>alert(2)</script> et **agir** </del>.\n\n3. Un paragraphe entièrement nouveau \u{1b}[31mrouge.\n\n4. Les normes {++ne++} s'appliquent pas ~~ici~~.\n";

/// A one-block document of `text` (no ingestion: the text is kept as is).
pub fn doc_of(text: &str) -> normdiff_core::Document {
    use normdiff_core::{Block, BlockKind, Document};
    Document {
        blocks: vec![Block {
            index: 0,
            kind: BlockKind::Paragraph,
            label: Some("1".to_owned()),
            label_key: Some("1".to_owned()),
            label_info: None,
            marker: Some("1.".to_owned()),
            parent: None,
            level: 0,
            text: text.to_owned(),
            markup: None,
            lines: [1, 1],
            spans: vec![],
        }],
        ..Document::default()
    }
}

/// The report of two one-block documents paired as `modified`.
pub fn pair_report(old: &str, new: &str) -> DiffReport {
    use normdiff_core::align::{Alignment, Link, LinkKind};
    let a = Alignment {
        links: vec![Link {
            kind: LinkKind::Modified,
            old: vec![0],
            new: vec![0],
            score: 0.5,
            renumbered: false,
        }],
    };
    build_report(&doc_of(old), &doc_of(new), &a, &ReportOptions::default())
}
