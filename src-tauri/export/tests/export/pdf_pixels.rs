//! The highlight colours appear, rendered, on the page that holds the changed rows (and not where nothing changed).

use parallax_engine::Mode;
use parallax_export::{ADDED_BG, Layout, REMOVED_BG, to_pdf};

use crate::fixture::{self, Builder};
use crate::poppler::{page_with, pages, raster, save};

#[test]
fn added_and_removed_colours_are_on_the_page_holding_those_rows() {
    let c = fixture::long(30);
    for layout in [Layout::SideBySide, Layout::Inline] {
        let pdf = save(&to_pdf(&fixture::request(c.clone(), layout)).unwrap());
        // Paragraph 16 has a removed sentence (16 % 4 == 0) and paragraph 17 an added one (17 % 4 == 1).
        let removed_page = page_with(&pdf.path, "Paragraph 16 sentence 2:");
        let added_page = page_with(&pdf.path, "Paragraph 17 sentence 2:");
        assert!(removed_page > 1 && added_page > 1);
        let r = raster(&pdf.path, removed_page, 50);
        assert!(r.width > 300 && r.height > 400);
        assert!(
            r.count(REMOVED_BG, 4) > 300,
            "{layout:?}: removed colour missing on page {removed_page}"
        );
        let a = raster(&pdf.path, added_page, 50);
        assert!(
            a.count(ADDED_BG, 4) > 300,
            "{layout:?}: added colour missing on page {added_page}"
        );
    }
}

#[test]
fn pages_without_changes_carry_no_change_colours() {
    let mut b = Builder::new(Mode::Revision);
    for p in 0..10 {
        b.unchanged(
            &format!("Paragraph {p}: the tide tables for the quay were printed as before."),
            p,
            p,
        );
    }
    let pdf = save(&to_pdf(&fixture::request(b.finish(), Layout::SideBySide)).unwrap());
    assert_eq!(pages(&pdf.path), 3, "cover, body, appendix");
    let body = raster(&pdf.path, 2, 50);
    assert_eq!(body.count(REMOVED_BG, 4), 0);
    assert_eq!(body.count(ADDED_BG, 4), 0);
}

/// Horizontal runs of dark pixels at least `min_len` long, judged by brightness alone (as a greyscale print
/// would show them): strike-through and
/// underline lines; letters never make such long runs and the rules between rows are light grey.
pub fn dark_lines(r: &crate::poppler::Raster, min_len: usize) -> usize {
    let mut n = 0;
    for y in 0..r.height {
        let mut run = 0;
        for x in 0..r.width {
            let i = (y * r.width + x) * 3;
            // Brightness only: the colour of the highlight must not matter here.
            let v = (r.rgb[i] as u32 + r.rgb[i + 1] as u32 + r.rgb[i + 2] as u32) / 3;
            if v < 90 {
                run += 1;
            } else {
                if run >= min_len {
                    n += 1;
                }
                run = 0;
            }
        }
        if run >= min_len {
            n += 1;
        }
    }
    n
}

#[test]
fn marks_survive_greyscale_as_strike_and_underline() {
    let mut b = Builder::new(Mode::Revision);
    b.removed(
        "Every word of this sentence was taken out of the newer version.",
        0,
        vec![],
    );
    b.added(
        "Every word of this sentence is new in the newer version.",
        0,
        vec![],
    );
    let marked = save(&to_pdf(&fixture::request(b.finish(), Layout::Inline)).unwrap());
    let mut b = Builder::new(Mode::Revision);
    b.unchanged(
        "Every word of this sentence was taken out of the newer version.",
        0,
        0,
    );
    b.unchanged(
        "Every word of this sentence is new in the newer version.",
        0,
        0,
    );
    let plain = save(&to_pdf(&fixture::request(b.finish(), Layout::Inline)).unwrap());
    let (m, p) = (raster(&marked.path, 2, 100), raster(&plain.path, 2, 100));
    // The strike and the underline are each at least one pixel row of ~250 pt text width.
    assert!(dark_lines(&m, 150) >= 2, "no strike/underline lines found");
    assert_eq!(dark_lines(&p, 150), 0, "unmarked text must not look marked");
}
