//! Engine benchmarks (divan): compare on synthetic article pairs of named sizes and on
//! pathological inputs. How to run: see benches/README.md.

use parallax_engine::synth::{article_pair, corpus_article};
use parallax_engine::{CompareOptions, compare};

/// The allocator of the `parallax` binary, so the figures are those of `batch` and `bench`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

#[divan::bench(args = [700, 2_000, 20_000, 200_000], sample_count = 20)]
fn article_pair_15pct(bencher: divan::Bencher, words: usize) {
    let (a, b) = article_pair(words, 0.15, 42);
    let o = CompareOptions::default();
    bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), &o));
}

/// Consecutive versions of the first synthetic corpus articles (`synth::corpus_article`, seed
/// 42, as `parallax bench --write-corpus` writes them): 150-1,200 words, ~700 on average, most
/// revisions editing a few sentences. The time per pair is the time divided by `REVISIONS`.
#[divan::bench(sample_count = 20)]
fn corpus_revisions(bencher: divan::Bencher) {
    let pairs: Vec<(String, String)> = (0..)
        .flat_map(|k| {
            let v = corpus_article(k, 42);
            v.windows(2)
                .map(|w| (w[0].clone(), w[1].clone()))
                .collect::<Vec<_>>()
        })
        .take(REVISIONS)
        .collect();
    let o = CompareOptions::default();
    bencher
        .counter(divan::counter::ItemsCount::new(REVISIONS))
        .bench(|| {
            for (a, b) in &pairs {
                divan::black_box(compare(divan::black_box(a), divan::black_box(b), &o));
            }
        });
}

const REVISIONS: usize = 200;

/// Two unrelated texts: nothing anchors, so one gap spans both and the aligner works in a band.
#[divan::bench(args = [2_000, 20_000], sample_count = 5)]
fn unrelated_pair(bencher: divan::Bencher, words: usize) {
    let (a, _) = article_pair(words, 0.15, 1);
    let (b, _) = article_pair(words, 0.15, 2);
    let o = CompareOptions::default();
    bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), &o));
}

#[divan::bench(sample_count = 5)]
fn five_megabyte_line(bencher: divan::Bencher) {
    let a = "word ".repeat(1_000_000);
    let b = format!("{a}extra");
    let o = CompareOptions::default();
    bencher.bench(|| compare(&a, &b, &o));
}

#[divan::bench(sample_count = 5)]
fn fifty_thousand_identical_sentences(bencher: divan::Bencher) {
    let a = "The same sentence again. ".repeat(50_000);
    let b = format!("{a} And one more at the end.");
    let o = CompareOptions::default();
    bencher.bench(|| compare(&a, &b, &o));
}

#[divan::bench(sample_count = 5)]
fn random_bytes(bencher: divan::Bencher) {
    // A fixed xorshift stream: deterministic "random" bytes, decoded lossily as a caller would.
    let bytes = parallax_engine::synth::noise_bytes(400_000);
    let a = String::from_utf8_lossy(&bytes[..200_000]).into_owned();
    let b = String::from_utf8_lossy(&bytes[200_000..]).into_owned();
    let o = CompareOptions::default();
    bencher.bench(|| compare(&a, &b, &o));
}
