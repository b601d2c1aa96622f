//! The story view's commands: a library story's accounts grouped claim by claim (each article at
//! the version the reader picked, the latest otherwise), and its export. Loading is
//! parallax-ingest's, grouping the engine's, rendering the export crate's.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::bindings::command_table;
use crate::collect::ingest_error;
use crate::error::{ErrorCode, IpcError, IpcResult};
use crate::exporting::Exported;
use crate::state::AppState;
use crate::views::CompareSide;
use parallax_export::Format;

/// A story as the view shows it: each account's version (column headers, provenance) and the
/// engine's claim rows; `story.accounts[k]` is `accounts[k]`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoryView {
    pub story_id: i64,
    pub title: String,
    pub accounts: Vec<CompareSide>,
    pub story: parallax_engine::story::Story,
}

/// Story `story_id` claim by claim; `versions` picks a version per article (others: the latest).
#[tauri::command(async)]
pub fn story_view(
    state: State<'_, AppState>,
    story_id: i64,
    versions: Option<Vec<i64>>,
) -> IpcResult<StoryView> {
    let loaded = state.with_ipc(|lib| {
        parallax_ingest::story_accounts(lib, story_id, versions.as_deref().unwrap_or_default())
            .map_err(ingest_error)
    })?;
    Ok(StoryView {
        story_id,
        title: loaded.title,
        accounts: loaded.versions.iter().map(CompareSide::of).collect(),
        story: loaded.story,
    })
}

/// Exports story `story_id` (the same versions as the view) to `path`; the format follows the file name.
#[tauri::command(async)]
pub fn export_story(
    state: State<'_, AppState>,
    story_id: i64,
    versions: Option<Vec<i64>>,
    path: String,
) -> IpcResult<Exported> {
    let req = state.with_ipc(|lib| {
        parallax_ingest::story_accounts(lib, story_id, versions.as_deref().unwrap_or_default())
            .map(|s| s.export())
            .map_err(ingest_error)
    })?;
    let path = std::path::Path::new(&path);
    let format = match Format::from_path(path) {
        Some(f @ (Format::Pdf | Format::Markdown | Format::Json)) => f,
        _ => {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                format!(
                    "A story exports as .pdf, .md or .json; “{}” has none of those endings.",
                    path.display()
                ),
            ));
        }
    };
    let bytes = parallax_export::export_story_to_file(&req, format, path)
        .map_err(|e| IpcError::new(ErrorCode::Export, e.to_string()))?;
    Ok(Exported {
        path: path.display().to_string(),
        bytes,
        format,
    })
}

command_table! {
    story_view(story_id: i64, versions: Option<Vec<i64>>) -> StoryView;
    export_story(story_id: i64, versions: Option<Vec<i64>>, path: String) -> Exported;
}
