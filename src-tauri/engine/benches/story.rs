//! Story benchmarks (divan): `story` on ten synthetic accounts of 2,000 words each. How to run:
//! see benches/README.md.

use parallax_engine::{story::story, synth::article_pair};

fn main() {
    divan::main();
}

/// Ten accounts of 2,000 words: one article and nine revisions of it with 5% to 45% of
/// sentences edited, replaced, removed, added or moved (seed 42).
fn related_accounts() -> Vec<(String, String)> {
    let mut out = vec![("account 0".to_string(), article_pair(2_000, 0.0, 42).0)];
    for k in 1..10 {
        out.push((
            format!("account {k}"),
            article_pair(2_000, 0.05 * k as f64, 42).1,
        ));
    }
    out
}

/// Ten unrelated 2,000-word articles: nothing anchors, every pair is one banded gap.
fn unrelated_accounts() -> Vec<(String, String)> {
    (0..10)
        .map(|k| (format!("account {k}"), article_pair(2_000, 0.0, 100 + k).0))
        .collect()
}

fn refs(a: &[(String, String)]) -> Vec<(&str, &str)> {
    a.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect()
}

#[divan::bench(sample_count = 20)]
fn ten_related_accounts_2000_words(bencher: divan::Bencher) {
    let a = related_accounts();
    let r = refs(&a);
    bencher.bench(|| story(divan::black_box(&r)));
}

#[divan::bench(sample_count = 10)]
fn ten_unrelated_accounts_2000_words(bencher: divan::Bencher) {
    let a = unrelated_accounts();
    let r = refs(&a);
    bencher.bench(|| story(divan::black_box(&r)));
}

/// One pair of the ten related accounts (the base and its 15% revision): the cost of one of the
/// 45 pairwise alignments the ten-account story makes.
#[divan::bench(sample_count = 20)]
fn two_related_accounts_2000_words(bencher: divan::Bencher) {
    let a = related_accounts();
    let r = [refs(&a)[0], refs(&a)[3]];
    bencher.bench(|| story(divan::black_box(&r)));
}
