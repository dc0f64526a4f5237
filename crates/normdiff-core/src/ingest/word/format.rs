//! Number formats of Word's automatic numbering (`w:numFmt`).
//!
//! Latin (`decimal`, `decimalZero`, `lowerLetter`, `upperLetter`,
//! `lowerRoman`, `upperRoman`, `ordinal`), full-width and circled digits,
//! the CJK counting systems (`chineseCounting`, `chineseCountingThousand`,
//! `japaneseCounting`, `taiwaneseCounting`, `ideographTraditional`),
//! Arabic (`arabicAlpha`, `arabicAbjad`, `hindiNumbers`: Arabic-Indic
//! digits) and Russian letters. Unknown formats print decimal, as Word
//! does for formats it cannot show.

const ARABIC_ALPHA: &[&str] = &[
    "أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
    "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي",
];
const ARABIC_ABJAD: &[&str] = &[
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];
const RUSSIAN: &[char] = &[
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
];
const CJK_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/// `value` printed in the numbering format `fmt`.
pub(crate) fn format_number(value: i64, fmt: &str) -> String {
    if value < 0 {
        return value.to_string();
    }
    let v = value as u64;
    match fmt {
        "none" => String::new(),
        "decimalZero" if v < 10 => format!("0{v}"),
        "lowerLetter" => letters(v, false),
        "upperLetter" => letters(v, true),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperRoman" => roman(v),
        "ordinal" => ordinal(v),
        "decimalFullWidth" | "decimalFullWidth2" => map_digits(v, '０'),
        "hindiNumbers" | "arabicIndic" => map_digits(v, '٠'),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&v) => {
            char::from_u32(0x2460 + v as u32 - 1).map_or_else(|| v.to_string(), String::from)
        }
        "chineseCounting"
        | "japaneseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "japaneseDigitalTenThousand" => cjk(v),
        "ideographTraditional" if (1..=10).contains(&v) => HEAVENLY_STEMS[v as usize - 1].into(),
        "arabicAlpha" => cyclic_str(v, ARABIC_ALPHA),
        "arabicAbjad" => cyclic_str(v, ARABIC_ABJAD),
        "russianLower" => cyclic_char(v, RUSSIAN, false),
        "russianUpper" => cyclic_char(v, RUSSIAN, true),
        _ => v.to_string(),
    }
}

/// Word's letters: a..z, then aa..zz, aaa..zzz (the letter repeated).
fn letters(v: u64, upper: bool) -> String {
    if v == 0 {
        return String::new();
    }
    let base = if upper { b'A' } else { b'a' };
    let c = (base + ((v - 1) % 26) as u8) as char;
    std::iter::repeat_n(c, ((v - 1) / 26 + 1).min(64) as usize).collect()
}

fn cyclic_char(v: u64, set: &[char], upper: bool) -> String {
    if v == 0 {
        return String::new();
    }
    let n = set.len() as u64;
    let c = set[((v - 1) % n) as usize];
    let c = if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    };
    std::iter::repeat_n(c, ((v - 1) / n + 1).min(64) as usize).collect()
}

fn cyclic_str(v: u64, set: &[&str]) -> String {
    if v == 0 {
        return String::new();
    }
    let n = set.len() as u64;
    set[((v - 1) % n) as usize].repeat(((v - 1) / n + 1).min(64) as usize)
}

/// `v` as an upper-case Roman numeral ([`crate::numerals::to_roman`]);
/// 0 and 4000 up, which have none, as digits (as Word prints them).
fn roman(v: u64) -> String {
    match u32::try_from(v) {
        Ok(n @ 1..=3999) => crate::numerals::to_roman(n),
        _ => v.to_string(),
    }
}

fn ordinal(v: u64) -> String {
    let suffix = match (v % 10, v % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{v}{suffix}")
}

fn map_digits(v: u64, zero: char) -> String {
    v.to_string()
        .chars()
        .map(|d| char::from_u32(zero as u32 + d.to_digit(10).unwrap_or(0)).unwrap_or(d))
        .collect()
}

/// Chinese counting: 一, 十, 十一, 二十三, 一百零五, 三千二百.
fn cjk(v: u64) -> String {
    if v == 0 {
        return CJK_DIGITS[0].into();
    }
    if v >= 10_000 {
        return v.to_string();
    }
    let units = [(1000, '千'), (100, '百'), (10, '十')];
    let mut out = String::new();
    let mut rest = v;
    let mut zero = false;
    for (n, u) in units {
        let d = rest / n;
        rest %= n;
        if d > 0 {
            if zero {
                out.push('零');
                zero = false;
            }
            // 十一, not 一十一, when ten leads.
            if !(n == 10 && d == 1 && out.is_empty()) {
                out.push(CJK_DIGITS[d as usize]);
            }
            out.push(u);
        } else if !out.is_empty() {
            zero = true;
        }
    }
    if rest > 0 {
        if zero {
            out.push('零');
        }
        out.push(CJK_DIGITS[rest as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_number as f;

    #[test]
    fn latin() {
        assert_eq!(f(18, "decimal"), "18");
        assert_eq!(f(3, "decimalZero"), "03");
        assert_eq!(f(1, "lowerLetter"), "a");
        assert_eq!(f(28, "lowerLetter"), "bb");
        assert_eq!(f(4, "upperRoman"), "IV");
        assert_eq!(f(14, "lowerRoman"), "xiv");
        assert_eq!(f(12, "ordinal"), "12th");
        assert_eq!(f(5, "none"), "");
    }

    #[test]
    fn other_scripts() {
        assert_eq!(f(11, "chineseCounting"), "十一");
        assert_eq!(f(23, "chineseCountingThousand"), "二十三");
        assert_eq!(f(105, "chineseCountingThousand"), "一百零五");
        assert_eq!(f(2, "ideographTraditional"), "乙");
        assert_eq!(f(12, "hindiNumbers"), "١٢");
        assert_eq!(f(3, "arabicAbjad"), "ج");
        assert_eq!(f(3, "arabicAlpha"), "ت");
        assert_eq!(f(2, "russianLower"), "б");
        assert_eq!(f(3, "decimalEnclosedCircle"), "③");
        assert_eq!(f(7, "decimalFullWidth"), "７");
    }
}
