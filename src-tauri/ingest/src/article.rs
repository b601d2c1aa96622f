//! The article a capture produced, before it is stored: text, provenance and fingerprint.
//! Plain text and Markdown become paragraphs here; HTML goes through [`crate::extract`].
//! Storing is left to the store crate (see [`crate::library`]).

use serde::{Deserialize, Serialize};

use crate::boilerplate::{collapse_whitespace, fingerprint};
use crate::extract::{Extracted, extract_article, sanitise};
use crate::outlet::{OutletRef, outlet_for};

/// Where a capture came from (mirrors the store's source kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    Paste,
    File,
    Url,
    Feed,
}

/// One captured article version, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Capture {
    pub title: String,
    pub byline: Option<String>,
    /// Published time the source claims (unix seconds).
    pub published: Option<i64>,
    /// When the capture was made (unix seconds).
    pub fetched: i64,
    pub outlet: OutletRef,
    /// The article's canonical URL, when it has one.
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
    /// Sanitised HTML of the body, when the source was HTML or Markdown.
    pub html: Option<String>,
    pub origin: Origin,
    /// The file path, URL or feed item the text came from.
    pub source_ref: String,
    /// Things the user may want to know, e.g. "decoded as windows-1252 (detected)".
    pub notes: Vec<String>,
    /// The HTML page the text was extracted from, kept with the version (not sent over IPC).
    #[serde(skip)]
    #[ts(skip)]
    pub raw_html: Option<String>,
}

impl Capture {
    /// SHA-256 of the normalised title and paragraphs, furniture ignored: equal fingerprints
    /// mean "no new version".
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.title, &self.paragraphs)
    }

    /// The body as one plain text, paragraphs separated by blank lines.
    pub fn body_text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Outlet used when nothing names one (a local file without a site name or canonical URL).
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

/// Builds a capture from pasted text: the user gives title and outlet; the body is split into
/// paragraphs at blank lines (or at every line when there are none).
pub fn capture_paste(title: &str, outlet: &str, body: &str, now: i64) -> Option<Capture> {
    let paragraphs = text_paragraphs(body);
    if paragraphs.is_empty() {
        return None;
    }
    let title = collapse_whitespace(title);
    let title = if title.is_empty() {
        paragraphs[0].chars().take(80).collect()
    } else {
        title
    };
    let outlet = collapse_whitespace(outlet);
    let mut capture = Capture {
        title,
        paragraphs,
        ..blank_capture(Origin::Paste, "pasted text", now)
    };
    if !outlet.is_empty() {
        capture.outlet.name = outlet;
    }
    Some(capture)
}

/// Splits plain text into paragraphs: blank lines separate paragraphs and the lines of one
/// paragraph are joined (hard-wrapped text); text with no blank line has a paragraph a line.
pub fn text_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank = text.lines().any(|l| l.trim().is_empty()) && text.trim().contains("\n\n");
    let blocks: Vec<String> = if has_blank {
        text.split("\n\n").map(collapse_whitespace).collect()
    } else {
        text.lines().map(collapse_whitespace).collect()
    };
    blocks.into_iter().filter(|b| !b.is_empty()).collect()
}

/// Plain text → capture: a short first line is the title, a following "By ..." line the byline.
pub fn capture_text(
    text: &str,
    fallback_title: &str,
    origin: Origin,
    source_ref: &str,
    now: i64,
) -> Option<Capture> {
    let mut paragraphs = text_paragraphs(text);
    if paragraphs.is_empty() {
        return None;
    }
    let first_line = text
        .trim_start()
        .lines()
        .next()
        .map(collapse_whitespace)
        .unwrap_or_default();
    let title =
        if !first_line.is_empty() && first_line.chars().count() <= 150 && paragraphs.len() > 1 {
            // The first line may be the start of the first paragraph (no blank line after it).
            if paragraphs[0] == first_line {
                paragraphs.remove(0);
            } else if let Some(rest) = paragraphs[0].strip_prefix(first_line.as_str()) {
                paragraphs[0] = rest.trim().to_string();
            }
            first_line
        } else {
            fallback_title.to_string()
        };
    let byline = match paragraphs.first() {
        Some(p) if p.starts_with("By ") && p.chars().count() <= 80 => {
            Some(paragraphs.remove(0)[3..].trim().to_string())
        }
        _ => None,
    };
    paragraphs.retain(|p| !p.is_empty());
    if paragraphs.is_empty() {
        return None;
    }
    Some(Capture {
        title,
        byline,
        paragraphs,
        ..blank_capture(origin, source_ref, now)
    })
}

/// Markdown → capture: rendered to HTML, then read like a clean page (no readability pass:
/// a Markdown file is the article), the first heading as title.
pub fn capture_markdown(
    md: &str,
    fallback_title: &str,
    origin: Origin,
    source_ref: &str,
    now: i64,
) -> crate::Result<Capture> {
    let mut html = String::new();
    let md = crate::nesting::bound_markdown(md);
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
    pulldown_cmark::html::push_html(&mut html, parser);
    let html = crate::nesting::bound(&html)
        .map_err(|_| crate::IngestError::TooManyElements { what: "document" })?;
    let doc = dom_query::Document::fragment(html.as_ref());
    let heading = doc.select("h1").first();
    let title = if heading.exists() {
        collapse_whitespace(&heading.text())
    } else {
        String::new()
    };
    heading.remove();
    doc.select("img").remove();
    let mut paragraphs = Vec::new();
    for node in doc.select("p, h2, h3, h4, h5, h6, li, pre, td, th").nodes() {
        if node
            .descendants_it()
            .any(|d| d.node_name().is_some_and(|n| matches!(&*n, "p" | "li")))
        {
            continue;
        }
        let text = collapse_whitespace(&node.text());
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    if paragraphs.is_empty() {
        return Err(crate::IngestError::Empty);
    }
    let mut capture = blank_capture(origin, source_ref, now);
    capture.title = if title.is_empty() {
        fallback_title.to_string()
    } else {
        title
    };
    if let Some(first) = paragraphs
        .first()
        .filter(|p| p.starts_with("By ") && p.chars().count() <= 80)
    {
        capture.byline = Some(first[3..].trim().to_string());
        paragraphs.remove(0);
    }
    capture.paragraphs = paragraphs;
    capture.html = Some(sanitise(&doc.html()));
    Ok(capture)
}

fn blank_capture(origin: Origin, source_ref: &str, now: i64) -> Capture {
    Capture {
        title: String::new(),
        byline: None,
        published: None,
        fetched: now,
        outlet: OutletRef {
            name: UNKNOWN_OUTLET.into(),
            domain: None,
        },
        url: None,
        paragraphs: Vec::new(),
        html: None,
        origin,
        source_ref: source_ref.to_string(),
        notes: Vec::new(),
        raw_html: None,
    }
}

/// An extracted page → capture. `url` is where it was fetched from (none for a file).
pub fn capture_extracted(
    x: Extracted,
    url: Option<&str>,
    origin: Origin,
    source_ref: &str,
    now: i64,
) -> Capture {
    let article_url = x.canonical_url.clone().or_else(|| url.map(str::to_string));
    let outlet = outlet_for(article_url.as_deref(), x.site_name.as_deref()).unwrap_or(OutletRef {
        name: UNKNOWN_OUTLET.into(),
        domain: None,
    });
    let title = if x.title.trim().is_empty() {
        untitled(&x.paragraphs, article_url.as_deref(), source_ref)
    } else {
        x.title
    };
    Capture {
        title,
        byline: x.byline,
        published: x.published,
        fetched: now,
        outlet,
        url: article_url,
        paragraphs: x.paragraphs,
        html: Some(x.html),
        origin,
        source_ref: source_ref.to_string(),
        notes: Vec::new(),
        raw_html: None,
    }
}

/// A title for a page that has none (no `<title>`, no heading): its first sentence, cut to a
/// label's length, else its address, else its file name.
fn untitled(paragraphs: &[String], url: Option<&str>, source_ref: &str) -> String {
    let first = paragraphs
        .iter()
        .flat_map(|p| parallax_engine::segment(p))
        .map(|s| parallax_store::cap_chars(&s.text, UNTITLED_CHARS))
        .find(|s| s.chars().any(char::is_alphanumeric));
    first
        .or_else(|| url.map(str::to_string))
        .unwrap_or_else(|| {
            std::path::Path::new(source_ref)
                .file_stem()
                .map_or_else(|| "Untitled".into(), |s| s.to_string_lossy().into_owned())
        })
}

/// How much of the first sentence becomes the title of an untitled page.
const UNTITLED_CHARS: usize = 100;

/// HTML text → capture (extraction included).
pub fn capture_html(
    html: &str,
    url: Option<&str>,
    origin: Origin,
    source_ref: &str,
    now: i64,
) -> crate::Result<Capture> {
    Ok(Capture {
        raw_html: Some(html.to_string()),
        ..capture_extracted(extract_article(html, url)?, url, origin, source_ref, now)
    })
}
