//! HTML page → article: strips page furniture, runs readability (dom_smoothie) to find the
//! article, then turns its content into plain-text paragraphs and sanitised HTML (ammonia: no
//! scripts, images, iframes or styles). Fetching and outlet naming are left to other modules.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability, ReadabilityError};

use crate::boilerplate::{
    FURNITURE_TAGS, collapse_whitespace, is_boilerplate_paragraph, is_furniture_name,
};
use crate::error::{IngestError, Result};
use crate::metadata::{parse_time, read_meta};

/// The article found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub title: String,
    pub byline: Option<String>,
    /// Published time the page claims (unix seconds, UTC).
    pub published: Option<i64>,
    /// Last-modified time the page claims (unix seconds, UTC).
    pub modified: Option<i64>,
    /// The site's own name (`og:site_name`), when the page gives one.
    pub site_name: Option<String>,
    /// `<link rel="canonical">`, `og:url` or JSON-LD's URL, made absolute.
    pub canonical_url: Option<String>,
    /// The body as paragraphs of plain text, furniture removed.
    pub paragraphs: Vec<String>,
    /// The same body as sanitised HTML.
    pub html: String,
}

/// Block elements whose text becomes one paragraph (the innermost ones win).
const BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th";

/// An article shorter than this (in characters of body text) is not one.
const MIN_ARTICLE_CHARS: usize = 200;

fn too_large() -> IngestError {
    IngestError::TooManyElements { what: "page" }
}

/// Finds the article in `html`. `url` (absolute) resolves relative links.
pub fn extract_article(html: &str, url: Option<&str>) -> Result<Extracted> {
    let html = crate::nesting::bound(html).map_err(|_| too_large())?;
    let doc = Document::from(html.as_ref());
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let meta = read_meta(&doc, url);
    let page_title = collapse_whitespace(&doc.select("title").text());
    let first_heading = collapse_whitespace(&doc.select("h1").first().text());
    // JSON-LD scripts stay: readability reads the byline and dates from them.
    doc.select("script:not([type=\"application/ld+json\"]), noscript, style, template")
        .remove();
    let body_text_len = collapse_whitespace(&doc.select("body").text()).len();
    let link_text_len = collapse_whitespace(&doc.select("body a").text()).len();
    let wall = wall_kind(&doc);
    remove_furniture(&doc, body_text_len);

    let config = Config {
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let no_article = || IngestError::NoArticle {
        what: match (
            wall,
            guess_page_kind(&page_title, body_text_len, link_text_len),
        ) {
            // A home page with a cookie banner is still a home page.
            (Some(w), kind) if w.contains("paywall") || !kind.contains("list of links") => w,
            (_, kind) => kind,
        },
    };
    let mut readability =
        Readability::with_document(doc, url, Some(config)).map_err(|e| match e {
            ReadabilityError::BadDocumentURL => IngestError::InvalidUrl {
                input: url.unwrap_or_default().to_string(),
                reason: "not absolute".into(),
            },
            _ => no_article(),
        })?;
    let article = readability.parse().map_err(|e| match e {
        ReadabilityError::TooManyElements(..) => too_large(),
        _ => no_article(),
    })?;

    let title = collapse_whitespace(&article.title);
    let byline = article
        .byline
        .as_deref()
        .map(clean_byline)
        .filter(|b| !b.is_empty());
    let content = Document::fragment(article.content.to_string());
    content.select("br").replace_with_html(" ");
    // Text beside blocks in a container (no <p> of its own) is paragraphs too.
    crate::loose::wrap_loose_text(&content);
    let blocks: Vec<NodeRef> = content
        .select(BLOCKS)
        .nodes()
        .iter()
        .filter(|n| !has_block_descendant(n))
        .cloned()
        .collect();
    let is_headline = |t: &str| t == title || meta.title.as_deref() == Some(t);
    // Whatever precedes the headline inside the content is masthead, not article.
    let headline_at = blocks
        .iter()
        .position(|n| is_headline(&collapse_whitespace(&n.text())))
        .unwrap_or(0);
    // Short link-heavy blocks before the first real paragraph are masthead too.
    let first_prose = blocks
        .iter()
        .position(|n| collapse_whitespace(&n.text()).chars().count() >= 80)
        .unwrap_or(0);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut link_chars = 0;
    for (i, node) in blocks.iter().enumerate() {
        let text = collapse_whitespace(&node.text());
        let is_title = (i <= headline_at && (i < headline_at || is_headline(&text)))
            || (i < first_prose && is_link_heavy(node, &text));
        let is_byline = text.chars().count() <= 120 && {
            let b = clean_byline(&text);
            byline.as_deref() == Some(b.as_str()) || meta.byline.as_deref() == Some(b.as_str())
        };
        let links = link_chars_in(node);
        if is_title
            || is_byline
            || is_link_line(&text, links)
            || is_link_list(node, &text, links)
            || is_boilerplate_paragraph(&text)
        {
            node.remove_from_parent();
        } else {
            link_chars += links;
            paragraphs.push(text);
        }
    }
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    // An "article" that is mostly links is an index page.
    if chars < MIN_ARTICLE_CHARS || link_chars * 2 > chars {
        return Err(no_article());
    }
    let site_name = meta
        .site_name
        .or(article.site_name.map(|s| collapse_whitespace(&s)))
        .filter(|s| !s.is_empty());
    let title = [
        meta.title.as_deref(),
        Some(title.as_str()),
        Some(page_title.as_str()),
        Some(first_heading.as_str()),
    ]
    .into_iter()
    .flatten()
    .find(|t| !t.is_empty())
    .unwrap_or_default();
    Ok(Extracted {
        title: strip_site_suffix(title, site_name.as_deref()),
        byline: meta.byline.map(|b| clean_byline(&b)).or(byline),
        published: meta
            .published
            .or_else(|| article.published_time.as_deref().and_then(parse_time)),
        modified: meta.modified,
        site_name,
        canonical_url: meta.canonical_url,
        paragraphs,
        html: sanitise(&content.html()),
    })
}

/// Removes elements that are never article text, before readability scores the page.
fn remove_furniture(doc: &Document, body_text_len: usize) {
    doc.select(
        &FURNITURE_TAGS
            .iter()
            .filter(|t| **t != "script")
            .copied()
            .collect::<Vec<_>>()
            .join(", "),
    )
    .remove();
    doc.select(
        "[role=navigation], [role=banner], [role=complementary], [aria-hidden=true], [hidden]",
    )
    .remove();
    for node in doc.select("[class], [id]").nodes() {
        let name = node.node_name().map(|n| n.to_string()).unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "article" | "main") {
            continue;
        }
        let class = node
            .attr("class")
            .map(|c| c.to_string())
            .unwrap_or_default();
        let id = node.attr("id").map(|c| c.to_string()).unwrap_or_default();
        if !(is_furniture_name(&class) || is_furniture_name(&id)) {
            continue;
        }
        // A wrapper that holds most of the page is the article with a misleading class.
        let len = collapse_whitespace(&node.text()).len();
        if len * 5 < body_text_len * 2 {
            node.remove_from_parent();
        }
    }
    // Figures are images plus captions; the reader shows neither.
    doc.select("figure, picture").remove();
}

/// A short block that is all link ("SEE THE OTHER STORY", a related headline): it points
/// elsewhere rather than telling this story. A visible address (a cited source) is kept.
fn is_link_line(text: &str, link_chars: usize) -> bool {
    link_chars * 10 >= text.chars().count() * 9
        && text.split_whitespace().count() <= 20
        && !text.starts_with("http")
}

/// A block of three or more links, mostly link text, with at most a label or two beside each
/// ("DON'T MISS", "[VIDEO]", "|"): a list of other stories set inside the article. A sentence
/// that cites several sources has more words of its own than that.
fn is_link_list(node: &NodeRef, text: &str, link_chars: usize) -> bool {
    let links: Vec<NodeRef> = node.descendants_it().filter(|d| d.has_name("a")).collect();
    let link_words: usize = links
        .iter()
        .map(|a| a.text().split_whitespace().count())
        .sum();
    let own_words = text.split_whitespace().count().saturating_sub(link_words);
    links.len() >= 3 && link_chars * 4 >= text.chars().count() * 3 && own_words <= 2 * links.len()
}

fn link_chars_in(node: &NodeRef) -> usize {
    node.descendants_it()
        .filter(|d| d.node_name().is_some_and(|n| &*n == "a"))
        .map(|a| collapse_whitespace(&a.text()).chars().count())
        .sum()
}

fn is_link_heavy(node: &NodeRef, text: &str) -> bool {
    link_chars_in(node) * 10 >= text.chars().count().max(1) * 3
}

fn has_block_descendant(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        d.node_name().is_some_and(|n| {
            matches!(
                &*n,
                "p" | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "li"
                    | "blockquote"
                    | "pre"
                    | "dd"
                    | "dt"
                    | "td"
                    | "th"
            )
        })
    })
}

/// "By", "Von", "Par", "Por", "Door", "Av", "Af": the word before a name in a byline.
const BYLINE_PREFIXES: &[&str] = &["by ", "von ", "par ", "por ", "door ", "av ", "af "];

fn clean_byline(byline: &str) -> String {
    let b = collapse_whitespace(byline);
    let lower = b.to_lowercase();
    let b = match BYLINE_PREFIXES.iter().find(|p| lower.starts_with(*p)) {
        Some(p) => &b[p.len()..],
        None => &b,
    };
    b.trim().to_string()
}

/// Drops a trailing " | Site", " - Site" or " – Site" when the page names its site.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        if let Some(head) = title.strip_suffix(&format!("{sep}{site}")) {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// A page that hides its article behind a wall says so in its markup: an element whose class
/// or id names a paywall or a cookie/consent banner. Only asked when no article was found.
fn wall_kind(doc: &Document) -> Option<&'static str> {
    let mut cookie = false;
    for node in doc.select("[class], [id]").nodes() {
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        if names.contains("paywall") || names.contains("subscriber-only") {
            return Some(
                "a paywall: the article is for subscribers, and the page holds only its opening",
            );
        }
        cookie |= names.contains("cookie") || names.contains("consent") || names.contains("gdpr");
    }
    cookie.then_some("a cookie or consent wall shown instead of the article")
}

/// Says what a page without an article looks like, for the error message.
fn guess_page_kind(title: &str, body_len: usize, link_len: usize) -> &'static str {
    let t = title.to_lowercase();
    if t.contains("404") || t.contains("not found") || t.contains("error") {
        "an error page"
    } else if body_len < 40 {
        "an empty page, perhaps one built by JavaScript"
    } else if link_len * 2 > body_len {
        "a list of links, such as a home or section page"
    } else {
        "a page with too little text"
    }
}

/// Sanitises article HTML for the reader: text structure and links only; no scripts, styles,
/// images, media, frames or attributes other than `href`.
pub fn sanitise(html: &str) -> String {
    use std::collections::HashSet;
    let tags: HashSet<&str> = [
        "a",
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "br",
        "pre",
        "code",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "dl",
        "dt",
        "dd",
        "hr",
        "q",
        "cite",
        "abbr",
        "time",
        "small",
        "mark",
    ]
    .into_iter()
    .collect();
    let cleaned = ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(Default::default())
        .generic_attributes(HashSet::new())
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::Deny)
        .add_tag_attributes("a", ["href"])
        .clean(html)
        .to_string();
    // Wrapper divs readability adds become nothing; collapse the blank runs they leave.
    cleaned
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_set_loose_beside_headings_is_kept_issue_14() {
        // A deals-style page: each item's description is bare text in the section, not a <p>.
        let html = "<html><head><title>Harbour market deals</title></head><body><article>\
            <h1>Harbour market deals</h1><section class=\"article-page\">The fish market on Quay Street \
            opens its winter stalls this week, and several traders have cut their prices early.<br>\
            <h2>Smoked mackerel for 3 crowns</h2>The smokehouse by the slipway sells its mackerel at \
            half price until Sunday, while the ovens are being rebuilt.<br><ul><li><a href=\"/m\">\
            Go to the smokehouse</a></li></ul><h2>Oysters by the dozen</h2>Twelve oysters now cost \
            less than ten did last winter, because the beds off Gull Point had a good year.\
            </section></article></body></html>";
        let e = extract_article(html, None).unwrap();
        assert_eq!(
            e.paragraphs,
            [
                "The fish market on Quay Street opens its winter stalls this week, and several traders have cut their prices early.",
                "Smoked mackerel for 3 crowns",
                "The smokehouse by the slipway sells its mackerel at half price until Sunday, while the ovens are being rebuilt.",
                "Oysters by the dozen",
                "Twelve oysters now cost less than ten did last winter, because the beds off Gull Point had a good year.",
            ]
        );
    }

    #[test]
    fn a_list_of_other_stories_inside_the_article_is_dropped_issue_14() {
        let prose = "<p>The ferry board met on Tuesday and agreed to run a night service across the \
            sound from March, after two years of petitions from shift workers on the island.</p>";
        let html = format!(
            "<html><head><title>Night ferry agreed</title></head><body><article><h1>Night ferry agreed</h1>{prose}\
            <p><strong>DON'T MISS</strong><br><a href=\"/a\">Harbour crane to be replaced next year</a> \
            [VIDEO]<br><a href=\"/b\">Lighthouse keeper retires after forty winters</a> [INSIGHT]<br>\
            <a href=\"/c\">Gull Point beach closed for the storm season</a> [NEWS]</p>\
            <p>The service was backed by <a href=\"/u\">the nurses' union</a>, <a href=\"/h\">the hospital \
            trust</a> and <a href=\"/s\">the island school</a>, whose staff often missed the last boat.</p>\
            </article></body></html>"
        );
        let e = extract_article(&html, None).unwrap();
        // The list goes; the sentence citing three sources through links stays.
        assert_eq!(e.paragraphs.len(), 2, "{:?}", e.paragraphs);
        assert!(e.paragraphs[0].starts_with("The ferry board met"));
        assert!(e.paragraphs[1].starts_with("The service was backed by the nurses' union"));
    }

    #[test]
    fn a_paywall_or_cookie_wall_is_named_in_the_refusal() {
        let paywall = "<html><body><article><h1>Harbour deal</h1><p>The harbour board agreed a deal.</p>\
            <div class=\"paywall-offer\"><p>Subscribe to keep reading.</p></div></article></body></html>";
        let e = extract_article(paywall, None).unwrap_err().to_string();
        assert!(e.contains("it looks like a paywall"), "{e}");
        let cookie = "<html><body><div id=\"consent-banner\"><p>We use cookies to improve your experience.</p>\
            <a href=\"/accept\">Accept all</a></div></body></html>";
        let e = extract_article(cookie, None).unwrap_err().to_string();
        assert!(e.contains("a cookie or consent wall"), "{e}");
    }

    #[test]
    fn a_page_too_big_to_analyse_is_refused_with_a_reason() {
        let mut html = String::from("<html><body><article>");
        for _ in 0..201_000 {
            html.push_str("<i>x</i>");
        }
        html.push_str("</article></body></html>");
        let e = extract_article(&html, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "This page is too large to analyse (over 200,000 elements); save only the article's part of it, or paste its text."
        );
    }
}
