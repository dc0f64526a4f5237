//! A bilingual lexicon induced from the document pair itself.
//!
//! No dictionary and no model: the paragraphs that the monotone pass links
//! with high confidence are a small parallel corpus, and words that keep
//! occurring in the same linked pairs translate each other (`poverty` and
//! `нищета`, `贫困` and `pauvreté`). This is the first step of IBM Model 1
//! (co-occurrence counts over aligned sentence pairs) with the Dice
//! coefficient as the association: `2·c(s,t) / (c(s) + c(t))`, counted
//! once per linked pair, kept when a pair of words co-occurs at least
//! [`MIN_COOCCUR`] times.
//!
//! Words are reduced to [`word_keys`]: the loose key (case, accents and
//! Arabic vowel marks folded) cut to its first [`STEM`] letters (a crude
//! stem that joins inflected forms in Latin, Cyrillic and Arabic script,
//! after the Arabic article `ال`), and for Chinese, written without
//! spaces, every character and every pair of adjacent characters.
//!
//! [`Lexicon::support`] scores a pair of paragraphs (how well each word of
//! one finds a translation in the other); [`Lexicon::word_links`] pairs
//! the words of two paragraphs, for locating a phrase in a translation.

use super::words::{words, Word};
use crate::fxhash::FxHashMap;
use crate::segment::{is_letter, TokenKind};

/// Letters of a word's loose key kept as its stem.
pub const STEM: usize = 5;

/// Minimum co-occurrences (linked pairs) for two words to be associated.
pub const MIN_COOCCUR: u32 = 2;

/// A word key: a hash of the stem (stable across runs).
pub type WordKey = u64;

/// One word of a text: its key and its span in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyedWord {
    /// The word's key.
    pub key: WordKey,
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
}

/// The stem of a word's loose key: its first [`STEM`] letters (after the
/// Arabic article), written into `buf`; returns the stem's bytes and its
/// number of letters (no allocation: this runs for every word).
fn stem<'b>(loose: &str, buf: &'b mut [u8; 4 * STEM]) -> (&'b [u8], usize) {
    let mut s = loose;
    // The Arabic article (and the conjunction before it) is a prefix.
    for prefix in ["وال", "بال", "لل", "ال"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if rest.chars().count() >= 3 {
                s = rest;
                break;
            }
        }
    }
    let (mut len, mut n) = (0, 0);
    for c in s.chars().filter(|&c| is_letter(c)).take(STEM) {
        len += c.encode_utf8(&mut buf[len..]).len();
        n += 1;
    }
    (&buf[..len], n)
}

/// The keyed words of `text`, in order. Numbers are left out (they are
/// anchors already), and so are words of fewer than three letters.
pub fn word_keys(text: &str) -> Vec<KeyedWord> {
    word_keys_of(text, &words(text))
}

/// [`word_keys`] of `text` already cut into `words`.
pub fn word_keys_of(text: &str, words: &[Word]) -> Vec<KeyedWord> {
    let mut out = Vec::with_capacity(words.len());
    let mut prev_ideo: Option<(usize, &str)> = None;
    let mut buf = [0u8; 4 * STEM];
    for Word { token: t, loose } in words {
        let w = t.text(text);
        match t.kind {
            TokenKind::Ideograph => {
                out.push(KeyedWord {
                    key: hash(w),
                    start: t.start,
                    end: t.end,
                });
                if let Some((start, p)) = prev_ideo {
                    out.push(KeyedWord {
                        key: hash_pair(p, w),
                        start,
                        end: t.end,
                    });
                }
                prev_ideo = Some((t.start, w));
                continue;
            }
            TokenKind::Word => {
                let (s, letters) = stem(loose, &mut buf);
                if letters >= 3 {
                    out.push(KeyedWord {
                        key: crate::fxhash::hash_bytes(s),
                        start: t.start,
                        end: t.end,
                    });
                }
            }
            _ => {}
        }
        prev_ideo = None;
    }
    out
}

fn hash(s: &str) -> WordKey {
    crate::fxhash::hash_bytes(s.as_bytes())
}

/// The key of two adjacent ideographs: the hash of their text together,
/// without allocating when they fit in a small buffer.
fn hash_pair(a: &str, b: &str) -> WordKey {
    let mut buf = [0u8; 16];
    let n = a.len() + b.len();
    if n > buf.len() {
        return hash(&format!("{a}{b}"));
    }
    buf[..a.len()].copy_from_slice(a.as_bytes());
    buf[a.len()..n].copy_from_slice(b.as_bytes());
    crate::fxhash::hash_bytes(&buf[..n])
}

/// The distinct keys of `text`, sorted.
pub fn key_set(text: &str) -> Vec<WordKey> {
    key_set_of(text, &words(text))
}

/// [`key_set`] of `text` already cut into `words`.
pub fn key_set_of(text: &str, words: &[Word]) -> Vec<WordKey> {
    let mut k: Vec<WordKey> = word_keys_of(text, words)
        .into_iter()
        .map(|w| w.key)
        .collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// Word associations learnt from linked paragraph pairs.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Dice association of (source key, target key), sorted by the pair
    /// (empty in the half lexicons of [`Lexicon::learn_with_halves`]).
    assoc: Vec<((WordKey, WordKey), f32)>,
    /// Each source key's best associations, strongest first.
    by_source: FxHashMap<WordKey, Vec<(WordKey, f32)>>,
    /// Each target key's best associations, strongest first.
    by_target: FxHashMap<WordKey, Vec<(WordKey, f32)>>,
}

/// Associations kept per word for [`Lexicon::support`].
pub const TOP: usize = 8;

/// The order of a word's associations: strongest first, ties by key (a
/// total order, since the keys of a list are distinct).
fn stronger(a: &(WordKey, f32), b: &(WordKey, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Offers association `e` to a word's list of its [`TOP`] strongest,
/// kept in [`stronger`] order: after any sequence of offers the list is
/// the first [`TOP`] of all the offered sorted, without holding them all.
fn offer(list: &mut Vec<(WordKey, f32)>, e: (WordKey, f32)) {
    if list.len() >= TOP {
        if stronger(&e, &list[TOP - 1]).is_ge() {
            return;
        }
        list.truncate(TOP - 1);
    }
    let at = list.partition_point(|x| stronger(x, &e).is_lt());
    list.insert(at, e);
}

/// The best association of `word` with a key of `other` (sorted), from
/// its list `best`.
fn best_in(best: &[(WordKey, f32)], other: &[WordKey], filter: &KeyFilter) -> f32 {
    best.iter()
        .find(|(k, _)| filter.may_hold(*k) && other.binary_search(k).is_ok())
        .map_or(0.0, |&(_, v)| v)
}

/// A block made ready by [`Lexicon::prepare`].
#[derive(Debug, Clone)]
pub struct Prepared {
    filter: KeyFilter,
    known: Vec<Vec<(WordKey, f32)>>,
}

/// A set of keys by their top [`KeyFilter::BITS`] bits: a key it does not
/// hold is certainly not among the keys it was built from, so most
/// searches of [`Lexicon::support`] stop at one bit test.
#[derive(Debug, Clone)]
struct KeyFilter([u64; 1 << (KeyFilter::BITS - 6)]);

impl KeyFilter {
    /// Bits of the key kept (a 4,096-bit set: word keys are hashes, whose
    /// top bits are the best mixed).
    const BITS: u32 = 12;

    fn of(keys: &[WordKey]) -> KeyFilter {
        let mut f = KeyFilter([0; 1 << (KeyFilter::BITS - 6)]);
        for &k in keys {
            let h = (k >> (64 - Self::BITS)) as usize;
            f.0[h >> 6] |= 1 << (h & 63);
        }
        f
    }

    fn may_hold(&self, k: WordKey) -> bool {
        let h = (k >> (64 - Self::BITS)) as usize;
        self.0[h >> 6] & (1 << (h & 63)) != 0
    }
}

/// Occurrence counts of each key over the linked pairs, split by the
/// parity of the pair's index (for the two half lexicons).
type Counts = FxHashMap<WordKey, [u32; 2]>;

fn count_keys<'a>(sides: impl Iterator<Item = &'a [WordKey]>) -> Counts {
    let mut c = Counts::default();
    for (k, side) in sides.enumerate() {
        for &a in side {
            c.entry(a).or_default()[k % 2] += 1;
        }
    }
    c
}

/// Dense ids of the keys seen at least [`MIN_COOCCUR`] times (a key seen
/// less cannot co-occur enough), and each pair's side as those ids.
fn dense(sides: &[&[WordKey]], counts: &Counts) -> (Vec<WordKey>, Vec<Vec<u32>>) {
    let mut ids: FxHashMap<WordKey, u32> = FxHashMap::default();
    let mut keys = Vec::new();
    let per_pair = sides
        .iter()
        .map(|side| {
            side.iter()
                .filter(|a| counts[a][0] + counts[a][1] >= MIN_COOCCUR)
                .map(|&a| {
                    *ids.entry(a).or_insert_with(|| {
                        keys.push(a);
                        (keys.len() - 1) as u32
                    })
                })
                .collect()
        })
        .collect();
    (keys, per_pair)
}

impl Lexicon {
    /// Learns from `pairs`: the distinct keys of each side of linked
    /// paragraphs ([`key_set`]).
    pub fn learn<'a>(pairs: impl IntoIterator<Item = (&'a [WordKey], &'a [WordKey])>) -> Lexicon {
        let pairs: Vec<_> = pairs.into_iter().collect();
        Self::learn_with_halves(&pairs).0
    }

    /// [`Lexicon::learn`], also returning the two half lexicons learnt on
    /// the pairs of odd and of even index (in that order; they answer
    /// [`Lexicon::support`] only). One counting pass serves all three:
    /// keys seen once are dropped first, and co-occurrences are counted in
    /// a dense array per source key over the pairs holding it.
    pub fn learn_with_halves(pairs: &[(&[WordKey], &[WordKey])]) -> (Lexicon, [Lexicon; 2]) {
        let cs = count_keys(pairs.iter().map(|p| p.0));
        let ct = count_keys(pairs.iter().map(|p| p.1));
        let (s_keys, s_ids) = dense(&pairs.iter().map(|p| p.0).collect::<Vec<_>>(), &cs);
        let (t_keys, t_ids) = dense(&pairs.iter().map(|p| p.1).collect::<Vec<_>>(), &ct);
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); s_keys.len()];
        for (k, ids) in s_ids.iter().enumerate() {
            ids.iter()
                .for_each(|&a| postings[a as usize].push(k as u32));
        }
        let mut out = [Growing::new(true), Growing::new(false), Growing::new(false)];
        let mut cnt = vec![[0u32; 2]; t_keys.len()];
        // Each target key's occurrences, by dense id (not hashed per pair).
        let t_counts: Vec<[u32; 2]> = t_keys.iter().map(|b| ct[b]).collect();
        let mut touched: Vec<u32> = Vec::new();
        // Source keys in key order, each row in target key order: the
        // associations come out sorted (no sort of them all at the end).
        let mut order: Vec<usize> = (0..s_keys.len()).collect();
        order.sort_unstable_by_key(|&a| s_keys[a]);
        for a in order {
            for &k in &postings[a] {
                for &b in &t_ids[k as usize] {
                    let c = &mut cnt[b as usize];
                    if c[0] + c[1] == 0 {
                        touched.push(b);
                    }
                    c[k as usize % 2] += 1;
                }
            }
            let ka = cs[&s_keys[a]];
            touched.sort_unstable_by_key(|&b| t_keys[b as usize]);
            for b in touched.drain(..) {
                let c = std::mem::take(&mut cnt[b as usize]);
                let kb = t_counts[b as usize];
                let dice = |c: u32, n: u32| 2.0 * c as f32 / n as f32;
                if c[0] + c[1] >= MIN_COOCCUR {
                    let v = dice(c[0] + c[1], ka[0] + ka[1] + kb[0] + kb[1]);
                    out[0].push(b, v);
                }
                // Half 0 learns from the odd pairs, half 1 from the even.
                for (h, par) in [(1, 1), (2, 0)] {
                    if c[par] >= MIN_COOCCUR {
                        out[h].push(b, dice(c[par], ka[par] + kb[par]));
                    }
                }
            }
            out.iter_mut()
                .for_each(|g| g.end_source(s_keys[a], &t_keys));
        }
        let [full, h0, h1] = out.map(|g| g.finish(&t_keys));
        (full, [h0, h1])
    }
}

/// A lexicon being learnt, one source key at a time: associations in
/// dense target ids until the end.
struct Growing {
    lex: Lexicon,
    /// Keep every association in [`Lexicon::assoc`]?
    keep_all: bool,
    /// The current source key's associations.
    row: Vec<(WordKey, f32)>,
    /// Each dense target id's associations.
    by_target: Vec<Vec<(WordKey, f32)>>,
    /// Dense target ids associated with the current source key.
    row_ids: Vec<(u32, f32)>,
}

impl Growing {
    /// A lexicon that keeps every association (`keep_all`), or a half
    /// lexicon that answers [`Lexicon::support`] only.
    fn new(keep_all: bool) -> Growing {
        Growing {
            lex: Lexicon::default(),
            keep_all,
            row: Vec::new(),
            by_target: Vec::new(),
            row_ids: Vec::new(),
        }
    }

    fn push(&mut self, b: u32, v: f32) {
        self.row_ids.push((b, v));
    }

    /// Files the current source key `a`'s associations.
    fn end_source(&mut self, a: WordKey, t_keys: &[WordKey]) {
        if self.row_ids.is_empty() {
            return;
        }
        if self.by_target.len() < t_keys.len() {
            self.by_target.resize(t_keys.len(), Vec::new());
        }
        self.row.clear();
        for &(b, v) in &self.row_ids {
            offer(&mut self.row, (t_keys[b as usize], v));
            offer(&mut self.by_target[b as usize], (a, v));
            if self.keep_all {
                self.lex.assoc.push(((a, t_keys[b as usize]), v));
            }
        }
        self.row_ids.clear();
        self.lex.by_source.insert(a, self.row.clone());
    }

    fn finish(mut self, t_keys: &[WordKey]) -> Lexicon {
        for (b, list) in self.by_target.into_iter().enumerate() {
            if !list.is_empty() {
                self.lex.by_target.insert(t_keys[b], list);
            }
        }
        debug_assert!(self.lex.assoc.is_sorted_by_key(|e| e.0));
        self.lex
    }
}

impl Lexicon {
    /// How many word pairs the lexicon holds.
    pub fn len(&self) -> usize {
        self.assoc.len()
    }

    /// Is the lexicon empty (nothing learnt)?
    pub fn is_empty(&self) -> bool {
        self.assoc.is_empty()
    }

    /// The association of source key `a` and target key `b` (0 if none).
    pub fn assoc(&self, a: WordKey, b: WordKey) -> f32 {
        self.assoc
            .binary_search_by_key(&(a, b), |e| e.0)
            .map_or(0.0, |k| self.assoc[k].1)
    }

    /// Support for `s` and `t` (distinct keys, sorted) translating each
    /// other, 0 to 1: for each known word of either side, its best
    /// association (among its [`TOP`]) with a word of the other side,
    /// averaged over both sides. `None` when neither side has a known
    /// word.
    pub fn support(&self, s: &[WordKey], t: &[WordKey]) -> Option<f64> {
        let (mut sum, mut n) = (0.0f64, 0usize);
        for (side, other, lists) in [(s, t, &self.by_source), (t, s, &self.by_target)] {
            let filter = KeyFilter::of(other);
            for best in side.iter().filter_map(|a| lists.get(a)) {
                sum += f64::from(best_in(best, other, &filter));
                n += 1;
            }
        }
        (n > 0).then(|| sum / n as f64)
    }

    /// One block's keys made ready for many [`Lexicon::support_prepared`]
    /// calls: its key filter, and the association lists of its known
    /// words (looked up once, in key order), as a source block
    /// (`as_source`) or a target block.
    pub fn prepare(&self, keys: &[WordKey], as_source: bool) -> Prepared {
        let lists = if as_source {
            &self.by_source
        } else {
            &self.by_target
        };
        Prepared {
            filter: KeyFilter::of(keys),
            known: keys.iter().filter_map(|a| lists.get(a).cloned()).collect(),
        }
    }

    /// [`Lexicon::support`] of a source block `s` and a target block `t`
    /// prepared by [`Lexicon::prepare`]: the same value, without hashing
    /// each known word and building the key filters at every call.
    pub fn support_prepared(
        s: &[WordKey],
        sp: &Prepared,
        t: &[WordKey],
        tp: &Prepared,
    ) -> Option<f64> {
        let (mut sum, mut n) = (0.0f64, 0usize);
        for (known, other, filter) in [(&sp.known, t, &tp.filter), (&tp.known, s, &sp.filter)] {
            for best in known {
                sum += f64::from(best_in(best, other, filter));
                n += 1;
            }
        }
        (n > 0).then(|| sum / n as f64)
    }

    /// For each word of `s` (in order), the index of its best-associated
    /// word in `t`, when the association reaches `min`.
    pub fn word_links(&self, s: &[KeyedWord], t: &[KeyedWord], min: f32) -> Vec<Option<usize>> {
        s.iter()
            .map(|a| {
                t.iter()
                    .enumerate()
                    .map(|(j, b)| (j, self.assoc(a.key, b.key)))
                    .filter(|&(_, v)| v >= min)
                    .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
                    .map(|(j, _)| j)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stem_words_and_pair_ideographs() {
        let en = word_keys("Poverty, poverties and 2030");
        assert_eq!(en.len(), 3);
        assert_eq!(en[0].key, en[1].key);
        let zh = word_keys("消除贫困");
        // 4 characters and 3 pairs.
        assert_eq!(zh.len(), 7);
        let ar = word_keys("الفقر فقر");
        assert_eq!(ar.len(), 2);
        assert_eq!(ar[0].key, ar[1].key);
    }

    #[test]
    fn learns_translations_from_linked_pairs() {
        let pairs = [
            ("end poverty everywhere", "ликвидировать нищету повсюду"),
            ("reduce poverty by half", "сократить нищету вдвое"),
            ("ensure healthy lives", "обеспечить здоровый образ жизни"),
            ("healthy food everywhere", "здоровое питание повсюду"),
        ];
        let sets: Vec<(Vec<WordKey>, Vec<WordKey>)> = pairs
            .iter()
            .map(|(a, b)| (key_set(a), key_set(b)))
            .collect();
        let lex = Lexicon::learn(sets.iter().map(|(a, b)| (a.as_slice(), b.as_slice())));
        let s = key_set("poverty");
        assert!(lex.assoc(s[0], key_set("нищета")[0]) > 0.9);
        let good = lex.support(&key_set("poverty everywhere"), &key_set("нищета повсюду"));
        let bad = lex.support(&key_set("poverty everywhere"), &key_set("здоровое питание"));
        assert!(good.unwrap() > bad.unwrap());
        for (a, b) in [
            ("poverty everywhere", "нищета повсюду"),
            ("poverty everywhere", "здоровое питание"),
            ("healthy lives", "сократить"),
            ("nothing known", "ничего"),
        ] {
            let (s, t) = (key_set(a), key_set(b));
            let (sp, tp) = (lex.prepare(&s, true), lex.prepare(&t, false));
            let prepared = Lexicon::support_prepared(&s, &sp, &t, &tp);
            assert_eq!(prepared, lex.support(&s, &t), "{a} / {b}");
        }
        let links = lex.word_links(
            &word_keys("the poverty"),
            &word_keys("здоровое нищета"),
            0.5,
        );
        assert_eq!(links, vec![None, Some(1)]);
    }

    /// The associations by direct counting in a map of every word pair
    /// (the way they were learnt before the dense counting).
    fn naive(pairs: &[(&[WordKey], &[WordKey])]) -> Vec<((WordKey, WordKey), f32)> {
        let mut cs: FxHashMap<WordKey, u32> = FxHashMap::default();
        let mut ct: FxHashMap<WordKey, u32> = FxHashMap::default();
        let mut cst: FxHashMap<(WordKey, WordKey), u32> = FxHashMap::default();
        for (s, t) in pairs {
            s.iter().for_each(|&a| *cs.entry(a).or_default() += 1);
            t.iter().for_each(|&b| *ct.entry(b).or_default() += 1);
            for &a in *s {
                for &b in *t {
                    *cst.entry((a, b)).or_default() += 1;
                }
            }
        }
        let mut out: Vec<_> = cst
            .into_iter()
            .filter(|&(_, c)| c >= MIN_COOCCUR)
            .map(|((a, b), c)| ((a, b), 2.0 * c as f32 / (cs[&a] + ct[&b]) as f32))
            .collect();
        out.sort_unstable_by_key(|e| e.0);
        out
    }

    proptest::proptest! {
        /// Offering associations one by one keeps the strongest, as
        /// sorting them all and keeping the first would.
        #[test]
        fn offers_keep_the_strongest_in_order(
            vals in proptest::collection::btree_map(0u64..60, 0u8..6, 0..30)
        ) {
            let all: Vec<(WordKey, f32)> = vals.into_iter().map(|(k, v)| (k, f32::from(v) / 4.0)).collect();
            let mut want = all.clone();
            want.sort_by(stronger);
            want.truncate(TOP);
            for rotation in [0, all.len() / 2] {
                let mut list = Vec::new();
                let mut order = all.clone();
                order.rotate_left(rotation);
                order.iter().rev().for_each(|&e| offer(&mut list, e));
                proptest::prop_assert_eq!(&list, &want);
            }
        }
    }

    proptest::proptest! {
        /// The dense counting learns exactly the associations of direct
        /// counting, and each half lexicon those of its half of the pairs.
        #[test]
        fn dense_counting_equals_direct_counting(
            raw in proptest::collection::vec(
                (proptest::collection::btree_set(0u64..30, 0..12),
                 proptest::collection::btree_set(100u64..130, 0..12)),
                0..25,
            )
        ) {
            let sets: Vec<(Vec<WordKey>, Vec<WordKey>)> = raw
                .into_iter()
                .map(|(a, b)| (a.into_iter().collect(), b.into_iter().collect()))
                .collect();
            let pairs: Vec<(&[WordKey], &[WordKey])> =
                sets.iter().map(|(a, b)| (a.as_slice(), b.as_slice())).collect();
            let (full, halves) = Lexicon::learn_with_halves(&pairs);
            proptest::prop_assert_eq!(&full.assoc, &naive(&pairs));
            for (h, par) in [(0, 1), (1, 0)] {
                let part: Vec<_> = pairs.iter().skip(par).step_by(2).copied().collect();
                let want = naive(&part);
                for &((a, b), v) in &want {
                    let got = halves[h].by_source.get(&a).and_then(|l| l.iter().find(|e| e.0 == b));
                    // Only the TOP strongest are kept per word.
                    if let Some(&(_, g)) = got {
                        proptest::prop_assert_eq!(g, v);
                    }
                }
                let kept: usize = halves[h].by_source.values().map(Vec::len).sum();
                let expect: usize = {
                    let mut per: FxHashMap<WordKey, usize> = FxHashMap::default();
                    want.iter().for_each(|e| *per.entry(e.0 .0).or_default() += 1);
                    per.values().map(|&n| n.min(TOP)).sum()
                };
                proptest::prop_assert_eq!(kept, expect);
            }
        }
    }
}
