//! "Import anyway": a page refused as having no article (a home page, a paywall stub, a cookie
//! wall) stored as the text a reader of it can see — every visible text block in page order —
//! so the user keeps what they chose to keep and the refusal is never a dead end.

use dom_query::Document;

use crate::article::{Capture, Origin, capture_extracted, capture_html};
use crate::boilerplate::collapse_whitespace;
use crate::error::{IngestError, Result};
use crate::extract::Extracted;
use crate::metadata::read_meta;

/// Elements whose text is one block; the innermost ones win, so nested layout divs do not
/// repeat their children's text.
const TEXT_BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th, \
     figcaption, caption, div, section, article, header, footer, main, aside, nav, form, label";

/// What a browser does not show: code, metadata and explicitly hidden elements.
const INVISIBLE: &str = "head, script, noscript, style, template, svg, [hidden], \
     [aria-hidden=\"true\"], [style*=\"display:none\"], [style*=\"display: none\"]";

/// The page's visible text, one paragraph per innermost text block, in page order; a block
/// repeated word for word (a second copy of a menu) is kept once.
pub fn readable_text(html: &str) -> Result<Vec<String>> {
    let html =
        crate::nesting::bound(html).map_err(|_| IngestError::TooManyElements { what: "page" })?;
    let doc = Document::from(html.as_ref());
    doc.select(INVISIBLE).remove();
    doc.select("br").replace_with_html(" ");
    let blocks = dom_query::Matcher::new(TEXT_BLOCKS).expect("a valid selector");
    let mut seen = std::collections::HashSet::new();
    let paragraphs = doc
        .select_matcher(&blocks)
        .nodes()
        .iter()
        .filter(|n| {
            !n.descendants_it()
                .any(|d| d.is_element() && d.is_match(&blocks))
        })
        .map(|n| collapse_whitespace(&n.text()))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .filter(|t| seen.insert(t.clone()))
        .collect();
    Ok(paragraphs)
}

/// Like [`capture_html`], but a page refused for having no article is stored as its visible
/// text instead, with a note saying so (and what the page looked like). Any other refusal
/// (too large, not text) stands; a page with no visible text at all is [`IngestError::Empty`].
pub fn capture_html_anyway(
    html: &str,
    url: Option<&str>,
    origin: Origin,
    source_ref: &str,
    now: i64,
) -> Result<Capture> {
    let what = match capture_html(html, url, origin, source_ref, now) {
        Err(IngestError::NoArticle { what }) => what,
        other => return other,
    };
    let paragraphs = readable_text(html)?;
    if paragraphs.is_empty() {
        return Err(IngestError::Empty);
    }
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let doc = Document::from(html);
    let meta = read_meta(&doc, url);
    let page_title = collapse_whitespace(&doc.select("title").text());
    let title = meta
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or(page_title);
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    let extracted = Extracted {
        title,
        byline: meta.byline,
        published: meta.published,
        modified: meta.modified,
        site_name: meta.site_name,
        canonical_url: meta.canonical_url,
        paragraphs,
        html: body,
    };
    let mut capture = capture_extracted(extracted, url, origin, source_ref, now);
    capture.raw_html = Some(html.to_string());
    capture.notes.push(format!(
        "no article was found (it looks like {what}), so all its visible text was stored"
    ));
    Ok(capture)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: &str = r#"<!doctype html><html><head><title>The Quayside Courier</title>
<style>p { color: red }</style><script>var tracker = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/harbour">Harbour</a></nav>
<div class="grid"><div class="card"><h2><a href="/a">Pier lights switched on early</a></h2></div>
<div class="card"><h2><a href="/b">Rowing club elects a new captain</a></h2></div></div>
<div hidden>Subscriber-only offer text</div><p style="display:none">Hidden teaser</p>
<footer>Contact the newsroom<br>Quay Street 4</footer>
<nav><a href="/">Home</a> <a href="/harbour">Harbour</a></nav></body></html>"#;

    #[test]
    fn a_home_page_is_refused_but_stored_anyway_as_its_visible_text() {
        assert!(matches!(
            capture_html(HOME, None, Origin::File, "home.html", 1),
            Err(IngestError::NoArticle { .. })
        ));
        let c = capture_html_anyway(HOME, None, Origin::File, "home.html", 1).unwrap();
        assert_eq!(c.title, "The Quayside Courier");
        assert_eq!(
            c.paragraphs,
            [
                "Home Harbour",
                "Pier lights switched on early",
                "Rowing club elects a new captain",
                "Contact the newsroom Quay Street 4",
            ]
        );
        assert_eq!(
            c.raw_html.as_deref(),
            Some(HOME),
            "the page is kept as well"
        );
        assert!(c.notes[0].contains("it looks like"), "{:?}", c.notes);
        assert!(c.notes[0].contains("all its visible text was stored"));
    }

    #[test]
    fn a_real_article_is_extracted_as_usual_without_a_note() {
        let page = format!(
            "<html><head><title>Ferry</title></head><body><nav>Home</nav><article><h1>Ferry</h1>{}</article></body></html>",
            "<p>The island ferry will run five crossings a day from November, two fewer than in summer, the operator said.</p>"
                .repeat(3)
        );
        let plain = capture_html(&page, None, Origin::File, "f.html", 1).unwrap();
        let anyway = capture_html_anyway(&page, None, Origin::File, "f.html", 1).unwrap();
        assert_eq!(anyway.paragraphs, plain.paragraphs);
        assert!(anyway.notes.is_empty());
    }

    #[test]
    fn a_paywall_stub_keeps_the_teaser_and_the_offer_and_says_it_was_a_paywall() {
        let stub = "<html><head><title>Harbour deal | Quay Post</title></head><body><article><h1>Harbour deal</h1>\
            <p>The harbour board agreed a deal.</p><div class=\"paywall-offer\"><p>Subscribe to keep reading.</p></div>\
            </article></body></html>";
        let c = capture_html_anyway(stub, Some("https://quay.example/deal"), Origin::Url, "u", 1)
            .unwrap();
        assert_eq!(
            c.paragraphs,
            [
                "Harbour deal",
                "The harbour board agreed a deal.",
                "Subscribe to keep reading."
            ]
        );
        assert_eq!(c.url.as_deref(), Some("https://quay.example/deal"));
        assert!(c.notes[0].contains("paywall"), "{:?}", c.notes);
    }

    #[test]
    fn a_page_with_nothing_visible_is_still_refused_as_empty() {
        let page = "<html><head><title>x</title><script>1</script></head><body><div hidden>gone</div></body></html>";
        assert!(matches!(
            capture_html_anyway(page, None, Origin::File, "e.html", 1),
            Err(IngestError::Empty)
        ));
    }

    #[test]
    fn markup_in_the_text_is_escaped_in_the_stored_html() {
        let page = "<html><body><p>Fish &amp; chips &lt;b&gt; at the quay</p></body></html>";
        let c = capture_html_anyway(page, None, Origin::File, "q.html", 1).unwrap();
        assert_eq!(c.paragraphs, ["Fish & chips <b> at the quay"]);
        assert_eq!(
            c.html.as_deref(),
            Some("<p>Fish &amp; chips &lt;b&gt; at the quay</p>")
        );
    }
}
