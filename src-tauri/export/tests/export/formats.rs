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
