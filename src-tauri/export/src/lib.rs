//! parallax-export: turns a [`Comparison`](parallax_engine::Comparison) plus the provenance of both versions into
//! a highlighted PDF (side by side or inline redline), standalone HTML, Markdown or JSON, and writes files
//! atomically. It knows nothing of the store, Tauri or dialogs: callers build an [`ExportRequest`].
//!
//! ```
//! use parallax_engine::{Comparison, Mode, Row, RowKind, Segment, Sentence, Significance, Summary, Tag};
//! use parallax_export::{ExportRequest, ExportSide, Layout, to_markdown};
//!
//! let comparison = Comparison {
//!     mode: Mode::Revision,
//!     left: vec![Sentence { text: "The bridge opens in May.".into(), paragraph: 0 }],
//!     right: vec![Sentence { text: "The bridge opens in June.".into(), paragraph: 0 }],
//!     rows: vec![Row {
//!         kind: RowKind::Edited,
//!         left: vec![0],
//!         right: vec![0],
//!         significance: Significance::Substantive,
//!         facets: vec![],
//!         segments: vec![
//!             Segment { text: "The bridge opens in ".into(), tag: Tag::Equal },
//!             Segment { text: "May".into(), tag: Tag::Delete },
//!             Segment { text: "June".into(), tag: Tag::Insert },
//!             Segment { text: ".".into(), tag: Tag::Equal },
//!         ],
//!         ..Row::default()
//!     }],
//!     summary: Summary { edited: 1, substantive: 1, ..Summary::default() },
//! };
//! let req = ExportRequest {
//!     comparison,
//!     left: ExportSide { outlet: "Harbour Gazette".into(), ..ExportSide::default() },
//!     right: ExportSide { outlet: "Harbour Gazette".into(), ..ExportSide::default() },
//!     highlights: vec![],
//!     layout: Layout::Inline,
//!     substantive_only: false,
//!     word_redline: false,
//!     title: "Bridge opening".into(),
//! };
//! let md = to_markdown(&req);
//! assert!(md.contains("~~May~~ **June**"));
//! let pdf = parallax_export::to_pdf(&req).unwrap();
//! assert!(pdf.starts_with(b"%PDF"));
//! ```

mod atomic;
mod cells;
mod claim_marks;
mod error;
mod format;
mod highlights;
mod html;
mod json;
mod markdown;
mod pdf;
mod reading;
mod request;
mod story;
mod time;
mod view;

pub use atomic::{follow_links, write_atomically};
pub use error::{Error, Result};
pub use format::{Format, export_to_file, render};
pub use highlights::{HighlightRecord, highlights_json, highlights_markdown};
pub use html::to_html;
pub use json::{ExportDocument, to_json};
pub use markdown::to_markdown;
pub use pdf::{ADDED_BG, DISPUTED_BG, REMOVED_BG, reading_pdf, story_pdf, to_pdf};
pub use reading::{HighlightColour, ReadingHighlight, ReadingRequest};
pub use request::{
    ExportHighlight, ExportOptions, ExportRequest, ExportSide, HighlightSide, Layout,
};
pub use story::{StoryExport, export_story_to_file, story_json, story_markdown, story_render};
pub use time::rfc3339_utc;
