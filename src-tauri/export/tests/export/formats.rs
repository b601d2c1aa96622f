//! HTML, Markdown and JSON carry the same rows, marks, provenance and notes as the PDF.

use parallax_engine::{Comparison, Mode};
use parallax_export::{ExportDocument, Layout, to_html, to_json, to_markdown};

use crate::fixture::{self, Builder};

#[test]
fn html_is_standalone_with_the_same_marks() {
    for layout in [Layout::SideBySide, Layout::Inline] {
        let req = fixture::request(fixture::small(), layout);
        let html = to_html(&req);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(
            html.contains("<del>4.2</del>") && html.contains("<ins>5.8</ins>"),
            "{html}"
        );
        assert!(
            html.contains("MOVED&nbsp;↓") && html.contains(">SPLIT<") && html.contains(">MERGED<")
        );
        assert!(html.contains(&req.left.content_hash) && html.contains("2026-11-25T17:40:03Z"));
        assert!(html.contains("Η προβλήτα θα κλείσει") && html.contains("Причал закрыт"));
        assert!(
            html.contains("Appendix: highlights and notes")
                && html.contains("the board&#39;s budget paper says 5.8.")
        );
        // Standalone: no scripts, stylesheets or images fetched from elsewhere.
        for bad in ["<script", "<link", "<img", "src="] {
            assert!(!html.contains(bad), "{bad} in standalone HTML");
        }
    }
}

fn hostile() -> Comparison {
    let mut b = Builder::new(Mode::Accounts);
    b.unchanged(
        "He wrote <script>alert(1)</script> & left | a *star* and _under_ [link](x) `code` ~~no~~.",
        0,
        0,
    );
    b.finish()
}

#[test]
fn html_escapes_article_text() {
    let html = to_html(&fixture::request(hostile(), Layout::Inline));
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; left"));
}

#[test]
fn markdown_marks_deletions_and_insertions_and_escapes_syntax() {
    let req = fixture::request(fixture::small(), Layout::Inline);
    let md = to_markdown(&req);
    assert!(md.contains("~~4.2~~ **5.8**"), "{md}");
    assert!(md.contains("\\[MOVED ↓\\]") && md.contains("\\[SPLIT\\]"));
    assert!(md.contains(&format!("`{}`", req.right.content_hash)));
    assert!(md.contains("| edited | 3 |"));
    let side = to_markdown(&fixture::request(fixture::small(), Layout::SideBySide));
    assert!(side.contains("| Left: Harbour Gazette | Right: Harbour Gazette |"));
    assert!(
        side.lines()
            .any(|l| l.starts_with("| \\[EDITED\\] Repairs are expected to cost ~~4.2~~")),
        "{side}"
    );
    let esc = to_markdown(&fixture::request(hostile(), Layout::SideBySide));
    assert!(
        esc.contains("\\*star\\*")
            && esc.contains("\\_under\\_")
            && esc.contains("\\[link\\](x)")
            && esc.contains("a \\*star")
    );
    assert!(
        esc.contains("left \\| a"),
        "a pipe in text must not split the table cell"
    );
}

#[test]
fn json_is_the_comparison_with_its_provenance() {
    let req = fixture::request(fixture::small(), Layout::SideBySide);
    let bytes = to_json(&req).unwrap();
    let doc: ExportDocument = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc.format, "parallax-comparison/1");
    assert_eq!(doc.comparison, req.comparison);
    assert_eq!(doc.left, req.left);
    assert_eq!(doc.right, req.right);
    assert_eq!(doc.highlights, req.highlights);
    // The comparison field is exactly the engine's own serialisation.
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        v["comparison"],
        serde_json::to_value(&req.comparison).unwrap()
    );
}

#[test]
fn format_entry_point_writes_each_format_by_extension() {
    use parallax_export::{Format, export_to_file};
    let dir = tempfile::tempdir().unwrap();
    let req = fixture::request(fixture::small(), Layout::Inline);
    for name in ["c.pdf", "c.html", "c.md", "c.json"] {
        let path = dir.path().join(name);
        let format = Format::from_path(&path).unwrap();
        assert_eq!(format.extension(), name.split('.').nth(1).unwrap());
        let n = export_to_file(&req, format, &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len() as u64, n);
        let head = String::from_utf8_lossy(&bytes[..8]).into_owned();
        let want = match format {
            Format::Pdf => "%PDF",
            Format::Html => "<!DOCTYP",
            Format::Markdown => "# Marlow",
            Format::Json => "{",
        };
        assert!(head.starts_with(want), "{name}: {head:?}");
    }
    assert_eq!(Format::from_path(std::path::Path::new("notes.txt")), None);
}

#[test]
fn empty_and_odd_inputs_still_export() {
    use parallax_engine::Comparison;
    let mut b = Builder::new(Mode::Revision);
    b.unchanged("A line with\ta tab and a carriage\rreturn.", 0, 0);
    // Scripts the embedded font lacks (CJK, emoji) must not make the export fail.
    b.unchanged("The mayor of 東京 replied 👍 and left.", 0, 0);
    let odd = b.finish();
    let empty = Comparison {
        rows: vec![],
        left: vec![],
        right: vec![],
        ..odd.clone()
    };
    for c in [empty, odd] {
        for layout in [Layout::SideBySide, Layout::Inline] {
            let mut req = fixture::request(c.clone(), layout);
            req.left = parallax_export::ExportSide::default();
            req.title =
                "A title long enough to need the running header to shorten it with an ellipsis "
                    .repeat(4);
            let pdf = parallax_export::to_pdf(&req).unwrap();
            assert!(pdf.starts_with(b"%PDF"));
            let p = crate::poppler::save(&pdf);
            let text = crate::poppler::squash(&crate::poppler::text(
                &p.path,
                1,
                crate::poppler::pages(&p.path),
                None,
            ));
            if !c.rows.is_empty() {
                assert!(
                    text.contains("A line with a tab and a carriage return."),
                    "{text}"
                );
            }
            assert!(text.contains("…"), "running header shortened");
            to_html(&req);
            to_markdown(&req);
        }
    }
}
