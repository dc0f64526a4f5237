//! `normdiff diff -r DIR_A DIR_B`: pairs the files of two directories and
//! reports each pair.
//!
//! Files are paired by relative path; a file left over on each side is
//! paired with the leftover on the other side whose words it shares most
//! (Jaccard similarity of word sets at least [`RENAME_MIN`]), as a rename.
//! Each pair is reported in the chosen format one after the other (JSON:
//! one object with every report); files with no counterpart are listed as
//! `Only in DIR: path` (diff(1)'s wording). Exit 1 when any pair differs or
//! any file has no counterpart.

use super::diff::{renderer, report_of, DiffArgs, DiffFormat};
use crate::exit;
use crate::output::Output;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The least word overlap for two leftover files to count as a rename.
pub const RENAME_MIN: f64 = 0.5;

/// The regular files under `dir`, as sorted paths relative to it. Hidden
/// entries (`.git`...) are skipped; symbolic links are not followed.
fn files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| anyhow::anyhow!("{}: cannot read directory: {e}", d.display()))?;
        for e in entries {
            let e = e?;
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let t = e.file_type()?;
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                out.push(e.path().strip_prefix(dir)?.to_path_buf());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn word_set(path: &Path) -> BTreeSet<String> {
    let bytes = std::fs::read(path).unwrap_or_default();
    String::from_utf8_lossy(&bytes)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// The pairs (old relative path, new relative path) and the leftovers on
/// each side.
#[allow(clippy::type_complexity)]
pub fn pair_files(
    a: &Path,
    b: &Path,
) -> anyhow::Result<(Vec<(PathBuf, PathBuf)>, Vec<PathBuf>, Vec<PathBuf>)> {
    let (fa, fb) = (files(a)?, files(b)?);
    let in_b: BTreeSet<&PathBuf> = fb.iter().collect();
    let mut pairs: Vec<(PathBuf, PathBuf)> = fa
        .iter()
        .filter(|p| in_b.contains(p))
        .map(|p| (p.clone(), p.clone()))
        .collect();
    let named: BTreeSet<&PathBuf> = pairs.iter().map(|p| &p.0).collect();
    let left_a: Vec<&PathBuf> = fa.iter().filter(|p| !named.contains(p)).collect();
    let left_b: Vec<&PathBuf> = fb.iter().filter(|p| !named.contains(p)).collect();
    let words_b: BTreeMap<&PathBuf, BTreeSet<String>> =
        left_b.iter().map(|p| (*p, word_set(&b.join(p)))).collect();
    // Every candidate rename, best first; each file used once.
    let mut cands = Vec::new();
    for pa in &left_a {
        let wa = word_set(&a.join(pa));
        for (pb, wb) in &words_b {
            let s = jaccard(&wa, wb);
            if s >= RENAME_MIN {
                cands.push((s, (*pa).clone(), (*pb).clone()));
            }
        }
    }
    cands.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| (&x.1, &x.2).cmp(&(&y.1, &y.2)))
    });
    let (mut used_a, mut used_b) = (BTreeSet::new(), BTreeSet::new());
    for (_, pa, pb) in cands {
        if !used_a.contains(&pa) && !used_b.contains(&pb) {
            used_a.insert(pa.clone());
            used_b.insert(pb.clone());
            pairs.push((pa, pb));
        }
    }
    pairs.sort();
    let only_a = left_a
        .into_iter()
        .filter(|p| !used_a.contains(*p))
        .cloned()
        .collect();
    let only_b = left_b
        .into_iter()
        .filter(|p| !used_b.contains(*p))
        .cloned()
        .collect();
    Ok((pairs, only_a, only_b))
}

fn shown(dir: &str, rel: &Path) -> String {
    Path::new(dir).join(rel).to_string_lossy().into_owned()
}

pub fn run(args: &DiffArgs, format: DiffFormat, color: bool) -> anyhow::Result<ExitCode> {
    let (a, b) = (Path::new(&args.old), Path::new(&args.new));
    for d in [a, b] {
        if !d.is_dir() {
            anyhow::bail!(
                "{}: not a directory (-r compares two directories)",
                d.display()
            );
        }
    }
    if format == DiffFormat::Html && !args.stat && !args.brief {
        anyhow::bail!(
            "-r writes one report per file pair: use --format markdown, terminal, summary or json"
        );
    }
    let (pairs, only_a, only_b) = pair_files(a, b)?;
    let mut out = Output::open(args.output.as_deref())?;
    let mut differ = !only_a.is_empty() || !only_b.is_empty();
    let mut json_files = Vec::new();
    let render = renderer(args, format, color);
    for (pa, pb) in &pairs {
        let (na, nb) = (shown(&args.old, pa), shown(&args.new, pb));
        let mut report = report_of(&na, &nb, args)?;
        report.old_name = Some(na.clone());
        report.new_name = Some(nb.clone());
        differ |= report.summary.differences;
        if args.brief {
            if report.summary.differences {
                writeln!(out, "{} and {} differ", esc(&na), esc(&nb))?;
            }
        } else if format == DiffFormat::Json && !args.stat {
            json_files.push(serde_json::json!({ "old": na, "new": nb, "report": report }));
        } else {
            render.render(&report, &mut out)?;
            writeln!(out)?;
        }
    }
    if format == DiffFormat::Json && !args.stat && !args.brief {
        let v = serde_json::json!({
            "schema_version": normdiff_core::report::SCHEMA_VERSION,
            "files": json_files,
            "only_in_old": only_a.iter().map(|p| shown(&args.old, p)).collect::<Vec<_>>(),
            "only_in_new": only_b.iter().map(|p| shown(&args.new, p)).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
    } else {
        for (dir, rel) in only_a
            .iter()
            .map(|p| (&args.old, p))
            .chain(only_b.iter().map(|p| (&args.new, p)))
        {
            writeln!(out, "Only in {}: {}", esc(dir), esc(&rel.to_string_lossy()))?;
        }
    }
    out.finish()?;
    Ok(ExitCode::from(if differ {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    }))
}

fn esc(s: &str) -> String {
    normdiff_render::escape::terminal(s)
}
