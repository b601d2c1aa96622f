//! parallax-ingest: files, pasted text, URLs and feeds → clean article captures, ready for the
//! store. Extraction (readability + furniture rules), sanitising (ammonia), charset handling,
//! an HTTP client with limits, a feed poller with an injected clock, and story suggestions.
//! Knows nothing of Tauri; storing goes through parallax-store.
//!
//! ```
//! use parallax_ingest::{capture_paste, fingerprint};
//! let c = capture_paste("Ferry returns", "Harbour Courier", "The ferry sails again.\n\nAdvertisement", 0).unwrap();
//! assert_eq!(c.fingerprint(), fingerprint("Ferry returns", &["The ferry sails again.".into()]));
//! ```
//!
//! How a shell (the app, the CLI) uses it:
//! - **Paste / drop / open**: [`import_paste`], [`import_bytes`] (bytes the UI read, named by
//!   file name), [`import_files`] (paths, with progress); each gives an [`ImportReport`]
//!   whose [`ImportResult`] form serialises for IPC (`imported` or `error: {code, message}`).
//! - **URL**: fetch without holding the library lock ([`Fetcher::fetch_article`]), then
//!   [`store_capture`] under the lock. [`import_sources`] does both for callers that own the library.
//! - **Check for updates**: [`article_url`] → [`Fetcher::fetch_article`] → [`store_revision`],
//!   which answers [`UpdateCheck::Unchanged`] or `NewVersion` with a description such as
//!   "1 substantive change: a number".
//! - **Feeds**: one [`Poller`] over `Arc<Mutex<Library>>` with [`SystemClock`]; spawn
//!   [`Poller::run`] on tokio and turn each [`FeedEvent::Revised`] into a desktop notification.
//!   [`Poller::subscribe`] refuses non-feeds before storing anything.
//! - **Stories**: imports keep suggestions current ([`index_article`]); [`stored_suggestions`] →
//!   [`group_suggestions`] reads them. [`suggest_same_event`] is the exhaustive reference.
//!
//! Links kept in sanitised HTML point outside the app: open them in the system browser, never
//! in the reader's webview. The sanitised HTML holds no images, media, frames or scripts.

pub mod article;
pub mod boilerplate;
pub mod decode;
pub mod error;
pub mod extract;
pub mod feed;
pub mod fetch;
pub mod files;
pub mod highlights;
pub mod library;
mod loose;
pub mod metadata;
pub mod nesting;
pub mod original;
pub mod outlet;
pub mod poller;
pub mod readable;
pub mod reading;
pub mod reextract;
pub mod revision;
pub mod same_event;
pub mod stories;
pub mod story_view;

pub use article::{
    Capture, Origin, UNKNOWN_OUTLET, capture_html, capture_markdown, capture_paste, capture_text,
};
pub use boilerplate::{fingerprint, is_boilerplate_paragraph, normalised_text};
pub use error::{IngestError, Result};
pub use extract::{Extracted, extract_article};
pub use feed::{FeedDoc, FeedEntry, parse_feed};
pub use fetch::{FetchOptions, Fetched, Fetcher, Page, Validators, page_to_capture, parse_url};
pub use files::{FileKind, FileResult, MAX_FILE_BYTES, read_bytes, read_file, read_files};
pub use highlights::{
    QuoteHighlight, ResolvedHighlight, changed_notice, highlight_quote, highlights_changed,
    resolve_highlights, resolve_on_latest,
};
pub use library::{
    ErrorInfo, ImportReport, ImportResult, Imported, UpdateCheck, article_url, check_for_updates,
    import_bytes, import_files, import_files_with, import_paste, import_sources,
    import_sources_with, is_url, store_capture, store_revision, story_texts, to_store,
};
pub use metadata::{PageMeta, parse_time, read_meta};
pub use original::{original_page, sanitise_page};
pub use outlet::OutletRef;
pub use poller::{
    Clock, FeedEvent, ManualClock, PollReport, PollStatus, Poller, PollerConfig, SystemClock,
};
pub use readable::{capture_html_anyway, readable_text};
pub use reading::{highlight_records, provenance, reading_request, record};
pub use reextract::{ReextractReport, Reextraction, reextract};
pub use revision::{
    ChangeSummary, check_pending_substantive, check_substantive, summarise_changes,
};
pub use same_event::{WINDOW_SECS, index_article, index_pending, stored_suggestions};
pub use stories::{DEFAULT_THRESHOLD, SameEvent, StoryText, group_suggestions, suggest_same_event};
pub use story_view::{StoryAccounts, story_accounts};
