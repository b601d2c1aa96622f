//! Benchmarks of the CPU-bound parts of ingest: page extraction (fixtures and a large
//! synthetic page), fingerprints, feed parsing and same-event suggestions. Network and
//! storage are measured by their own crates and tests. Run: `cargo bench -p parallax-ingest`.
//! `extract_dev_page` times the real pages of `../shared/eval-data/extraction` (skipped when
//! that folder is absent).

use std::path::Path;

use divan::{Bencher, black_box};
use parallax_ingest::{StoryText, fingerprint, parse_feed, read_bytes, suggest_same_event};

fn main() {
    divan::main();
}

const FIXTURES: &[&str] = &[
    "harbour-courier-ferry",
    "valley-times-council",
    "northfield-press-strike",
    "dawn-ledger-cafe",
    "coast-observer-landslide",
    "hafenkurier-faehre",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pages")
            .join(format!("{name}.html")),
    )
    .unwrap()
}

/// A long article (400 paragraphs, ~180 KB of text) inside a heavy page: 2,000 menu links,
/// 50 ad slots, share bars and a comments section.
fn large_page() -> String {
    let mut html =
        String::from("<html><head><title>Long read | Big Paper</title></head><body><nav>");
    for i in 0..2000 {
        html += &format!("<a href=\"/s/{i}\">Section {i}</a> ");
    }
    html += "</nav><article><h1>Long read</h1>";
    for i in 0..400 {
        if i % 8 == 0 {
            html += "<div class=\"ad-slot\"><p>Advertisement</p></div><div class=\"share-bar\">Share Facebook X Email</div>";
        }
        html += &format!(
            "<p>Paragraph {i} of the long read says that the harbour board met on day {i} and agreed, after a long debate about tides, crews and money, that the plan number {i} should go ahead.</p>"
        );
    }
    html += "</article><section class=\"comments\">";
    for i in 0..200 {
        html += &format!("<p>Comment {i}: I disagree.</p>");
    }
    html + "</section></body></html>"
}

#[divan::bench(args = FIXTURES)]
fn extract_fixture(bencher: Bencher, name: &str) {
    let bytes = fixture(name);
    bencher.bench(|| read_bytes(black_box(&bytes), Path::new("page.html"), 0).unwrap());
}

/// The extraction benchmark's dev pages (real news pages, third-party text): read from the
/// eval data at run time, never copied into the repo. `PARALLAX_EXTRACTION_PAGES` overrides
/// the folder; without it the benchmark says so and measures nothing.
fn dev_pages() -> Vec<Vec<u8>> {
    use std::io::Read;
    // The repository's sibling `shared/` folder (a worktree may sit one level deeper).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir: std::path::PathBuf = std::env::var("PARALLAX_EXTRACTION_PAGES").map_or_else(
        |_| {
            ["../shared", "../../shared"]
                .iter()
                .map(|s| root.join(s).join("eval-data/extraction/html"))
                .find(|d| d.is_dir())
                .unwrap_or_else(|| root.join("../shared/eval-data/extraction/html"))
        },
        Into::into,
    );
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("extract_dev_page: no pages at {} (skipped)", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(p).ok()?)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        })
        .collect()
}

/// One real page per sample, cycling through the dev pages: the median is the median page.
#[divan::bench(sample_count = 273, sample_size = 1)]
fn extract_dev_page(bencher: Bencher) {
    let pages = dev_pages();
    if pages.is_empty() {
        return;
    }
    let next = std::cell::Cell::new(0usize);
    bencher
        .with_inputs(|| {
            let i = next.get();
            next.set((i + 1) % pages.len());
            &pages[i]
        })
        .bench_local_values(|page| read_bytes(black_box(page), Path::new("page.html"), 0).ok());
}

#[divan::bench(sample_count = 20)]
fn extract_large_page(bencher: Bencher) {
    let bytes = large_page().into_bytes();
    bencher.bench(|| {
        let c = read_bytes(black_box(&bytes), Path::new("page.html"), 0).unwrap();
        assert_eq!(c.paragraphs.len(), 400);
        c
    });
}

#[divan::bench]
fn fingerprint_400_paragraphs(bencher: Bencher) {
    let paragraphs: Vec<String> = (0..400)
        .map(|i| format!("Paragraph {i} says the board met on day {i} and agreed to go ahead."))
        .collect();
    bencher.bench(|| fingerprint(black_box("Long read"), black_box(&paragraphs)));
}

#[divan::bench]
fn parse_rss_100_items(bencher: Bencher) {
    let mut rss =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>");
    for i in 0..100 {
        rss += &format!(
            "<item><title>Item {i}</title><link>https://paper.example/a/{i}</link><guid>id-{i}</guid><pubDate>Sat, 14 Mar 2026 06:30:00 GMT</pubDate><description>Summary of item {i}.</description></item>"
        );
    }
    rss += "</channel></rss>";
    bencher.bench(|| parse_feed(black_box(rss.as_bytes()), "https://paper.example/feed").unwrap());
}

#[divan::bench(args = [50, 200])]
fn suggest_same_event_over(bencher: Bencher, n: usize) {
    let topics = [
        "ferry",
        "tram",
        "reservoir",
        "landslide",
        "terrace",
        "bridge",
        "school",
        "market",
        "library",
        "harbour",
    ];
    let texts: Vec<StoryText> = (0..n)
        .map(|i| {
            let t = topics[i % topics.len()];
            StoryText {
                id: i as i64,
                outlet: format!("Outlet {}", i % 7),
                title: format!("Council decides on the {t} plan"),
                body: format!(
                    "The council met on Tuesday to decide on the {t} plan. Residents of district {i} spoke for and against the {t} plan, which would cost {i} million. The decision on the {t} is expected next month."
                ),
            }
        })
        .collect();
    bencher.bench(|| suggest_same_event(black_box(&texts), 0.2));
}
