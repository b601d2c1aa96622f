//! Where one comparison's time goes: segmentation, regime detection, alignment and the whole
//! compare, timed separately on the synthetic article pair. Meant for profilers, whose counts
//! are steadier than wall time on a shared machine:
//!   cargo build --release -p parallax-engine --example phases
//!   valgrind --tool=callgrind target/release/examples/phases 2000 20
//! Arguments: words per article (default 2000), runs (default 2,000,000 / words).

use std::time::Instant;

use parallax_engine::{CompareOptions, align, compare, detect_mode, segment, synth::article_pair};

fn summary(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    format!("median {:.3} ms, min {:.3} ms", v[v.len() / 2], v[0])
}

fn main() {
    let mut args = std::env::args().skip(1).map(|x| x.parse::<usize>());
    let words = args.next().and_then(Result::ok).unwrap_or(2000).max(1);
    let runs = args
        .next()
        .and_then(Result::ok)
        .unwrap_or(2_000_000 / words)
        .max(1);
    let (a, b) = article_pair(words, 0.15, 42);
    let mut times: [Vec<f64>; 4] = Default::default();
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    for _ in 0..runs {
        let t = Instant::now();
        let (sa, sb) = (segment(&a), segment(&b));
        times[0].push(ms(t));
        let xa: Vec<String> = sa.into_iter().map(|s| s.text).collect();
        let xb: Vec<String> = sb.into_iter().map(|s| s.text).collect();
        let t = Instant::now();
        let mode = detect_mode(&xa, &xb);
        times[1].push(ms(t));
        let t = Instant::now();
        std::hint::black_box(align(&xa, &xb, mode));
        times[2].push(ms(t));
        let t = Instant::now();
        std::hint::black_box(compare(&a, &b, &CompareOptions::default()));
        times[3].push(ms(t));
    }
    for (name, v) in ["segment", "detect mode", "align", "compare (all)"]
        .iter()
        .zip(times)
    {
        println!("{name:>14}: {}", summary(v));
    }
}
