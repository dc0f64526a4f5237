use super::*;

fn marked(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    detect(&lines)
        .into_iter()
        .zip(&lines)
        .filter(|(f, _)| *f)
        .map(|(_, l)| clean(l).into_owned())
        .collect()
}

/// A page of `body` lines between pdftotext-like furniture.
fn pdftotext_pages(bodies: &[&str], symbol: &str, job: &str) -> String {
    let n = bodies.len();
    let mut out = String::new();
    for (k, body) in bodies.iter().enumerate() {
        if k > 0 {
            out.push('\u{c}');
            out.push_str(symbol);
            out.push_str("\n\n");
        }
        out.push_str(body);
        out.push_str(&format!("\n\n{job}\n\n{}/{n}\n\n", k + 1));
    }
    out.push('\u{c}');
    out
}

#[test]
fn shapes_of_counters_codes_and_symbols() {
    for t in [
        "3/27",
        "- 3 -",
        "Page 3 of 27",
        "Página 3 de 27",
        "стр. 3",
        "第 3 页",
        "صفحة ٣",
        "３/２７",
        "21-09447 (E)",
        "GE.21-09447",
        "*2109447*",
        "15-16301      1/11",
        "21-09447   (R)   030821   040821",
        "/...",
        "/... A/RES/48/246 Page 2",
    ] {
        assert!(
            matches!(shape(t), Some(Shape::Counter(_) | Shape::Code)),
            "{t}"
        );
    }
    assert_eq!(shape("A/76/135"), Some(Shape::Symbol));
    assert_eq!(shape("A/RES/70/1"), Some(Shape::Symbol));
    assert_eq!(shape("٣"), Some(Shape::Number(3)));
    for t in [
        "3.",
        "(3)",
        "3/",
        "27/3",
        "2021-2030",
        "70/1",
        "The General Assembly,",
        "3. The Group notes that",
        "A/76",
        "A/48/586.",
        "3/",
    ] {
        assert!(
            matches!(shape(t), None | Some(Shape::Number(_))) && shape(t) != Some(Shape::Number(3)),
            "{t}: {:?}",
            shape(t)
        );
    }
}

#[test]
fn pdftotext_headers_footers_and_counters_are_furniture() {
    let bodies = [
        "1. Le Groupe note que les États\ncoopèrent entre eux et",
        "avec les organisations régionales.\n\n2. Suite du texte.",
        "3. Fin du texte.",
    ];
    let text = pdftotext_pages(&bodies, "A/76/135", "21-09447");
    let got = marked(&text);
    assert_eq!(
        got,
        ["21-09447", "1/3", "A/76/135", "21-09447", "2/3", "A/76/135", "21-09447", "3/3"]
    );
}

#[test]
fn labelled_lines_and_single_short_lines_stay() {
    let bodies = [
        "3.\n\nLe Groupe note.\n\n(3)\n\nSuite.",
        "Notes\n\n4. Texte.",
        "Notes\n\n5. Texte.",
    ];
    let text = pdftotext_pages(&bodies, "A/76/135", "21-09447");
    let got = marked(&text);
    assert!(!got.iter().any(|l| l == "3." || l == "(3)"), "{got:?}");
    // "Notes" opens two of three pages: running furniture needs three.
    assert!(!got.iter().any(|l| l == "Notes"), "{got:?}");
    // Typewritten footnote numbers (`3/`) at the foot of three pages stay.
    let bodies = [
        "Texte un\n\n1/\n\nNote.",
        "Texte deux\n\n2/\n\nNote.",
        "Texte trois\n\n3/\n\nNote.",
    ];
    let got = marked(&pdftotext_pages(&bodies, "A/76/135", "21-09447"));
    assert!(!got.iter().any(|l| l.ends_with('/')), "{got:?}");
    // A lone one-off line stays.
    let single = "Le Groupe note.\n\nAnnexe\n\nSuite du texte.";
    assert!(marked(single).is_empty());
}

#[test]
fn a_number_ending_a_paragraph_is_not_a_page_number() {
    // An Arabic target whose last line is "2030", at the foot of a page.
    let text = "بحلول عام\n\n2030\n\n15-16301\n\n3/12\n\u{c}A/RES/70/1\n\nنص.\n\n15-16301\n\n4/12\n\u{c}A/RES/70/1\n\nنص.\n\n5/12\n";
    let got = marked(text);
    assert!(!got.contains(&"2030".to_owned()), "{got:?}");
    assert!(got.contains(&"3/12".to_owned()));
}

#[test]
fn lone_page_numbers_follow_the_page_sequence() {
    let text = "Texte un\n\n1\n\u{c}Texte deux\n\n2\n\u{c}Texte trois\n\n3\n\u{c}";
    assert_eq!(marked(text), ["1", "2", "3"]);
    // Chinese and Russian counters, full-width digits.
    let text = "正文一\n\n第 1 页\n\u{c}正文二\n\n第 2 页\n\u{c}";
    assert_eq!(marked(text), ["第 1 页", "第 2 页"]);
    let text = "Текст один\n\nстр. １\n\u{c}Текст два\n\nстр. ２\n\u{c}";
    assert_eq!(marked(text), ["стр. １", "стр. ２"]);
}

#[test]
fn without_form_feeds_headers_recur_at_a_regular_interval() {
    let mut text = String::new();
    for p in 1..=4 {
        for l in 0..20 {
            text.push_str(&format!("Ligne {l} de la page {p} du texte courant\n"));
        }
        text.push_str(&format!("\nRapport du Groupe d’experts\n\n{p}\n\n"));
    }
    let got = marked(&text);
    assert_eq!(got.len(), 8, "{got:?}");
    // Headings recurring at irregular intervals stay.
    let text = "Article 1\n\nTexte.\n\nArticle 2\n\nTexte.\n\nArticle 3\n\nTexte.";
    assert!(marked(text).is_empty());
}

#[test]
fn layout_footer_and_header_on_consecutive_lines() {
    let text = "corps du texte\net la suite\n\n\n15-16301      1/2\n\u{c}A/RES/70/1\n\n\nsuite du corps\n\n\n15-16301      2/2\n\u{c}";
    assert_eq!(
        marked(text),
        ["15-16301      1/2", "A/RES/70/1", "15-16301      2/2"]
    );
}
