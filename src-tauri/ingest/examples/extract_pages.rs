//! Extracts every `ID.html.gz` page of a folder through the import path for files
//! ([`parallax_ingest::read_bytes`]) and prints `{ID: body}` as JSON (a refused page gives "").
//! Used with `tests/extraction-bench/halves.py --predictions` to score extraction changes
//! without building the CLI: `cargo run --release -p parallax-ingest --example extract_pages
//! -- ../shared/eval-data/extraction/html > /tmp/pred.json`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: extract_pages DIR_OF_HTML_GZ");
        std::process::exit(2);
    };
    let mut out = BTreeMap::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            eprintln!("cannot read {dir}: {e}");
            std::process::exit(3);
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let id = name.trim_end_matches(".html.gz").to_string();
        let mut bytes = Vec::new();
        if let Err(e) = flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut bytes)
        {
            eprintln!("{id}: cannot decompress ({e})");
            continue;
        }
        let body = match parallax_ingest::read_bytes(&bytes, Path::new(&format!("{id}.html")), 0) {
            Ok(c) => c.body_text(),
            Err(e) => {
                eprintln!("refused: {id}: {e}");
                String::new()
            }
        };
        out.insert(id, body);
    }
    println!("{}", serde_json::to_string(&out).unwrap());
}
