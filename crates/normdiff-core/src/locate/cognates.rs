//! Near cognates across languages: a quote word that the document does not
//! know takes the key of a document word one letter away from it.
//!
//! Word keys are the first five letters of a folded word. Cognates of
//! English, French and Spanish often keep their first letters and differ in
//! one later letter by a regular correspondence (`segur`idad / `secur`ity,
//! `propi`edad / `propr`iété, `obliga`ción / `oblig`ation already meet).
//! The key is taken only when exactly one document key is that close, so a
//! word near two different words is left alone.
//!
//! Before that, a quote word whose **cognate key** ([`form_key`]: the whole
//! word with spelling differences evened out, `y`/`i`, `k`/`c`, a silent
//! `h`, doubled letters) is that of document words of a single key takes
//! that key: `tyranny`/`tiranía`, `oppression`/`opresión`,
//! `authority`/`autoridad` meet, though their first letters differ.

use std::collections::HashMap;

/// Letters a near cognate must share at the start of the key.
const SAME_START: usize = 2;

/// Key length (in chars) a near cognate needs: shorter keys are whole
/// short words, where one letter changes the meaning.
const MIN_LEN: usize = 5;

/// Do `a` and `b` have the same length (at least [`MIN_LEN`]) and the same
/// first [`SAME_START`] letters, and differ in exactly one letter?
fn one_letter_apart(a: &[char], b: &str) -> bool {
    let mut diff = 0;
    let mut len = 0;
    for (i, c) in b.chars().enumerate() {
        len += 1;
        match a.get(i) {
            Some(&q) if q == c => {}
            Some(_) if i >= SAME_START => diff += 1,
            _ => return false,
        }
        if diff > 1 {
            return false;
        }
    }
    len == a.len() && diff == 1
}

/// The cognate key of a word's loose key `form`: the first five letters
/// after spelling differences common between English, French and Spanish
/// are evened out (`y` → `i`, `h` after a letter dropped, `k` → `c`,
/// doubled letters single), so `tyranny`/`tiranía` and
/// `oppression`/`opresión` meet (`None` for short or non-alphabetic words).
pub(super) fn form_key(form: &str) -> Option<String> {
    if form.chars().count() < MIN_LEN || !form.chars().all(crate::segment::is_letter) {
        return None;
    }
    let mut out = String::new();
    let mut prev = None;
    for (i, c) in form.chars().enumerate() {
        let c = match c {
            'y' => 'i',
            'k' => 'c',
            'h' if i > 0 => continue,
            c => c,
        };
        if prev == Some(c) {
            continue;
        }
        prev = Some(c);
        out.push(c);
        if out.chars().count() == MIN_LEN {
            break;
        }
    }
    Some(out)
}

/// The one key of `known` one letter away from `key`, if there is exactly
/// one (never for numbers, ideographs or short keys).
pub(super) fn near<'a>(key: &str, known: &'a HashMap<String, usize>) -> Option<&'a str> {
    let q: Vec<char> = key.chars().collect();
    if q.len() < MIN_LEN || key.starts_with("n:") || !q.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let mut found = None;
    for k in known.keys().filter(|k| one_letter_apart(&q, k)) {
        if found.is_some() {
            return None;
        }
        found = Some(k.as_str());
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(keys: &[&str]) -> HashMap<String, usize> {
        keys.iter().map(|k| ((*k).to_owned(), 1)).collect()
    }

    #[test]
    fn one_letter_after_the_start_meets() {
        let k = known(&["secur", "liber", "vie"]);
        assert_eq!(near("segur", &k), Some("secur"));
    }

    #[test]
    fn the_first_letters_must_agree() {
        assert_eq!(near("tecur", &known(&["secur"])), None);
        assert_eq!(near("sicur", &known(&["secur"])), None);
    }

    #[test]
    fn two_candidates_or_two_letters_give_nothing() {
        assert_eq!(near("segur", &known(&["secur", "sejur"])), None);
        assert_eq!(near("segar", &known(&["secur"])), None);
    }

    #[test]
    fn cognate_keys_even_out_spelling() {
        let k = |w: &str| form_key(w);
        assert_eq!(k("tyranny"), k("tirania"));
        assert_eq!(k("oppression"), k("opresion"));
        assert_eq!(k("authority"), k("autoridad"));
        assert_eq!(k("tyranny").as_deref(), Some("tiran"));
        assert_ne!(k("liberty"), k("library"));
        assert_eq!(k("vida"), None);
        assert_eq!(k("covid19"), None);
    }

    #[test]
    fn short_keys_and_numbers_are_left_alone() {
        assert_eq!(near("vida", &known(&["vide"])), None);
        assert_eq!(near("n:1948", &known(&["n:1949"])), None);
    }
}
