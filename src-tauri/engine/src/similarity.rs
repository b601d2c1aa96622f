//! Sentence profiles for matching: TF-IDF weighted word and character 4-gram vectors, with the
//! document frequencies computed over the two texts being compared (no outside word lists).
//! Alignment decisions are left to `align`; this module only says how alike sentences are.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::normalize::{Tokens, hash_bytes};

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

fn counts(t: &Tokens) -> Counts {
    let text = t.prefix(PROFILE_CHARS);
    let words: Vec<u64> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| hash_bytes(w.as_bytes()))
        .collect();
    // Character n-grams over " w1 w2 … " so that compounds and inflections still share most grams.
    // Built by hand: `format!` cost ten times the copy (issue 17).
    let mut padded = String::with_capacity(text.len() + 2);
    padded.push(' ');
    padded.push_str(text);
    padded.push(' ');
    let grams: Vec<u64> = if padded.is_ascii() {
        // Every window of four bytes is a gram of four characters.
        padded.as_bytes().windows(GRAM).map(gram_key).collect()
    } else {
        gram_keys(&padded)
    };
    Counts {
        words: run_lengths(sort_keys(words)),
        grams: run_lengths(sort_keys(grams)),
    }
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
        [a, b, c, d] => {
            let x = u64::from(u32::from_le_bytes([a, b, c, d])).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            x ^ (x >> 32)
        }
        _ => hash_bytes(g) ^ 0x9e37_79b9_7f4a_7c15,
    }
}

/// Counts equal runs of sorted keys: a term-count vector without a hash map.
fn run_lengths(keys: Vec<u64>) -> Vec<(u64, u32)> {
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// Keys up to which [`sort_keys`] buckets them (past it, the buckets fill and `sort_unstable`
/// is the better sort) and from which (below it, the bucket table is not worth its set-up).
const BUCKETED: std::ops::Range<usize> = 32..1024;

/// Sorts feature keys. Keys are well-mixed hashes, so their top six bits spread a sentence's
/// ~130 gram keys over 64 buckets a couple each: one counting pass places every key in its
/// bucket and an insertion pass puts the few out of order right (issue 17: sorting was a
/// twentieth of a revision pair). Unmixed keys would only make the insertion pass longer.
fn sort_keys(mut keys: Vec<u64>) -> Vec<u64> {
    if !BUCKETED.contains(&keys.len()) {
        keys.sort_unstable();
        return keys;
    }
    let bucket = |k: u64| (k >> 58) as usize;
    let mut start = [0usize; 65];
    for &k in &keys {
        start[bucket(k) + 1] += 1;
    }
    for b in 1..start.len() {
        start[b] += start[b - 1];
    }
    let mut out = vec![0u64; keys.len()];
    for &k in &keys {
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
    out
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
    let empty = || Counts {
        words: Vec::new(),
        grams: Vec::new(),
    };
    let ca: Vec<Counts> = a
        .iter()
        .zip(live_a)
        .map(|(s, &l)| if l { counts(s) } else { empty() })
        .collect();
    let cb: Vec<Counts> = b
        .iter()
        .zip(live_b)
        .map(|(s, &l)| if l { counts(s) } else { empty() })
        .collect();
    // Sized up front so small inputs never rehash (a tenth of the maps' cost); the cap keeps two
    // long unrelated texts, whose keys mostly repeat, from reserving far more than they fill.
    let sized = |n: usize| KeyMap::with_capacity_and_hasher(n.min(1 << 16), Default::default());
    let mut df_w: KeyMap<u32> = sized(ca.iter().chain(&cb).map(|c| c.words.len()).sum());
    let mut df_g: KeyMap<u32> = sized(ca.iter().chain(&cb).map(|c| c.grams.len()).sum());
    for c in ca.iter().chain(cb.iter()) {
        for (k, _) in &c.words {
            *df_w.entry(*k).or_default() += 1;
        }
        for (k, _) in &c.grams {
            *df_g.entry(*k).or_default() += 1;
        }
    }
    let n = (live_a.iter().filter(|&&l| l).count() + live_b.iter().filter(|&&l| l).count()) as f32;
    // Both logarithms take small integers: tabulate them once instead of per feature.
    let idf_of: Vec<f32> = (0..=n as usize)
        .map(|d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
        .collect();
    let tf_of: Vec<f32> = (0..64).map(|t: u32| 1.0 + (t.max(1) as f32).ln()).collect();
    let weigh = |v: &[(u64, u32)], df: &KeyMap<u32>| -> (Sparse, f32) {
        let mut norm2 = 0.0;
        let out: Sparse = v
            .iter()
            .map(|(k, tf)| {
                let d = df.get(k).copied().unwrap_or(1) as usize;
                let idf = idf_of[d.min(idf_of.len() - 1)];
                let tf = tf_of
                    .get(*tf as usize)
                    .copied()
                    .unwrap_or_else(|| 1.0 + (*tf as f32).ln());
                let w = tf * idf;
                norm2 += w * w;
                (*k, w)
            })
            .collect();
        (out, norm2)
    };
    let build = |c: &Counts| {
        let (words, words_norm2) = weigh(&c.words, &df_w);
        let (grams, grams_norm2) = weigh(&c.grams, &df_g);
        Profile {
            words,
            grams,
            words_norm2,
            grams_norm2,
        }
    };
    (
        ca.iter().map(build).collect(),
        cb.iter().map(build).collect(),
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
        let ascii = counts(&crate::normalize::tokens("the river rose"));
        let wide = counts(&crate::normalize::tokens("the river rose über"));
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
            proptest::prop_assert_eq!(sort_keys(keys), want);
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
