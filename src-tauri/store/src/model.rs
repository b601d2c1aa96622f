//! The values the store hands out and takes in. Types the UI sees derive `TS` (the app
//! crate exports the bindings); times are unix seconds (UTC) as `i64`, ids are `i64`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A news outlet (a publication), found by domain when known, else by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Outlet {
    pub id: i64,
    pub name: String,
    pub domain: Option<String>,
    /// How many articles of this outlet the library holds.
    pub article_count: i64,
}

/// One line of the library view: an article described by its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: i64,
    /// Headline of the latest version.
    pub title: String,
    pub outlet_id: i64,
    pub outlet: String,
    pub url: Option<String>,
    pub first_seen: i64,
    pub version_count: i64,
    pub latest_version_id: i64,
    /// Fetch time of the latest version.
    pub latest_fetched: i64,
    /// Published time the latest version claims, if any.
    pub published: Option<i64>,
    /// The reader opened it (or marked it read).
    pub read: bool,
    /// Put away in the archive: out of the main list, still searchable.
    pub archived: bool,
}

/// Where a version's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    /// The sample library that ships with Parallax.
    Sample,
    /// Text pasted by the user.
    Paste,
    /// A `.txt`, `.md` or `.html` file.
    File,
    /// A page fetched from a URL.
    Url,
    /// An item of a subscribed feed.
    Feed,
}

impl SourceKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SourceKind::Sample => "sample",
            SourceKind::Paste => "paste",
            SourceKind::File => "file",
            SourceKind::Url => "url",
            SourceKind::Feed => "feed",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<SourceKind> {
        Some(match s {
            "sample" => SourceKind::Sample,
            "paste" => SourceKind::Paste,
            "file" => SourceKind::File,
            "url" => SourceKind::Url,
            "feed" => SourceKind::Feed,
            _ => return None,
        })
    }
}

/// A version without its text: what a version picker or a provenance page lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    pub id: i64,
    pub article_id: i64,
    /// 1 for the first version of the article, counting in fetch order.
    pub number: i64,
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<i64>,
    pub fetched: i64,
    /// SHA-256 of the normalised title and paragraphs (see [`crate::content_hash`]).
    pub content_hash: String,
    pub source_kind: SourceKind,
    /// The file path, URL or feed item the text came from.
    pub source_ref: Option<String>,
}

/// A whole version: its description, its outlet, and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    pub info: VersionInfo,
    pub outlet: String,
    pub url: Option<String>,
    /// How many versions the article has (so the reader can say "version 2 of 5").
    pub version_count: i64,
    /// The body as paragraphs of plain text, in order.
    pub paragraphs: Vec<String>,
    /// Sanitised HTML of the article, when it was imported from HTML.
    pub html: Option<String>,
}

/// A story: several articles (usually several outlets' accounts) of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    pub id: i64,
    pub title: String,
    pub created: i64,
    /// The story's articles, in the order they were added.
    pub articles: Vec<ArticleSummary>,
}

/// One piece of a search snippet: `hit` marks the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One article that matched a search, pointing at the newest version that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub article_id: i64,
    /// The newest version of the article that matches.
    pub version_id: i64,
    /// That version's number (1-based) and the article's version count.
    pub version_number: i64,
    pub version_count: i64,
    /// Headline of the matching version.
    pub title: String,
    pub outlet: String,
    pub fetched: i64,
    /// Ready-to-render context around the match.
    pub snippet: Vec<SnippetPart>,
    /// Every version of the article that matches, oldest first.
    pub matched_version_ids: Vec<i64>,
    /// True when the latest version no longer contains the match: the text was removed later.
    pub removed_later: bool,
}

/// Highlight colours the reader offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Colour {
    Yellow,
    Green,
    Blue,
    Pink,
    Purple,
}

impl Colour {
    /// Every colour, in the order the reader's toolbar offers them.
    pub const ALL: [Colour; 5] = [
        Colour::Yellow,
        Colour::Green,
        Colour::Blue,
        Colour::Pink,
        Colour::Purple,
    ];

    /// The colour's name as stored and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Colour::Yellow => "yellow",
            Colour::Green => "green",
            Colour::Blue => "blue",
            Colour::Pink => "pink",
            Colour::Purple => "purple",
        }
    }

    /// The colour named `s` (as [`Colour::as_str`] spells it), if it is one of the five.
    pub fn parse(s: &str) -> Option<Colour> {
        Some(match s {
            "yellow" => Colour::Yellow,
            "green" => Colour::Green,
            "blue" => Colour::Blue,
            "pink" => Colour::Pink,
            "purple" => Colour::Purple,
            _ => return None,
        })
    }
}

/// A highlight, anchored by its quote and the text around it (so it can be re-found in
/// another version even when offsets moved), plus the sentence it sat in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Highlight {
    pub id: i64,
    pub version_id: i64,
    pub quote: String,
    /// Up to a few dozen characters just before the quote.
    pub prefix: String,
    /// Up to a few dozen characters just after the quote.
    pub suffix: String,
    /// 0-based index of the sentence in the version, as the engine segments it.
    pub sentence_index: Option<i64>,
    pub colour: Colour,
    pub note: Option<String>,
    pub created: i64,
}

/// What a new highlight needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewHighlight {
    pub version_id: i64,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub sentence_index: Option<i64>,
    pub colour: Colour,
    pub note: Option<String>,
}

/// A subscribed RSS/Atom feed and its polling state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    /// Validators from the last successful response, sent back as If-None-Match /
    /// If-Modified-Since.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub interval_secs: i64,
    pub created: i64,
    pub last_polled: Option<i64>,
    /// When the feed is due next (includes any error backoff).
    pub next_poll: i64,
    /// The last poll's error, shown on the feed; `None` after a success.
    pub last_error: Option<String>,
    /// Failures in a row since the last success.
    pub error_count: i64,
    /// Items recorded for this feed.
    pub item_count: i64,
}

/// One entry of a feed, as seen by the poller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedItem {
    pub id: i64,
    pub feed_id: i64,
    pub guid: String,
    pub url: Option<String>,
    /// The article imported for this item, once there is one.
    pub article_id: Option<i64>,
    pub first_seen: i64,
    pub last_checked: Option<i64>,
}

/// The article-level facts of an import: which outlet, which URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewArticle {
    pub outlet_name: String,
    /// The outlet's domain (e.g. `courier.example`), when known.
    pub outlet_domain: Option<String>,
    /// Canonical URL; `None` for pasted text and files.
    pub url: Option<String>,
}

/// The text of one version to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewVersion {
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<i64>,
    pub fetched: i64,
    pub paragraphs: Vec<String>,
    pub html: Option<String>,
    pub source_kind: SourceKind,
    pub source_ref: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AddOutcome {
    /// A new article with its first version.
    NewArticle,
    /// A new version of an article already in the library.
    NewVersion,
    /// The same normalised text is already stored; nothing was written.
    Duplicate,
}

/// The result of an import: the article and version it landed on (for a duplicate, the
/// version that already holds this text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Added {
    pub outcome: AddOutcome,
    pub article_id: i64,
    pub version_id: i64,
}

/// What [`crate::Library::load_sample_if_empty`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SampleOutcome {
    /// The sample was loaded now.
    Loaded,
    /// It was loaded before (even if its articles were deleted since); nothing done.
    AlreadyLoaded,
    /// The library already holds articles of the user's; the sample is not mixed in.
    NotEmpty,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ts_rs::{Config, TS};

    #[test]
    fn bindings_use_camel_case_and_numbers() {
        // The UI reads these through generated TypeScript; field names must match serde's
        // camelCase and ids/times (i64, serialised by serde_json as JSON numbers) must be
        // `number` once the exporter sets `with_large_int("number")`.
        let cfg = Config::new().with_large_int("number");
        let decl = Version::decl(&cfg);
        assert!(decl.contains("versionCount: number"), "{decl}");
        assert!(decl.contains("paragraphs: Array<string>"), "{decl}");
        let hit = SearchHit::decl(&cfg);
        assert!(hit.contains("removedLater: boolean"), "{hit}");
        assert!(hit.contains("matchedVersionIds: Array<number>"), "{hit}");
        let json = serde_json::to_string(&SnippetPart {
            text: "x".into(),
            hit: true,
        })
        .unwrap();
        assert_eq!(json, r#"{"text":"x","hit":true}"#);
        assert_eq!(
            serde_json::to_string(&SourceKind::Url).unwrap(),
            "\"url\"",
            "enum values match the stored source_kind"
        );
    }
}
