//! The JSON export: the comparison exactly as the engine produced it (all rows, whatever the filter), wrapped
//! with the provenance of both versions and the highlights so the file still says where its texts came from.

use parallax_engine::Comparison;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::request::{ExportHighlight, ExportRequest, ExportSide};

/// The shape of a JSON export. `comparison` is the engine's value unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDocument {
    /// Always "parallax-comparison/1"; bumped if this shape changes.
    pub format: String,
    pub title: String,
    pub left: ExportSide,
    pub right: ExportSide,
    pub highlights: Vec<ExportHighlight>,
    pub comparison: Comparison,
}

/// Pretty-printed JSON of the request's comparison and provenance.
pub fn to_json(req: &ExportRequest) -> Result<Vec<u8>> {
    let doc = ExportDocument {
        format: "parallax-comparison/1".to_string(),
        title: req.title.clone(),
        left: req.left.clone(),
        right: req.right.clone(),
        highlights: req.highlights.clone(),
        comparison: req.comparison.clone(),
    };
    let mut out = serde_json::to_vec_pretty(&doc)?;
    out.push(b'\n');
    Ok(out)
}
