//! The one error shape that crosses IPC: `{ code, message }`. Crate errors are mapped here; the UI branches on
//! `code` only and shows `message` as written.

use serde::Serialize;
use ts_rs::TS;

/// What the UI may branch on. Add a variant only when the UI really does something different for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The library could not be opened (not SQLite, newer schema, read-only, locked); nothing was changed.
    LibraryUnavailable,
    /// The article, version or feed asked for does not exist (any more).
    NotFound,
    /// The user's input cannot be used as given (empty text, bad URL, unreadable file, ...).
    InvalidInput,
    /// Fetching from the network failed.
    Network,
    /// Writing an export failed.
    Export,
    /// Anything else: a bug or an environment problem.
    Internal,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
