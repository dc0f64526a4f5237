//! The writing system of a quote and of a document, and the note a
//! result carries when they differ.

/// A writing system, as far as word comparison is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Arabic letters.
    Arabic,
    /// Han ideographs (and kana).
    Han,
    /// Anything else, or no letters.
    Other,
}

impl Script {
    fn of(c: char) -> Script {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
            0x400..=0x52F => Script::Cyrillic,
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
            _ => Script::Other,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Arabic => "Arabic",
            Script::Han => "Chinese",
            Script::Other => "another",
        }
    }
}

/// The script most letters of `texts` are written in.
pub fn dominant<'a>(texts: impl IntoIterator<Item = &'a str>) -> Script {
    let mut counts = [0usize; 5];
    for t in texts {
        for c in t.chars().filter(|c| c.is_alphabetic()) {
            counts[Script::of(c) as usize] += 1;
        }
    }
    let all = [
        Script::Latin,
        Script::Cyrillic,
        Script::Arabic,
        Script::Han,
        Script::Other,
    ];
    let best = (0..4).max_by_key(|&i| (counts[i], 4 - i)).unwrap_or(4);
    if counts[best] == 0 {
        Script::Other
    } else {
        all[best]
    }
}

/// The note for a quote in another script than the document: found only
/// by the anchors it carries, or not found.
pub fn note(quote: &str, doc: Script, found: bool) -> Option<String> {
    let q = dominant([quote]);
    if q == doc || q == Script::Other || doc == Script::Other {
        return None;
    }
    let (qs, ds) = (q.name(), doc.name());
    Some(if found {
        format!(
            "the quote is in {qs} script and the document in {ds}: the match rests only on \
             numbers and other anchors; to be sure, use --via with the document in the \
             quote's language"
        )
    } else {
        format!(
            "nothing in the quote supports a match: it is in {qs} script and the document in \
             {ds}; use --via with the document in the quote's language"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(dominant(["Права человека"]), Script::Cyrillic);
        assert_eq!(dominant(["حقوق الإنسان COVID"]), Script::Arabic);
        assert_eq!(dominant(["人权 ICANN"]), Script::Latin);
        assert_eq!(dominant(["人权和基本自由"]), Script::Han);
        assert_eq!(dominant(["2030"]), Script::Other);
        assert!(note("Права человека", Script::Latin, false)
            .unwrap()
            .contains("--via"));
        assert_eq!(note("human rights", Script::Latin, false), None);
    }
}
