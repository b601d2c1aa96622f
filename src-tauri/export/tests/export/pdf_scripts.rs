//! Issue 16: every script in the PDF. Chinese, Japanese and Korean come from the embedded CJK fallback font
//! (real glyphs, subset, text copyable); Latin, Greek and Cyrillic stay in DejaVu (see pdf_text.rs).

use std::process::Command;

use parallax_engine::Mode;
use parallax_export::{Layout, to_pdf};

use crate::fixture::{self, Builder};
use crate::poppler::{pages, raster, save, text};

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn chinese_japanese_and_korean_text_reads_back_from_the_pdf() {
    let c = fixture::cjk();
    for layout in [Layout::SideBySide, Layout::Inline] {
        let mut req = fixture::request(c.clone(), layout);
        req.highlights.clear();
        let pdf = save(&to_pdf(&req).unwrap());
        let body = no_space(&text(&pdf.path, 2, pages(&pdf.path), None));
        // Side by side shows each sentence whole; the inline redline interleaves old and new words, so there
        // each marked segment must read back whole.
        let pieces: Vec<&str> = match layout {
            Layout::SideBySide => c
                .left
                .iter()
                .chain(&c.right)
                .map(|s| s.text.as_str())
                .collect(),
            Layout::Inline => c
                .rows
                .iter()
                .flat_map(|r| &r.segments)
                .map(|s| s.text.as_str())
                .collect(),
        };
        for piece in pieces {
            assert!(
                body.contains(&no_space(piece)),
                "{layout:?}: {piece:?} is not in the PDF's text:\n{body}"
            );
        }
    }
}

/// Ink pixels of a page rendered at 100 dpi: 0 means blank.
fn ink(r: &crate::poppler::Raster) -> usize {
    r.rgb
        .chunks_exact(3)
        .filter(|p| (p[0] as u32 + p[1] as u32 + p[2] as u32) / 3 < 100)
        .count()
}

/// The body page of a one-row export of `sentence`.
fn rendered(sentence: &str) -> crate::poppler::Raster {
    let mut b = Builder::new(Mode::Revision);
    b.unchanged(sentence, 0, 0);
    let mut req = fixture::request(b.finish(), Layout::Inline);
    req.highlights.clear();
    let pdf = save(&to_pdf(&req).unwrap());
    assert_eq!(pages(&pdf.path), 2, "cover and one body page");
    raster(&pdf.path, 2, 100)
}

#[test]
fn cjk_characters_are_drawn_as_their_own_glyphs_not_boxes() {
    // Two texts of the same length in each script: a missing-glyph box is the same shape for every character,
    // so with boxes the two pages would be pixel-identical; real glyphs make them differ, and both carry ink.
    for (a, b) in [
        ("码头关闭维修港务局表示", "渡轮停靠北侧码头确认"),
        ("商店主夏の商売に影響", "工事は九か月かかる見"),
        ("페리는북쪽부두에정박", "주민설명회는시청에서"),
    ] {
        let (ra, rb) = (rendered(a), rendered(b));
        let (ia, ib) = (ink(&ra), ink(&rb));
        assert!(
            ia > 150 && ib > 150,
            "{a} / {b}: blank page ({ia}, {ib} ink pixels)"
        );
        let differing = ra
            .rgb
            .chunks_exact(3)
            .zip(rb.rgb.chunks_exact(3))
            .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 60))
            .count();
        assert!(
            differing > 200,
            "{a} / {b}: only {differing} pixels differ, the characters look alike (boxes?)"
        );
    }
}

#[test]
fn the_cjk_font_is_embedded_as_a_subset_and_files_stay_small() {
    let mut req = fixture::request(fixture::cjk(), Layout::SideBySide);
    req.highlights.clear();
    let bytes = to_pdf(&req).unwrap();
    // The whole CJK font is 5 MB; a subset of the few dozen characters used is a few kilobytes.
    assert!(
        bytes.len() < 150_000,
        "a short CJK export is {} bytes: is the font subset?",
        bytes.len()
    );
    let pdf = save(&bytes);
    let out = Command::new("pdffonts")
        .arg(&pdf.path)
        .output()
        .expect("pdffonts (poppler-utils) is needed for this test");
    let fonts = String::from_utf8_lossy(&out.stdout);
    let cjk_font = fonts
        .lines()
        .find(|l| l.contains("WenQuanYi"))
        .unwrap_or_else(|| panic!("no CJK font in the PDF:\n{fonts}"));
    // A subset font's name carries a six-letter tag ("ABCDEF+Name"); "yes yes" is emb and sub.
    assert!(cjk_font.contains('+'), "{cjk_font}");
    assert!(cjk_font.contains("yes yes"), "{cjk_font}");
    assert!(
        fonts.contains("DejaVu"),
        "Latin text keeps DejaVu:\n{fonts}"
    );
}
