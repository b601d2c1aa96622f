//! parallax-store: the Parallax library in SQLite — outlets, articles, immutable versions,
//! stories, highlights and feeds, with FTS5 search over every version. It knows nothing of
//! Tauri, HTTP or text comparison; those belong to the app, ingest and engine crates.
//!
//! Reads take `&Library`, writes take `&mut Library` and run in one immediate transaction
//! each, so a crash never leaves half an import and the borrow checker shows who may write.
//!
//! Conventions:
//! - Times are unix seconds (UTC, `i64`), always passed in by the caller (`now`); ids are
//!   SQLite row ids (`i64`).
//! - A version's body is a list of paragraphs of plain text (stored joined by a blank line;
//!   see the migration). Spacing inside a paragraph is kept as published.
//! - Dedupe: [`content_hash`] is SHA-256 over the NFC, whitespace-folded title and
//!   paragraphs. An article never stores the same hash twice; re-importing a text it already
//!   holds (even an older one it reverted to) is reported as [`AddOutcome::Duplicate`].
//! - Search: [`Library::search`] reports, per article, the newest matching version and
//!   `removed_later` when the latest version no longer matches.
//! - Open failures carry an [`ErrorKind`] (`notALibrary`, `newerSchema`, `readOnly`,
//!   `locked`, ...); in each case the file is left exactly as it was.
//!
//! ```
//! use parallax_store::{Library, NewArticle, NewVersion, SourceKind, AddOutcome};
//!
//! let mut lib = Library::open_in_memory()?;
//! let article = NewArticle {
//!     outlet_name: "The Courier".into(),
//!     outlet_domain: Some("courier.example".into()),
//!     url: Some("https://courier.example/vote".into()),
//! };
//! let text = NewVersion {
//!     title: "Council passes budget".into(),
//!     byline: None,
//!     published: None,
//!     fetched: 1_773_500_000,
//!     paragraphs: vec!["The council voted 7 to 2.".into()],
//!     html: None,
//!     source_kind: SourceKind::Url,
//!     source_ref: Some("https://courier.example/vote".into()),
//! };
//! assert_eq!(lib.add_article(&article, &text)?.outcome, AddOutcome::NewArticle);
//! // The same text again is recognised, not stored twice.
//! assert_eq!(lib.add_article(&article, &text)?.outcome, AddOutcome::Duplicate);
//! let hits = lib.search("budget", 10)?;
//! assert_eq!(hits.len(), 1);
//! # Ok::<(), parallax_store::Error>(())
//! ```

mod backup;
mod error;
mod feed;
mod highlight;
mod manage;
mod migrate;
mod model;
mod normalise;
mod open;
mod raw;
mod read;
mod sample;
mod search;
mod shelf;
mod suggest;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

pub use error::{Error, ErrorKind, Result};
pub use feed::{PollSuccess, feed_backoff_secs};
pub use highlight::HighlightEntry;
pub use manage::{Emptied, OutletMerge, TRASH_DAYS};
pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};
pub use model::*;
pub use normalise::{
    MAX_TITLE_CHARS, cap_chars, clean_label, clean_paragraphs, content_hash, is_stray_control,
    normalise_text, strip_controls,
};
pub use open::{LIBRARY_FILE_NAME, OpenOptions, PageCheck, PagesPassed, default_data_dir};
pub use raw::{RawPage, RawPageStats};
pub use sample::{SAMPLE_META_KEY, SAMPLE_STORY_TITLE};
pub use search::{MAX_SEARCH_PAGE, MAX_TERMS as MAX_SEARCH_TERMS, SearchPage, fts_query};
pub use shelf::{LibraryPage, LibraryQuery, LibrarySort, MAX_PAGE, Shelf, StoryHead};
pub use suggest::{Candidate, IndexSubject, SameEventPair};

/// An open library: one SQLite connection in WAL mode with foreign keys on.
///
/// Not `Sync`: share it behind a `Mutex` (one writer at a time is the design).
pub struct Library {
    conn: Connection,
    /// The file, or `None` for an in-memory library.
    path: Option<PathBuf>,
    /// Inside [`Library::batch`]: each write is a savepoint of the batch's transaction.
    in_batch: bool,
    /// Whether the pages were checked before this connection's first write (see `open`).
    checked: bool,
}

impl Library {
    /// The file this library lives in (`None` when in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one immediate (write-locking) transaction and commits it; any error
    /// rolls everything back. Inside [`Library::batch`] it is a savepoint of the batch's
    /// transaction instead, still all or nothing. Lock and read-only failures become their own
    /// error kinds.
    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if !self.checked {
            self.check_pages()?;
            self.checked = true;
        }
        let path = self.path.clone();
        let classify = |e: Error| match (e, &path) {
            (Error::Database(err), Some(p)) => Error::from_sqlite_at(err, p),
            (e, _) => e,
        };
        if self.in_batch {
            let sp = self.conn.savepoint().map_err(|e| classify(e.into()))?;
            let value = f(&sp).map_err(classify)?;
            sp.commit().map_err(|e| classify(e.into()))?;
            return Ok(value);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(e.into()))?;
        let value = f(&tx).map_err(classify)?;
        tx.commit().map_err(|e| classify(e.into()))?;
        Ok(value)
    }

    /// Runs `f` with every change it makes in one transaction: a bulk import (the benchmark
    /// generator, a large first import) writes one full-text segment and one commit per batch
    /// instead of per article, which is most of an import's cost. Each change inside stays all
    /// or nothing on its own; if `f` fails, the whole batch is rolled back. Readers on other
    /// connections see the batch when it commits. Batches do not nest.
    pub fn batch<T, E: From<Error>>(
        &mut self,
        f: impl FnOnce(&mut Library) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if self.in_batch {
            return Err(Error::InvalidInput("A batch of changes is already open.".into()).into());
        }
        let path = self.path.clone();
        let classify = move |e: rusqlite::Error| match &path {
            Some(p) => Error::from_sqlite_at(e, p),
            None => e.into(),
        };
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(&classify)?;
        self.in_batch = true;
        let value = f(self);
        self.in_batch = false;
        match value {
            Ok(v) => {
                if let Err(e) = self.conn.execute_batch("COMMIT") {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    return Err(classify(e).into());
                }
                Ok(v)
            }
            Err(e) => {
                // Rolling back can only fail when SQLite already did (then nothing is left to undo).
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn library_can_move_between_threads() {
        // The app keeps the library in a Mutex in Tauri state and uses it from command
        // threads; that needs Send.
        fn assert_send<T: Send>() {}
        assert_send::<super::Library>();
        // anyhow at the edges (CLI, shell) needs errors that are Send + Sync + 'static.
        fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
        assert_error::<super::Error>();
    }
}
