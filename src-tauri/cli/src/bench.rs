//! `parallax bench`: times `compare` on synthetic article pairs or on given files, and can write
//! the synthetic pairs out so the Python baselines (tests/engine-bench/) run on the same texts.

use std::path::PathBuf;
use std::time::Instant;

use parallax_engine::synth::{article_pair, corpus_article};
use parallax_engine::{CompareOptions, compare};

use crate::error::CliError;
use crate::input::read_text;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Words per synthetic article (ignored with --old/--new).
    #[arg(long, default_value_t = 2000)]
    pub words: usize,
    /// Share of sentences changed in the synthetic revision.
    #[arg(long, default_value_t = 0.15)]
    pub changed: f64,
    /// Seed of the synthetic pair.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Timed runs (after one warm-up run).
    #[arg(long, default_value_t = 50)]
    pub runs: usize,
    /// Time this pair of files instead of a synthetic one.
    #[arg(long, requires = "new")]
    pub old: Option<PathBuf>,
    #[arg(long, requires = "old")]
    pub new: Option<PathBuf>,
    /// Write the synthetic pair as DIR/old.txt and DIR/new.txt, then time it.
    #[arg(long)]
    pub write_pair: Option<PathBuf>,
    /// Print one JSON object instead of a line of text.
    #[arg(long)]
    pub json: bool,
    /// Write a synthetic corpus of `--pairs` version pairs as `batch` input (JSONL) to FILE and stop.
    #[arg(long, value_name = "FILE")]
    pub write_corpus: Option<PathBuf>,
    /// Version pairs in the corpus written by --write-corpus.
    #[arg(long, default_value_t = 100_000)]
    pub pairs: u64,
}

/// Streams `pairs` records `{"id", "article", "old", "new"}`: consecutive versions of synthetic
/// articles (`synth::corpus_article`), so `stats` has articles with several revisions.
fn write_corpus(path: &std::path::Path, pairs: u64, seed: u64) -> Result<(), CliError> {
    use std::io::Write;
    let fail = |e: std::io::Error| CliError::Output(format!("{}: {e}", path.display()));
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(fail)?);
    let mut written = 0;
    for article in 0.. {
        let versions = corpus_article(article, seed);
        for (k, w) in versions.windows(2).enumerate() {
            if written == pairs {
                return out.flush().map_err(fail);
            }
            let rec = serde_json::json!({
                "id": format!("a{article}-v{}", k + 1),
                "article": format!("a{article}"),
                "old": w[0],
                "new": w[1],
            });
            serde_json::to_writer(&mut out, &rec).map_err(|e| CliError::Output(e.to_string()))?;
            out.write_all(b"\n").map_err(fail)?;
            written += 1;
        }
    }
    unreachable!("the loop over articles only ends by returning")
}

/// Peak resident memory of this process in MiB (Linux), if known.
fn peak_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(args: &BenchArgs) -> Result<(), CliError> {
    if let Some(path) = &args.write_corpus {
        return write_corpus(path, args.pairs, args.seed);
    }
    let (old, new) = match (&args.old, &args.new) {
        (Some(o), Some(n)) => (read_text(o)?, read_text(n)?),
        _ => article_pair(args.words, args.changed, args.seed),
    };
    if let Some(dir) = &args.write_pair {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::Output(format!("{}: {e}", dir.display())))?;
        for (name, text) in [("old.txt", &old), ("new.txt", &new)] {
            let p = dir.join(name);
            std::fs::write(&p, text)
                .map_err(|e| CliError::Output(format!("{}: {e}", p.display())))?;
        }
    }
    let o = CompareOptions::default();
    let warm = compare(&old, &new, &o);
    let mut times: Vec<f64> = Vec::with_capacity(args.runs);
    for _ in 0..args.runs.max(1) {
        let t = Instant::now();
        let c = compare(&old, &new, &o);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(c);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let words = old.split_whitespace().count() + new.split_whitespace().count();
    let peak = peak_mib().unwrap_or(f64::NAN);
    if args.json {
        println!(
            "{{\"words_per_side\":{},\"runs\":{},\"median_ms\":{median:.4},\"min_ms\":{:.4},\"max_ms\":{:.4},\"peak_mib\":{peak:.1},\"rows\":{}}}",
            words / 2,
            times.len(),
            times[0],
            times[times.len() - 1],
            warm.rows.len()
        );
    } else {
        println!(
            "compare: ~{} words per side, {} runs: median {median:.3} ms, min {:.3} ms, max {:.3} ms; peak memory {peak:.1} MiB; {} rows",
            words / 2,
            times.len(),
            times[0],
            times[times.len() - 1],
            warm.rows.len()
        );
    }
    Ok(())
}
