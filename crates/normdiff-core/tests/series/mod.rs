//! Series generator for `normdiff history`: five versions of a real report
//! with known paragraph lineage and word provenance (issue 17).
//!
//! [`generate`] starts from the numbered paragraphs of a real report (the
//! GGE report, `drafts/v7/final.txt` of the shared corpus) and, at each of
//! four steps, rewords phrases, inserts clauses, changes a modal, adds
//! paragraphs (real prose from another report), drops one, moves one far,
//! splits one at a sentence end or merges two neighbours, changes ’ to '
//! (typography, which keeps dates), drops a phrase at step 1 and restores
//! it at step 3, renumbers everything, and hard-wraps some versions at 78
//! columns. Every word carries the version that introduced it at its place
//! and every paragraph the paragraphs it came from: the gold.
//!
//! [`score`] compares a [`Lineage`] with the gold: lineage F1 per version
//! pair (descent pairs of blocks) and pooled, and the share of the last
//! version's words whose introducing version is right.
#![allow(dead_code)] // shared by the test and the example

use normdiff_core::decode;
use normdiff_core::lineage::Lineage;
use normdiff_core::model::Document;
use normdiff_core::segment::tokenize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A word and the version that introduced it at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub date: usize,
    /// Unique id (to find a place again).
    pub wid: usize,
}

/// A paragraph of one version.
#[derive(Debug, Clone)]
pub struct Para {
    pub uid: usize,
    pub words: Vec<Word>,
    /// Uids of the previous version's paragraphs it came from.
    pub from: Vec<usize>,
}

impl Para {
    pub fn body(&self) -> String {
        let w: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        w.join(" ")
    }
}

/// One version: paragraphs in order, and the column it is wrapped at.
#[derive(Debug, Clone)]
pub struct Version {
    pub paras: Vec<Para>,
    pub wrap: Option<usize>,
}

/// A generated series with its gold.
#[derive(Debug, Clone)]
pub struct Series {
    pub versions: Vec<Version>,
}

/// The numbered paragraphs of a report (`N. text` blocks), without labels.
pub fn numbered_paragraphs(report: &str) -> Vec<String> {
    report
        .split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter_map(|b| {
            let (num, rest) = b.split_once(". ")?;
            (num.parse::<u32>().is_ok() && rest.split(' ').count() >= 8).then(|| rest.to_owned())
        })
        .collect()
}

/// Prose paragraphs of another document, for added paragraphs: at least 25
/// words, no tabs, footnote marks or markup, not starting with a number.
pub fn prose_paragraphs(text: &str) -> Vec<String> {
    let marks = |c: char| "¹²³⁴⁵⁶⁷⁸⁹⁰*^#|•\t[]".contains(c);
    text.split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| {
            b.split(' ').count() >= 25
                && !b.contains(marks)
                && b.chars().next().is_some_and(char::is_alphabetic)
        })
        .collect()
}

/// The generator's inputs from the shared corpus at `corpus`: the numbered
/// paragraphs of the GGE report (`drafts/v7/final.txt`) and the prose
/// paragraphs of the seed document whose name starts with `003`.
pub fn corpus_inputs(corpus: &Path) -> (Vec<String>, Vec<String>) {
    let read = |p: &Path| {
        let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        decode(&bytes, "x").unwrap().text
    };
    let base = numbered_paragraphs(&read(&corpus.join("drafts/v7/final.txt")));
    let mut names: Vec<PathBuf> = std::fs::read_dir(corpus.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let other = names
        .iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("003"))
        .unwrap();
    (base, prose_paragraphs(&read(other)))
}

struct Gen<'a> {
    rng: Rng,
    next_uid: usize,
    next_wid: usize,
    pool: &'a [String],
    vocab: Vec<String>,
    /// The paragraph (uid chain follows it) and word before the phrase
    /// dropped at step 1, and the phrase.
    dropped: Option<(usize, Vec<String>)>,
}

impl Gen<'_> {
    fn words(&mut self, text: &str, date: usize) -> Vec<Word> {
        text.split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| {
                self.next_wid += 1;
                Word {
                    text: w.to_owned(),
                    date,
                    wid: self.next_wid,
                }
            })
            .collect()
    }

    fn para(&mut self, words: Vec<Word>, from: Vec<usize>) -> Para {
        self.next_uid += 1;
        Para {
            uid: self.next_uid,
            words,
            from,
        }
    }

    /// A paragraph index, not the one carrying the dropped phrase.
    fn pick(&mut self, paras: &[Para]) -> usize {
        loop {
            let i = self.rng.below(paras.len());
            let guarded = self
                .dropped
                .as_ref()
                .is_some_and(|(wid, _)| paras[i].words.iter().any(|w| w.wid == *wid));
            if !guarded && paras[i].words.len() >= 12 {
                return i;
            }
        }
    }

    fn fresh_words(&mut self, n: usize, date: usize) -> Vec<Word> {
        let text: Vec<String> = (0..n)
            .map(|_| self.vocab[self.rng.below(self.vocab.len())].clone())
            .collect();
        self.words(&text.join(" "), date)
    }

    /// Replaces 1–3 words by 1–3 others, or inserts a clause.
    fn reword(&mut self, p: &mut Para, date: usize) {
        let n = p.words.len();
        let at = 1 + self.rng.below(n - 4);
        let cut = if self.rng.below(3) == 0 {
            0
        } else {
            1 + self.rng.below(3)
        };
        let add = 1 + self.rng.below(if cut == 0 { 6 } else { 3 });
        let mut fresh = self.fresh_words(add, date);
        // A replacement word equal to the one it replaces is no change.
        for (f, old) in fresh.iter_mut().zip(&p.words[at..at + cut]) {
            if f.text.to_lowercase() == old.text.to_lowercase() {
                f.text = format!("{}s", f.text);
            }
        }
        p.words.splice(at..at + cut, fresh);
    }
}

/// Applies the edits of step `k` (producing version `k`).
fn step(g: &mut Gen, prev: &Version, k: usize) -> Version {
    let mut paras: Vec<Para> = prev
        .paras
        .iter()
        .map(|p| Para {
            from: vec![p.uid],
            ..p.clone()
        })
        .collect();
    // Rewordings, a modal.
    for _ in 0..8 {
        let i = g.pick(&paras);
        g.reword(&mut paras[i], k);
    }
    if let Some(p) = paras
        .iter_mut()
        .find(|p| p.words.iter().any(|w| w.text == "doivent"))
    {
        for w in p.words.iter_mut().filter(|w| w.text == "doivent") {
            *w = Word {
                text: "devraient".into(),
                date: k,
                wid: w.wid,
            };
        }
    }
    // Typography: ' → ’ in three paragraphs (dates kept).
    if k == 2 {
        for _ in 0..3 {
            let i = g.pick(&paras);
            for w in &mut paras[i].words {
                w.text = w.text.replace('\'', "’");
            }
        }
    }
    // A phrase dropped at step 1, restored at step 3.
    if k == 1 {
        let i = g.pick(&paras);
        let at = 2 + g.rng.below(paras[i].words.len() - 8);
        let gone: Vec<Word> = paras[i].words.drain(at..at + 4).collect();
        let before = paras[i].words[at - 1].wid;
        g.dropped = Some((before, gone.into_iter().map(|w| w.text).collect()));
    }
    if k == 3 {
        if let Some((before, phrase)) = g.dropped.take() {
            if let Some(p) = paras
                .iter_mut()
                .find(|p| p.words.iter().any(|w| w.wid == before))
            {
                let at = p.words.iter().position(|w| w.wid == before).unwrap_or(0) + 1;
                let back = g.words(&phrase.join(" "), k);
                p.words.splice(at..at, back);
            }
        }
    }
    structural(g, &mut paras, k);
    let wrap = (k % 2 == 1).then_some(78);
    Version { paras, wrap }
}

/// Added, dropped, moved, split and merged paragraphs.
fn structural(g: &mut Gen, paras: &mut Vec<Para>, k: usize) {
    let i = g.pick(paras);
    paras.remove(i);
    for _ in 0..2 {
        let text = g.pool[g.rng.below(g.pool.len())].clone();
        let words = g.words(&text, k);
        let p = g.para(words, Vec::new());
        let at = g.rng.below(paras.len() + 1);
        paras.insert(at, p);
    }
    // A far move, reworded half of the time.
    let from = g.pick(paras);
    let mut moved = paras.remove(from);
    if g.rng.below(2) == 0 {
        g.reword(&mut moved, k);
    }
    let to = (from + 10 + g.rng.below(paras.len() - 20)) % paras.len();
    paras.insert(to, moved);
    if k % 2 == 1 {
        split(g, paras);
    } else {
        merge(g, paras);
    }
}

/// Splits a paragraph of several sentences at a sentence end.
fn split(g: &mut Gen, paras: &mut Vec<Para>) {
    for _ in 0..200 {
        let i = g.pick(paras);
        let w = &paras[i].words;
        let ends: Vec<usize> = (3..w.len().saturating_sub(3))
            .filter(|&j| w[j - 1].text.ends_with('.') && w[j].text.starts_with(char::is_uppercase))
            .collect();
        if ends.is_empty() {
            continue;
        }
        let cut = ends[g.rng.below(ends.len())];
        let p = paras.remove(i);
        let (a, b) = p.words.split_at(cut);
        let (a, b) = (
            g.para(a.to_vec(), vec![p.uid]),
            g.para(b.to_vec(), vec![p.uid]),
        );
        paras.insert(i, b);
        paras.insert(i, a);
        return;
    }
}

/// Merges two neighbouring paragraphs.
fn merge(g: &mut Gen, paras: &mut Vec<Para>) {
    let i = g.pick(&paras[..paras.len() - 1]);
    let b = paras.remove(i + 1);
    let a = paras.remove(i);
    let words = a.words.into_iter().chain(b.words).collect();
    let m = g.para(words, vec![a.uid, b.uid]);
    paras.insert(i, m);
}

/// A series of `n` versions from `base` paragraphs, new ones from `pool`.
pub fn generate(base: &[String], pool: &[String], seed: u64, n: usize) -> Series {
    let vocab: BTreeSet<String> = base
        .iter()
        .flat_map(|p| p.split(' '))
        .filter(|w| {
            w.len() >= 4 && w.chars().all(char::is_alphabetic) && w.starts_with(char::is_lowercase)
        })
        .map(str::to_owned)
        .collect();
    let mut g = Gen {
        rng: Rng::new(seed),
        next_uid: 0,
        next_wid: 0,
        pool,
        vocab: vocab.into_iter().collect(),
        dropped: None,
    };
    let paras = base
        .iter()
        .map(|t| {
            let w = g.words(t, 0);
            g.para(w, Vec::new())
        })
        .collect();
    let mut versions = vec![Version { paras, wrap: None }];
    for k in 1..n {
        let v = step(&mut g, &versions[k - 1], k);
        versions.push(v);
    }
    Series { versions }
}

/// Is `line` safe to start a wrapped continuation line (not read as a
/// label or list item)?
fn safe_start(word: &str) -> bool {
    word.chars().count() >= 4
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

impl Series {
    /// The text of version `k`: `N. body` paragraphs separated by a blank
    /// line, hard-wrapped when the version says so.
    pub fn render(&self, k: usize) -> String {
        let v = &self.versions[k];
        let mut out = String::new();
        for (i, p) in v.paras.iter().enumerate() {
            let mut words = vec![format!("{}.", i + 1)];
            words.extend(p.words.iter().map(|w| w.text.clone()));
            let mut line = String::new();
            for w in words {
                let full = v
                    .wrap
                    .is_some_and(|c| line.chars().count() + 1 + w.chars().count() > c);
                if !line.is_empty() && full && safe_start(&w) {
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&w);
            }
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out
    }

    /// Gold block pairs of version `k` → `k + 1`, sorted.
    pub fn gold_step(&self, k: usize) -> Vec<(usize, usize)> {
        let at: BTreeMap<usize, usize> = self.versions[k]
            .paras
            .iter()
            .enumerate()
            .map(|(i, p)| (p.uid, i))
            .collect();
        let mut out: Vec<(usize, usize)> = self.versions[k + 1]
            .paras
            .iter()
            .enumerate()
            .flat_map(|(j, p)| {
                p.from
                    .iter()
                    .filter_map(|u| at.get(u))
                    .map(move |&i| (i, j))
                    .collect::<Vec<_>>()
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Gold descent pairs of version `i` → `j`, `i < j`.
    pub fn gold_descent(&self, i: usize, j: usize) -> Vec<(usize, usize)> {
        let mut rel: Vec<(usize, usize)> =
            (0..self.versions[i].paras.len()).map(|b| (b, b)).collect();
        for k in i..j {
            let step = self.gold_step(k);
            let mut next: Vec<(usize, usize)> = rel
                .iter()
                .flat_map(|&(a, b)| {
                    step.iter()
                        .filter(move |&&(x, _)| x == b)
                        .map(move |&(_, c)| (a, c))
                })
                .collect();
            next.sort_unstable();
            next.dedup();
            rel = next;
        }
        rel
    }

    /// Gold word provenance of the last version: per paragraph, the byte
    /// range of each word in its body and its version.
    pub fn gold_words(&self) -> Vec<Vec<(usize, usize, usize)>> {
        let last = self.versions.last().expect("a version");
        last.paras
            .iter()
            .map(|p| {
                let mut at = 0;
                p.words
                    .iter()
                    .map(|w| {
                        let r = (at, at + w.text.len(), w.date);
                        at += w.text.len() + 1;
                        r
                    })
                    .collect()
            })
            .collect()
    }
}

/// Scores of a lineage against the gold.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// (i, j, tp, fp, fn) per version pair.
    pub pairs: Vec<(usize, usize, usize, usize, usize)>,
    pub words: usize,
    pub words_right: usize,
    /// Blocks whose text is not the gold paragraph's body.
    pub blocks_mismatched: usize,
}

pub fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp + fp + fn_ == 0 {
        return 1.0;
    }
    2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
}

impl Scores {
    pub fn pooled_f1(&self) -> f64 {
        let (tp, fp, fn_) = self
            .pairs
            .iter()
            .fold((0, 0, 0), |a, p| (a.0 + p.2, a.1 + p.3, a.2 + p.4));
        f1(tp, fp, fn_)
    }
    pub fn min_pair_f1(&self) -> f64 {
        self.pairs
            .iter()
            .map(|p| f1(p.2, p.3, p.4))
            .fold(1.0, f64::min)
    }
    pub fn word_accuracy(&self) -> f64 {
        self.words_right as f64 / self.words.max(1) as f64
    }
    pub fn add(&mut self, o: &Scores) {
        self.pairs.extend(o.pairs.iter().copied());
        self.words += o.words;
        self.words_right += o.words_right;
        self.blocks_mismatched += o.blocks_mismatched;
    }
}

/// Scores `lineage` (built from `docs`, the ingested renders) against the
/// series' gold.
pub fn score(series: &Series, docs: &[Document], lineage: &Lineage) -> Scores {
    let mut s = Scores::default();
    let n = series.versions.len();
    for i in 0..n {
        for j in i + 1..n {
            let gold: BTreeSet<_> = series.gold_descent(i, j).into_iter().collect();
            let pred: BTreeSet<_> = lineage.descent(i, j).into_iter().collect();
            let tp = gold.intersection(&pred).count();
            s.pairs.push((i, j, tp, pred.len() - tp, gold.len() - tp));
        }
    }
    let mut dated = vec![usize::MAX; lineage.text.len()];
    for sp in &lineage.provenance {
        dated[sp.start..sp.end].fill(sp.version);
    }
    let last = docs.last().expect("a version");
    for (b, (gold, para)) in series
        .gold_words()
        .iter()
        .zip(&series.versions[n - 1].paras)
        .enumerate()
    {
        let text = last.blocks.get(b).map(|x| x.text.as_str()).unwrap_or("");
        if text != para.body() {
            s.blocks_mismatched += 1;
            s.words += gold.len();
            continue;
        }
        let base = lineage.block_starts[b];
        for t in tokenize(text).iter().filter(|t| t.is_wordlike()) {
            let want = gold
                .iter()
                .find(|g| g.0 <= t.start && t.start < g.1)
                .map(|g| g.2);
            s.words += 1;
            s.words_right += usize::from(want == Some(dated[base + t.start]));
        }
    }
    s
}
