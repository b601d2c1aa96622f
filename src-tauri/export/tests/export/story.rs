//! Story exports (issue 12): three fictional outlets' accounts of a fictional harbour fire, grouped by the
//! engine, exported as PDF (read back with pdftotext and pdfinfo), Markdown and JSON.

use parallax_engine::story::story;
use parallax_export::{Format, story_json, story_markdown, story_render};

use crate::fixture::{GAZETTE, WIRE, story_export, story_export_ten};
use crate::poppler::{pages, raster, save, squash, text};

#[test]
fn the_story_pdf_is_landscape_and_names_outlets_disputes_omissions_and_provenance() {
    let req = story_export();
    assert!(
        !req.story.claims[0].disputes.is_empty(),
        "the fixture's first claim disputes the figure: {:?}",
        req.story.claims[0]
    );
    let pdf = save(&parallax_export::story_pdf(&req).unwrap());
    let n = pages(&pdf.path);
    assert!(n >= 3, "cover, table, omissions: {n} pages");
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf.path)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("841.89 x 595.28"),
        "three accounts print landscape:\n{info}"
    );
    let all = squash(&text(&pdf.path, 1, n, None));
    for outlet in ["Harbour Gazette", "Coast Wire", "Bay Bulletin"] {
        assert!(all.contains(outlet), "{outlet} missing:\n{all}");
    }
    // The disputed figure named in words, each value with its outlet.
    assert!(
        all.contains(
            "Number disputed: 3,400 residents (Harbour Gazette) · 2,100 residents (Coast Wire)"
        ),
        "{all}"
    );
    assert!(
        all.contains("Thousands of residents (Bay Bulletin)"),
        "{all}"
    );
    // Provenance of every account: URL, times and content hash.
    for s in [
        "https://coast-wire.example/fire",
        "2026-05-03T09:00:00Z",
        "sha256:cc33",
    ] {
        assert!(all.contains(s), "{s} missing from the provenance:\n{all}");
    }
    assert!(all.contains("Reported first by Harbour Gazette"), "{all}");
    // The last page lists what each outlet leaves out.
    let last = squash(&text(&pdf.path, n, n, None));
    assert!(last.contains("What each outlet leaves out"), "{last}");
    assert!(last.contains("Bay Bulletin leaves out"), "{last}");
    assert!(
        last.contains("The mayor will visit"),
        "the Gazette's lone claim is one the others leave out: {last}"
    );
}

#[test]
fn two_accounts_print_portrait_and_ten_accounts_still_fit() {
    let mut two = story_export();
    two.accounts.truncate(2);
    two.story = story(&[("Harbour Gazette", GAZETTE), ("Coast Wire", WIRE)]);
    let pdf = save(&parallax_export::story_pdf(&two).unwrap());
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf.path)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("595.28 x 841.89"));
    let ten = story_export_ten();
    let pdf = save(&parallax_export::story_pdf(&ten).unwrap());
    let all = squash(&text(&pdf.path, 1, pages(&pdf.path), None));
    assert!(all.contains("Outlet 10"), "{all}");
    // Every account's provenance block stays whole on one page: its heading and its last field together.
    for p in 1..=pages(&pdf.path) {
        let page = text(&pdf.path, p, p, None);
        assert_eq!(
            page.matches("ACCOUNT ").count(),
            page.matches("CONTENT HASH").count(),
            "a provenance block broke across pages at page {p}:\n{page}"
        );
    }
}

#[test]
fn markdown_and_json_carry_the_table_the_disputes_and_the_provenance() {
    let req = story_export();
    let md = story_markdown(&req);
    assert!(md.starts_with("# Harbour fire\n\n3 accounts · "), "{md}");
    // The header names the facets as the app does ("source", not the engine's "attribution").
    assert!(!md.lines().nth(2).unwrap().contains("attribution"), "{md}");
    assert!(
        md.lines().nth(2).unwrap().contains(" disputed (number "),
        "{md}"
    );
    assert!(
        md.contains("| # | Harbour Gazette | Coast Wire | Bay Bulletin | Coverage and disputes |"),
        "{md}"
    );
    assert!(
        md.contains(
            "⚠ Number disputed: 3,400 residents (Harbour Gazette) · 2,100 residents (Coast Wire)"
        ),
        "{md}"
    );
    assert!(md.contains("| — |"), "an empty cell reads as a dash: {md}");
    assert!(md.contains("### Coast Wire ("), "{md}");
    assert!(md.contains("content hash `sha256:bb22`"), "{md}");
    let json: serde_json::Value = serde_json::from_slice(&story_json(&req).unwrap()).unwrap();
    assert_eq!(json["format"], "parallax-story/1");
    assert_eq!(json["accounts"][2]["outlet"], "Bay Bulletin");
    assert_eq!(json["story"]["claims"][0]["disputes"][0]["facet"], "number");
    assert_eq!(json["story"]["summary"]["accounts"], 3);
    // HTML is not a story format: a clear refusal, not an empty file.
    let err = story_render(&req, Format::Html).unwrap_err().to_string();
    assert!(err.contains("PDF, Markdown or JSON"), "{err}");
}

#[test]
fn disputed_values_are_tinted_in_the_table_and_nowhere_in_the_omissions() {
    let pdf = save(&parallax_export::story_pdf(&story_export()).unwrap());
    let n = pages(&pdf.path);
    // Page 2 is the claim table: the disputed figures carry the tint (bold and underline carry it in greyscale).
    let table = raster(&pdf.path, 2, 60);
    assert!(
        table.count(parallax_export::DISPUTED_BG, 4) > 100,
        "disputed values are marked on the table page"
    );
    assert_eq!(
        raster(&pdf.path, n, 60).count(parallax_export::DISPUTED_BG, 4),
        0,
        "the omissions page lists claims without marks"
    );
}
