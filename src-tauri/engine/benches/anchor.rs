//! Highlight resolution benchmarks (divan): 100 highlights on a long synthetic article resolved on
//! its revision, with the comparison made once beforehand (as the reader does when it switches
//! version) and including it. How to run: see benches/README.md.

use parallax_engine::{Anchor, CompareOptions, Comparison, Resolver, compare, synth::article_pair};

fn main() {
    divan::main();
}

/// The comparison of a `words`-word article with its ~15% revision, and 100 anchors spread over
/// its left side: a five-word passage from the middle of every k-th sentence.
fn fixture(words: usize) -> (String, String, Comparison, Vec<Anchor>) {
    let (a, b) = article_pair(words, 0.15, 42);
    let c = compare(&a, &b, &CompareOptions::default());
    let r = Resolver::new(&c);
    let step = (c.left.len() / 100).max(1);
    let anchors: Vec<Anchor> = c
        .left
        .iter()
        .enumerate()
        .step_by(step)
        .filter_map(|(i, s)| {
            let words: Vec<&str> = s.text.split_whitespace().collect();
            let from = words.len().saturating_sub(5) / 2;
            let quote = words[from..(from + 5).min(words.len())].join(" ");
            r.anchor(&quote, Some(i))
        })
        .take(100)
        .collect();
    assert_eq!(anchors.len(), 100);
    (a, b, c, anchors)
}

#[divan::bench(args = [5_000, 20_000], sample_count = 20)]
fn resolve_100_highlights(bencher: divan::Bencher, words: usize) {
    let (_, _, c, anchors) = fixture(words);
    bencher.bench(|| {
        let r = Resolver::new(divan::black_box(&c));
        anchors.iter().map(|a| r.resolve(a)).collect::<Vec<_>>()
    });
}

#[divan::bench(args = [5_000, 20_000], sample_count = 10)]
fn compare_and_resolve_100_highlights(bencher: divan::Bencher, words: usize) {
    let (a, b, _, anchors) = fixture(words);
    let o = CompareOptions::default();
    bencher.bench(|| {
        let c = compare(divan::black_box(&a), divan::black_box(&b), &o);
        let r = Resolver::new(&c);
        anchors.iter().map(|x| r.resolve(x)).collect::<Vec<_>>()
    });
}
