use super::*;
use crate::redline::testing::{pair_report, render, report, NEW, OLD};
use comrak::nodes::NodeValue;
use comrak::{parse_document, Arena, Options};
use proptest::prelude::*;

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o
}

/// Parses `md` and fails on any node the redline does not write itself.
fn assert_no_stray_markup(md: &str, allow_html: bool) {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &options());
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Document
            | NodeValue::Heading(_)
            | NodeValue::Paragraph
            | NodeValue::Text(_)
            | NodeValue::Table(_)
            | NodeValue::TableRow(_)
            | NodeValue::TableCell
            | NodeValue::List(_)
            | NodeValue::Item(_) => {}
            NodeValue::HtmlInline(h)
                if allow_html
                    && ["<del>", "</del>", "<ins>", "</ins>", "<sup>", "</sup>"]
                        .contains(&h.as_str()) => {}
            other => panic!("stray markup {other:?} in:\n{md}"),
        }
    }
}

/// The old and new texts of the first pair paragraph of a rendered inline
/// redline (the paragraph under the first `###` heading), as a reader sees
/// them (HTML tags interpreted, class tags left out).
fn sides_of_first_pair(md: &str) -> (String, String) {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &options());
    let para = root
        .descendants()
        .filter(|n| matches!(n.data().value, NodeValue::Paragraph))
        .find(|n| {
            n.previous_sibling()
                .is_some_and(|h| matches!(&h.data().value, NodeValue::Heading(x) if x.level == 3))
        });
    let (mut old, mut new) = (String::new(), String::new());
    let Some(para) = para else { return (old, new) };
    let (mut in_del, mut in_ins, mut in_sup) = (false, false, false);
    for c in para.children() {
        match &c.data().value {
            NodeValue::HtmlInline(h) => match h.as_str() {
                "<del>" => in_del = true,
                "</del>" => in_del = false,
                "<ins>" => in_ins = true,
                "</ins>" => in_ins = false,
                "<sup>" => in_sup = true,
                "</sup>" => in_sup = false,
                _ => {}
            },
            NodeValue::Text(_) if in_sup => {}
            NodeValue::Text(t) => {
                if !in_ins {
                    old.push_str(t);
                }
                if !in_del {
                    new.push_str(t);
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    (old, new)
}

fn words(s: &str) -> Vec<String> {
    let mut clean = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('⟦') {
        clean.push_str(&rest[..i]);
        let end = rest[i..].find('⟧').map_or(rest.len(), |j| i + j);
        // A marker naming a space (NBSP in a typography change) reads as one.
        let code = rest[i..end]
            .trim_start_matches('⟦')
            .trim_start_matches("U+");
        let named = u32::from_str_radix(code, 16).ok().and_then(char::from_u32);
        if named.is_some_and(normdiff_core::normalize::is_space) {
            clean.push(' ');
        }
        rest = rest.get(end + '⟧'.len_utf8()..).unwrap_or("");
    }
    clean.push_str(rest);
    clean
        .chars()
        .filter(|&c| !normdiff_core::normalize::is_invisible(c) && !c.is_control() || c == '\n')
        .collect::<String>()
        .replace(['¶', '␣'], " ")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[test]
fn hostile_text_renders_inert() {
    let r = report(OLD, NEW, &[]);
    for style in [Style::Inline, Style::Critic] {
        let md = render(
            &Markdown {
                style,
                ..Markdown::default()
            },
            &r,
        );
        assert_no_stray_markup(&md, style == Style::Inline);
        assert!(!md.contains("<script>"));
        assert!(!md.contains('\u{1b}'));
        assert!(md.contains("⟦U+200B⟧"), "{md}");
    }
}

#[test]
fn critic_markup_has_no_stray_delimiters() {
    let r = pair_report("a {++b++} c ~> d", "a {--b--} x ~> d");
    let md = render(
        &Markdown {
            style: Style::Critic,
            ..Markdown::default()
        },
        &r,
    );
    let body = md.lines().rfind(|l| !l.is_empty()).unwrap();
    assert_eq!(body.matches("{~~").count(), 1, "{body}");
    assert_eq!(body.matches("~>").count(), 1, "{body}");
    assert!(!body.contains("{++") && !body.contains("{--"), "{body}");
}

#[test]
fn no_differences_says_so() {
    let r = report("1. Un.\n", "1. Un.\n", &[]);
    let md = render(&Markdown::default(), &r);
    assert!(md.ends_with("No differences.\n"), "{md}");
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "le", "Le", "noyau", "public", "l’", "l'", "Internet", " ", " ", " ", "\u{a0}", "\n\n",
        ",", ".", "«", "»", "*", "**", "_", "`", "<del>", "</ins>", "<b>", "{++", "--}", "~>",
        "~~", "[a](b)", "![x](y)", "#", "- ", "1. ", "|", "\\", "&amp;", "&", "第", "条",
        "\u{200B}", "\u{202E}", "18", "a)", "<!--", "$x$",
    ]);
    prop::collection::vec(pieces, 1..20).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn redline_renders_both_texts_words(old in text_strategy(), new in text_strategy()) {
        let r = pair_report(&old, &new);
        let md = render(&Markdown::default(), &r);
        assert_no_stray_markup(&md, true);
        if r.summary.differences {
            let (o, n) = sides_of_first_pair(&md);
            // The space that keeps a deletion and its replacement apart
            // may split a word on the page; no character is lost or added.
            let (wo, wn) = (words(&o), words(&new));
            prop_assert_eq!(wo.concat(), words(&old).concat());
            prop_assert!(wo.len() >= words(&old).len());
            prop_assert_eq!(words(&n).concat(), wn.concat());
        }
    }
}
