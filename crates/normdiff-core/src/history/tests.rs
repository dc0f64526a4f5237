//! Tests of the history walk over in-memory sources.

use super::*;
use crate::history::source::Content;

const A: &str =
    "Le Groupe rappelle que les États ont des obligations au titre du droit international.";
const B: &str =
    "Chaque État administre les biens confiés en bon père de famille et rend compte de sa gestion.";
const C: &str =
    "Les normes volontaires et non contraignantes complètent le droit international existant.";
const D: &str =
    "La coopération internationale renforce la sécurité des technologies de l'information.";
const E: &str = "Le Groupe recommande de poursuivre les travaux dans le cadre des Nations Unies.";

fn doc(paras: &[&str]) -> String {
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}. {p}\n\n", i + 1))
        .collect()
}

fn v(id: &str, path: &str, text: &str) -> Version {
    Version::text(
        Revision::new(id, "tester", &format!("{id} message")),
        path,
        text,
    )
}

fn run_with(versions: Vec<Version>, phrase: &str, variants: &[String], batch: usize) -> History {
    let m = Matcher::new(phrase, variants, &MatchOptions::default()).unwrap();
    let opts = TraceOptions {
        batch,
        ..TraceOptions::default()
    };
    trace(&mut VecSource::new(versions), &m, &opts, &mut |_| {}).unwrap()
}

fn run(versions: Vec<Version>) -> History {
    run_with(versions, "bon père de famille", &[], 512)
}

fn kinds(h: &History) -> Vec<(&str, &str, Option<&str>)> {
    h.events
        .iter()
        .map(|e| (e.commit.as_str(), e.kind.name(), e.label.as_deref()))
        .collect()
}

#[test]
fn renumbered_paragraph_keeps_its_identity() {
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B, C])),
        v("2", "a.txt", &doc(&[A, E, B, C])),
    ]);
    assert_eq!(
        kinds(&h),
        [
            ("1", "introduced", Some("2")),
            ("2", "renumbered", Some("3"))
        ]
    );
    assert_eq!(h.events[1].previous_label.as_deref(), Some("2"));
    assert_eq!((h.events[1].count_before, h.events[1].count_after), (1, 1));
}

#[test]
fn moved_paragraph_is_reported_as_moved() {
    let h = run(vec![
        v("1", "a.txt", &format!("{A}\n\n{B}\n\n{C}\n\n{D}\n")),
        v("2", "a.txt", &format!("{A}\n\n{C}\n\n{D}\n\n{B}\n")),
    ]);
    let k = kinds(&h);
    assert_eq!(k[0].1, "introduced");
    assert_eq!(
        k[1..].iter().map(|x| x.1).collect::<Vec<_>>(),
        ["moved"],
        "{k:?}"
    );
}

#[test]
fn removal_gives_the_replacing_words_and_a_redline() {
    let b2 = B.replace("en bon père de famille", "raisonnablement");
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B])),
        v("2", "a.txt", &doc(&[A, &b2])),
    ]);
    let e = &h.events[1];
    assert_eq!(e.kind, EventKind::Removed);
    assert_eq!(e.replaced_by.as_deref(), Some("raisonnablement"));
    assert_eq!(e.before.as_deref(), Some(B));
    assert_eq!(e.after.as_deref(), Some(b2.as_str()));
    let del: String = e
        .redline
        .iter()
        .filter(|p| p.op == PieceOp::Delete)
        .map(|p| p.text.as_str())
        .collect();
    assert!(del.contains("bon père de famille"), "{:?}", e.redline);
}

#[test]
fn changed_sentence_and_reintroduction() {
    let b2 = B.replace("rend compte", "rend régulièrement compte");
    let b3 = b2.replace("en bon père de famille", "avec soin");
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B])),
        v("2", "a.txt", &doc(&[A, &b2])),
        v("3", "a.txt", &doc(&[A, &b3])),
        v("4", "a.txt", &doc(&[A, B])),
    ]);
    let k: Vec<_> = h.events.iter().map(|e| e.kind.name()).collect();
    assert_eq!(k, ["introduced", "changed", "removed", "reintroduced"]);
    assert_eq!(h.events[2].replaced_by.as_deref(), Some("avec soin"));
}

#[test]
fn deleted_file_and_renamed_file() {
    let mut renamed = v("2", "b.txt", &doc(&[A, B]));
    renamed.previous_path = Some("a.txt".into());
    let mut gone = v("3", "b.txt", "");
    gone.content = Content::Deleted;
    let h = run(vec![v("1", "a.txt", &doc(&[A, B])), renamed, gone]);
    let k: Vec<_> = h
        .events
        .iter()
        .map(|e| (e.kind.name(), e.path.as_str()))
        .collect();
    assert_eq!(
        k,
        [
            ("introduced", "a.txt"),
            ("renamed", "b.txt"),
            ("removed", "b.txt")
        ]
    );
    assert_eq!(h.events[1].previous_path.as_deref(), Some("a.txt"));
    assert_eq!(h.events[2].replaced_by, None);
}

#[test]
fn variants_are_reported_separately() {
    let b2 = B.replace("en bon père de famille", "raisonnablement");
    let h = run_with(
        vec![
            v("1", "a.txt", &doc(&[A, B])),
            v("2", "a.txt", &doc(&[A, &b2])),
        ],
        "bon père de famille",
        &["raisonnablement".to_owned()],
        512,
    );
    let k: Vec<_> = h
        .events
        .iter()
        .map(|e| (e.kind.name(), e.variant))
        .collect();
    assert_eq!(
        k,
        [
            ("introduced", false),
            ("removed", false),
            ("introduced", true)
        ]
    );
    assert_eq!(h.events[2].term, "raisonnablement");
}

#[test]
fn undecodable_versions_are_skipped_and_counted() {
    let mut bin = v("2", "a.txt", "");
    bin.content = Content::Bytes(b"PK\x00\x01".to_vec());
    let mut latin1 = v("3", "a.txt", "");
    latin1.content = Content::Bytes(b"bon p\xe8re de famille".to_vec());
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B])),
        bin,
        latin1,
        v("4", "a.txt", &doc(&[A, B])),
    ]);
    assert_eq!(
        (
            h.stats.blobs_binary,
            h.stats.blobs_not_utf8,
            h.stats.blobs_skipped
        ),
        (1, 1, 2)
    );
    assert_eq!(h.skipped.len(), 2);
    // Skipped versions do not interrupt the file's history.
    assert_eq!(h.events.len(), 1);
}

#[test]
fn output_does_not_depend_on_batch_size() {
    let b2 = B.replace("en bon père de famille", "raisonnablement");
    let versions: Vec<Version> = (0..12)
        .map(|i| {
            let body = if i % 3 == 2 {
                doc(&[A, &b2, C])
            } else {
                doc(&[A, B, C])
            };
            v(&format!("{i}"), &format!("f{}.txt", i % 4), &body)
        })
        .collect();
    let big = run_with(versions.clone(), "bon père de famille", &[], 512);
    for batch in [1, 2, 5] {
        let small = run_with(versions.clone(), "bon père de famille", &[], batch);
        assert_eq!(small.events, big.events, "batch {batch}");
    }
    assert!(big.events.len() > 4);
}

/// Retained state stays bounded as history grows: only files carrying the
/// phrase keep a parsed document, whatever the number of versions.
#[test]
fn retained_documents_do_not_grow_with_history() {
    // Twenty files each gain then lose the phrase, one after the other,
    // while a twenty-first keeps it; `rounds` repeats the whole cycle.
    let history = |rounds: usize| {
        let mut vs = Vec::new();
        let mut n = 0;
        for _ in 0..rounds {
            for f in 0..20 {
                let path = format!("f{f}.txt");
                for text in [doc(&[A, B, C]), doc(&[A, D, C])] {
                    n += 1;
                    let id = n.to_string();
                    vs.push(v(&id, &path, &text));
                    vs.push(v(
                        &id,
                        "keep.txt",
                        &doc(&[B, if n % 2 == 0 { C } else { E }]),
                    ));
                }
            }
        }
        vs
    };
    let m = Matcher::new("bon père de famille", &[], &MatchOptions::default()).unwrap();
    let opts = TraceOptions {
        batch: 8,
        ..TraceOptions::default()
    };
    let peak = |rounds| {
        let (h, r) =
            engine::walk(&mut VecSource::new(history(rounds)), &m, &opts, &mut |_| {}).unwrap();
        assert_eq!(
            h.events
                .iter()
                .filter(|e| e.kind == EventKind::Removed)
                .count(),
            20 * rounds
        );
        r
    };
    let (short, long) = (peak(1), peak(5));
    assert_eq!(short, long, "retained state grew with history");
    // At most the file that keeps the phrase and the ones in the batch.
    assert!(long.documents <= 1 + opts.batch, "{long:?}");
    assert_eq!(long.files, 21);
}

/// A paragraph with two sentences, the phrase in the second.
const B2: &str = "Chaque État rend compte de sa gestion. Il administre les biens confiés en bon père de famille.";

#[test]
fn second_occurrence_in_a_version_that_had_it_is_introduced_not_reintroduced() {
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B, C])),
        v("2", "a.txt", &doc(&[A, B, C, B])),
    ]);
    let k: Vec<_> = h.events.iter().map(|e| e.kind.name()).collect();
    assert_eq!(k, ["introduced", "introduced"]);
}

#[test]
fn reintroduced_means_present_then_absent_then_present() {
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B, C])),
        v("2", "a.txt", &doc(&[A, C])),
        v("3", "a.txt", &doc(&[A, C, D])),
        v("4", "a.txt", &doc(&[A, B, C, D])),
    ]);
    let k: Vec<_> = h
        .events
        .iter()
        .map(|e| (e.commit.as_str(), e.kind.name()))
        .collect();
    assert_eq!(
        k,
        [("1", "introduced"), ("2", "removed"), ("4", "reintroduced")]
    );
}

#[test]
fn split_paragraph_keeps_identity() {
    // ¶2 is split in two; the phrase goes with the second half (new ¶3).
    let (first, second) = B2.split_at(B2.find(" Il ").unwrap());
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B2, C])),
        v("2", "a.txt", &doc(&[A, first, second.trim(), C])),
    ]);
    assert_eq!(
        kinds(&h),
        [("1", "introduced", Some("2")), ("2", "changed", Some("3"))]
    );
    assert_eq!(h.events[1].previous_label.as_deref(), Some("2"));
}

#[test]
fn merged_paragraph_keeps_identity_and_its_previous_number() {
    // Old ¶3 (the phrase) merges into ¶2: the event says 3 → 2.
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, C, B, D])),
        v("2", "a.txt", &doc(&[A, &format!("{C} {B}"), D])),
    ]);
    let e = h.events.last().unwrap();
    assert_ne!(e.kind, EventKind::Removed);
    assert_ne!(e.kind, EventKind::Reintroduced);
    assert_eq!(h.events.len(), 2, "{:?}", kinds(&h));
    assert_eq!(e.label.as_deref(), Some("2"));
    assert_eq!(e.previous_label.as_deref(), Some("3"));
}

#[test]
fn renumbering_gives_the_previous_number() {
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, C, D, B])),
        v("2", "a.txt", &doc(&[A, B])),
    ]);
    let e = h.events.last().unwrap();
    assert_eq!(e.kind, EventKind::Renumbered);
    assert_eq!(
        (e.previous_label.as_deref(), e.label.as_deref()),
        (Some("4"), Some("2"))
    );
}

#[test]
fn bracketing_is_flagged_on_a_changed_event() {
    let bracketed = B.replace("bon père de famille", "[bon père de famille]");
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B])),
        v("2", "a.txt", &doc(&[A, &bracketed])),
    ]);
    let e = h.events.last().unwrap();
    assert_eq!(e.kind, EventKind::Changed);
    assert!(!e.bracketed_before && e.bracketed_after);
}

#[test]
fn summary_says_where_the_term_went() {
    let replaced = B.replace("en bon père de famille", "raisonnablement");
    let h = run(vec![
        v("1", "a.txt", &doc(&[A, B])),
        v("2", "a.txt", &doc(&[B, A])),
        v("3", "a.txt", &doc(&[replaced.as_str(), A])),
    ]);
    let s = &h.summary[0];
    assert_eq!(s.term, "bon père de famille");
    let first = s.first.as_ref().unwrap();
    assert_eq!(
        (first.commit.as_str(), first.label.as_deref()),
        ("1", Some("2"))
    );
    let last = s.last_seen.as_ref().unwrap();
    assert_eq!(
        (last.commit.as_str(), last.label.as_deref()),
        ("2", Some("1"))
    );
    assert!(!s.in_last_version);
    assert_eq!(s.replaced_by.len(), 1);
    assert_eq!(s.replaced_by[0].text, "raisonnablement");
    assert_eq!(s.replaced_by[0].version.commit, "3");
}
