//! Sentence profiles for matching: TF-IDF weighted word and character 4-gram vectors, with the
//! document frequencies computed over the two texts being compared (no outside word lists).
//! Alignment decisions are left to `align`; this module only says how alike sentences are.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::normalize::{FNV_OFFSET, Tokens, fnv_step, hash_bytes};

/// Longest prefix of a sentence (in bytes of its tokens) that feeds its profile; keeps a 5 MB "sentence" cheap.
pub(crate) const PROFILE_CHARS: usize = 20_000;
const GRAM: usize = 4;

/// Feature keys are already well-mixed 64-bit hashes; hashing them again is wasted work.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// A sparse vector, sorted by feature key.
pub(crate) type Sparse = Vec<(u64, f32)>;

/// How one sentence looks to the matcher.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    pub words: Sparse,
    pub grams: Sparse,
    pub words_norm2: f32,
    pub grams_norm2: f32,
}

/// Raw term counts of one sentence before weighting.
struct Counts {
    words: Vec<(u64, u32)>,
    grams: Vec<(u64, u32)>,
}

/// Buffers that one [`profiles`] call reuses for every sentence: the keys in text order, sorted,
/// and counted, instead of three fresh vectors a sentence (issue 17).
#[derive(Default)]
struct Scratch {
    keys: Vec<u64>,
    sorted: Vec<u64>,
    runs: Vec<(u64, u32)>,
}

impl Scratch {
    /// Term counts of the keys gathered in `keys`, in a vector of their own size.
    fn tally(&mut self) -> Vec<(u64, u32)> {
        sort_keys(&self.keys, &mut self.sorted);
        run_lengths(&self.sorted, &mut self.runs);
        self.runs.clone()
    }
}

fn counts(t: &Tokens, s: &mut Scratch) -> Counts {
    let text = t.prefix(PROFILE_CHARS);
    s.keys.clear();
    word_keys(text, &mut s.keys);
    let words = s.tally();
    // Character n-grams over " w1 w2 … " so that compounds and inflections still share most grams.
    s.keys.clear();
    if text.is_ascii() {
        ascii_gram_keys(text.as_bytes(), &mut s.keys);
    } else {
        let mut padded = String::with_capacity(text.len() + 2);
        padded.push(' ');
        padded.push_str(text);
        padded.push(' ');
        s.keys.extend(gram_keys(&padded));
    }
    let grams = s.tally();
    Counts { words, grams }
}

/// The FNV-1a hash of each word of a matching key (tokens joined by single spaces), hashed in
/// the same pass that finds the spaces: splitting first cost more than the hashing.
fn word_keys(text: &str, out: &mut Vec<u64>) {
    let mut h = FNV_OFFSET;
    let mut open = false;
    for &c in text.as_bytes() {
        if c == b' ' {
            if open {
                out.push(h);
            }
            (h, open) = (FNV_OFFSET, false);
        } else {
            (h, open) = (fnv_step(h, c), true);
        }
    }
    if open {
        out.push(h);
    }
}

/// Keys of the grams of ASCII `text` padded with a space at each end: there every window of
/// four bytes is a gram of four characters. The window rolls a byte at a step, so the padded
/// copy is never built.
fn ascii_gram_keys(text: &[u8], out: &mut Vec<u64>) {
    if text.len() < GRAM - 2 {
        return;
    }
    out.reserve(text.len() - 1);
    // The window's first byte is its lowest, as `gram_key` packs it.
    let roll = |w: u32, c: u8| (w >> 8) | (u32::from(c) << 24);
    let mut w = roll(0, b' ');
    for (p, &c) in text.iter().enumerate() {
        w = roll(w, c);
        if p >= GRAM - 2 {
            out.push(packed_gram_key(w));
        }
    }
    out.push(packed_gram_key(roll(w, b' ')));
}

/// Keys of the character 4-grams of any text (see `counts` for the ASCII shortcut).
fn gram_keys(padded: &str) -> Vec<u64> {
    let starts: Vec<usize> = padded
        .char_indices()
        .map(|(i, _)| i)
        .chain([padded.len()])
        .collect();
    if starts.len() <= GRAM {
        return Vec::new();
    }
    starts
        .windows(GRAM + 1)
        .map(|w| gram_key(&padded.as_bytes()[w[0]..w[GRAM]]))
        .collect()
}

/// The key of one gram, the same whichever path found it. Four bytes (four ASCII characters)
/// are their own key: packed, then mixed by an odd multiplier and an xor-shift (each a
/// bijection, so distinct grams never collide). The shift matters: the identity-hashed maps
/// index buckets by the low bits, and after the multiply alone those depend only on the first
/// characters, which piled a long text's grams into a few buckets. Longer grams are hashed.
fn gram_key(g: &[u8]) -> u64 {
    match *g {
        [a, b, c, d] => packed_gram_key(u32::from_le_bytes([a, b, c, d])),
        _ => hash_bytes(g) ^ 0x9e37_79b9_7f4a_7c15,
    }
}

/// [`gram_key`] of four bytes packed little-endian.
#[inline(always)]
fn packed_gram_key(g: u32) -> u64 {
    let x = u64::from(g).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 32)
}

/// Counts equal runs of sorted keys into `out`: a term-count vector without a hash map.
fn run_lengths(keys: &[u64], out: &mut Vec<(u64, u32)>) {
    out.clear();
    let Some(&first) = keys.first() else {
        return;
    };
    let mut run = (first, 0u32);
    for &k in keys {
        if k == run.0 {
            run.1 += 1;
        } else {
            out.push(run);
            run = (k, 1);
        }
    }
    out.push(run);
}

/// Keys up to which [`sort_keys`] buckets them (past it, the buckets fill and `sort_unstable`
/// is the better sort) and from which (below it, the bucket table is not worth its set-up).
const BUCKETED: std::ops::Range<usize> = 32..1024;

/// Sorts feature keys into `out`. Keys are well-mixed hashes, so their top six bits spread a
/// sentence's ~130 gram keys over 64 buckets a couple each: one counting pass places every key
/// in its bucket and an insertion pass puts the few out of order right (issue 17: sorting was a
/// twentieth of a revision pair). Unmixed keys would only make the insertion pass longer.
fn sort_keys(keys: &[u64], out: &mut Vec<u64>) {
    out.clear();
    if !BUCKETED.contains(&keys.len()) {
        out.extend_from_slice(keys);
        out.sort_unstable();
        return;
    }
    let bucket = |k: u64| (k >> 58) as usize;
    let mut start = [0usize; 65];
    for &k in keys {
        start[bucket(k) + 1] += 1;
    }
    for b in 1..start.len() {
        start[b] += start[b - 1];
    }
    out.resize(keys.len(), 0);
    for &k in keys {
        let b = bucket(k);
        out[start[b]] = k;
        start[b] += 1;
    }
    for i in 1..out.len() {
        let k = out[i];
        let mut j = i;
        while j > 0 && out[j - 1] > k {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = k;
    }
}

/// The feature keys of one pair, each numbered in the order first seen and counted once per
/// sentence that holds it (its document frequency). Ids are found through an open-addressed
/// table probed linearly from a key's low bits: keys are mixed hashes, so most probes end at the
/// first slot, where a general hash map cost several times that per feature (issue 17).
struct Features {
    /// Id + 1 of the key in each slot; 0 is a free slot.
    slots: Vec<u32>,
    keys: Vec<u64>,
    df: Vec<u32>,
}

impl Features {
    /// Room for `n` sentence features before the table grows (capped: two long unrelated
    /// texts, whose keys mostly repeat, would reserve far more than they fill). A revision's
    /// changed sentences share about half their features (over 500 corpus pairs, `n` features
    /// held 0.53·n distinct words and 0.50·n distinct grams), so 1.5·n slots seldom fill to
    /// their limit. At most half the slots are taken, so a probe always meets a free slot.
    fn with_room(n: usize) -> Self {
        let n = n.clamp(4, 1 << 16);
        Features {
            slots: vec![0; (n + n / 2).next_power_of_two()],
            keys: Vec::with_capacity(n / 2),
            df: Vec::with_capacity(n / 2),
        }
    }

    /// The id of `k`, counting one more sentence that holds it.
    #[inline(always)]
    fn count(&mut self, k: u64) -> u32 {
        let i = self.slot(k);
        if let Some(id) = self.slots[i].checked_sub(1) {
            self.df[id as usize] += 1;
            return id;
        }
        let id = self.keys.len() as u32;
        self.slots[i] = id + 1;
        self.keys.push(k);
        self.df.push(1);
        if 2 * self.keys.len() > self.slots.len() {
            self.grow();
        }
        id
    }

    /// The slot that holds `k`, or the free slot where it belongs.
    #[inline(always)]
    fn slot(&self, k: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = k as usize & mask;
        while let Some(id) = self.slots[i].checked_sub(1) {
            if self.keys[id as usize] == k {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    #[cold]
    fn grow(&mut self) {
        self.slots = vec![0; 2 * self.slots.len()];
        for id in 0..self.keys.len() {
            let i = self.slot(self.keys[id]);
            self.slots[i] = id as u32 + 1;
        }
    }
}

/// Builds weighted profiles for both sides' tokenised sentences at once, so document
/// frequencies span the pair.
/// Sentences whose `live` flag is false get an empty profile and do not count towards document
/// frequencies.
pub(crate) fn profiles(
    a: &[Tokens],
    b: &[Tokens],
    live_a: &[bool],
    live_b: &[bool],
) -> (Vec<Profile>, Vec<Profile>) {
    let mut scratch = Scratch::default();
    let mut count = |t: &[Tokens], live: &[bool]| -> Vec<Counts> {
        t.iter()
            .zip(live)
            .map(|(s, &l)| match l {
                true => counts(s, &mut scratch),
                false => Counts {
                    words: Vec::new(),
                    grams: Vec::new(),
                },
            })
            .collect()
    };
    let (mut ca, mut cb) = (count(a, live_a), count(b, live_b));
    // Each count's key is replaced by its feature id: the weighing reads the key and its
    // document frequency back by id, without a second look-up.
    let mut words = Features::with_room(ca.iter().chain(&cb).map(|c| c.words.len()).sum());
    let mut grams = Features::with_room(ca.iter().chain(&cb).map(|c| c.grams.len()).sum());
    for c in ca.iter_mut().chain(cb.iter_mut()) {
        for (k, _) in c.words.iter_mut() {
            *k = u64::from(words.count(*k));
        }
        for (k, _) in c.grams.iter_mut() {
            *k = u64::from(grams.count(*k));
        }
    }
    let n = (live_a.iter().filter(|&&l| l).count() + live_b.iter().filter(|&&l| l).count()) as f32;
    // Both logarithms take small integers: tabulate them once instead of per feature.
    let idf_of: Vec<f32> = (0..=n as usize)
        .map(|d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
        .collect();
    let tf_of: Vec<f32> = (0..64).map(|t: u32| 1.0 + (t.max(1) as f32).ln()).collect();
    // The weight of each feature id's document frequency, looked up once per id.
    let idf = |f: &Features| -> Vec<f32> {
        let top = idf_of.len() - 1;
        f.df.iter()
            .map(|&d| idf_of[(d as usize).min(top)])
            .collect()
    };
    let (idf_w, idf_g) = (idf(&words), idf(&grams));
    // The weights replace the counts in place: both pairs are a u64 and four bytes.
    let weigh = |v: Vec<(u64, u32)>, f: &Features, idf: &[f32]| -> (Sparse, f32) {
        let mut norm2 = 0.0;
        let out: Sparse = v
            .into_iter()
            .map(|(id, tf)| {
                let tf = tf_of
                    .get(tf as usize)
                    .copied()
                    .unwrap_or_else(|| 1.0 + (tf as f32).ln());
                let w = tf * idf[id as usize];
                norm2 += w * w;
                (f.keys[id as usize], w)
            })
            .collect();
        (out, norm2)
    };
    let build = |c: Counts| {
        let (words, words_norm2) = weigh(c.words, &words, &idf_w);
        let (grams, grams_norm2) = weigh(c.grams, &grams, &idf_g);
        Profile {
            words,
            grams,
            words_norm2,
            grams_norm2,
        }
    };
    (
        ca.into_iter().map(build).collect(),
        cb.into_iter().map(build).collect(),
    )
}

/// Dot product of two sorted sparse vectors.
pub(crate) fn dot(x: &[(u64, f32)], y: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Word and gram dot products of each old sentence `i` with the new sentences `lo[i]..hi[i]`,
/// row after row. Large blocks go through an inverted index of the new side, so a pair costs
/// only the features it shares, not a merge over both sentences' features (two unrelated long
/// texts are one large block). Sums are taken in the same key order either way.
pub(crate) fn band_dots(
    a: &[Profile],
    b: &[Profile],
    lo: &[usize],
    hi: &[usize],
) -> Vec<(f32, f32)> {
    let total: usize = lo.iter().zip(hi).map(|(l, h)| h - l).sum();
    let mut out: Vec<(f32, f32)> = Vec::with_capacity(total);
    if total < 256 {
        for (i, ai) in a.iter().enumerate() {
            out.extend(b[lo[i]..hi[i]].iter().map(|bj| dots(ai, bj)));
        }
        return out;
    }
    // Postings in ascending sentence order, so each row's band is a contiguous slice.
    let mut words: KeyMap<Vec<(u32, f32)>> = KeyMap::default();
    let mut grams: KeyMap<Vec<(u32, f32)>> = KeyMap::default();
    for (j, bj) in b.iter().enumerate() {
        for &(k, w) in &bj.words {
            words.entry(k).or_default().push((j as u32, w));
        }
        for &(k, w) in &bj.grams {
            grams.entry(k).or_default().push((j as u32, w));
        }
    }
    let add = |row: &mut [(f32, f32)],
               feats: &Sparse,
               index: &KeyMap<Vec<(u32, f32)>>,
               l: usize,
               h: usize,
               gram: bool| {
        for (k, wa) in feats {
            let Some(list) = index.get(k) else { continue };
            let from = list.partition_point(|x| (x.0 as usize) < l);
            for &(j, wb) in list[from..].iter().take_while(|x| (x.0 as usize) < h) {
                let cell = &mut row[j as usize - l];
                if gram {
                    cell.1 += wa * wb;
                } else {
                    cell.0 += wa * wb;
                }
            }
        }
    };
    for (i, ai) in a.iter().enumerate() {
        let (l, h) = (lo[i], hi[i]);
        let start = out.len();
        out.resize(start + (h - l), (0.0, 0.0));
        let row = &mut out[start..];
        add(row, &ai.words, &words, l, h, false);
        add(row, &ai.grams, &grams, l, h, true);
    }
    out
}

/// Word and gram dot products of two profiles.
pub(crate) fn dots(x: &Profile, y: &Profile) -> (f32, f32) {
    (dot(&x.words, &y.words), dot(&x.grams, &y.grams))
}

/// Cosine of two (possibly summed) vectors from their dot product and squared norms.
pub(crate) fn cosine(dot: f32, n1: f32, n2: f32) -> f32 {
    if n1 <= 0.0 || n2 <= 0.0 {
        0.0
    } else {
        (dot / (n1 * n2).sqrt()).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<Tokens> {
        s.iter().map(|x| crate::normalize::tokens(x)).collect()
    }

    fn profiles_all(a: &[Tokens], b: &[Tokens]) -> (Vec<Profile>, Vec<Profile>) {
        profiles(a, b, &vec![true; a.len()], &vec![true; b.len()])
    }

    #[test]
    fn grams_key_the_same_in_ascii_and_accented_sentences() {
        let mut s = Scratch::default();
        let ascii = counts(&crate::normalize::tokens("the river rose"), &mut s);
        let wide = counts(&crate::normalize::tokens("the river rose über"), &mut s);
        assert!(
            ascii
                .grams
                .iter()
                .all(|g| wide.grams.iter().any(|w| w.0 == g.0))
        );
    }

    #[test]
    fn ascii_gram_keys_spread_over_low_bits() {
        // Grams that share their first two characters must still land in many buckets.
        let keys: std::collections::HashSet<u64> = (b'a'..=b'z')
            .flat_map(|c| (b'a'..=b'z').map(move |d| gram_key(&[b't', b'h', c, d]) & 0xff))
            .collect();
        assert!(keys.len() > 200, "{} of 256 buckets", keys.len());
    }

    proptest::proptest! {
        #[test]
        fn keys_sort_as_sort_unstable_sorts_them(
            keys in proptest::collection::vec(proptest::num::u64::ANY, 0..1200),
            narrow in proptest::bool::ANY,
        ) {
            // Narrow keys share their top bits: one bucket holds them all.
            let keys: Vec<u64> = if narrow { keys.iter().map(|k| k % 1000).collect() } else { keys };
            let mut want = keys.clone();
            want.sort_unstable();
            let mut got = vec![7];
            sort_keys(&keys, &mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #[test]
        fn rolled_ascii_grams_are_the_windows_of_the_padded_text(text in "[a-z0-9 .,]{0,40}") {
            let mut rolled = Vec::new();
            ascii_gram_keys(text.as_bytes(), &mut rolled);
            proptest::prop_assert_eq!(rolled, gram_keys(&format!(" {text} ")));
        }

        #[test]
        fn word_keys_hash_each_space_separated_word(text in "[a-z ]{0,40}") {
            let mut got = Vec::new();
            word_keys(&text, &mut got);
            let want: Vec<u64> = text
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| hash_bytes(w.as_bytes()))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn run_lengths_count_each_key(mut keys in proptest::collection::vec(0u64..6, 0..40)) {
            keys.sort_unstable();
            let mut want: Vec<(u64, u32)> = Vec::new();
            for &k in &keys {
                match want.iter_mut().find(|(w, _)| *w == k) {
                    Some((_, n)) => *n += 1,
                    None => want.push((k, 1)),
                }
            }
            let mut got = vec![(9, 9)];
            run_lengths(&keys, &mut got);
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn features_number_keys_and_count_them_through_growth(
            keys in proptest::collection::vec(0u64..200, 0..300),
            shift in 0u32..40,
        ) {
            // Shifted keys share their low bits: the probes run long and the table grows.
            let mut f = Features::with_room(4);
            let mut want: std::collections::HashMap<u64, u32> = Default::default();
            for &k in &keys {
                let k = k << shift;
                let id = f.count(k) as usize;
                proptest::prop_assert_eq!(f.keys[id], k);
                *want.entry(k).or_default() += 1;
                proptest::prop_assert_eq!(f.df[id], want[&k]);
            }
            proptest::prop_assert_eq!(f.keys.len(), want.len());
        }
    }

    #[test]
    fn identical_sentences_have_cosine_one_and_unrelated_near_zero() {
        let (a, b) = profiles_all(
            &v(&["The mayor opened the new bridge on Monday."]),
            &v(&[
                "The mayor opened the new bridge on Monday.",
                "Rain fell over the harbour.",
            ]),
        );
        let (w, g) = dots(&a[0], &b[0]);
        assert!((cosine(w, a[0].words_norm2, b[0].words_norm2) - 1.0).abs() < 1e-4);
        assert!((cosine(g, a[0].grams_norm2, b[0].grams_norm2) - 1.0).abs() < 1e-4);
        let (w, _) = dots(&a[0], &b[1]);
        assert!(cosine(w, a[0].words_norm2, b[1].words_norm2) < 0.2);
    }
}
