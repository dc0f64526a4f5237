//! Tests of the cross-language aligner on small texts in several scripts.

use super::*;
use crate::{ingest, InputFormat};

fn doc(text: &str) -> Document {
    ingest(text, InputFormat::Text)
}

fn pairs(al: &CrossAlignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    al.links
        .iter()
        .map(|l| (l.source.clone(), l.target.clone()))
        .collect()
}

#[test]
fn empty_documents() {
    let al = align(&doc(""), &doc(""), &CrossOptions::default());
    assert!(al.links.is_empty());
    let al = align(&doc("Un.\n"), &doc(""), &CrossOptions::default());
    assert_eq!(pairs(&al), vec![(vec![0], vec![])]);
    assert_eq!(al.links[0].score, 0.0);
}

macro_rules! fixture {
    ($p:literal) => {
        include_str!(concat!("../../../../../fixtures/translations/", $p))
    };
}

fn one_to_one(n: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
    (0..n).map(|i| (vec![i], vec![i])).collect()
}

#[test]
fn udhr_articles_in_arabic_chinese_russian() {
    let en = doc(fixture!("udhr/en.txt"));
    for other in [
        fixture!("udhr/ar.txt"),
        fixture!("udhr/zh.txt"),
        fixture!("udhr/ru.txt"),
    ] {
        let t = doc(other);
        // Labels key alike in every script.
        let keys: Vec<_> = t
            .blocks
            .iter()
            .filter_map(|b| b.label_key.clone())
            .collect();
        assert_eq!(keys, vec!["art:1", "art:2", "art:3"]);
        for (s, t) in [(&en, &t), (&t, &en)] {
            let al = align(s, t, &CrossOptions::default());
            assert!(al.covers(s.blocks.len(), t.blocks.len()));
            assert_eq!(pairs(&al), one_to_one(8));
            // Article headings match by label: near-certain links.
            assert!(al.links[1].score > 0.99 && al.links[3].score > 0.99);
        }
    }
}

#[test]
fn anchors_find_the_missing_paragraph() {
    let en = doc(fixture!("anchors/en.txt"));
    let want = vec![
        (vec![0], vec![0]),
        (vec![1], vec![]),
        (vec![2], vec![1]),
        (vec![3], vec![2]),
    ];
    for other in [
        fixture!("anchors/ar.txt"),
        fixture!("anchors/zh.txt"),
        fixture!("anchors/ru.txt"),
    ] {
        let t = doc(other);
        let al = align(&en, &t, &CrossOptions::default());
        assert_eq!(pairs(&al), want);
        assert!(al
            .links
            .iter()
            .all(|l| l.target.is_empty() || l.score > 0.9));
        // And the other way round.
        let back = align(&t, &en, &CrossOptions::default());
        let flipped: Vec<_> = want.iter().map(|(a, b)| (b.clone(), a.clone())).collect();
        assert_eq!(pairs(&back), flipped);
    }
}

#[test]
fn glossary_anchors_decide_between_equal_lengths() {
    // Two target paragraphs of the same length in swapped order: without a
    // glossary the DP keeps document order; the glossary shows the
    // crossing is not there, and raises the score of the right links.
    let s = doc("Le noyau public de l'Internet.\n\nLes infrastructures de santé.\n");
    let t = doc("The public core of the Internet.\n\nThe health infrastructure.\n");
    let plain = align(&s, &t, &CrossOptions::default());
    let glossary = Glossary {
        entries: vec![
            GlossaryEntry {
                source: vec!["noyau public".into()],
                target: vec!["public core".into()],
            },
            GlossaryEntry {
                source: vec!["santé".into()],
                target: vec!["health".into()],
            },
        ],
    };
    let with = align(&s, &t, &CrossOptions { glossary });
    assert_eq!(pairs(&with), one_to_one(2));
    for (p, w) in plain.links.iter().zip(&with.links) {
        assert!(w.score > p.score, "{} > {}", w.score, p.score);
    }
}

#[test]
fn deterministic() {
    let a = doc(fixture!("udhr/en.txt"));
    let b = doc(fixture!("udhr/zh.txt"));
    let x = align(&a, &b, &CrossOptions::default());
    let y = align(&a, &b, &CrossOptions::default());
    assert_eq!(x, y);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn alignment_covers_every_block_once(
        src in proptest::collection::vec("[a-zé 0-9/.,;:()«»]{0,60}", 0..12),
        tgt in proptest::collection::vec("[a-zа-я١٢ 0-9/.,;:]{0,60}", 0..12),
    ) {
        let s = doc(&src.join("\n\n"));
        let t = doc(&tgt.join("\n\n"));
        let al = align(&s, &t, &CrossOptions::default());
        proptest::prop_assert!(al.covers(s.blocks.len(), t.blocks.len()));
        for l in &al.links {
            proptest::prop_assert!((0.0..=1.0).contains(&l.score));
            proptest::prop_assert!(l.source.len() <= 2 && l.target.len() <= 2);
            proptest::prop_assert!(!(l.source.is_empty() && l.target.is_empty()));
        }
        // Monotone: indexes only grow.
        let src_order: Vec<usize> = al.links.iter().flat_map(|l| l.source.clone()).collect();
        proptest::prop_assert!(src_order.windows(2).all(|w| w[0] < w[1]));
    }
}
