use super::*;
use crate::{ingest, InputFormat};
use proptest::prelude::*;

fn lineage(texts: &[&str], exact: bool) -> (Vec<Document>, Lineage) {
    let docs: Vec<Document> = texts.iter().map(|t| ingest(t, InputFormat::Text)).collect();
    let l = build(&docs, Vec::new(), &LineageOptions { exact });
    (docs, l)
}

/// The version of the word `w` of the last version (first occurrence).
fn date_of(l: &Lineage, w: &str) -> usize {
    let at = l
        .text
        .find(w)
        .unwrap_or_else(|| panic!("{w:?} not in {:?}", l.text));
    l.provenance
        .iter()
        .find(|s| s.start <= at && at < s.end)
        .map(|s| s.version)
        .unwrap_or_else(|| panic!("{w:?} has no span"))
}

const A: &str =
    "Le Groupe réaffirme qu'un environnement ouvert et sûr est essentiel pour tous les États.";
const B: &str =
    "Les États devraient coopérer pour prévenir les pratiques nuisibles dans le domaine numérique.";
const C: &str = "Le présent rapport contient les conclusions du Groupe sur les menaces existantes.";

#[test]
fn a_moved_renumbered_paragraph_keeps_its_lineage_and_dates() {
    let v0 = format!("1. {A}\n\n2. {B}\n\n3. {C}\n");
    let v1 = format!("1. {C}\n\n2. {A}\n\n3. {B}\n");
    let (_, l) = lineage(&[&v0, &v1], false);
    assert_eq!(
        l.block_ids[1],
        vec![l.block_ids[0][2], l.block_ids[0][0], l.block_ids[0][1]]
    );
    assert!(
        l.provenance.iter().all(|s| s.version == 0),
        "{:?}",
        l.provenance
    );
    let p = &l.paragraphs[l.block_ids[0][0]];
    assert_eq!(p.labels[&1], OneOrMany::One(Some("2".into())));
    assert_eq!(p.status, Status::Present);
}

#[test]
fn split_and_merge_make_child_lineages() {
    let v0 = format!("1. {A} {B}\n\n2. {C}\n");
    let v1 = format!("1. {A}\n\n2. {B}\n\n3. {C}\n");
    let (_, l) = lineage(&[&v0, &v1], false);
    let parent = &l.paragraphs[l.block_ids[0][0]];
    assert_eq!(parent.status, Status::Split);
    assert_eq!(parent.blocks[&1], OneOrMany::Many(vec![0, 1]));
    for b in 0..2 {
        assert_eq!(l.paragraphs[l.block_ids[1][b]].parents, vec![parent.id]);
    }
    assert_eq!(
        date_of(&l, "devraient"),
        0,
        "a split piece keeps its words' dates"
    );
    let (_, m) = lineage(&[&v1, &v0], false);
    let child = &m.paragraphs[m.block_ids[1][0]];
    assert_eq!(child.parents, vec![m.block_ids[0][0], m.block_ids[0][1]]);
    assert_eq!(m.paragraphs[m.block_ids[0][0]].status, Status::Merged);
    assert_eq!(m.descent(0, 1), vec![(0, 0), (1, 0), (2, 1)]);
}

#[test]
fn a_word_deleted_and_restored_dates_from_its_restoration() {
    let v0 = format!("1. {A}\n");
    let v1 = format!("1. {}\n", A.replace(" et sûr", ""));
    let v2 = format!("1. {A}\n");
    let (_, l) = lineage(&[&v0, &v1, &v2], false);
    assert_eq!(date_of(&l, "sûr"), 2);
    assert_eq!(date_of(&l, "environnement"), 0);
    assert_eq!(l.paragraphs[0].changed_in, vec![0, 1, 2]);
    assert_eq!(l.paragraphs[0].last_changed, 2);
    assert!(l.paragraphs[0].changed_after(1) && !l.paragraphs[0].changed_after(2));
}

#[test]
fn typography_keeps_dates_unless_exact() {
    let v0 = format!("1. {A}\n");
    let v1 = format!("1. {}\n", A.replace('\'', "’"));
    let (_, l) = lineage(&[&v0, &v1], false);
    assert_eq!(date_of(&l, "qu’un"), 0);
    assert_eq!(l.paragraphs[0].changed_in, vec![0]);
    let (_, l) = lineage(&[&v0, &v1], true);
    assert_eq!(date_of(&l, "qu’un"), 1);
    assert_eq!(date_of(&l, "Groupe"), 0);
}

#[test]
fn inserted_and_deleted_lineages() {
    let v0 = format!("1. {A}\n\n2. {B}\n");
    let v1 = format!("1. {A}\n\n2. {C}\n");
    let (_, l) = lineage(&[&v0, &v1], false);
    assert_eq!(l.paragraphs.len(), 3);
    assert_eq!(l.paragraphs[1].status, Status::Deleted);
    assert_eq!(l.paragraphs[1].ended_in, Some(1));
    assert_eq!(l.paragraphs[2].first_version(), 1);
    assert_eq!(date_of(&l, "conclusions"), 1);
}

#[test]
fn empty_and_single_series() {
    let l = build(&[], Vec::new(), &LineageOptions::default());
    assert!(l.paragraphs.is_empty() && l.provenance.is_empty());
    let (_, l) = lineage(&[&format!("1. {A}\n")], false);
    assert_eq!(l.paragraphs.len(), 1);
    assert!(l.provenance.iter().all(|s| s.version == 0));
    assert!(l.descent(0, 0).is_empty());
}

fn sentence_pool() -> Vec<String> {
    [A, B, C]
        .iter()
        .flat_map(|s| {
            s.split(' ')
                .collect::<Vec<_>>()
                .chunks(4)
                .map(|c| c.join(" "))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn doc_strategy() -> impl Strategy<Value = String> {
    let pool = sentence_pool();
    let n = pool.len();
    prop::collection::vec(prop::collection::vec(0..n, 1..4), 0..7).prop_map(move |paras| {
        paras
            .iter()
            .enumerate()
            .map(|(i, ws)| {
                let words: Vec<&str> = ws.iter().map(|&w| pool[w].as_str()).collect();
                format!("{}. {}.", i + 1, words.join(" "))
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Between consecutive versions the lineage is exactly `diff`'s pairing,
    /// and non-consecutive descent is the chain's composition.
    #[test]
    fn consecutive_lineage_is_diffs_pairing(texts in prop::collection::vec(doc_strategy(), 2..5)) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (docs, l) = lineage(&refs, false);
        for k in 0..docs.len() - 1 {
            let a = align(&docs[k], &docs[k + 1], &SameOptions::default());
            let mut want: Vec<(usize, usize)> = a.links.iter()
                .flat_map(|x| x.old.iter().flat_map(|&o| x.new.iter().map(move |&n| (o, n))))
                .collect();
            want.sort_unstable();
            prop_assert_eq!(l.step(k), want.clone());
            prop_assert_eq!(l.descent(k, k + 1), want);
        }
        if docs.len() >= 3 {
            let (s0, s1) = (l.step(0), l.step(1));
            let mut comp: Vec<(usize, usize)> = s0.iter()
                .flat_map(|&(a, b)| s1.iter().filter(move |&&(x, _)| x == b).map(move |&(_, c)| (a, c)))
                .collect();
            comp.sort_unstable();
            comp.dedup();
            prop_assert_eq!(l.descent(0, 2), comp);
        }
        // Every block of every version has a lineage, and the provenance
        // covers every word of the last version once.
        for (v, ids) in l.block_ids.iter().enumerate() {
            prop_assert!(ids.iter().all(|&id| id < l.paragraphs.len()), "version {}", v);
        }
        let words: usize = crate::segment::tokenize(&l.text).iter().filter(|t| t.is_wordlike()).count();
        let mut covered = 0;
        for s in &l.provenance {
            prop_assert!(s.version < docs.len());
            covered += crate::segment::tokenize(&l.text[s.start..s.end]).iter().filter(|t| t.is_wordlike()).count();
        }
        prop_assert_eq!(covered, words);
    }
}
