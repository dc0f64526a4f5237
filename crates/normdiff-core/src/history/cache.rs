//! Documents and block alignments shared between traces over the same
//! texts.
//!
//! `check` runs one trace per watch entry over the same two versions of
//! each file, and builds its own diff report of each file: without a shared
//! cache every entry would parse and align the file again. A trace started
//! with [`TraceOptions::cache`](super::TraceOptions::cache) takes its
//! documents and alignments from here. `trace` itself walks each version
//! once and needs none.

use crate::align::same::{align, SameOptions};
use crate::align::Link;
use crate::fxhash::FxHashMap;
use crate::model::Document;
use crate::{ingest, InputFormat};
use std::sync::{Arc, Mutex, PoisonError};

/// Parsed documents keyed by text and input format, and alignments keyed
/// by pair of documents. One cache serves one set of [`SameOptions`].
/// Thread-safe; the work is done outside the locks (two threads may then
/// parse the same text at once, and one result is kept).
#[derive(Default)]
pub struct DocumentCache {
    /// Text → its documents.
    docs: Mutex<FxHashMap<Arc<str>, Readings>>,
    /// (old document, new document), by address → the two documents (kept
    /// alive, so that no other document can take their addresses) and the
    /// links of their alignment.
    links: Mutex<FxHashMap<(usize, usize), Aligned>>,
}

impl std::fmt::Debug for DocumentCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let docs = self.docs.lock().map_or(0, |d| d.len());
        let links = self.links.lock().map_or(0, |l| l.len());
        write!(f, "DocumentCache {{ texts: {docs}, alignments: {links} }}")
    }
}

/// A text's document read as plain text, and read as Markdown.
type Readings = [Option<Arc<Document>>; 2];

/// Two documents and the links of their alignment.
type Aligned = (Arc<Document>, Arc<Document>, Arc<Vec<Link>>);

fn slot(format: InputFormat) -> usize {
    match format {
        InputFormat::Text => 0,
        InputFormat::Markdown => 1,
    }
}

impl DocumentCache {
    /// An empty cache.
    pub fn new() -> DocumentCache {
        DocumentCache::default()
    }

    /// The document of `text` read as `format`, ingested on first request.
    pub fn document(&self, text: &str, format: InputFormat) -> Arc<Document> {
        // (A poisoned lock is used anyway: no map is ever left half-written.)
        if let Some(d) = self
            .docs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(text)
            .and_then(|slots| slots[slot(format)].clone())
        {
            return d;
        }
        let doc = Arc::new(ingest(text, format));
        let mut docs = self.docs.lock().unwrap_or_else(PoisonError::into_inner);
        let slots = docs.entry(Arc::from(text)).or_default();
        slots[slot(format)].get_or_insert(doc).clone()
    }

    /// The links of `align(old, new, opts)`, computed on first request for
    /// this pair of documents.
    pub fn links(
        &self,
        old: &Arc<Document>,
        new: &Arc<Document>,
        opts: &SameOptions,
    ) -> Arc<Vec<Link>> {
        let key = (Arc::as_ptr(old) as usize, Arc::as_ptr(new) as usize);
        if let Some((_, _, l)) = self
            .links
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            return l.clone();
        }
        let links = Arc::new(align(old, new, opts).links);
        let mut map = self.links.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = map
            .entry(key)
            .or_insert_with(|| (old.clone(), new.clone(), links));
        entry.2.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_is_parsed_and_each_pair_aligned_once() {
        let cache = DocumentCache::new();
        let (a, b) = (
            "1. Le Groupe note.\n\n2. Autre.\n",
            "1. Le Groupe a noté.\n\n2. Autre.\n",
        );
        let a1 = cache.document(a, InputFormat::Text);
        // (Another string with the same text.)
        let copy = String::from(a);
        let a2 = cache.document(copy.as_str(), InputFormat::Text);
        assert!(Arc::ptr_eq(&a1, &a2), "same text, same document");
        let a_md = cache.document(a, InputFormat::Markdown);
        assert!(
            !Arc::ptr_eq(&a1, &a_md),
            "another reading, another document"
        );
        let b1 = cache.document(b, InputFormat::Text);
        let opts = SameOptions::default();
        let l1 = cache.links(&a1, &b1, &opts);
        let l2 = cache.links(&a2, &b1, &opts);
        assert!(Arc::ptr_eq(&l1, &l2), "same pair, same alignment");
        assert_eq!(*l1, align(&a1, &b1, &opts).links);
        assert_eq!(
            format!("{cache:?}"),
            "DocumentCache { texts: 2, alignments: 1 }"
        );
    }
}
