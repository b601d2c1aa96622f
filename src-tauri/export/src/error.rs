//! The export crate's error type. Messages say what happened and what the user can do about it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("The folder {} does not exist. Choose an existing folder for the export.", .0.display())]
    MissingFolder(PathBuf),
    #[error("{} is not a folder, so the export cannot be saved inside it. Choose a folder instead.", .0.display())]
    NotAFolder(PathBuf),
    #[error("{} is a folder. Give a file name for the export, e.g. comparison.pdf.", .0.display())]
    TargetIsFolder(PathBuf),
    #[error(
        "{} is not a regular file (it is a device, pipe or socket), so the export was not written there. Choose a file name instead.",
        .0.display()
    )]
    NotARegularFile(PathBuf),
    #[error("Could not write the export into {}: {source}. Choose a folder you can write to.", folder.display())]
    Write {
        folder: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "The PDF could not be produced ({0}). Please report this with the comparison that caused it."
    )]
    Pdf(String),
    #[error(
        "A story exports as PDF, Markdown or JSON, not {0}. Choose a file name ending in .pdf, .md or .json."
    )]
    Unsupported(&'static str),
    #[error("The comparison could not be written as JSON ({0}).")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
