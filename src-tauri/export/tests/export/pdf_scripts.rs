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

/// Text without Arabic alefs, for comparing with pdftotext's output. The shaper draws lam + alef as one ligature
/// glyph whose text is both letters in reading order; when poppler reorders a right-to-left word it reverses those
/// two letters too (whichever program wrote the PDF), and alef + lam is also a real sequence, so the pair cannot be
/// swapped back. Leaving alefs out of both sides keeps every other letter and the order of the words checked.
fn without_alef(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, 'ا' | 'أ' | 'إ' | 'آ'))
        .collect()
}

/// Words of `sentence` found in `body` in the order they are read (each after the one before), or the first one
/// out of place.
fn in_reading_order(body: &str, sentence: &str) -> Result<(), String> {
    let mut at = 0;
    for word in sentence.split_whitespace() {
        let word = word.trim_matches(|c: char| c.is_ascii_punctuation() || c == '،');
        if word.is_empty() {
            continue;
        }
        match body[at..].find(word) {
            Some(i) => at += i + word.len(),
            None => return Err(format!("{word:?} is missing or out of order")),
        }
    }
    Ok(())
}

#[test]
fn hebrew_and_arabic_read_back_in_reading_order() {
    // Side by side, each sentence is a paragraph of its own in one column, which pdftotext reorders to
    // reading order (a redline line mixing both directions it reads left to right; see the test below).
    let c = fixture::rtl();
    let mut req = fixture::request(c.clone(), Layout::SideBySide);
    req.highlights.clear();
    let pdf = save(&to_pdf(&req).unwrap());
    let body = without_alef(&format!(
        "{}\n{}",
        crate::poppler::column(&pdf.path, false),
        crate::poppler::column(&pdf.path, true)
    ));
    for s in c.left.iter().chain(&c.right) {
        if let Err(e) = in_reading_order(&body, &without_alef(&s.text)) {
            panic!("{:?}: {e}\n{body}", s.text);
        }
    }
}

#[test]
fn in_the_redline_a_hebrew_paragraph_runs_from_the_right_line_by_line() {
    // Where each word is drawn (pdftotext -bbox lists a word's letters as drawn, so reversed): read in order,
    // every word is left of the one before on the same line, or on a later line; the first starts at the right.
    let c = fixture::rtl();
    let mut req = fixture::request(c.clone(), Layout::Inline);
    req.highlights.clear();
    let pdf = save(&to_pdf(&req).unwrap());
    let words = crate::poppler::words(&pdf.path, 2);
    let mut prev: Option<(f32, f32)> = None;
    for w in c.left[0].text.split_whitespace() {
        let w = w.trim_matches(|c: char| c.is_ascii_punctuation());
        let drawn: String = w.chars().rev().collect();
        let at = words
            .iter()
            .find(|x| x.text.trim_matches(|c: char| c.is_ascii_punctuation()) == drawn)
            .unwrap_or_else(|| panic!("{w} is not drawn on the page"));
        match prev {
            None => assert!(at.x > 350.0, "{w} starts the paragraph at x = {}", at.x),
            Some((x, y)) => assert!(
                (at.y - y).abs() < 1.0 && at.x < x || at.y > y + 1.0,
                "{w} at ({}, {}) does not follow the word before at ({x}, {y})",
                at.x,
                at.y
            ),
        }
        prev = Some((at.x, at.y));
    }
}

#[test]
fn a_right_to_left_sentence_starts_at_the_right_of_its_column() {
    // Drawn right to left, the first word read is the rightmost one on the page, and the line is set flush
    // right; left to right (the old layout) it would be at the left margin.
    let mut b = Builder::new(Mode::Revision);
    b.unchanged("המזח הישן ייסגר", 0, 0);
    let mut req = fixture::request(b.finish(), Layout::Inline);
    req.highlights.clear();
    let pdf = save(&to_pdf(&req).unwrap());
    let words = crate::poppler::words(&pdf.path, 2);
    // -bbox lists each word's letters as drawn (left to right), so a Hebrew word appears reversed there.
    let x_of = |w: &str| {
        let drawn: String = w.chars().rev().collect();
        words
            .iter()
            .find(|x| x.text == drawn)
            .map(|x| x.x)
            .unwrap_or_else(|| panic!("{w} not on the page"))
    };
    let (first, second, third) = (x_of("המזח"), x_of("הישן"), x_of("ייסגר"));
    assert!(first > second && second > third, "{first} {second} {third}");
    assert!(
        first > 400.0,
        "the line is not set flush right: the first word at x = {first}"
    );
    // And it is drawn: the band of that line carries ink in the page's right third.
    let r = raster(&pdf.path, 2, 100);
    let y_pt = words.iter().find(|w| w.text == "חזמה").map_or(0.0, |w| w.y);
    let (top, bottom) = (
        (y_pt * 100.0 / 72.0) as usize,
        ((y_pt + 12.0) * 100.0 / 72.0) as usize,
    );
    let right_ink = (top..bottom.min(r.height))
        .flat_map(|y| (r.width * 2 / 3..r.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let p = &r.rgb[(y * r.width + x) * 3..][..3];
            (p[0] as u32 + p[1] as u32 + p[2] as u32) / 3 < 100
        })
        .count();
    assert!(
        right_ink > 100,
        "no ink on the right third of the page ({right_ink})"
    );
}
