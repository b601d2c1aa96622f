//! One entry point for callers that let the user pick a format (the app's Export button): render in the
//! chosen format and write the file atomically. Dialogs and progress display stay with the caller.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::request::ExportRequest;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Html,
    Markdown,
    Json,
}

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// The format a file name asks for by its extension (`.pdf`, `.html`/`.htm`, `.md`/`.markdown`, `.json`).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "pdf" => Format::Pdf,
            "html" | "htm" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// The request rendered in `format`.
pub fn render(req: &ExportRequest, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Pdf => crate::to_pdf(req)?,
        Format::Html => crate::to_html(req).into_bytes(),
        Format::Markdown => crate::to_markdown(req).into_bytes(),
        Format::Json => crate::to_json(req)?,
    })
}

/// Render and write atomically to `path`; returns the number of bytes written.
pub fn export_to_file(req: &ExportRequest, format: Format, path: &Path) -> Result<u64> {
    let bytes = render(req, format)?;
    crate::write_atomically(path, &bytes)?;
    Ok(bytes.len() as u64)
}
