//! What a reading export of one article version needs: its paragraphs, its provenance and the
//! reader's highlights as they stand on this version (resolved by the caller: the export crate
//! does not know the store or how highlights follow revisions).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::request::ExportSide;

/// The five highlight colours (the store's), as the reading PDF paints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum HighlightColour {
    Yellow,
    Green,
    Blue,
    Pink,
    Purple,
}

impl HighlightColour {
    /// Pale tints dark text stays readable on; tests look for these exact values.
    pub fn rgb(self) -> (u8, u8, u8) {
        match self {
            HighlightColour::Yellow => (255, 236, 140),
            HighlightColour::Green => (190, 235, 180),
            HighlightColour::Blue => (190, 215, 250),
            HighlightColour::Pink => (250, 200, 220),
            HighlightColour::Purple => (222, 205, 245),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            HighlightColour::Yellow => "yellow",
            HighlightColour::Green => "green",
            HighlightColour::Blue => "blue",
            HighlightColour::Pink => "pink",
            HighlightColour::Purple => "purple",
        }
    }
}

/// One highlight as it stands on the exported version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingHighlight {
    /// The text as highlighted, on the version it was made on.
    pub quote: String,
    pub note: Option<String>,
    pub colour: HighlightColour,
    /// The paragraph (0-based) of this version holding the passage; `None` when it was removed.
    pub paragraph: Option<usize>,
    /// The passage as it reads in this version (`None` when removed).
    pub text: Option<String>,
    /// What became of it, when it was made on another version: e.g. "edited: 600 → 900 households
    /// (highlighted in version 1)". `None` when made on this version.
    pub state: Option<String>,
}

/// A reading PDF request: one version of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingRequest {
    /// The headline, shown as the document title.
    pub title: String,
    pub byline: Option<String>,
    /// Outlet, URL, times, content hash and `version_label` ("version 5 of 5").
    pub provenance: ExportSide,
    pub paragraphs: Vec<String>,
    pub highlights: Vec<ReadingHighlight>,
}
