//! A measurement, not a correctness test (ignored by default): a library of 2,000
//! articles with 3 versions each, timing import, listing and search. Run with
//! `cargo test -p parallax-store --release --test store -- --ignored --nocapture scale`.

use std::time::Instant;

use parallax_store::Library;

use crate::common::{article, text};

const ARTICLES: usize = 2_000;
const VERSIONS: usize = 3;

/// Deterministic filler prose: word `i` of paragraph `p` of article `a`, version `v`.
fn paragraph(a: usize, v: usize, p: usize) -> String {
    const WORDS: &[&str] = &[
        "council",
        "river",
        "budget",
        "gate",
        "residents",
        "officials",
        "said",
        "water",
        "vote",
        "strike",
        "port",
        "evacuation",
        "engineers",
        "report",
        "town",
        "county",
    ];
    let mut s = String::new();
    for i in 0..40 {
        s.push_str(WORDS[(a * 7 + p * 3 + i * 5) % WORDS.len()]);
        s.push(' ');
    }
    // A token unique to this version so each version's text differs.
    s.push_str(&format!("marker{a}x{v}x{p}."));
    s
}

#[test]
#[ignore = "measurement; run explicitly in release"]
fn scale() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open_in_dir(dir.path()).unwrap();
    let start = Instant::now();
    for a in 0..ARTICLES {
        let url = format!("https://outlet{}.example/{a}", a % 20);
        let who = article(&format!("Outlet {}", a % 20), Some(&url));
        for v in 0..VERSIONS {
            let paras: Vec<String> = (0..10).map(|p| paragraph(a, v, p)).collect();
            let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
            lib.add_article(
                &who,
                &text(
                    &format!("Headline {a} v{v}"),
                    &refs,
                    1_000 + (a * 10 + v) as i64,
                ),
            )
            .unwrap();
        }
    }
    let import = start.elapsed();

    let t = Instant::now();
    let list = lib.list_articles().unwrap();
    let list_time = t.elapsed();
    assert_eq!(list.len(), ARTICLES);

    let t = Instant::now();
    let hits = lib.search("marker1234x0x3", 20).unwrap();
    let rare = t.elapsed();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].removed_later);

    let t = Instant::now();
    let common = lib.search("council river", 50).unwrap();
    let common_time = t.elapsed();
    assert_eq!(common.len(), 50);

    let t = Instant::now();
    let v = lib.versions_of(list[0].id).unwrap();
    let full = lib.get_version(v[0].id).unwrap();
    let read = t.elapsed();
    assert_eq!(full.paragraphs.len(), 10);

    let size = std::fs::metadata(dir.path().join("library.sqlite3"))
        .unwrap()
        .len();
    println!(
        "scale: {ARTICLES} articles x {VERSIONS} versions: import {:.2?} ({:.2?}/version), \
         list_articles {list_time:.2?}, search rare {rare:.2?}, search common (50 hits) \
         {common_time:.2?}, versions_of+get_version {read:.2?}, file {:.1} MB (WAL not counted)",
        import,
        import / (ARTICLES * VERSIONS) as u32,
        size as f64 / 1e6
    );
}
