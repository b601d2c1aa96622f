//! The reading PDF of one version: text in order with provenance, highlights painted in their own
//! colours and underlined (greyscale-safe), numbered endnotes carrying notes and states, detached
//! highlights listed with their old text.

use parallax_export::{ExportSide, HighlightColour, ReadingHighlight, ReadingRequest, reading_pdf};

use crate::poppler::{pages, raster, save, text};

fn request() -> ReadingRequest {
    ReadingRequest {
        title: "Ferry returns to Skerry Quay".into(),
        byline: Some("By Ilse Marwick".into()),
        provenance: ExportSide {
            outlet: "Harbour Gazette".into(),
            title: "Ferry returns to Skerry Quay".into(),
            url: Some("https://harbour.example/ferry".into()),
            published: Some("2026-03-15T06:50:00Z".into()),
            fetched: Some("2026-03-15T17:40:00Z".into()),
            content_hash: format!("sha256:{}", "ab".repeat(32)),
            version_label: "version 3 of 3".into(),
        },
        paragraphs: vec![
            "The ferry to Skerry Quay sails again from Monday, the harbour board said.".into(),
            "About 900 passengers a day used the crossing before the pier closed.".into(),
            "Repairs to the  pier cost less than the board had feared.".into(),
        ],
        highlights: vec![
            ReadingHighlight {
                quote: "sails again from Monday".into(),
                note: Some("Check the timetable.".into()),
                colour: HighlightColour::Green,
                paragraph: Some(0),
                text: Some("sails again from Monday".into()),
                state: None,
            },
            ReadingHighlight {
                quote: "About 600 passengers".into(),
                note: None,
                colour: HighlightColour::Pink,
                paragraph: Some(1),
                text: Some("About 900 passengers".into()),
                state: Some("edited: 600 → 900 passengers (highlighted in version 1)".into()),
            },
            ReadingHighlight {
                quote: "the pier cost less".into(),
                note: None,
                colour: HighlightColour::Blue,
                paragraph: Some(2),
                // Resolved text is whitespace-folded; the stored paragraph has two spaces.
                text: Some("the pier cost less".into()),
                state: None,
            },
            ReadingHighlight {
                quote: "A brass band played on the slipway.".into(),
                note: Some("Lovely detail, gone later.".into()),
                colour: HighlightColour::Yellow,
                paragraph: None,
                text: None,
                state: Some(
                    "removed: this version no longer has the passage (highlighted in version 2)"
                        .into(),
                ),
            },
        ],
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn text_provenance_and_endnotes_in_order() {
    let pdf = save(&reading_pdf(&request()).unwrap());
    let all = squash(&text(&pdf.path, 1, pages(&pdf.path), None));
    let order = [
        "Ferry returns to Skerry Quay",
        "By Ilse Marwick",
        "version 3 of 3",
        "Harbour Gazette",
        "https://harbour.example/ferry",
        "2026-03-15T06:50:00Z",
        "2026-03-15T17:40:00Z",
        "sails again from Monday [1]",
        "About 900 passengers [2]",
        "pier cost less [3]",
        "Notes",
        "[1] green “sails again from Monday” Note: Check the timetable.",
        "[2] pink “About 600 passengers” edited: 600 → 900 passengers (highlighted in version 1)",
        "[4] yellow detached: no longer in this version “A brass band played on the slipway.”",
        "Lovely detail, gone later.",
    ];
    let mut at = 0;
    for s in order {
        let found = all[at..]
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} missing after byte {at} in:\n{all}"));
        at += found + s.len();
    }
    assert!(
        all.contains(&"ab".repeat(32)),
        "the full content hash is printed"
    );
}

#[test]
fn each_highlight_is_painted_in_its_colour() {
    let pdf = save(&reading_pdf(&request()).unwrap());
    let page = raster(&pdf.path, 1, 60);
    for c in [
        HighlightColour::Green,
        HighlightColour::Pink,
        HighlightColour::Blue,
    ] {
        assert!(page.count(c.rgb(), 4) > 100, "{c:?} missing on page 1");
    }
    // Without highlights, none of the five tints is on the page.
    let mut bare = request();
    bare.highlights.clear();
    let plain = save(&reading_pdf(&bare).unwrap());
    let page = raster(&plain.path, 1, 60);
    for c in [
        HighlightColour::Green,
        HighlightColour::Pink,
        HighlightColour::Blue,
        HighlightColour::Yellow,
        HighlightColour::Purple,
    ] {
        assert_eq!(page.count(c.rgb(), 4), 0, "{c:?} painted with no highlight");
    }
    let t = squash(&text(&plain.path, 1, pages(&plain.path), None));
    assert!(!t.contains("Notes") && !t.contains("[1]"), "{t}");
}
