//! What a page says about its article, read before extraction: title, byline, outlet, published
//! and modified times, canonical URL and the JSON-LD `articleBody`. Each field takes the first
//! source that gives a usable value, in this order (the structured, machine-written sources
//! first, the visible page last):
//!
//! - **title**: JSON-LD `headline` (or `name`), `og:title`, `twitter:title` / `dc.title` /
//!   `<meta name=title>`, then readability's title, then `<title>`, then the first `<h1>`; a trailing " | Site" is cut.
//! - **byline**: JSON-LD `author` names ("A, B and C"), `article:author` when it is a name and
//!   not a profile URL, `<meta name=author>` / `dc.creator` / `byl`, then readability's byline.
//! - **outlet** (site name): `og:site_name`, JSON-LD `publisher.name`, a JSON-LD `WebSite`
//!   `name`, `application-name`; with none, the outlet is named from the domain (`outlet.rs`).
//! - **published**: JSON-LD `datePublished` (or `dateCreated`), `article:published_time`, meta
//!   `datePublished` / `date` / `dc.date` / `pubdate` and kin, a marked `<time>`
//!   (`itemprop=datePublished`, `pubdate`), the first `<time datetime>`, then readability's.
//! - **modified**: JSON-LD `dateModified`, `article:modified_time`, `og:updated_time` / meta
//!   `dateModified`, `<time itemprop=dateModified>`.
//! - **canonical URL**: `<link rel=canonical>`, `og:url`, JSON-LD `url` / `mainEntityOfPage`.
//!
//! For the canonical URL `<link rel="canonical">` leads because it is what the site asks
//! search engines to use; for the outlet `og:site_name` leads because JSON-LD's publisher is
//! often the owning company rather than the masthead. Relative URLs resolve against the page's own address (or its `<base href>`); a value that does not parse is skipped, so a
//! later source can still give the field.

use dom_query::Document;
use serde_json::Value;

use crate::boilerplate::collapse_whitespace;

/// The metadata of one page; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// Unix seconds, UTC.
    pub published: Option<i64>,
    /// Unix seconds, UTC.
    pub modified: Option<i64>,
    pub canonical_url: Option<String>,
    /// The JSON-LD `articleBody`, whitespace collapsed (checked against the page by extraction).
    pub article_body: Option<String>,
}

/// The fields one JSON-LD article node gives.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

/// Reads the page's metadata (see the module docs for the order). `base` resolves relative URLs.
pub fn read_meta(doc: &Document, base: Option<&str>) -> PageMeta {
    let page_base = doc
        .select("base[href]")
        .attr("href")
        .map(|h| h.trim().to_string());
    let base = base.or(page_base.as_deref());
    let (ld, ld_site) = json_ld(doc);
    let meta = |names: &[&str]| meta_content(doc, names);
    let title = ld
        .headline
        .clone()
        .or_else(|| meta(&["og:title"]))
        .or_else(|| meta(&["twitter:title", "dc.title", "title"]));
    let byline = (!ld.authors.is_empty())
        .then(|| join_names(&ld.authors))
        .or_else(|| meta(&["article:author"]).filter(|a| !looks_like_url(a)))
        .or_else(|| meta(&["author", "dc.creator", "byl", "sailthru.author"]))
        .filter(|a| !looks_like_url(a));
    let site_name = meta(&["og:site_name"])
        .or_else(|| ld.publisher.clone())
        .or(ld_site)
        .or_else(|| meta(&["application-name"]));
    let published = first_time([
        ld.published.clone(),
        meta(&["article:published_time"]),
        meta(&[
            "datePublished",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "pubdate",
            "publish-date",
            "publication_date",
            "sailthru.date",
        ]),
        time_attr(doc, "time[itemprop=datePublished], time[pubdate]"),
        time_attr(doc, "time[datetime]"),
    ]);
    let modified = first_time([
        ld.modified.clone(),
        meta(&["article:modified_time"]),
        meta(&[
            "og:updated_time",
            "dateModified",
            "dcterms.modified",
            "last-modified",
        ]),
        time_attr(doc, "time[itemprop=dateModified]"),
    ]);
    let canonical_url = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.trim().to_string())
        .and_then(|h| absolute(&h, base))
        .or_else(|| meta(&["og:url"]).and_then(|u| absolute(&u, base)))
        .or_else(|| ld.url.as_deref().and_then(|u| absolute(u, base)));
    PageMeta {
        title,
        byline,
        site_name,
        published,
        modified,
        canonical_url,
        article_body: ld.body,
    }
}

/// `content` of the first `<meta property|name|itemprop=NAME>` (names tried in order) that is
/// not empty.
pub fn meta_content(doc: &Document, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let sel = doc.select(&format!(
            "meta[property=\"{name}\"], meta[name=\"{name}\"], meta[itemprop=\"{name}\"]"
        ));
        sel.nodes().iter().find_map(|n| {
            n.attr("content")
                .map(|c| collapse_whitespace(&c))
                .filter(|c| !c.is_empty())
        })
    })
}

fn time_attr(doc: &Document, selector: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .iter()
        .find_map(|n| n.attr("datetime").map(|d| d.trim().to_string()))
        .filter(|d| !d.is_empty())
}

fn first_time<const N: usize>(candidates: [Option<String>; N]) -> Option<i64> {
    candidates
        .into_iter()
        .flatten()
        .find_map(|c| parse_time(&c))
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `href` made absolute against `base`; `None` when that is not possible or not http(s).
fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    let parsed = match url::Url::parse(href) {
        Ok(u) => u,
        Err(_) => url::Url::parse(base?).ok()?.join(href).ok()?,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// The JSON-LD article node (the first whose `@type` names an article, report or posting)
/// and the name of a `WebSite` node, from every `application/ld+json` script in the page.
/// Scripts that are not valid JSON are skipped.
fn json_ld(doc: &Document) -> (LdArticle, Option<String>) {
    let mut nodes = Vec::new();
    for script in doc.select("script[type=\"application/ld+json\"]").nodes() {
        let text = script.text();
        if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
            flatten_ld(v, &mut nodes, 0);
        }
    }
    let site = nodes
        .iter()
        .find(|n| has_type(n, |t| t == "WebSite"))
        .and_then(|n| ld_text(n.get("name")?));
    let Some(node) = nodes.iter().find(|n| has_type(n, is_article_type)) else {
        return (LdArticle::default(), site);
    };
    let authors = match node.get("author") {
        Some(Value::Array(a)) => a.iter().filter_map(person_name).collect(),
        Some(a) => person_name(a).into_iter().collect(),
        None => Vec::new(),
    };
    let url = node.get("url").and_then(ld_text).or_else(|| {
        node.get("mainEntityOfPage").and_then(|m| match m {
            Value::String(s) => Some(s.clone()),
            m => m.get("@id").and_then(ld_text),
        })
    });
    let article = LdArticle {
        headline: node
            .get("headline")
            .or_else(|| node.get("name"))
            .and_then(ld_text),
        authors,
        publisher: node.get("publisher").and_then(person_name),
        published: node
            .get("datePublished")
            .or_else(|| node.get("dateCreated"))
            .and_then(ld_text),
        modified: node.get("dateModified").and_then(ld_text),
        url,
        body: node.get("articleBody").and_then(ld_text),
    };
    (article, site)
}

/// Collects every object of a JSON-LD value: arrays and `@graph` lists are opened.
fn flatten_ld(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items
            .into_iter()
            .for_each(|i| flatten_ld(i, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn has_type(node: &Value, pred: impl Fn(&str) -> bool) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => pred(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(&pred)),
        _ => false,
    }
}

/// `NewsArticle`, `BlogPosting`, `ReportageNewsArticle`, `Report`, `LiveBlogPosting`, ...
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
}

/// A string value, or the `name` of an object (a Person or Organization), or the first of a list.
fn person_name(v: &Value) -> Option<String> {
    match v {
        Value::Object(_) => v.get("name").and_then(ld_text),
        Value::Array(a) => a.iter().find_map(person_name),
        v => ld_text(v),
    }
}

fn ld_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => return a.iter().find_map(ld_text),
        _ => return None,
    };
    Some(collapse_whitespace(&decode_entities(&s))).filter(|s| !s.is_empty())
}

/// JSON-LD is often written with HTML entities left in (`&amp;`, `&#8217;`); decodes them.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    Document::fragment(format!("<p>{}</p>", s.replace('<', "&lt;")))
        .select("p")
        .text()
        .to_string()
}

/// Parses the common published-time formats (RFC 3339, RFC 2822, ISO 8601 without a colon
/// in the offset or without seconds, a bare date) to unix seconds.
pub fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp());
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(t.timestamp());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(t) = chrono::DateTime::parse_from_str(s, f) {
            return Some(t.timestamp());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return Some(t.and_utc().timestamp());
        }
    }
    let date = s.get(..10).unwrap_or(s);
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_formats() {
        assert_eq!(parse_time("2026-03-14T06:30:00Z"), Some(1_773_469_800));
        assert_eq!(parse_time("2026-03-14T07:30:00+0100"), Some(1_773_469_800));
        assert_eq!(parse_time("2026-03-14T07:30+01:00"), Some(1_773_469_800));
        assert_eq!(parse_time("2026-03-14 06:30:00"), Some(1_773_469_800));
        assert_eq!(
            parse_time("Sat, 14 Mar 2026 06:30:00 GMT"),
            Some(1_773_469_800)
        );
        assert_eq!(parse_time("2026-03-14"), Some(1_773_446_400));
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn names_join_in_prose() {
        let n = |v: &[&str]| join_names(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(n(&["Ada Brook"]), "Ada Brook");
        assert_eq!(n(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn json_ld_in_a_graph_with_entities_and_a_list_of_authors() {
        let doc = Document::from(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Tidewater Gazette"},
              {"@type":["NewsArticle"],"headline":"Pier &amp; promenade reopen",
               "author":[{"@type":"Person","name":"Ines Calloway"},{"name":"Tom Reyes"}],
               "datePublished":"2026-04-02T09:00:00+01:00","dateModified":"2026-04-02T11:15:00+01:00",
               "mainEntityOfPage":{"@id":"/news/pier"},
               "articleBody":"The pier  reopened on Thursday."}]}
            </script><script type="application/ld+json">{not json</script></head><body></body></html>"#,
        );
        let m = read_meta(&doc, Some("https://tidewater.example/x?utm_source=feed"));
        assert_eq!(m.title.as_deref(), Some("Pier & promenade reopen"));
        assert_eq!(m.byline.as_deref(), Some("Ines Calloway and Tom Reyes"));
        assert_eq!(m.site_name.as_deref(), Some("Tidewater Gazette"));
        assert_eq!(m.published, parse_time("2026-04-02T08:00:00Z"));
        assert_eq!(m.modified, parse_time("2026-04-02T10:15:00Z"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://tidewater.example/news/pier")
        );
        assert_eq!(
            m.article_body.as_deref(),
            Some("The pier reopened on Thursday.")
        );
    }
}
