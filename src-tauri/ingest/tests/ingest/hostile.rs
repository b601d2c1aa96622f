//! Hostile structure (issue 15): generated tag soup keeps its text and comes out with bounded
//! nesting; deep pages and documents import; control characters never reach a capture's
//! stored form; a page without a title gets one.

use parallax_ingest::nesting::{MAX_DEPTH, bound};
use parallax_ingest::{Origin, capture_html, capture_markdown};
use proptest::prelude::*;

const PROSE: &str = "The harbour council met on Tuesday and approved the ferry plan after a long debate. \
    Supporters said the plan would help nurses and students who cross the water late at night. \
    Opponents said the money would be better spent on the daytime service.";

fn depth(html: &str) -> usize {
    let doc = dom_query::Document::from(html);
    doc.select("*")
        .nodes()
        .iter()
        .map(|n| n.ancestors(None).len())
        .max()
        .unwrap_or(0)
}

/// Tag soup: opening and closing tags of a few kinds, unbalanced, with text between.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<span class=\"a>b\">".to_string()),
        Just("</span>".to_string()),
        Just("<b>".to_string()),
        Just("<p>".to_string()),
        Just("<li>".to_string()),
        Just("<ul>".to_string()),
        Just("</ul>".to_string()),
        Just("<div/>".to_string()),
        Just("<br>".to_string()),
        Just("<!-- <div> -->".to_string()),
        Just("<script>'<div>'</script>".to_string()),
        "[a-z ]{1,8}",
    ];
    (prop::collection::vec(piece, 0..60), 0usize..800).prop_map(|(v, deep)| {
        // Long runs of one opening tag are what nesting attacks are made of.
        "<section>".repeat(deep) + &v.concat()
    })
}

/// `small` with some whole substrings removed is what `big` is: every kept byte in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut it = big.bytes();
    small.bytes().all(|c| it.any(|d| d == c))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, .. ProptestConfig::default() })]

    #[test]
    fn bounded_html_keeps_its_text_and_nests_no_deeper_than_the_bound(html in soup()) {
        let out = bound(&html).unwrap();
        prop_assert!(is_subsequence(&out, &html));
        let text = |h: &str| dom_query::Document::from(h).select("body").text().to_string();
        let squash = |s: String| s.split_whitespace().collect::<String>();
        prop_assert_eq!(squash(text(&out)), squash(text(&html)));
        // List items and paragraphs, which close by themselves, may add a level each.
        prop_assert!(depth(&out) <= 2 * MAX_DEPTH + 4, "depth {}", depth(&out));
    }
}

#[test]
fn deeply_nested_pages_and_documents_import_with_their_text() {
    let html = format!(
        "<html><head><title>Deep</title></head><body>{}<p>{PROSE}</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let c = capture_html(&html, None, Origin::File, "deep.html", 0).unwrap();
    assert_eq!(c.title, "Deep");
    assert!(c.paragraphs.concat().contains("approved the ferry plan"));
    for md in [
        format!("{}{PROSE}\n", "> ".repeat(50_000)),
        format!("{}{PROSE}\n", "- ".repeat(20_000)),
        format!("{}\n\n{PROSE}\n", "<div>".repeat(100_000)),
    ] {
        let c = capture_markdown(&md, "deep", Origin::File, "deep.md", 0).unwrap();
        assert!(
            c.paragraphs.concat().contains("approved the ferry plan"),
            "{}",
            &md[..20]
        );
        assert!(depth(c.html.as_deref().unwrap()) <= 2 * MAX_DEPTH + 4);
    }
}

#[test]
fn a_page_without_a_title_is_named_by_its_first_sentence() {
    // It was refused as a library error ("Give it a title"), which the CLI cannot do.
    let html = format!("<html><body><article><p>{PROSE}</p></article></body></html>");
    let c = capture_html(&html, None, Origin::File, "/tmp/untitled-page.html", 0).unwrap();
    assert_eq!(
        c.title,
        "The harbour council met on Tuesday and approved the ferry plan after a long debate."
    );
}
