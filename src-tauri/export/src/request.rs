//! What an export is asked to render: the comparison plus the provenance of both versions and the user's highlights.
//! It deliberately mirrors only what the export needs, so this crate does not depend on the store; the caller
//! (app shell or CLI) fills these values from wherever its versions live.

use parallax_engine::Comparison;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where one side of the comparison came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportSide {
    /// The outlet's name, e.g. "Harbour Gazette" (or a file name for plain files).
    pub outlet: String,
    /// The article's headline as stored with this version.
    pub title: String,
    pub url: Option<String>,
    /// When the outlet published (or last updated) this version, as the caller wants it shown (e.g. RFC 3339).
    pub published: Option<String>,
    /// When Parallax fetched or imported this version.
    pub fetched: Option<String>,
    /// The version's content hash, shown in full so a reader can check the text.
    pub content_hash: String,
    /// A short label such as "version 2 of 3" or "older".
    pub version_label: String,
}

/// Which version a highlight was made on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum HighlightSide {
    Left,
    Right,
}

/// A passage the user highlighted on either version, with their note (may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportHighlight {
    pub side: HighlightSide,
    pub quote: String,
    pub note: String,
    /// What became of it on the right version, in words: "intact", "moved", "edited: 600 → 900
    /// households", "removed" (resolved by the caller). `None` when not known (two different articles).
    #[serde(default)]
    pub state: Option<String>,
}

/// How the rows are laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// Two aligned columns, left version and right version; each row band starts at the same height in both.
    #[default]
    SideBySide,
    /// One column: the right version's reading order with removed text struck and added text underlined.
    Inline,
}

/// Everything one export needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub comparison: Comparison,
    pub left: ExportSide,
    pub right: ExportSide,
    pub highlights: Vec<ExportHighlight>,
    pub layout: Layout,
    /// Show only rows whose change the engine judged substantive.
    pub substantive_only: bool,
    /// Between two accounts, also mark the words that differ (the full word redline). Off, only the claims are
    /// marked, as the compare view shows accounts by default. Revisions always carry their word redline.
    #[serde(default)]
    pub word_redline: bool,
    /// The document title shown on the first page and in the running header.
    pub title: String,
}

/// What the reader chose in the export dialog, sent with the versions to compare.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ExportOptions {
    pub layout: Layout,
    /// Show only rows whose change the engine judged substantive.
    pub substantive_only: bool,
    /// Between two accounts, keep the full word redline (see [`ExportRequest::word_redline`]).
    pub word_redline: bool,
}
