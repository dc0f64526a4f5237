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
