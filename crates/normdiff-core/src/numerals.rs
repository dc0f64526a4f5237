//! Numbers in every script the UN writes in, mapped to integers.
//!
//! Tables, not special cases: decimal digits of any script (ASCII,
//! Arabic-Indic, Extended Arabic-Indic, full-width, Devanagari...), Chinese
//! numerals (一 二 … 十 百 千, 〇/零, 两), Roman numerals, and ordinal words
//! used as labels ([`ORDINAL_WORDS`]: `premier`, `1er`, `primero`, `first`...),
//! Arabic ordinal adverbs of section headings ([`ARABIC_ORDINALS`]: `أولاً`,
//! `ثانياً`) and the rank of a letter in its alphabet ([`letter_rank`]: Latin
//! `a`–`z`, Russian `а`–`я` in Russian order, Arabic letters in the abjad
//! order of legal lists `أ ب ج د هـ`, Greek `α`–`ω`).

/// Ordinal words that stand for a number in article labels.
pub const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("premier", 1),
    ("première", 1),
    ("1er", 1),
    ("1re", 1),
    ("primero", 1),
    ("primera", 1),
    ("1º", 1),
    ("1.º", 1),
    ("first", 1),
    ("unique", 1),
    ("único", 1),
    ("первая", 1),
];

/// Arabic ordinal adverbs heading sections (`أولاً - مقدمة` is `I.
/// Introduction`), without their tanween; compared after
/// [`strip_arabic_marks`].
pub const ARABIC_ORDINALS: &[(&str, u32)] = &[
    ("أولا", 1),
    ("اولا", 1),
    ("ثانيا", 2),
    ("ثالثا", 3),
    ("رابعا", 4),
    ("خامسا", 5),
    ("سادسا", 6),
    ("سابعا", 7),
    ("ثامنا", 8),
    ("تاسعا", 9),
    ("عاشرا", 10),
];

/// Letters of the Russian alphabet, in order.
const RUSSIAN: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
/// Arabic letters in abjad order, as legal lists number them.
const ABJAD: &str = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ";
/// Greek letters, in order (final sigma aside).
const GREEK: &str = "αβγδεζηθικλμνξοπρστυφχψω";

/// `s` without tatweel and Arabic short vowels and tanween (`هـ` → `ه`,
/// `أولاً` → `أولا`).
pub fn strip_arabic_marks(s: &str) -> String {
    s.chars()
        .filter(|&c| c != '\u{0640}' && !('\u{064B}'..='\u{0652}').contains(&c))
        .collect()
}

/// The rank (1-based) of a letter in its alphabet, case-insensitive: `a`
/// and `A` are 1, Russian `б` is 2, Arabic `ج` is 3 (abjad), `γ` is 3.
pub fn letter_rank(c: char) -> Option<u32> {
    let l = c.to_lowercase().next()?;
    if l.is_ascii_lowercase() {
        return Some(l as u32 - 'a' as u32 + 1);
    }
    let l = if l == 'ا' { 'أ' } else { l };
    for alphabet in [RUSSIAN, ABJAD, GREEK] {
        if let Some(k) = alphabet.chars().position(|a| a == l) {
            return u32::try_from(k + 1).ok();
        }
    }
    None
}

/// The value of an Arabic ordinal adverb (`ثانياً` → 2).
pub fn parse_arabic_ordinal(s: &str) -> Option<u32> {
    let bare = strip_arabic_marks(s);
    ARABIC_ORDINALS
        .iter()
        .find(|(w, _)| *w == bare)
        .map(|&(_, n)| n)
}

/// The value of a decimal digit of any script, if `c` is one.
pub fn digit_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    // Zero code points of the decimal digit blocks (each followed by 1..9).
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
    ];
    let u = c as u32;
    // Latin, Cyrillic and CJK text never reaches the table.
    if !(0x0660..=0xFF19).contains(&u) {
        return None;
    }
    ZEROS
        .iter()
        .find(|&&z| u >= z && u <= z + 9)
        .map(|&z| u - z)
}

/// Parses a run of decimal digits of any (single) script.
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut v: u32 = 0;
    for c in s.chars() {
        v = v.checked_mul(10)?.checked_add(digit_value(c)?)?;
    }
    Some(v)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '两' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Is `c` a Chinese numeral character?
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// Parses a Chinese numeral such as `十八`, `一百零五`, `二〇二一`.
pub fn parse_chinese(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(is_chinese_numeral) {
        return None;
    }
    if !s.chars().any(|c| chinese_unit(c).is_some()) {
        // Positional form: 二〇二一.
        return s.chars().try_fold(0u32, |v, c| {
            v.checked_mul(10)?.checked_add(chinese_digit(c)?)
        });
    }
    let mut total = 0u32;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            current = Some(d);
        } else if let Some(u) = chinese_unit(c) {
            total += current.unwrap_or(1) * u;
            current = None;
        }
    }
    Some(total + current.unwrap_or(0))
}

/// Parses a Roman numeral (upper or lower case, 1 to 3999).
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let val = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let vals: Option<Vec<u32>> = s.chars().map(val).collect();
    let vals = vals?;
    let mut total: i64 = 0;
    for (i, &v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|&n| n > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|&t| (1..4000).contains(&t))?;
    // Round-trip to reject malformed numerals such as "IIII" or "VX".
    (to_roman(total).eq_ignore_ascii_case(s)).then_some(total)
}

/// Writes `n` (1..=3999) as an upper-case Roman numeral.
pub fn to_roman(mut n: u32) -> String {
    const T: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Parses a number written in any supported way: digits of any script,
/// Chinese numerals, or an ordinal word from [`ORDINAL_WORDS`].
/// Digits followed by a Spanish or Portuguese ordinal indicator (`1º`,
/// `2.ª`, `3°`) are that number.
pub fn parse_number(s: &str) -> Option<u32> {
    parse_digits(s)
        .or_else(|| parse_chinese(s))
        .or_else(|| {
            let l = s.to_lowercase();
            ORDINAL_WORDS.iter().find(|(w, _)| *w == l).map(|&(_, n)| n)
        })
        .or_else(|| {
            let bare = s.trim_end_matches(['º', 'ª', '°']);
            let bare = bare.strip_suffix('.').unwrap_or(bare);
            (bare.len() < s.len()).then(|| parse_digits(bare)).flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_script() {
        assert_eq!(parse_digits("18"), Some(18));
        assert_eq!(parse_digits("١٨"), Some(18));
        assert_eq!(parse_digits("۱۸"), Some(18));
        assert_eq!(parse_digits("１８"), Some(18));
        assert_eq!(parse_digits("1a"), None);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("一"), Some(1));
        assert_eq!(parse_chinese("十"), Some(10));
        assert_eq!(parse_chinese("十八"), Some(18));
        assert_eq!(parse_chinese("二十一"), Some(21));
        assert_eq!(parse_chinese("一百零五"), Some(105));
        assert_eq!(parse_chinese("二〇二一"), Some(2021));
        assert_eq!(parse_chinese("条"), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(parse_roman("II"), Some(2));
        assert_eq!(parse_roman("iv"), Some(4));
        assert_eq!(parse_roman("XIV"), Some(14));
        assert_eq!(parse_roman("MCMXLVIII"), Some(1948));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("Introduction"), None);
    }

    #[test]
    fn ordinal_words() {
        assert_eq!(parse_number("premier"), Some(1));
        assert_eq!(parse_number("1er"), Some(1));
        assert_eq!(parse_number("Primero"), Some(1));
        assert_eq!(parse_number("12º"), Some(12));
        assert_eq!(parse_number("2.ª"), Some(2));
        assert_eq!(parse_number("º"), None);
    }

    #[test]
    fn letters_rank_in_their_own_alphabet() {
        assert_eq!(letter_rank('a'), Some(1));
        assert_eq!(letter_rank('C'), Some(3));
        assert_eq!(letter_rank('а'), Some(1), "Cyrillic а");
        assert_eq!(letter_rank('б'), Some(2));
        assert_eq!(letter_rank('в'), Some(3), "Russian order, not Latin");
        assert_eq!(letter_rank('ج'), Some(3), "abjad order");
        assert_eq!(letter_rank('ه'), Some(5));
        assert_eq!(letter_rank('γ'), Some(3));
        assert_eq!(letter_rank('一'), None);
        assert_eq!(parse_arabic_ordinal("ثانياً"), Some(2));
        assert_eq!(parse_arabic_ordinal("أولاً"), Some(1));
        assert_eq!(strip_arabic_marks("هـ"), "ه");
    }
}
