//! The CLI's errors and their exit codes (documented in ../README.md).
//! Each message names the file and says what to do; printing is left to `main`.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{}: no such file. Check the path and try again.", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: cannot read it ({reason}).", path.display())]
    Read { path: PathBuf, reason: String },
    #[error("{}: this file is not text (it looks like {looks_like}). Give a plain-text file.", path.display())]
    Binary { path: PathBuf, looks_like: String },
    #[error(
        "{}: this file is not UTF-8 text (invalid byte 0x{byte:02X} at offset {offset}; it may be {guess}). Convert it to UTF-8, e.g. with `iconv -f {from} -t utf-8`.",
        path.display()
    )]
    NotUtf8 {
        path: PathBuf,
        byte: u8,
        offset: u64,
        guess: String,
        /// The encoding to name in the `iconv` hint.
        from: &'static str,
    },
    #[error(
        "{}: the input is {size}; Parallax compares texts up to {limit}. Compare a shorter part of it.",
        path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: String,
        limit: String,
    },
    #[error("{}: line {line} is not a valid record ({reason}).", path.display())]
    BadRecord {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error(
        "{}: {what} would overwrite {other}. Choose a different file for each output.",
        path.display()
    )]
    Clash {
        path: PathBuf,
        what: String,
        other: String,
    },
    #[error("cannot write the output ({0}).")]
    Output(String),
    #[error(
        "{failed} of {total} records could not be compared; their output lines carry an \"error\" saying why. Fix them and run those again."
    )]
    RecordsFailed { failed: u64, total: u64 },
    /// Arguments clap accepts but that do not fit together; the message says what to give.
    #[error("{0}")]
    Usage(String),
}

impl CliError {
    pub fn read(path: &Path, e: std::io::Error) -> CliError {
        if e.kind() == std::io::ErrorKind::NotFound {
            CliError::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            CliError::Read {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        }
    }

    /// Exit code: 2 usage, 3 missing/unreadable input, 4 not text or too large, 5 malformed record, 6 output failed.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::NotFound { .. } | CliError::Read { .. } => 3,
            CliError::Binary { .. } | CliError::NotUtf8 { .. } | CliError::TooLarge { .. } => 4,
            CliError::BadRecord { .. } | CliError::RecordsFailed { .. } => 5,
            CliError::Output(_) | CliError::Clash { .. } => 6,
            CliError::Usage(_) => 2,
        }
    }
}
