//! Export timings. The named fixture `long-38` is the test fixture with 38 paragraphs (190 rows), which lays
//! out as a 20-page side-by-side PDF (cover, 18 body pages, appendix); the target is < 500 ms.
//! Run: `cargo bench -p parallax-export --bench pdf`.

#[path = "../tests/export/fixture.rs"]
mod fixture;

use parallax_export::{Layout, to_html, to_markdown, to_pdf};

fn main() {
    divan::main();
}

#[divan::bench(args = ["small", "long-38"], sample_count = 20)]
fn pdf_side_by_side(bencher: divan::Bencher, name: &str) {
    let c = match name {
        "small" => fixture::small(),
        _ => fixture::long(38),
    };
    let req = fixture::request(c, Layout::SideBySide);
    bencher.bench(|| to_pdf(divan::black_box(&req)).unwrap());
}

/// The story PDF (issue 12): `three` is the harbour-fire fixture (3 pages, landscape), `ten` the same texts as
/// ten accounts (the widest table).
#[divan::bench(args = ["three", "ten"], sample_count = 20)]
fn pdf_story(bencher: divan::Bencher, name: &str) {
    let req = match name {
        "three" => fixture::story_export(),
        _ => fixture::story_export_ten(),
    };
    bencher.bench(|| parallax_export::story_pdf(divan::black_box(&req)).unwrap());
}

#[divan::bench(sample_count = 20)]
fn pdf_inline_long_38(bencher: divan::Bencher) {
    let req = fixture::request(fixture::long(38), Layout::Inline);
    bencher.bench(|| to_pdf(divan::black_box(&req)).unwrap());
}

#[divan::bench(sample_count = 20)]
fn html_and_markdown_long_38(bencher: divan::Bencher) {
    let req = fixture::request(fixture::long(38), Layout::SideBySide);
    bencher.bench(|| {
        (
            to_html(divan::black_box(&req)),
            to_markdown(divan::black_box(&req)),
        )
    });
}
