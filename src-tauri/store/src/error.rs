//! The store's one error type, with a stable [`ErrorKind`] code the UI can branch on.
//! Turning it into IPC's `{code, message}` is left to the app shell.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What went wrong, as a stable code. The UI branches on this, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file exists but is not a Parallax library (not SQLite, or another program's database).
    NotALibrary,
    /// The library was written by a newer Parallax; this build will not touch it.
    NewerSchema,
    /// The library file (or its folder) cannot be written.
    ReadOnly,
    /// Another program or Parallax window holds the library's write lock.
    Locked,
    /// The operating system refused a file operation.
    Io,
    /// An id that names no row (an article, version, story, feed, ...).
    NotFound,
    /// Input the store refuses: an empty title or body, an unknown colour, a bad URL.
    InvalidInput,
    /// SQLite reported a problem the store does not expect (a bug or a damaged file).
    Database,
}

impl ErrorKind {
    /// The code as it crosses IPC (same spelling as the serde form).
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::NotALibrary => "notALibrary",
            ErrorKind::NewerSchema => "newerSchema",
            ErrorKind::ReadOnly => "readOnly",
            ErrorKind::Locked => "locked",
            ErrorKind::Io => "io",
            ErrorKind::NotFound => "notFound",
            ErrorKind::InvalidInput => "invalidInput",
            ErrorKind::Database => "database",
        }
    }
}

/// Everything the store can fail with. Messages say what happened and what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(
        "{} is not a Parallax library ({detail}). Parallax has not changed it; choose another \
         data folder or move the file away and start again.",
        path.display()
    )]
    NotALibrary { path: PathBuf, detail: String },

    #[error(
        "The library at {} was made by a newer version of Parallax (schema {found}; this version \
         understands up to {supported}). It has not been changed; update Parallax to open it.",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "The library at {} is read-only, so Parallax cannot save to it. Make the file and its \
         folder writable, or point PARALLAX_DATA_DIR at another folder.",
        path.display()
    )]
    ReadOnly { path: PathBuf },

    #[error(
        "The library at {} is damaged (SQLite's check says: {detail}), so Parallax will not save \
         to it: writing could lose more. What is intact can still be read. Copy the file away, \
         then restore a backup made with `parallax backup`, or salvage what SQLite can read \
         with `sqlite3 FILE .recover`.",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },

    #[error(
        "The library at {} is in use by another program or Parallax window. Close the other one \
         and try again.",
        path.display()
    )]
    Locked { path: PathBuf },

    #[error("Could not use {}: {source}. Check that the folder exists and is writable.", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("No {what} with id {id} in the library; it may have been deleted.")]
    NotFound { what: &'static str, id: i64 },

    #[error("{0}")]
    InvalidInput(String),

    #[error(
        "The library database reported an error: {0}. If this keeps happening, report it with the library file."
    )]
    Database(#[from] rusqlite::Error),
}

impl Error {
    /// The stable code of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotALibrary { .. } => ErrorKind::NotALibrary,
            Error::NewerSchema { .. } => ErrorKind::NewerSchema,
            Error::ReadOnly { .. } => ErrorKind::ReadOnly,
            Error::Locked { .. } => ErrorKind::Locked,
            Error::Io { .. } => ErrorKind::Io,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::InvalidInput(_) => ErrorKind::InvalidInput,
            Error::Database(_) | Error::Damaged { .. } => ErrorKind::Database,
        }
    }

    /// Classifies a SQLite error raised while working on the file at `path`: lock, read-only
    /// and "not a database" conditions become their own kinds, the rest stays `Database`.
    pub(crate) fn from_sqlite_at(err: rusqlite::Error, path: &Path) -> Error {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked { path },
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
                if is_read_only(&path) || path.parent().is_some_and(is_read_only) =>
            {
                Error::ReadOnly { path }
            }
            Some(ErrorCode::ReadOnly) => Error::ReadOnly { path },
            Some(ErrorCode::NotADatabase) => Error::NotALibrary {
                path,
                detail: "it is not an SQLite database".into(),
            },
            Some(ErrorCode::DatabaseCorrupt) => Error::NotALibrary {
                path,
                detail: "it is damaged: SQLite cannot read its contents".into(),
            },
            _ => Error::Database(err),
        }
    }
}

/// True when the file's (or folder's) permissions say it must not be written.
pub(crate) fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false)
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
