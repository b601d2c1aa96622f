//! A ten-account story's cost in wall time and in CPU time (all threads), phase by phase, on
//! the inputs of `benches/story.rs`. On a shared machine wall time says how busy the machine
//! is as much as how fast the story is; CPU time divided by the cores is what an idle machine
//! would take.
//!   cargo build --release -p parallax-engine --example story_phases
//!   target/release/examples/story_phases [runs]

use std::time::{Duration, Instant};

use parallax_engine::{align_with, claim_atoms, segment, story::story, synth::article_pair};

/// CPU time of the whole process so far (all its threads), from /proc/self/stat; zero where
/// that file does not exist.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    // After the name: state, then numeric fields; utime and stime (fields 14 and 15) are the
    // 11th and 12th of those, in clock ticks of 10 ms.
    let f: Vec<u64> = after
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    Duration::from_millis(10 * (f.get(10).unwrap_or(&0) + f.get(11).unwrap_or(&0)))
}

/// Runs `f` `runs` times; prints its mean wall and CPU time.
fn time(label: &str, runs: u32, mut f: impl FnMut()) {
    let (t, c) = (Instant::now(), cpu());
    for _ in 0..runs {
        f();
    }
    println!(
        "{label:<28} {:>9.2?} wall {:>9.2?} cpu",
        t.elapsed() / runs,
        (cpu() - c) / runs
    );
}

fn main() {
    let runs: u32 = std::env::args()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .unwrap_or(20);
    let mut acc = vec![("account 0".to_string(), article_pair(2_000, 0.0, 42).0)];
    for k in 1..10 {
        acc.push((
            format!("account {k}"),
            article_pair(2_000, 0.05 * k as f64, 42).1,
        ));
    }
    let texts: Vec<Vec<String>> = acc
        .iter()
        .map(|(_, t)| segment(t).into_iter().map(|s| s.text).collect())
        .collect();
    time("segment (10 accounts)", runs, || {
        acc.iter().for_each(|(_, t)| {
            std::hint::black_box(segment(t));
        })
    });
    time("claim atoms, every sentence", runs, || {
        texts.iter().flatten().for_each(|s| {
            std::hint::black_box(claim_atoms(s));
        })
    });
    time("45 pair alignments, 1 thread", runs, || {
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                std::hint::black_box(align_with(&texts[i], &texts[j], None));
            }
        }
    });
    let refs: Vec<(&str, &str)> = acc.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    time("story", runs, || {
        std::hint::black_box(story(&refs));
    });
}
