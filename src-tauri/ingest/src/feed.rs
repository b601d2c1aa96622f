//! Feed documents: RSS 0.9x/1.0/2.0, Atom and JSON Feed parsed with feed-rs into the few
//! fields Parallax uses (item id, link, title, dates). Telling a feed from a web page or a
//! broken feed happens here; polling and storing are in [`crate::poller`].

use crate::decode::sniff_binary;
use crate::error::{IngestError, Result};

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedDoc {
    pub title: Option<String>,
    /// Items in document order (usually newest first).
    pub items: Vec<FeedEntry>,
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// The item's id (guid); its link when the feed gives none.
    pub guid: String,
    /// The article's address.
    pub url: Option<String>,
    pub title: Option<String>,
    /// Published or updated time (unix seconds).
    pub published: Option<i64>,
    pub updated: Option<i64>,
}

/// Parses `bytes` fetched from `url` as a feed.
pub fn parse_feed(bytes: &[u8], url: &str) -> Result<FeedDoc> {
    let not_a_feed = |what: &str| IngestError::NotAFeed {
        url: url.to_string(),
        what: what.to_string(),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(not_a_feed("an empty response"));
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(not_a_feed(what));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html") && !head.contains("<rss") && !head.contains("<feed")
    {
        return Err(not_a_feed("an HTML web page"));
    }
    let parser = feed_rs::parser::Builder::new().base_uri(Some(url)).build();
    let feed = parser.parse(bytes).map_err(|e| {
        use feed_rs::parser::{ParseErrorKind, ParseFeedError};
        match e {
            ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot)
                if !head.starts_with('<') && !head.starts_with('{') =>
            {
                not_a_feed("plain text")
            }
            ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
                not_a_feed("XML or JSON that is not RSS, Atom or JSON Feed")
            }
            ParseFeedError::ParseError(ParseErrorKind::UnknownMimeType(m)) => not_a_feed(&m),
            other => IngestError::MalformedFeed {
                url: url.to_string(),
                detail: short(&other.to_string()),
            },
        }
    })?;
    let items = feed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first());
            let url = link
                .map(|l| l.href.trim().to_string())
                .filter(|h| !h.is_empty());
            let guid = if e.id.trim().is_empty() {
                url.clone().unwrap_or_default()
            } else {
                e.id.trim().to_string()
            };
            FeedEntry {
                guid,
                url,
                title: e
                    .title
                    .map(|t| crate::boilerplate::collapse_whitespace(&t.content)),
                published: e.published.map(|t| t.timestamp()),
                updated: e.updated.map(|t| t.timestamp()),
            }
        })
        .filter(|e| !e.guid.is_empty())
        .collect();
    Ok(FeedDoc {
        title: feed
            .title
            .map(|t| crate::boilerplate::collapse_whitespace(&t.content)),
        items,
    })
}

fn short(s: &str) -> String {
    let one_line = crate::boilerplate::collapse_whitespace(s);
    if one_line.chars().count() > 120 {
        one_line.chars().take(117).collect::<String>() + "..."
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Courier</title>
<item><title>Ferry returns</title><link>http://h.example/ferry</link><guid>ferry-1</guid><pubDate>Sat, 14 Mar 2026 06:30:00 GMT</pubDate></item>
<item><title>No guid</title><link>http://h.example/noguid</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_with_and_without_guid() {
        let f = parse_feed(RSS.as_bytes(), "http://h.example/feed.xml").unwrap();
        assert_eq!(f.title.as_deref(), Some("Harbour Courier"));
        assert_eq!(f.items[0].guid, "ferry-1");
        assert_eq!(f.items[0].url.as_deref(), Some("http://h.example/ferry"));
        assert_eq!(f.items[0].published, Some(1_773_469_800));
        assert_eq!(f.items[1].url.as_deref(), Some("http://h.example/noguid"));
        assert!(!f.items[1].guid.is_empty());
    }

    #[test]
    fn atom_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title><id>urn:vt</id><updated>2026-05-02T10:00:00Z</updated>
<entry><title>Council delays vote</title><id>urn:vt:1</id><link href="http://v.example/vote"/><updated>2026-05-02T10:00:00Z</updated></entry></feed>"#;
        let f = parse_feed(atom.as_bytes(), "http://v.example/atom").unwrap();
        assert_eq!(f.items.len(), 1);
        assert_eq!(f.items[0].guid, "urn:vt:1");
        assert_eq!(f.items[0].url.as_deref(), Some("http://v.example/vote"));
    }

    #[test]
    fn pages_and_junk_are_not_feeds() {
        let msg = |b: &[u8]| parse_feed(b, "http://x.example/f").unwrap_err().to_string();
        assert_eq!(
            msg(b"<!DOCTYPE html><html><body>Hi</body></html>"),
            "http://x.example/f is not an RSS or Atom feed (it returned an HTML web page); look for the site's feed link."
        );
        assert_eq!(
            msg(b"just some words"),
            "http://x.example/f is not an RSS or Atom feed (it returned plain text); look for the site's feed link."
        );
        assert!(
            msg(b"<rss version=\"2.0\"><channel><title>Broken</title><item><title>x</item>")
                .starts_with("The feed at http://x.example/f could not be read (")
        );
    }
}
