use super::*;
use proptest::prelude::*;

fn opts() -> DiffOptions {
    DiffOptions::default()
}

/// The diff as wdiff-style text: `[-old-]{+new+}`.
fn wdiff(d: &WordDiff) -> String {
    d.ops
        .iter()
        .map(|o| match o.op {
            OpKind::Equal => o.text.clone(),
            OpKind::Delete => format!("[-{}-]", o.text),
            OpKind::Insert => format!("{{+{}+}}", o.text),
        })
        .collect()
}

fn check_exact(old: &str, new: &str) -> WordDiff {
    let d = diff_text(old, new, &opts());
    assert_eq!(d.old_text(), old);
    assert_eq!(d.new_text(), new);
    d
}

#[test]
fn identical_texts_are_one_equal_op() {
    let d = check_exact("Le Groupe note.", "Le Groupe note.");
    assert_eq!(d.ops.len(), 1);
    assert!(!d.has_changes());
    assert!(diff_text("", "", &opts()).ops.is_empty());
}

#[test]
fn empty_sides() {
    let d = check_exact("", "Nouveau texte.");
    assert_eq!(wdiff(&d), "{+Nouveau texte.+}");
    let d = check_exact("Ancien.", "");
    assert_eq!(wdiff(&d), "[-Ancien.-]");
}

#[test]
fn a_word_replaced() {
    let d = check_exact(
        "le noyau public de l'Internet",
        "le noyau mondial de l'Internet",
    );
    assert_eq!(wdiff(&d), "le noyau [-public-]{+mondial+} de l'Internet");
}

#[test]
fn islands_between_changes_merge_into_one_replacement() {
    let d = check_exact(
        "Les États doivent protéger le noyau public de l'Internet.",
        "Les États devraient préserver le noyau public de l'Internet.",
    );
    assert_eq!(
        wdiff(&d),
        "Les États [-doivent protéger-]{+devraient préserver+} le noyau public de l'Internet."
    );
    let d = check_exact("x a c d y", "x b c e y");
    assert_eq!(wdiff(&d), "x [-a c d-]{+b c e+} y");
}

#[test]
fn long_islands_stay() {
    let d = check_exact(
        "a les infrastructures techniques essentielles b",
        "x les infrastructures techniques essentielles y",
    );
    assert_eq!(
        wdiff(&d),
        "[-a-]{+x+} les infrastructures techniques essentielles [-b-]{+y+}"
    );
}

#[test]
fn typography_case_and_punctuation_are_classed() {
    let d = check_exact(
        "« Le noyau » de l’Internet, et le Groupe",
        "\"Le noyau\" de l'Internet; et le groupe",
    );
    let classes: Vec<_> = d
        .ops
        .iter()
        .filter(|o| o.op == OpKind::Insert)
        .map(|o| (o.text.as_str(), o.class.unwrap()))
        .collect();
    assert_eq!(
        classes,
        vec![
            ("\"", ChangeClass::Typography),
            ("\"", ChangeClass::Typography),
            ("l'", ChangeClass::Typography),
            (";", ChangeClass::Punctuation),
            ("groupe", ChangeClass::Case),
        ]
    );
}

#[test]
fn nbsp_is_typography_and_line_breaks_whitespace() {
    let d = check_exact("article 5\u{a0}: le\nGroupe", "article 5 : le Groupe");
    let classes: Vec<_> = d.ops.iter().filter_map(|o| o.class).collect();
    assert_eq!(
        classes,
        vec![
            ChangeClass::Typography,
            ChangeClass::Typography,
            ChangeClass::Whitespace,
            ChangeClass::Whitespace
        ]
    );
}

#[test]
fn invisible_and_confusable_changes_are_their_own_class() {
    let d = check_exact("le noyau public", "le noy\u{200B}au public");
    let c: Vec<_> = d.ops.iter().filter_map(|o| o.class).collect();
    assert!(c.iter().all(|&c| c == ChangeClass::Invisible), "{c:?}");
    assert!(!c.is_empty());
    let d = check_exact("le noyau public", "le n\u{043E}yau public");
    let c: Vec<_> = d.ops.iter().filter_map(|o| o.class).collect();
    assert_eq!(c, vec![ChangeClass::Confusable, ChangeClass::Confusable]);
    // Next to a substantive change, an invisible one is not swallowed.
    let d = check_exact("le noyau public", "le noy\u{00AD}au mondial");
    let c: Vec<_> = d.ops.iter().filter_map(|o| o.class).collect();
    assert!(c.contains(&ChangeClass::Invisible), "{c:?}");
    assert!(c.contains(&ChangeClass::Substantive), "{c:?}");
}

#[test]
fn cjk_is_diffed_per_character() {
    let d = check_exact("第十八条规定", "第二十条规定");
    assert_eq!(wdiff(&d), "第[-十八-]{+二十+}条规定");
}

#[test]
fn deadline_zero_still_exact() {
    let old = "a b c d e f g ".repeat(200);
    let new = "a x c d y f g ".repeat(200);
    let d = diff_text(
        &old,
        &new,
        &DiffOptions {
            deadline: Some(Duration::ZERO),
            cleanup: true,
        },
    );
    assert_eq!(d.old_text(), old);
    assert_eq!(d.new_text(), new);
}

#[test]
fn deterministic() {
    let a = diff_text("un deux trois quatre", "un trois deux cinq", &opts());
    let b = diff_text("un deux trois quatre", "un trois deux cinq", &opts());
    assert_eq!(a, b);
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "le",
        "Le",
        "noyau",
        "public",
        "l’",
        "l'",
        "Internet",
        " ",
        "  ",
        "\u{a0}",
        "\u{202F}",
        "\n",
        ",",
        ".",
        ";",
        "«",
        "»",
        "\"",
        "—",
        "-",
        "第",
        "十",
        "条",
        "المادة",
        "Статья",
        "n\u{043E}yau",
        "\u{200B}",
        "\u{200D}",
        "\u{FEFF}",
        "\u{AD}",
        "\u{202E}",
        "é",
        "e\u{301}",
        "œ",
        "18",
        "a)",
        "*",
        "<",
        "{++",
        "--}",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ops_rebuild_both_texts(old in text_strategy(), new in text_strategy()) {
        let d = diff_text(&old, &new, &opts());
        prop_assert_eq!(d.old_text(), old);
        prop_assert_eq!(d.new_text(), new);
        for o in &d.ops {
            prop_assert!(!o.text.is_empty());
            prop_assert_eq!(o.class.is_none(), o.op == OpKind::Equal);
        }
    }

    #[test]
    fn ops_rebuild_arbitrary_unicode(old in "\\PC{0,40}", new in "\\PC{0,40}") {
        let d = diff_text(&old, &new, &opts());
        prop_assert_eq!(d.old_text(), old);
        prop_assert_eq!(d.new_text(), new);
    }

    #[test]
    fn ops_rebuild_any_chars(old in any::<String>(), new in any::<String>()) {
        let d = diff_text(&old, &new, &opts());
        prop_assert_eq!(d.old_text(), old);
        prop_assert_eq!(d.new_text(), new);
    }

    /// Long shared openings and endings (the trimmed fast path) around
    /// arbitrary middles: still exact, and the same changes as without
    /// the shared context.
    #[test]
    fn ops_rebuild_with_long_shared_context(
        pre in text_strategy(), mid_old in text_strategy(), mid_new in text_strategy(), suf in text_strategy()
    ) {
        let filler = "Le Groupe d'experts gouvernementaux réaffirme que ";
        let old = format!("{filler}{pre} {mid_old} {suf}{filler}");
        let new = format!("{filler}{pre} {mid_new} {suf}{filler}");
        let d = diff_text(&old, &new, &opts());
        prop_assert_eq!(d.old_text(), old);
        prop_assert_eq!(d.new_text(), new);
        for o in &d.ops {
            prop_assert!(!o.text.is_empty());
            prop_assert_eq!(o.class.is_none(), o.op == OpKind::Equal);
        }
        for w in d.ops.windows(2) {
            prop_assert!(!(w[0].op == OpKind::Equal && w[1].op == OpKind::Equal), "adjacent equal ops");
        }
    }
}
