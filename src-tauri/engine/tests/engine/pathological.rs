//! Pathological inputs return a result (generous bounds, not timing assertions): a 5 MB line,
//! 50,000 identical sentences, random bytes, empty texts.

use std::time::{Duration, Instant};

use parallax_engine::{CompareOptions, compare};

fn run(old: &str, new: &str) -> (parallax_engine::Comparison, Duration) {
    let t = Instant::now();
    let c = compare(old, new, &CompareOptions::default());
    (c, t.elapsed())
}

/// Debug builds are ~10-30x slower than release; the bound only catches hangs.
const HANG: Duration = Duration::from_secs(60);

#[test]
fn empty_inputs() {
    let (c, _) = run("", "");
    assert!(c.rows.is_empty());
    let (c, _) = run("", "Only new text.");
    assert_eq!(c.summary.added, 1);
    let (c, _) = run("Only old text.", "   \n\n  ");
    assert_eq!(c.summary.removed, 1);
}

#[test]
fn one_five_megabyte_line() {
    let line: String = "word ".repeat(1_000_000);
    let other = format!("{line}extra");
    let (c, t) = run(&line, &other);
    assert_eq!(c.rows.len(), 1);
    assert!(t < HANG, "took {t:?}");
}

#[test]
fn fifty_thousand_identical_sentences() {
    let old = "The same sentence again. ".repeat(50_000);
    let new = format!("{old} And one more at the end.");
    let (c, t) = run(&old, &new);
    assert_eq!(c.left.len(), 50_000);
    assert_eq!(c.summary.added, 1);
    assert!(t < HANG, "took {t:?}");
}

#[test]
fn random_bytes_as_lossy_text() {
    // A fixed xorshift stream: deterministic "random" bytes, decoded lossily as a caller would.
    let bytes = parallax_engine::synth::noise_bytes(200_000);
    let a = String::from_utf8_lossy(&bytes[..100_000]).into_owned();
    let b = String::from_utf8_lossy(&bytes[100_000..]).into_owned();
    let (c, t) = run(&a, &b);
    assert!(!c.rows.is_empty());
    assert!(t < HANG, "took {t:?}");
}
