//! A glossary between the UN languages, for quotes in another language
//! than the document without `--via`.
//!
//! Word keys of English, French and Spanish meet only through cognates,
//! numbers and names; this glossary lets the rest meet. Every word key of
//! a language is mapped to a **concept**: the key of an English word it
//! translates. When a quote and a document are in different languages,
//! both are rewritten into concepts ([`to_concepts`]) and compared as
//! usual; in the same language nothing changes.
//!
//! Two sources, both compiled in:
//! - `function_words.txt`, written by hand: articles, prepositions,
//!   conjunctions, pronouns and auxiliaries of English, French and
//!   Spanish (general grammar, no content words);
//! - `glossary.tsv`, learnt by [`learn`] from the 169 targets of the 2030
//!   Agenda in the six languages (aligned one to one), and rebuilt by
//!   `cargo run --example build_glossary` (the test `glossary_is_rebuilt`
//!   checks it is up to date). Never built from the UDHR, which is the
//!   evaluation set.
//!
//! [`detect`] tells a text's language: by its script for Russian, Arabic
//! and Chinese, and by counting the function words of each language for
//! English, French and Spanish.

use super::script::{dominant, Script};
use super::words;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// A language of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English, the pivot: its keys are the concepts.
    Eng,
    /// French.
    Fra,
    /// Spanish.
    Spa,
    /// Russian.
    Rus,
    /// Arabic.
    Arb,
    /// Chinese (simplified).
    Cmn,
}

/// The languages, the pivot first.
pub const LANGS: [Lang; 6] = [
    Lang::Eng,
    Lang::Fra,
    Lang::Spa,
    Lang::Rus,
    Lang::Arb,
    Lang::Cmn,
];

impl Lang {
    /// The corpus's code of the language (`eng`, `cmn_hans`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Eng => "eng",
            Lang::Fra => "fra",
            Lang::Spa => "spa",
            Lang::Rus => "rus",
            Lang::Arb => "arb",
            Lang::Cmn => "cmn_hans",
        }
    }

    /// The language's name in English.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Eng => "English",
            Lang::Fra => "French",
            Lang::Spa => "Spanish",
            Lang::Rus => "Russian",
            Lang::Arb => "Arabic",
            Lang::Cmn => "Chinese",
        }
    }

    fn from_code(s: &str) -> Option<Lang> {
        LANGS.into_iter().find(|l| l.code() == s)
    }
}

/// Pairs co-occurring in fewer aligned targets than this are not learnt.
pub const MIN_COOCCUR: u32 = 3;

/// Pairs under this Dice coefficient are not learnt.
pub const MIN_DICE: f64 = 0.5;

const FUNCTION_WORDS: &str = include_str!("function_words.txt");
const LEARNT: &str = include_str!("glossary.tsv");

/// The compiled-in glossary: per language, word key → concept.
struct Tables {
    concept: HashMap<Lang, HashMap<String, String>>,
    /// Function words of English, French and Spanish, for [`detect`].
    function: HashMap<Lang, HashSet<String>>,
}

fn key_of(word: &str) -> Option<String> {
    words(word).into_iter().next().map(|w| w.key)
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            concept: HashMap::new(),
            function: HashMap::new(),
        };
        for line in LEARNT.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if let (Some(lang), [_, from, to, ..]) = (Lang::from_code(f[0]), f.as_slice()) {
                t.concept
                    .entry(lang)
                    .or_default()
                    .insert((*from).to_owned(), (*to).to_owned());
            }
        }
        // Function words override what was learnt.
        for (lang, words, concept) in function_words() {
            for w in words {
                t.function.entry(lang).or_default().insert(w.clone());
                if lang != Lang::Eng || w != concept {
                    t.concept
                        .entry(lang)
                        .or_default()
                        .insert(w, concept.clone());
                }
            }
        }
        t
    })
}

/// The lines of `function_words.txt`: (language, word keys, concept).
fn function_words() -> Vec<(Lang, Vec<String>, String)> {
    let mut out = Vec::new();
    for line in FUNCTION_WORDS.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<Vec<String>> = line
            .split('|')
            .map(|c| c.split_whitespace().filter_map(key_of).collect())
            .collect();
        let Some(concept) = cols.first().and_then(|c| c.first()).cloned() else {
            continue;
        };
        for (lang, ws) in [Lang::Eng, Lang::Fra, Lang::Spa].into_iter().zip(cols) {
            out.push((lang, ws, concept.clone()));
        }
    }
    out
}

/// The concept of word key `key` in `lang`, when the glossary knows one
/// other than the key itself.
pub fn concept(lang: Lang, key: &str) -> Option<&'static str> {
    tables().concept.get(&lang)?.get(key).map(String::as_str)
}

/// Rewrites `keys` of a text in `lang` into concepts.
pub fn to_concepts<'a>(lang: Lang, keys: impl Iterator<Item = &'a mut String>) {
    for k in keys {
        if let Some(c) = concept(lang, k) {
            c.clone_into(k);
        }
    }
}

/// The language of `texts`, when it is one of the glossary's: by script,
/// and in Latin script by the function words of each language (`None`
/// when no language leads).
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str> + Clone) -> Option<Lang> {
    match dominant(texts.clone()) {
        Script::Cyrillic => return Some(Lang::Rus),
        Script::Arabic => return Some(Lang::Arb),
        Script::Han => return Some(Lang::Cmn),
        Script::Other => return None,
        Script::Latin => {}
    }
    let t = tables();
    let mut counts = [0usize; 3];
    for text in texts {
        for w in words(text) {
            for (i, lang) in [Lang::Eng, Lang::Fra, Lang::Spa].into_iter().enumerate() {
                if t.function.get(&lang).is_some_and(|s| s.contains(&w.key)) {
                    counts[i] += 1;
                }
            }
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    let leaders: Vec<usize> = (0..3).filter(|&i| counts[i] == best).collect();
    match leaders.as_slice() {
        [i] if best > 0 => Some([Lang::Eng, Lang::Fra, Lang::Spa][*i]),
        _ => None,
    }
}

/// The distinct word keys of `text`, numbers left out (they meet anyway).
fn key_set(text: &str) -> Vec<String> {
    let mut ks: Vec<String> = words(text)
        .into_iter()
        .map(|w| w.key)
        .filter(|k| !k.starts_with("n:"))
        .collect();
    ks.sort_unstable();
    ks.dedup();
    ks
}

/// Learns the glossary from parallel texts: `pivot` (English) and, for
/// each other language, the same texts in the same order. For each word
/// key of the other language, the English key with the highest Dice
/// coefficient over the aligned texts (`2·c(e,f) / (c(e) + c(f))`, counted
/// once per text), kept when they co-occur in [`MIN_COOCCUR`] texts or
/// more with a Dice of [`MIN_DICE`] or more, unless the key is itself an
/// English key nearly as well associated (a cognate: it meets already).
/// Returns the TSV lines `lang, key, concept, dice`, sorted.
pub fn learn(pivot: &[String], others: &[(Lang, Vec<String>)]) -> String {
    let pk: Vec<Vec<String>> = pivot.iter().map(|t| key_set(t)).collect();
    let mut out = String::new();
    for (lang, texts) in others {
        let ok: Vec<Vec<String>> = texts.iter().map(|t| key_set(t)).collect();
        for (from, (to, dice)) in learn_pair(&pk, &ok) {
            out.push_str(&format!("{}\t{from}\t{to}\t{dice:.3}\n", lang.code()));
        }
    }
    out
}

/// Best English key of each key of the other language (see [`learn`]).
fn learn_pair(pivot: &[Vec<String>], other: &[Vec<String>]) -> BTreeMap<String, (String, f64)> {
    let mut ce: HashMap<&str, u32> = HashMap::new();
    let mut cf: HashMap<&str, u32> = HashMap::new();
    let mut cef: HashMap<(&str, &str), u32> = HashMap::new();
    for (e, f) in pivot.iter().zip(other) {
        e.iter().for_each(|k| *ce.entry(k).or_default() += 1);
        f.iter().for_each(|k| *cf.entry(k).or_default() += 1);
        for a in e {
            for b in f {
                *cef.entry((a, b)).or_default() += 1;
            }
        }
    }
    let dice = |e: &str, f: &str| {
        let c = cef.get(&(e, f)).copied().unwrap_or(0);
        (
            c,
            2.0 * f64::from(c) / f64::from(ce.get(e).unwrap_or(&0) + cf[f]),
        )
    };
    let mut best: BTreeMap<String, (String, f64)> = BTreeMap::new();
    for (&(e, f), &c) in &cef {
        if c < MIN_COOCCUR {
            continue;
        }
        let d = dice(e, f).1;
        let better = best
            .get(f)
            .is_none_or(|(be, bd)| d > *bd || (d == *bd && e < be.as_str()));
        if d >= MIN_DICE && better {
            best.insert(f.to_owned(), (e.to_owned(), d));
        }
    }
    // A cognate meets already: leave it alone.
    best.retain(|f, (e, d)| e != f && dice(f, f).1 < 0.5 * *d);
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_on_one_line_each() {
        let mut seen: HashMap<(Lang, String), String> = HashMap::new();
        for (lang, ws, concept) in function_words() {
            for w in ws {
                let prev = seen.insert((lang, w.clone()), concept.clone());
                assert!(
                    prev.is_none_or(|p| p == concept),
                    "{lang:?} {w} on two lines"
                );
            }
        }
    }

    #[test]
    fn languages_detected() {
        assert_eq!(
            detect(["Everyone has the right to life and to liberty"]),
            Some(Lang::Eng)
        );
        assert_eq!(
            detect(["Toute personne a droit à la vie et à la liberté"]),
            Some(Lang::Fra)
        );
        assert_eq!(
            detect(["Todo individuo tiene derecho a la vida y a la libertad"]),
            Some(Lang::Spa)
        );
        assert_eq!(detect(["Права человека"]), Some(Lang::Rus));
        assert_eq!(detect(["2030"]), None);
    }

    #[test]
    fn concepts_meet_across_languages() {
        assert_eq!(concept(Lang::Fra, "avec"), Some("with"));
        assert_eq!(concept(Lang::Spa, "con"), Some("with"));
        assert_eq!(concept(Lang::Eng, "with"), None);
    }
}
