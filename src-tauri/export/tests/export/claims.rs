//! Issue 10 item 3: every format marks a row's claim atoms inside its sentences (boxed where the sides differ,
//! dotted / italic where only one side has them) beside the notes that name them, and between two accounts leaves
//! the word redline out unless asked for it. The texts are invented for these tests.

use parallax_engine::{Claim, ClaimStatus, Comparison, Facet, Mode};
use parallax_export::{ExportRequest, Layout, REMOVED_BG, to_html, to_markdown, to_pdf};

use crate::fixture::{self, Builder};
use crate::pdf_pixels::dark_lines;
use crate::poppler::{column, raster, save, text};

fn claim(facet: Facet, status: ClaimStatus, left: Option<&str>, right: Option<&str>) -> Claim {
    Claim {
        facet,
        status,
        left: left.map(str::to_string),
        right: right.map(str::to_string),
    }
}

/// Rows of two tellings: a differing figure and source, a detail only the right account gives, then a sentence only
/// the right account has.
fn tellings(mode: Mode) -> Comparison {
    let mut b = Builder::new(mode);
    b.edited(
        &[
            (
                "About ",
                "3,400 residents were ordered from",
                "2,100 people have left",
            ),
            (
                " their homes, ",
                "Mayor Ruth Adeyemi",
                "Harl County officials",
            ),
            (" said.", "", ""),
        ],
        0,
        0,
        parallax_engine::Significance::Substantive,
        vec![Facet::Number, Facet::Attribution],
    );
    b.edited(
        &[
            ("The gate", "", ", one of three,"),
            (" failed at 2:40 a.m.", "", ""),
        ],
        1,
        1,
        parallax_engine::Significance::Substantive,
        vec![Facet::Number],
    );
    b.added("Shelters opened at the high school.", 2, vec![]);
    let mut c = b.finish();
    c.rows[0].claims = vec![
        claim(
            Facet::Number,
            ClaimStatus::Differs,
            Some("3,400 residents"),
            Some("2,100 people"),
        ),
        claim(
            Facet::Attribution,
            ClaimStatus::Differs,
            Some("Mayor Ruth Adeyemi"),
            Some("Harl County officials"),
        ),
    ];
    c.rows[1].claims = vec![
        claim(
            Facet::Number,
            ClaimStatus::RightOnly,
            None,
            Some("one of three"),
        ),
        claim(
            Facet::Date,
            ClaimStatus::Same,
            Some("2:40 a.m."),
            Some("2:40 a.m."),
        ),
    ];
    c
}

fn request(mode: Mode, layout: Layout, word_redline: bool) -> ExportRequest {
    let mut req = fixture::request(tellings(mode), layout);
    req.highlights.clear();
    req.word_redline = word_redline;
    req
}

/// The part of a document after its legend: the rows themselves.
fn body(doc: &str) -> &str {
    &doc[doc.rfind("Comparison").expect("a comparison section")..]
}

const NOTES: [&str; 3] = [
    "Number differs: 3,400 residents → 2,100 people",
    "Source differs: Mayor Ruth Adeyemi → Harl County officials",
    "Number only in the right account: one of three",
];

#[test]
fn markdown_marks_atoms_and_leaves_words_unmarked_between_accounts() {
    let md = to_markdown(&request(Mode::Accounts, Layout::SideBySide, false));
    let rows = body(&md);
    for atom in [
        "⟦3,400 residents⟧",
        "⟦2,100 people⟧",
        "⟦Mayor Ruth Adeyemi⟧",
        "⟦Harl County officials⟧",
        "_one of three_",
    ] {
        assert!(rows.contains(atom), "{atom} missing in {rows}");
    }
    for note in NOTES {
        assert!(rows.contains(note), "note {note:?} missing in {rows}");
    }
    let linked: Vec<&str> = rows.lines().filter(|l| l.contains("EDITED")).collect();
    assert_eq!(linked.len(), 2);
    assert!(
        linked
            .iter()
            .all(|l| !l.contains("~~") && !l.contains("**")),
        "no word redline by default: {rows}"
    );
    // A sentence only one account has keeps its whole-sentence mark, as the view tints it.
    assert!(
        rows.contains("**Shelters opened at the high school.**"),
        "{rows}"
    );
    assert!(
        !rows.contains("2:40 a.m.⟧"),
        "a claim both give alike is not marked"
    );
    assert!(md.contains("| claim differences: number | 2 |"), "{md}");
    assert!(md.contains("⟦boxed⟧ = a claim the two sides give differently"));
}

#[test]
fn markdown_keeps_the_word_redline_when_asked_and_in_revisions() {
    for (mode, asked) in [(Mode::Accounts, true), (Mode::Revision, false)] {
        let md = to_markdown(&request(mode, Layout::SideBySide, asked));
        let rows = body(&md);
        assert!(
            rows.contains("⟦~~3,400 residents~~⟧ ~~were ordered from~~"),
            "{mode:?}: {rows}"
        );
        assert!(rows.contains("⟦**Harl County officials**⟧"), "{rows}");
        assert!(rows.contains("_**one of three**_"), "{rows}");
    }
}

#[test]
fn inline_between_accounts_gives_each_sentence_whole_with_its_atoms() {
    let md = to_markdown(&request(Mode::Accounts, Layout::Inline, false));
    assert!(
        body(&md).contains(
            "About ⟦3,400 residents⟧ were ordered from their homes, ⟦Mayor Ruth Adeyemi⟧ said. → \
             About ⟦2,100 people⟧ have left their homes, ⟦Harl County officials⟧ said."
        ),
        "{md}"
    );
    let redline = to_markdown(&request(Mode::Revision, Layout::Inline, false));
    assert!(
        body(&redline)
            .contains("About ⟦~~3,400 residents~~⟧ ~~were ordered from~~ ⟦**2,100 people**⟧"),
        "{redline}"
    );
}

#[test]
fn html_marks_atoms_as_boxed_and_dotted_spans() {
    let html = to_html(&request(Mode::Accounts, Layout::SideBySide, false));
    let rows = body(&html);
    assert!(rows.contains(
        "<span class=\"claim differs\" data-facet=\"number\" title=\"Number differs between the sides\">3,400 residents</span>"
    ), "{rows}");
    assert!(rows.contains(
        "<span class=\"claim differs\" data-facet=\"attribution\" title=\"Source differs between the sides\">Harl County officials</span>"
    ));
    assert!(rows.contains(
        "<span class=\"claim one-side\" data-facet=\"number\" title=\"Number on this side only\">one of three</span>"
    ));
    for note in NOTES {
        assert!(rows.contains(note), "note {note:?} missing");
    }
    let linked: Vec<&str> = rows.lines().filter(|l| l.contains(">EDITED<")).collect();
    assert_eq!(linked.len(), 2);
    assert!(
        linked
            .iter()
            .all(|l| !l.contains("<del>") && !l.contains("<ins>")),
        "{rows}"
    );
    // The marks are lines (border, dotted underline), not colour alone.
    assert!(
        html.contains(".claim.differs{border:1.5px solid")
            && html.contains("border-bottom:1.5px dotted")
    );
    let full = to_html(&request(Mode::Accounts, Layout::SideBySide, true));
    assert!(body(&full).contains("title=\"Number differs between the sides\"><del>3,400 residents</del></span><del> were ordered from</del>"), "{full}");
}

#[test]
fn pdf_carries_the_notes_and_the_word_redline_only_when_asked() {
    let plain = save(&to_pdf(&request(Mode::Accounts, Layout::SideBySide, false)).unwrap());
    // The notes stand in the right column, beside the right account's sentence.
    let words = column(&plain.path, true)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for note in NOTES {
        assert!(words.contains(note), "note {note:?} missing in {words}");
    }
    assert!(words.contains("Harl County officials said."));
    let cover = text(&plain.path, 1, 1, None);
    assert!(cover.contains("claims marked, words not"), "{cover}");
    assert_eq!(
        raster(&plain.path, 2, 50).count(REMOVED_BG, 4),
        0,
        "no word redline by default"
    );
    let full = save(&to_pdf(&request(Mode::Accounts, Layout::SideBySide, true)).unwrap());
    assert!(
        raster(&full.path, 2, 50).count(REMOVED_BG, 4) > 100,
        "the word redline when asked"
    );
}

#[test]
fn pdf_claim_marks_are_lines_that_survive_greyscale() {
    // The linked rows only: an added sentence's underline would count as a line too.
    let linked = || {
        let mut req = request(Mode::Accounts, Layout::SideBySide, false);
        req.comparison
            .rows
            .retain(|r| !r.left.is_empty() && !r.right.is_empty());
        req
    };
    let marked = save(&to_pdf(&linked()).unwrap());
    let mut req = linked();
    for row in &mut req.comparison.rows {
        row.claims.clear();
    }
    let unmarked = save(&to_pdf(&req).unwrap());
    let (m, u) = (raster(&marked.path, 2, 100), raster(&unmarked.path, 2, 100));
    // Each box has a top and a bottom edge as wide as its atom (60+ px at 100 dpi); letters make no such runs.
    assert!(
        dark_lines(&m, 60) >= 8,
        "boxes missing: {}",
        dark_lines(&m, 60)
    );
    assert_eq!(dark_lines(&u, 60), 0, "unmarked text must not look boxed");
}
