//! Sentence profiles for matching: TF-IDF weighted word and character 4-gram vectors, with the
//! document frequencies computed over the two texts being compared (no outside word lists).
//! Alignment decisions are left to `align`; this module only says how alike sentences are.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::normalize::hash_bytes;

/// Longest prefix of a sentence (in chars) that feeds its profile; keeps a 5 MB "sentence" cheap.
const PROFILE_CHARS: usize = 20_000;
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

fn counts(all: &[String]) -> Counts {
    let mut budget = PROFILE_CHARS;
    let toks: Vec<&String> = all
        .iter()
        .take_while(|w| {
            let fits = budget > 0;
            budget = budget.saturating_sub(w.len() + 1);
            fits
        })
        .collect();
    let mut w: KeyMap<u32> = KeyMap::with_capacity_and_hasher(toks.len(), Default::default());
    for t in &toks {
        *w.entry(hash_bytes(t.as_bytes())).or_default() += 1;
    }
    // Character n-grams over " w1 w2 … " so that compounds and inflections still share most grams.
    let mut chars: Vec<char> = Vec::with_capacity(PROFILE_CHARS.min(budget_len(&toks)) + 2);
    chars.push(' ');
    for t in &toks {
        chars.extend(t.chars());
        chars.push(' ');
    }
    let mut g: KeyMap<u32> = KeyMap::with_capacity_and_hasher(chars.len(), Default::default());
    if chars.len() >= GRAM {
        let mut buf = [0u8; 4 * GRAM];
        for win in chars.windows(GRAM) {
            let mut n = 0;
            for c in win {
                n += c.encode_utf8(&mut buf[n..]).len();
            }
            *g.entry(hash_bytes(&buf[..n]) ^ 0x9e37_79b9_7f4a_7c15)
                .or_default() += 1;
        }
    }
    let mut words: Vec<(u64, u32)> = w.into_iter().collect();
    words.sort_unstable();
    let mut grams: Vec<(u64, u32)> = g.into_iter().collect();
    grams.sort_unstable();
    Counts { words, grams }
}

fn budget_len(toks: &[&String]) -> usize {
    toks.iter().map(|w| w.len() + 1).sum()
}

/// Builds weighted profiles for both sides' tokenised sentences at once, so document
/// frequencies span the pair.
/// Sentences whose `live` flag is false get an empty profile and do not count towards document
/// frequencies.
pub(crate) fn profiles(
    a: &[Vec<String>],
    b: &[Vec<String>],
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
    let mut df_w: KeyMap<u32> = KeyMap::default();
    let mut df_g: KeyMap<u32> = KeyMap::default();
    for c in ca.iter().chain(cb.iter()) {
        for (k, _) in &c.words {
            *df_w.entry(*k).or_default() += 1;
        }
        for (k, _) in &c.grams {
            *df_g.entry(*k).or_default() += 1;
        }
    }
    let n = (live_a.iter().filter(|&&l| l).count() + live_b.iter().filter(|&&l| l).count()) as f32;
    let weigh = |v: &[(u64, u32)], df: &KeyMap<u32>| -> (Sparse, f32) {
        let mut norm2 = 0.0;
        let out: Sparse = v
            .iter()
            .map(|(k, tf)| {
                let d = df.get(k).copied().unwrap_or(1) as f32;
                let idf = ((n + 1.0) / (d + 1.0)).ln() + 1.0;
                let w = (1.0 + (*tf as f32).ln()) * idf;
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

    fn v(s: &[&str]) -> Vec<Vec<String>> {
        s.iter().map(|x| crate::normalize::words(x)).collect()
    }

    fn profiles_all(a: &[Vec<String>], b: &[Vec<String>]) -> (Vec<Profile>, Vec<Profile>) {
        profiles(a, b, &vec![true; a.len()], &vec![true; b.len()])
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
