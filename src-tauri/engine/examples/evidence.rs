//! Prints every link the alignment proposes for each record of an eval file, with its evidence,
//! one JSON line per link, to study which evidence separates right links from wrong ones:
//!   cargo run --release -p parallax-engine --example evidence -- FILE.jsonl [auto|revision|accounts]

use parallax_engine::{Mode, align_evidence};

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .expect("usage: evidence FILE.jsonl [auto|revision|accounts]");
    let mode = match args.next().as_deref() {
        Some("revision") => Some(Mode::Revision),
        Some("accounts") => Some(Mode::Accounts),
        _ => None,
    };
    let text = std::fs::read_to_string(&file).expect("readable file");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).expect("JSON record");
        let side = |k: &str| -> Vec<String> {
            rec[k]
                .as_array()
                .expect("sentence list")
                .iter()
                .map(|s| s.as_str().unwrap_or_default().to_string())
                .collect()
        };
        let (used, links) = align_evidence(&side("a_sentences"), &side("b_sentences"), mode);
        for (g, score, e) in links {
            let out = serde_json::json!({
                "id": rec["id"], "mode": format!("{used:?}"), "a": g.a, "b": g.b, "score": score,
                "words": e.words, "grams": e.grams, "anchors": e.anchors, "conflicts": e.conflicts, "content": e.content,
            });
            println!("{out}");
        }
    }
}
