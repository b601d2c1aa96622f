//! Which pairs of accounts a story aligns: each account with the accounts nearest to it in
//! wording, so a story's cost grows with its accounts, not with their pairs. Aligning the
//! pairs and grouping their links is left to `rows`.

use crate::normalize::{hash_bytes, tokens};
use crate::similarity::KeyMap;

/// Each account is aligned with this many accounts, the nearest first. A story of up to five
/// accounts (the usual case) is aligned pair by pair in full; a larger one keeps every account
/// within one hop of its four nearest, and the rows join the rest by transitivity (A~B and B~C
/// put A, B and C in one row). Ten accounts take at most 26 alignments, not 45.
pub(crate) const NEIGHBOURS: usize = 4;

/// Pairs `(i, j)`, `i < j`, ascending: each account with its [`NEIGHBOURS`] nearest accounts
/// (TF-IDF cosine of their words, the rarer in the story the more they count), or every pair
/// when there are few accounts.
pub(crate) fn pairs(texts: &[Vec<String>]) -> Vec<(usize, usize)> {
    let n = texts.len();
    let all = || -> Vec<(usize, usize)> {
        (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect()
    };
    if n <= NEIGHBOURS + 1 {
        return all();
    }
    let docs: Vec<KeyMap<f32>> = texts.iter().map(|t| word_counts(t)).collect();
    let mut df: KeyMap<u32> = KeyMap::default();
    for d in &docs {
        for k in d.keys() {
            *df.entry(*k).or_default() += 1;
        }
    }
    let idf = |k: &u64| ((n as f32 + 1.0) / (df[k] as f32 + 1.0)).ln() + 1.0;
    let vectors: Vec<(KeyMap<f32>, f32)> = docs
        .into_iter()
        .map(|d| {
            let v: KeyMap<f32> = d
                .into_iter()
                .map(|(k, tf)| (k, (1.0 + tf.ln()) * idf(&k)))
                .collect();
            let norm = v.values().map(|w| w * w).sum::<f32>().sqrt();
            (v, norm)
        })
        .collect();
    let cos = |i: usize, j: usize| -> f32 {
        let ((x, nx), (y, ny)) = (&vectors[i], &vectors[j]);
        if *nx == 0.0 || *ny == 0.0 {
            return 0.0;
        }
        let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        let dot: f32 = small
            .iter()
            .filter_map(|(k, w)| large.get(k).map(|v| w * v))
            .sum();
        dot / (nx * ny)
    };
    let mut sim = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = cos(i, j);
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    let mut chosen = vec![false; n * n];
    for i in 0..n {
        let mut others: Vec<usize> = (0..n).filter(|&j| j != i).collect();
        // Nearest first; ties to the earlier account, so the choice is stable.
        others.sort_by(|&x, &y| sim[i * n + y].total_cmp(&sim[i * n + x]).then(x.cmp(&y)));
        for &j in others.iter().take(NEIGHBOURS) {
            chosen[i.min(j) * n + i.max(j)] = true;
        }
    }
    all()
        .into_iter()
        .filter(|&(i, j)| chosen[i * n + j])
        .collect()
}

/// Word counts of one account (word hashes of its sentences' tokens).
fn word_counts(sentences: &[String]) -> KeyMap<f32> {
    let mut out: KeyMap<f32> = KeyMap::default();
    for s in sentences {
        for w in tokens(s).iter() {
            *out.entry(hash_bytes(w.as_bytes())).or_default() += 1.0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(words: &[&str]) -> Vec<String> {
        vec![words.join(" ") + "."]
    }

    #[test]
    fn few_accounts_align_every_pair() {
        let t: Vec<Vec<String>> = (0..5).map(|k| account(&[&format!("w{k}")])).collect();
        assert_eq!(pairs(&t).len(), 10);
    }

    #[test]
    fn many_accounts_align_each_with_its_nearest() {
        // Two families of accounts sharing rare words inside the family only: every account's
        // four nearest are its own family, so no pair crosses the families.
        let t: Vec<Vec<String>> = (0..10)
            .map(|k| {
                let family = if k < 5 {
                    "harbour ferry tide"
                } else {
                    "orchard frost harvest"
                };
                account(&[family, &format!("own{k}"), "the", "said"])
            })
            .collect();
        let p = pairs(&t);
        assert_eq!(p.len(), 20, "{p:?}");
        assert!(p.iter().all(|&(i, j)| (i < 5) == (j < 5)), "{p:?}");
        // Every account takes part in at least four pairs.
        for k in 0..10 {
            assert!(p.iter().filter(|&&(i, j)| i == k || j == k).count() >= NEIGHBOURS);
        }
    }
}
