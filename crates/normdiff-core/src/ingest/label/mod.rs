//! Labels printed at the start of a block, recognised as data.
//!
//! Every numbering convention the tool knows is one row of [`SCHEMES`],
//! tried in order; the first that reads a label wins. Each label has:
//! - its **printed form** (`marker`, kept for display: `Norme 13 a) :`);
//! - its **label** (`13 a)`, the word `Norme`/`Point` dropped);
//! - its **key**, script-neutral (`13a`, `art:1`, `sec:2`, `2.7`), so that
//!   labels compare across digit systems and languages;
//! - its **value path** (`[2, 7]` for `2.7`, `[13, 1]` for `13 a)`): every
//!   component as a number, letters by their rank in their own alphabet
//!   (`a`/`A`/Cyrillic `а` = 1, Russian `в` = 3, Arabic `ج` = 3 in abjad
//!   order), Roman and Chinese numerals by value. Two labels with the same
//!   value path written with different characters (`13` / `１３` / `١٣`,
//!   Latin `a` / Cyrillic `а`) are the same number: alignment keeps them
//!   together, and the diff shows the change of characters
//!   ([`crate::diff::label_ops`]).
//!
//! | scheme | examples | class | key |
//! |---|---|---|---|
//! | `article` | `Article premier`, `Art. 5`, `Article 2.1`, `Artículo 1º`, `Статья 1`, `المادة ١`, `Article 1792-4` | article | `art:1`, `art:2.1` |
//! | `section` | `Section 4(b)(ii)`, `§ 5`, `§5.2` | article | `§:4(b)(ii)` |
//! | `chapter` | `Chapter IV`, `Chapitre 2`, `Глава 3` | section | `chap:4` |
//! | `goal` | `Goal 1.`, `Objectif 1.`, `Цель 1.`, `الهدف 1 -` | section | `goal:1` |
//! | `chinese` | `第一条`, `第1条`, `第二章`, `第三节`, `目标1.` | article / section | `art:1`, `chap:2`, `goal:1` |
//! | `chinese-enumeration` | `一、`, `十二、` | section | `sec:1` |
//! | `arabic-ordinal` | `أولاً -`, `ثانياً` | section | `sec:2` |
//! | `paragraph-word` | `Norme 13 a) :`, `Point 45 :` | numbered | `13a` |
//! | `decimal` | `2.7`, `7.1.3`, `17.a`, `1.1.`, `I.A.1`, `2(1)` | numbered | `2.7`, `17.a` |
//! | `numbered` | `18.`, `18 bis.`, `١٨.`, `1º` | numbered | `18`, `18bis` |
//! | `roman` | `II.` | section | `sec:2` |
//! | `letter-heading` | `A.`, `B.` (then a capital) | section | `sub:A` |
//! | `sub` | `a)`, `(a)`, `(iv)`, `а)`, `б)`, `(أ)`, `(هـ)`, `1)`, `(1)`, `（一）` | sub | `a`, `iv`, `1` |
//!
//! A two-level decimal label without a closing dot must be followed by a
//! capital or a caseless script (`1.1 By 2030`, `1.1 到2030年`): `1.5
//! million` is not a label (`2.3.1 renew` is). Parents are set by `ingest::structure`: a `(b)` under `4.` has
//! parent `4.` (qualified `4(b)`); a `1.1` has the block whose value path
//! is `[1]` (`Goal 1.`) as parent.

mod scan;
mod schemes;

pub(crate) use schemes::letter_heading;

/// Words that introduce an article label (matched case-insensitively).
pub const ARTICLE_WORDS: &[&str] = &[
    "article",
    "art.",
    "artículo",
    "artigo",
    "articolo",
    "статья",
    "ст.",
    "المادة",
    "مادة",
];

/// Words that introduce a section number (`Section 4(b)`, `§ 5`).
pub const SECTION_WORDS: &[&str] = &["section", "sect.", "sección", "раздел", "§", "القسم"];

/// Words that introduce a chapter number.
pub const CHAPTER_WORDS: &[&str] = &["chapter", "chapitre", "capítulo", "глава", "الفصل"];

/// Words that introduce a goal number (`Goal 1.` in the 2030 Agenda).
pub const GOAL_WORDS: &[&str] = &["goal", "objectif", "objetivo", "цель", "الهدف"];

/// Words that introduce a paragraph number whose label drops the word
/// (matched case-insensitively).
pub const PARAGRAPH_WORDS: &[&str] = &[
    "norme",
    "norm",
    "norma",
    "point",
    "paragraphe",
    "paragraph",
    "párrafo",
    "пункт",
    "норма",
];

/// Latin suffixes of inserted paragraphs (`18 bis`).
pub const LATIN_SUFFIXES: &[&str] = &[
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "nonies",
    "decies",
];

/// What family a label belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelClass {
    /// `18.`, `Norme 13 a) :`, `Point 45 :`.
    Numbered,
    /// `a)`, `(a)`, `i)`: a sub-paragraph.
    Sub,
    /// `II.`, `A.`, `Goal 1.`, `一、`, `第二章`: a section heading.
    Section,
    /// `Article premier`, `第一条`, `Section 4`.
    Article,
}

/// A label found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMatch {
    /// Byte length of the marker, including trailing punctuation and the
    /// spaces after it.
    pub len: usize,
    /// The marker as printed, trimmed (`Norme 13 a) :`).
    pub marker: String,
    /// The label (`13 a)`).
    pub label: String,
    /// The script-neutral key (`13a`).
    pub key: String,
    /// The family.
    pub class: LabelClass,
    /// The main number, when there is one (the value path's first).
    pub number: Option<u32>,
    /// The value path (`[2, 7]`, `[13, 1]`): see the module documentation.
    pub value: Vec<u32>,
    /// The name of the scheme that read it (a row of [`SCHEMES`]).
    pub scheme: &'static str,
}

/// One numbering convention: its name, examples (each tested to parse with
/// this scheme) and its parser.
pub struct Scheme {
    /// The scheme's name (as in [`LabelMatch::scheme`]).
    pub name: &'static str,
    /// Printed examples.
    pub examples: &'static [&'static str],
    /// Reads a label of this scheme at the start of a text.
    pub parse: fn(&str) -> Option<LabelMatch>,
}

/// Every numbering scheme, in the order they are tried.
pub const SCHEMES: &[Scheme] = &[
    Scheme {
        name: "article",
        examples: &[
            "Article premier",
            "Art. 5",
            "Article 2.1",
            "Artículo 1º",
            "Статья 1",
            "المادة ١",
            "Article 1792-4",
        ],
        parse: schemes::article,
    },
    Scheme {
        name: "section",
        examples: &["Section 4(b)(ii)", "§ 5", "§5.2"],
        parse: schemes::section_word,
    },
    Scheme {
        name: "chapter",
        examples: &["Chapter IV", "Chapitre 2", "Глава 3"],
        parse: schemes::chapter,
    },
    Scheme {
        name: "goal",
        examples: &[
            "Goal 1. End poverty",
            "Objectif 1. Éliminer",
            "Цель 1. Ликвидация",
            "الهدف 1 - القضاء",
        ],
        parse: schemes::goal,
    },
    Scheme {
        name: "chinese",
        examples: &["第一条", "第1条", "第二章", "第三节", "目标1. 在全世界"],
        parse: schemes::chinese_ordinal,
    },
    Scheme {
        name: "chinese-enumeration",
        examples: &["一、总则", "十二、 其他"],
        parse: schemes::chinese_enumeration,
    },
    Scheme {
        name: "arabic-ordinal",
        examples: &["أولاً - مقدمة", "ثانياً: السياق"],
        parse: schemes::arabic_ordinal,
    },
    Scheme {
        name: "paragraph-word",
        examples: &["Norme 13 a) : Texte", "Point 45 : Texte"],
        parse: schemes::paragraph_word,
    },
    Scheme {
        name: "decimal",
        examples: &[
            "2.7 The",
            "7.1.3 The",
            "17.a Ensure",
            "1.1. Premier",
            "I.A.1 Scope",
            "2(1) The",
        ],
        parse: schemes::dotted,
    },
    Scheme {
        name: "numbered",
        examples: &["18. Texte", "18 bis. Texte", "١٨. نص", "1º Texto"],
        parse: schemes::numbered,
    },
    Scheme {
        name: "roman",
        examples: &["II. Menaces"],
        parse: schemes::roman_section,
    },
    Scheme {
        name: "letter-heading",
        examples: &["A. Background", "Б. Контекст"],
        parse: schemes::letter_heading,
    },
    Scheme {
        name: "sub",
        examples: &[
            "a) x",
            "(a) x",
            "(iv) x",
            "а) x",
            "б) x",
            "(أ) x",
            "(هـ) x",
            "1) x",
            "(1) x",
            "（一）加强",
        ],
        parse: schemes::sub,
    },
];

/// Recognises a label at the start of `text`: the first scheme of
/// [`SCHEMES`] that reads one.
pub fn parse_label(text: &str) -> Option<LabelMatch> {
    SCHEMES.iter().find_map(|s| (s.parse)(text))
}

#[cfg(test)]
mod tests {
    use super::scan::LONGEST_WORD;
    use super::*;

    fn lab(s: &str) -> Option<(String, String)> {
        parse_label(s).map(|m| (m.label, m.key))
    }

    #[test]
    fn listed_words_fit_the_scan_limit() {
        for w in [
            ARTICLE_WORDS,
            PARAGRAPH_WORDS,
            LATIN_SUFFIXES,
            SECTION_WORDS,
            CHAPTER_WORDS,
            GOAL_WORDS,
        ]
        .concat()
        {
            assert!(w.len() + 4 < LONGEST_WORD, "{w}");
        }
        assert_eq!(lab("Статья 12.").map(|l| l.0), Some("Статья 12".into()));
        assert_eq!(lab("ARTÍCULO 3").map(|l| l.0), Some("ARTÍCULO 3".into()));
    }

    fn l(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_owned(), b.to_owned()))
    }

    #[test]
    fn numbered_paragraphs() {
        assert_eq!(lab("18. Dans la résolution"), l("18", "18"));
        assert_eq!(lab("18 bis. Texte"), l("18 bis", "18bis"));
        assert_eq!(lab("١٨. نص"), l("١٨", "18"));
        assert_eq!(lab("28 mai 2021"), None);
        assert_eq!(lab("2021.5 n'est pas un label"), None);
    }

    #[test]
    fn norms_and_points() {
        let m = parse_label("Norme 13 a) : Conformément").unwrap();
        assert_eq!((m.label.as_str(), m.key.as_str()), ("13 a)", "13a"));
        assert_eq!(m.marker, "Norme 13 a) :");
        assert_eq!(&"Norme 13 a) : Conformément"[m.len..], "Conformément");
        assert_eq!(lab("Point 45 : « Les infrastructures"), l("45", "45"));
    }

    #[test]
    fn sub_paragraphs() {
        assert_eq!(lab("a) La norme"), l("a)", "a"));
        assert_eq!(lab("(b) The norm"), l("(b)", "b"));
        assert_eq!(lab("iv) Texte"), l("iv)", "iv"));
        assert_eq!(lab("а) Кириллица"), l("а)", "а"));
        assert_eq!(lab("abc) non"), None);
    }

    #[test]
    fn sections() {
        assert_eq!(lab("II. Menaces existantes"), l("II", "sec:2"));
        assert_eq!(lab("IL. n'est pas"), None);
    }

    #[test]
    fn articles_in_every_script() {
        assert_eq!(lab("Article premier"), l("Article premier", "art:1"));
        assert_eq!(lab("Article 1er"), l("Article 1er", "art:1"));
        assert_eq!(lab("Art. 5"), l("Art. 5", "art:5"));
        assert_eq!(lab("Artículo 1"), l("Artículo 1", "art:1"));
        assert_eq!(lab("Статья 1"), l("Статья 1", "art:1"));
        assert_eq!(lab("المادة ١"), l("المادة ١", "art:1"));
        assert_eq!(lab("المادة 1"), l("المادة 1", "art:1"));
        assert_eq!(lab("第一条"), l("第一条", "art:1"));
        assert_eq!(lab("第十八条 规定"), l("第十八条", "art:18"));
        assert_eq!(lab("Article 1792-4"), l("Article 1792-4", "art:1792-4"));
        assert_eq!(
            lab("Article premier.  Tous les"),
            l("Article premier", "art:1")
        );
        assert_eq!(lab("Articles connexes"), None);
    }

    fn val(s: &str) -> Option<(String, String, Vec<u32>, &'static str)> {
        parse_label(s).map(|m| (m.label, m.key, m.value, m.scheme))
    }

    fn v(
        label: &str,
        key: &str,
        value: &[u32],
        scheme: &'static str,
    ) -> Option<(String, String, Vec<u32>, &'static str)> {
        Some((label.to_owned(), key.to_owned(), value.to_vec(), scheme))
    }

    #[test]
    fn every_example_of_the_table_parses_with_its_scheme() {
        for s in SCHEMES {
            for e in s.examples {
                let m = parse_label(e).unwrap_or_else(|| panic!("{e}: no label"));
                assert_eq!(m.scheme, s.name, "{e}");
                assert!(!m.value.is_empty(), "{e}");
            }
        }
    }

    #[test]
    fn decimal_multi_level_labels() {
        assert_eq!(val("2.7 The Seller"), v("2.7", "2.7", &[2, 7], "decimal"));
        assert_eq!(val("7.1.3 Any"), v("7.1.3", "7.1.3", &[7, 1, 3], "decimal"));
        assert_eq!(val("17.a Ensure"), v("17.a", "17.a", &[17, 1], "decimal"));
        assert_eq!(val("1.1. Premier"), v("1.1", "1.1", &[1, 1], "decimal"));
        assert_eq!(
            val("17.19 By 2030"),
            v("17.19", "17.19", &[17, 19], "decimal")
        );
        assert_eq!(val("1.1 到2030年"), v("1.1", "1.1", &[1, 1], "decimal"));
        assert_eq!(
            val("I.A.1 Scope"),
            v("I.A.1", "I.a.1", &[1, 1, 1], "decimal")
        );
        assert_eq!(val("１.２ Ｔｅｘｔ"), v("１.２", "1.2", &[1, 2], "decimal"));
        assert_eq!(lab("1.5 million people"), None);
        assert_eq!(
            lab("2.3.1 renew the Premises;").map(|l| l.1),
            Some("2.3.1".into())
        );
        assert_eq!(lab("1.000 personnes"), None);
        assert_eq!(lab("28.05.2021 Le Groupe"), None);
        assert_eq!(lab("3.14"), None);
    }

    #[test]
    fn words_with_number_paths() {
        assert_eq!(
            val("Article 2.1 The"),
            v("Article 2.1", "art:2.1", &[2, 1], "article")
        );
        assert_eq!(
            val("Section 4(b)(ii) Any"),
            v("Section 4(b)(ii)", "§:4(b)(ii)", &[4, 2, 2], "section")
        );
        assert_eq!(val("§ 5 Texte"), v("§ 5", "§:5", &[5], "section"));
        assert_eq!(
            val("Artículo 1º. Texto"),
            v("Artículo 1º", "art:1", &[1], "article")
        );
        assert_eq!(
            val("Artículo 12º Texto"),
            v("Artículo 12º", "art:12", &[12], "article")
        );
        assert_eq!(
            val("Chapter IV"),
            v("Chapter IV", "chap:4", &[4], "chapter")
        );
        assert_eq!(
            val("Goal 1. End poverty"),
            v("Goal 1", "goal:1", &[1], "goal")
        );
        assert_eq!(
            val("الهدف 1 - القضاء"),
            v("الهدف 1", "goal:1", &[1], "goal")
        );
        assert_eq!(
            val("目标1. 在全世界"),
            v("目标1", "goal:1", &[1], "chinese")
        );
        assert_eq!(
            val("Цель 17. Укрепление"),
            v("Цель 17", "goal:17", &[17], "goal")
        );
        assert_eq!(lab("Goals and targets"), None);
    }

    #[test]
    fn numbering_of_the_other_un_scripts() {
        assert_eq!(
            val("一、总则"),
            v("一", "sec:1", &[1], "chinese-enumeration")
        );
        assert_eq!(val("（一）加强"), v("（一）", "1", &[1], "sub"));
        assert_eq!(val("(二) 合作"), v("(二)", "2", &[2], "sub"));
        assert_eq!(val("第1条 规定"), v("第1条", "art:1", &[1], "chinese"));
        assert_eq!(
            val("أولاً - مقدمة"),
            v("أولاً", "sec:1", &[1], "arabic-ordinal")
        );
        assert_eq!(
            val("ثانياً - السياق"),
            v("ثانياً", "sec:2", &[2], "arabic-ordinal")
        );
        assert_eq!(val("(أ) نص"), v("(أ)", "أ", &[1], "sub"));
        assert_eq!(val("(ب) نص"), v("(ب)", "ب", &[2], "sub"));
        assert_eq!(val("(هـ) نص"), v("(هـ)", "ه", &[5], "sub"));
        assert_eq!(val("١٣. نص"), v("١٣", "13", &[13], "numbered"));
        assert_eq!(val("1) Текст"), v("1)", "1", &[1], "sub"));
        assert_eq!(val("а) Текст"), v("а)", "а", &[1], "sub"));
        assert_eq!(val("в) Текст"), v("в)", "в", &[3], "sub"), "Russian order");
        assert_eq!(val("1º Texto"), v("1º", "1", &[1], "numbered"));
        assert_eq!(
            val("A. Background"),
            v("A", "sub:A", &[1], "letter-heading")
        );
        assert_eq!(lab("A. b"), None);
    }

    #[test]
    fn look_alike_labels_keep_their_value() {
        let value = |s: &str| parse_label(s).map(|m| m.value);
        assert_eq!(value("Norme 13 a) : x"), Some(vec![13, 1]));
        assert_eq!(value("Norme １３ a) : x"), Some(vec![13, 1]));
        assert_eq!(value("Norme 13 а) : x"), Some(vec![13, 1]), "Cyrillic а");
        assert_eq!(value("13. x"), value("１３. x"));
        assert_eq!(value("13. x"), value("١٣. x"));
        assert_eq!(value("13. x"), value("१३. x"));
    }
}
