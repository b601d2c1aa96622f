//! Values made for the UI out of several crates' results (the crates' own types cross IPC as they are).

use serde::Serialize;
use ts_rs::TS;

use crate::error::IpcError;

/// Where the library lives and whether it could be opened; the UI shows `error` as a banner and stays up.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryStatus {
    pub data_dir: String,
    pub error: Option<IpcError>,
}

/// One side of a comparison: which version of which article, for the column header and the export's provenance.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompareSide {
    pub info: parallax_store::VersionInfo,
    pub outlet: String,
    pub url: Option<String>,
    pub version_count: i64,
}

/// A comparison with the two versions it was made from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonView {
    pub left: CompareSide,
    pub right: CompareSide,
    pub comparison: parallax_engine::Comparison,
}

impl CompareSide {
    pub fn of(version: &parallax_store::Version) -> Self {
        Self {
            info: version.info.clone(),
            outlet: version.outlet.clone(),
            url: version.url.clone(),
            version_count: version.version_count,
        }
    }
}
