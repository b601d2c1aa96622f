//! Compares every record of a `batch` corpus (JSONL `{"old", "new"}` per line, as written by
//! `parallax bench --write-corpus`) in one thread and prints each comparison's JSON, one per
//! line: a speed change must leave this output byte for byte the same.
//!   cargo run --release -p parallax-engine --example corpus_json -- CORPUS > out.jsonl

use std::io::{BufRead, Write};

use parallax_engine::{CompareOptions, compare};

#[derive(serde::Deserialize)]
struct Record {
    old: String,
    new: String,
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: corpus_json CORPUS.jsonl");
    let file = std::fs::File::open(&path).expect("the corpus file opens");
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let o = CompareOptions::default();
    let t = std::time::Instant::now();
    let mut n = 0;
    for line in std::io::BufReader::new(file).lines() {
        let r: Record = serde_json::from_str(&line.expect("the corpus reads")).expect("a record");
        let c = compare(&r.old, &r.new, &o);
        serde_json::to_writer(&mut out, &c).expect("stdout takes the output");
        out.write_all(b"\n").expect("stdout takes the output");
        n += 1;
    }
    eprintln!("{n} pairs in {:.2} s", t.elapsed().as_secs_f64());
}
