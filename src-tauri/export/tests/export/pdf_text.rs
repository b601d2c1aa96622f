//! What a reader can copy out of the PDF: both texts in reading order, the provenance and summary on page 1,
//! page numbers, the appendix, and non-Latin scripts intact.

use parallax_engine::{Comparison, RowKind};
use parallax_export::{Layout, to_pdf};

use crate::fixture;
use crate::poppler::{Word, column, layout_text, pages, save, squash, text, words};

/// Sentences of one side in the order their rows stand, leaving out moved rows on the left (a moved row
/// stands at its right-side position, so its left sentence is out of the left's order by design).
fn expected(c: &Comparison, right: bool) -> Vec<String> {
    let mut out = Vec::new();
    for row in &c.rows {
        let (idx, sents) = if right {
            (&row.right, &c.right)
        } else {
            (&row.left, &c.left)
        };
        if !right && row.kind == RowKind::Moved {
            continue;
        }
        for &i in idx {
            out.push(sents[i].text.clone());
        }
    }
    out
}

/// Assert each of `items` occurs in `hay` after the previous one.
fn assert_in_order(hay: &str, items: &[String], what: &str) {
    let mut at = 0;
    for item in items {
        let item = squash(item);
        match hay[at..].find(&item) {
            Some(pos) => at += pos + item.len(),
            None => panic!("{what}: {item:?} missing or out of order after byte {at} in:\n{hay}"),
        }
    }
}

#[test]
fn side_by_side_columns_hold_both_texts_in_reading_order() {
    let c = fixture::small();
    let mut req = fixture::request(c.clone(), Layout::SideBySide);
    req.highlights.clear(); // the appendix quotes both sides; here only the body matters
    let pdf = save(&to_pdf(&req).unwrap());
    let left = squash(&column(&pdf.path, false));
    let right = squash(&column(&pdf.path, true));
    assert_in_order(&left, &expected(&c, false), "left column");
    assert_in_order(&right, &expected(&c, true), "right column");
    // Each text stays in its own column: a right-only sentence never shows up on the left and vice versa.
    assert!(!left.contains("Ferries will dock at the northern quay"));
    assert!(!right.contains("A spokesperson declined"));
    // Labels for the kinds that colour alone would not show in greyscale.
    for label in ["MOVED ↓", "SPLIT", "MERGED", "REMOVED", "ADDED", "EDITED"] {
        assert!(
            right.contains(label) || left.contains(label),
            "label {label} missing"
        );
    }
}

#[test]
fn long_side_by_side_keeps_order_across_pages_and_splits_long_rows() {
    let c = fixture::long_row();
    let pdf = save(&to_pdf(&fixture::request(c.clone(), Layout::SideBySide)).unwrap());
    assert!(
        pages(&pdf.path) >= 4,
        "the long row should need several pages"
    );
    for right in [false, true] {
        let col = squash(&column(&pdf.path, right));
        let tokens: Vec<&str> = col.split(' ').filter(|t| is_token(t)).collect();
        let want: Vec<String> = (0..900).map(|i| format!("w{i:03}")).collect();
        assert_eq!(
            tokens, want,
            "every word of the long row, once, in order (right={right})"
        );
        // The long row itself is interrupted by page furniture; the rows around it must keep their order.
        let others: Vec<String> = expected(&c, right)
            .into_iter()
            .filter(|s| !s.starts_with("w000"))
            .collect();
        assert_in_order(&col, &others, "column");
    }
    // Bands stay aligned: every row starts at the same height in both columns, and where the long row
    // continues on a new page it continues at the same height on both sides.
    let n = pages(&pdf.path);
    let mut starts = 0;
    for p in 2..=n {
        let w = words(&pdf.path, p);
        let tops = |pred: &dyn Fn(&Word) -> bool, right: bool| -> Vec<i32> {
            w.iter()
                .filter(|w| pred(w) && (w.x > 297.0) == right)
                .map(|w| (w.y * 10.0).round() as i32)
                .collect()
        };
        let row_start = |w: &Word| w.text == "Opening" || w.text == "Closing" || w.text == "EDITED";
        assert_eq!(
            tops(&row_start, false),
            tops(&row_start, true),
            "page {p}: row starts differ"
        );
        starts += tops(&row_start, false).len();
        let first_token = |right: bool| {
            w.iter()
                .find(|w| is_token(&w.text) && (w.x > 297.0) == right)
                .map(|w| (w.y * 10.0).round() as i32)
        };
        assert_eq!(
            first_token(false),
            first_token(true),
            "page {p}: the long row resumes at different heights"
        );
    }
    assert_eq!(starts, 14, "every row start seen once per column");
}

fn is_token(t: &str) -> bool {
    t.len() == 4 && t.starts_with('w') && t[1..].chars().all(|c| c.is_ascii_digit())
}

#[test]
fn inline_redline_reads_in_right_side_order() {
    let c = fixture::long(12);
    let pdf = save(&to_pdf(&fixture::request(c.clone(), Layout::Inline)).unwrap());
    let all = squash(&text(&pdf.path, 2, pages(&pdf.path), None));
    let markers: Vec<String> = c
        .rows
        .iter()
        .filter_map(|r| r.right.first().or(r.left.first()).map(|_| r))
        .map(|r| {
            let s = match r.right.first() {
                Some(&i) => &c.right[i].text,
                None => &c.left[r.left[0]].text,
            };
            s.split(':').next().unwrap().to_string() + ":"
        })
        .collect();
    assert_in_order(&all, &markers, "inline");
    // Deleted and inserted words of an edit both appear, the deletion first.
    assert!(
        all.contains("It cost 3 million. It cost 4 million, officials said."),
        "{all}"
    );
}

#[test]
fn first_page_has_title_provenance_summary_and_legend() {
    let req = fixture::request(fixture::small(), Layout::SideBySide);
    let pdf = save(&to_pdf(&req).unwrap());
    let p1 = squash(&text(&pdf.path, 1, 1, None));
    let nospace: String = p1.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(p1.contains("Marlowe Bay ferry pier: what changed"), "{p1}");
    for side in [&req.left, &req.right] {
        assert!(p1.contains(&side.outlet));
        assert!(
            p1.contains(side.url.as_deref().unwrap()),
            "url of {}",
            side.version_label
        );
        assert!(p1.contains(side.published.as_deref().unwrap()));
        assert!(p1.contains(side.fetched.as_deref().unwrap()));
        assert!(p1.contains(&side.version_label));
        // Hashes are long and may wrap; compare without whitespace.
        assert!(
            nospace.contains(&side.content_hash),
            "hash {}",
            side.content_hash
        );
    }
    let layout = layout_text(&pdf.path, 1);
    let s = &req.comparison.summary;
    for (name, n) in [
        ("unchanged", s.unchanged),
        ("edited", s.edited),
        ("moved", s.moved),
        ("split", s.split),
        ("substantive", s.substantive),
    ] {
        let found = layout.lines().any(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            w.windows(2).any(|p| p[0] == name && p[1] == n.to_string())
        });
        assert!(found, "summary line '{name} {n}' missing in:\n{layout}");
    }
    assert!(p1.contains("Legend") && p1.contains("struck through") && p1.contains("underlined"));
    assert!(p1.contains("all 11 rows"));
}

#[test]
fn pages_are_numbered_and_carry_a_running_header() {
    let pdf = save(&to_pdf(&fixture::request(fixture::long(30), Layout::SideBySide)).unwrap());
    let n = pages(&pdf.path);
    assert!(n > 5);
    for p in 1..=n {
        let t = text(&pdf.path, p, p, None);
        assert!(
            t.contains(&format!("{p} / {n}")),
            "page {p} lacks its number"
        );
        if p > 1 {
            assert!(
                t.contains("Parallax · Marlowe Bay"),
                "page {p} lacks the running header"
            );
            assert!(t.contains("Harbour Gazette → Harbour Gazette"));
        }
    }
}

#[test]
fn appendix_lists_highlights_and_notes_only_when_there_are_any() {
    let req = fixture::request(fixture::small(), Layout::Inline);
    let pdf = save(&to_pdf(&req).unwrap());
    let n = pages(&pdf.path);
    let last = squash(&text(&pdf.path, n, n, None));
    assert!(last.contains("Appendix: highlights and notes"));
    for h in &req.highlights {
        assert!(last.contains(&h.quote) && last.contains(&h.note), "{last}");
    }
    // Each highlight says what became of it on the right version.
    assert!(
        last.contains(
            "On the right version: edited: 4.2 → 5.8 million crowns (highlighted in version 1)"
        ),
        "{last}"
    );
    assert!(
        last.contains("On the right version: intact (highlighted on this version)"),
        "{last}"
    );
    let mut bare = req.clone();
    bare.highlights.clear();
    let pdf = save(&to_pdf(&bare).unwrap());
    assert_eq!(pages(&pdf.path), n - 1);
    assert!(!squash(&text(&pdf.path, 1, n - 1, None)).contains("Appendix"));
}

#[test]
fn greek_cyrillic_and_polish_text_survive_extraction() {
    for layout in [Layout::SideBySide, Layout::Inline] {
        let pdf = save(&to_pdf(&fixture::request(fixture::small(), layout)).unwrap());
        // Side by side, read each column on its own (pdftotext would interleave their lines).
        let all = match layout {
            Layout::SideBySide => {
                squash(&(column(&pdf.path, false) + " " + &column(&pdf.path, true)))
            }
            Layout::Inline => squash(&text(&pdf.path, 1, pages(&pdf.path), None)),
        };
        for s in [
            "Zażółć gęślą jaźń",
            "Ewa Zielińska",
            "Η προβλήτα θα κλείσει",
            "Η προβλήτα κλείνει",
            "Причал закрито на ремонт",
            "Причал закрыт на ремонт",
        ] {
            assert!(all.contains(s), "{s:?} lost in {layout:?}:\n{all}");
        }
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let pdf = save(&to_pdf(&fixture::request(fixture::small(), Layout::SideBySide)).unwrap());
    let out = std::process::Command::new("pdffonts")
        .arg(&pdf.path)
        .output()
        .unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!fonts.is_empty());
    for f in fonts {
        let cols: Vec<&str> = f.split_whitespace().collect();
        // name type encoding emb sub uni object ID: the three yes/no columns come before the object id.
        let yn = &cols[cols.len() - 5..cols.len() - 2];
        assert_eq!(
            yn,
            ["yes", "yes", "yes"],
            "font not embedded+subset+unicode: {f}"
        );
    }
    assert!(
        std::fs::metadata(&pdf.path).unwrap().len() < 200_000,
        "small export stays small"
    );
}

#[test]
fn substantive_only_leaves_out_unchanged_and_cosmetic_rows() {
    let mut req = fixture::request(fixture::small(), Layout::SideBySide);
    req.substantive_only = true;
    let pdf = save(&to_pdf(&req).unwrap());
    let p1 = squash(&text(&pdf.path, 1, 1, None));
    assert!(
        p1.contains("substantive changes only (5 of 11 rows)"),
        "{p1}"
    );
    let body = squash(&text(&pdf.path, 2, pages(&pdf.path), None));
    assert!(body.contains("5.8") && body.contains("northern quay"));
    assert!(!body.contains("said on Tuesday"), "unchanged row shown");
    assert!(!body.contains("Local shopkeepers"), "cosmetic row shown");
}

#[test]
fn twenty_page_export_is_reasonably_small() {
    let req = fixture::request(fixture::long(38), Layout::SideBySide);
    let bytes = to_pdf(&req).unwrap();
    let pdf = save(&bytes);
    assert!(pages(&pdf.path) >= 20);
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
}

#[test]
fn bookmarks_lead_to_each_part() {
    let pdf = save(&to_pdf(&fixture::request(fixture::small(), Layout::SideBySide)).unwrap());
    let out = std::process::Command::new("pdftohtml")
        .args(["-q", "-i", "-xml", "-stdout"])
        .arg(&pdf.path)
        .output()
        .expect("pdftohtml (poppler-utils)");
    let xml = String::from_utf8(out.stdout).unwrap();
    for item in [
        "<item page=\"1\">Provenance, summary and legend</item>",
        "<item page=\"2\">Comparison</item>",
        "<item page=\"3\">Appendix: highlights and notes</item>",
    ] {
        assert!(xml.contains(item), "{item} missing from the outline");
    }
}

#[test]
fn claim_differences_are_named_in_words_in_every_format_issue_10() {
    use parallax_engine::{Claim, ClaimStatus, Facet};
    let mut c = fixture::small();
    let row = c
        .rows
        .iter_mut()
        .find(|r| {
            r.kind == RowKind::Edited && r.significance != parallax_engine::Significance::Cosmetic
        })
        .expect("an edited row");
    row.claims = vec![
        Claim {
            facet: Facet::Hedge,
            status: ClaimStatus::LeftOnly,
            left: Some("may have".into()),
            right: None,
        },
        Claim {
            facet: Facet::Number,
            status: ClaimStatus::Differs,
            left: Some("3,400".into()),
            right: Some("2,100".into()),
        },
    ];
    let want = "Number differs: 3,400 → 2,100 · Hedged: may have → stated";
    for layout in [Layout::Inline, Layout::SideBySide] {
        let req = fixture::request(c.clone(), layout);
        let pdf = save(&to_pdf(&req).unwrap());
        let all = squash(&text(&pdf.path, 1, pages(&pdf.path), None));
        // Side by side, the detail wraps inside its column, so each sentence is looked for on its own.
        for note in want.split(" · ") {
            assert!(all.contains(&squash(note)), "{layout:?}: {note:?} in {all}");
        }
        assert!(parallax_export::to_html(&req).contains(want));
        assert!(parallax_export::to_markdown(&req).contains(want));
    }
}
