//! The one error type of parallax-ingest: every way an import, fetch or feed poll can fail,
//! each with a one-line message that tells the user what happened and what to do.
//! Duplicates are not errors (see [`crate::Imported`]); store errors are wrapped as text.

use std::path::PathBuf;

/// What went wrong, as a value the UI can branch on (via [`IngestError::code`]) and a message it can show.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    #[error(
        "This file is not text (it looks like {what}); open a .txt, .md or .html file instead."
    )]
    Binary { what: &'static str },
    #[error("The file is empty: there is no text to import.")]
    Empty,
    #[error(
        "The file is {size}; Parallax imports files up to {limit_mb} MB. Split it or save only the article."
    )]
    TooLarge { size: String, limit_mb: u64 },
    #[error("The text could not be decoded ({detail}); save it as UTF-8 and try again.")]
    Undecodable { detail: String },
    #[error("Parallax reads .txt, .md and .html files, not .{ext} files.")]
    UnsupportedFileType { ext: String },
    #[error(
        "Parallax reads .txt, .md and .html files, and this file's name has no extension; rename it to end in .txt, .md or .html."
    )]
    NoExtension,
    /// A page that reads but holds no article; "import anyway" stores its visible text instead.
    #[error(
        "No article text was found in this page (it looks like {what}); open the article's own page or paste its text, or import it anyway to keep the text the page shows."
    )]
    NoArticle { what: &'static str },
    /// A page or document over the element bound: not analysed at all, so not importable anyway.
    #[error(
        "This {what} is too large to analyse (over 200,000 elements); save only the article's part of it, or paste its text."
    )]
    TooManyElements { what: &'static str },
    #[error("Could not read {}: {reason}.", path.display())]
    Io { path: PathBuf, reason: String },
    #[error(
        "\"{input}\" is not a web address Parallax can fetch ({reason}); give a full http:// or https:// URL."
    )]
    InvalidUrl { input: String, reason: String },
    #[error("The server answered {status} for {url}; check the address or try again later.")]
    HttpStatus { status: String, url: String },
    #[error("{url} did not answer within {limit}; check your connection or try again later.")]
    Timeout { url: String, limit: String },
    #[error("Could not connect to {url} ({reason}); check the address and your connection.")]
    Connect { url: String, reason: String },
    #[error(
        "The secure connection to {url} failed ({reason}); the site's certificate or secure setup could not be verified."
    )]
    Tls { url: String, reason: String },
    #[error("{url} redirected more than {limit} times; the address may be broken.")]
    TooManyRedirects { url: String, limit: usize },
    #[error("The page at {url} is larger than {limit}; Parallax stops reading there.")]
    ResponseTooLarge { url: String, limit: String },
    #[error("{url} is not a web page (the server sent {content_type}).")]
    NotAPage { url: String, content_type: String },
    #[error(
        "{url} is not an RSS or Atom feed (it returned {what}); look for the site's feed link."
    )]
    NotAFeed { url: String, what: String },
    #[error("The feed at {url} could not be read ({detail}); it may be broken, try again later.")]
    MalformedFeed { url: String, detail: String },
    #[error(
        "Finding the article in the page at {url} took longer than {limit}; Parallax gave up on it. Save the page as a file and import that, or paste its text."
    )]
    TooSlow { url: String, limit: String },
    #[error("The request to {url} failed ({reason}).")]
    Network { url: String, reason: String },
    #[error("The library could not save this: {0}")]
    Store(String),
    #[error(
        "\"{quote}\" is not in version {version_number} of {version_count} of this article; copy the passage exactly as it reads there, or choose the version that contains it."
    )]
    QuoteNotFound {
        quote: String,
        version_number: i64,
        version_count: i64,
    },
    #[error(
        "Version {version_id} belongs to another article, not article {article_id}; pick one of article {article_id}'s versions."
    )]
    WrongArticle { version_id: i64, article_id: i64 },
    #[error(
        "Story {story_id} holds {count} article(s); a story view needs at least two. Add another outlet's account of the event to it in the library."
    )]
    TooFewAccounts { story_id: i64, count: usize },
    #[error(
        "Version {version_id} is not a version of any article in story {story_id}; pick a version of one of the story's articles."
    )]
    NotInStory { version_id: i64, story_id: i64 },
}

impl IngestError {
    /// A short stable code for the UI to branch on (never match on messages).
    pub fn code(&self) -> &'static str {
        match self {
            IngestError::Binary { .. } => "binary",
            IngestError::Empty => "empty",
            IngestError::TooLarge { .. } => "too_large",
            IngestError::Undecodable { .. } => "undecodable",
            IngestError::UnsupportedFileType { .. } | IngestError::NoExtension => {
                "unsupported_file_type"
            }
            IngestError::NoArticle { .. } => "no_article",
            IngestError::TooManyElements { .. } => "too_many_elements",
            IngestError::Io { .. } => "io",
            IngestError::InvalidUrl { .. } => "invalid_url",
            IngestError::HttpStatus { .. } => "http_status",
            IngestError::Timeout { .. } => "timeout",
            IngestError::TooSlow { .. } => "too_slow",
            IngestError::Connect { .. } => "connect",
            IngestError::Tls { .. } => "tls",
            IngestError::TooManyRedirects { .. } => "too_many_redirects",
            IngestError::ResponseTooLarge { .. } => "response_too_large",
            IngestError::NotAPage { .. } => "not_a_page",
            IngestError::NotAFeed { .. } => "not_a_feed",
            IngestError::MalformedFeed { .. } => "malformed_feed",
            IngestError::Network { .. } => "network",
            IngestError::Store(_) => "store",
            IngestError::QuoteNotFound { .. } => "quote_not_found",
            IngestError::WrongArticle { .. } => "wrong_article",
            IngestError::TooFewAccounts { .. } => "too_few_accounts",
            IngestError::NotInStory { .. } => "not_in_story",
        }
    }
}

/// "20 MB", "64 KB", "512 bytes": a size limit in words.
pub fn format_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_048_576 && b % 1_048_576 == 0 => format!("{} MB", b / 1_048_576),
        b if b >= 1_048_576 => format!("{:.1} MB", b as f64 / 1_048_576.0),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// A file's size against a limit of `limit` bytes, in MB with one decimal, or in exact bytes
/// when the rounding would make it look no larger than the limit ("20.0 MB" for 20 MB + 1 byte).
pub fn size_past(len: u64, limit: u64) -> String {
    let mb = format!("{:.1} MB", len as f64 / 1_048_576.0);
    if len > limit && mb == format!("{:.1} MB", limit as f64 / 1_048_576.0) {
        format!("{len} bytes ({} bytes over the limit)", len - limit)
    } else {
        mb
    }
}

/// "20 s", "0.7 s": a time limit in words.
pub fn format_duration(d: std::time::Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

pub type Result<T, E = IngestError> = std::result::Result<T, E>;
