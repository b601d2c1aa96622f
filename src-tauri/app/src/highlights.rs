//! Highlight commands: make, change, delete (and undo), list with what became of each highlight on
//! the version shown, export the highlights (Markdown or JSON) and one version as a reading PDF.
//! Anchoring and resolution are parallax-ingest's; rendering parallax-export's.

use parallax_export::Format;
use parallax_ingest::{QuoteHighlight, ResolvedHighlight};
use parallax_store::{Colour, Highlight, HighlightEntry, Library};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::bindings::command_table;
use crate::collect::ingest_error;
use crate::error::{ErrorCode, IpcError, IpcResult};
use crate::exporting::Exported;
use crate::state::{AppState, store_error};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// One line of the Highlights view: the highlight, its article, and its state on the newest version.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HighlightItem {
    pub entry: HighlightEntry,
    pub latest: ResolvedHighlight,
}

#[tauri::command(async)]
pub fn add_highlight(
    state: State<'_, AppState>,
    article_id: i64,
    request: QuoteHighlight,
) -> IpcResult<Highlight> {
    state.with_ipc(|lib| {
        parallax_ingest::highlight_quote(lib, article_id, &request, now()).map_err(ingest_error)
    })
}

/// The article's highlights (made on any version) as they stand on `version_id`.
#[tauri::command(async)]
pub fn highlights_on(
    state: State<'_, AppState>,
    article_id: i64,
    version_id: i64,
) -> IpcResult<Vec<ResolvedHighlight>> {
    state.with_ipc(|lib| {
        parallax_ingest::resolve_highlights(lib, article_id, Some(version_id)).map_err(ingest_error)
    })
}

#[tauri::command(async)]
pub fn set_highlight_note(
    state: State<'_, AppState>,
    highlight_id: i64,
    note: Option<String>,
) -> IpcResult<Highlight> {
    state.with(|lib| {
        lib.set_highlight_note(highlight_id, note.as_deref())?;
        lib.get_highlight(highlight_id)
    })
}

#[tauri::command(async)]
pub fn set_highlight_colour(
    state: State<'_, AppState>,
    highlight_id: i64,
    colour: Colour,
) -> IpcResult<Highlight> {
    state.with(|lib| {
        lib.set_highlight_colour(highlight_id, colour)?;
        lib.get_highlight(highlight_id)
    })
}

/// Deletes a highlight and hands it back, so the window can offer to undo.
#[tauri::command(async)]
pub fn delete_highlight(state: State<'_, AppState>, highlight_id: i64) -> IpcResult<Highlight> {
    state.with(|lib| {
        let h = lib.get_highlight(highlight_id)?;
        lib.delete_highlight(highlight_id)?;
        Ok(h)
    })
}

/// Undo of [`delete_highlight`]: puts the same highlight back.
#[tauri::command(async)]
pub fn restore_highlight(state: State<'_, AppState>, highlight: Highlight) -> IpcResult<Highlight> {
    state.with(|lib| lib.restore_highlight(&highlight))
}

fn items(lib: &Library) -> IpcResult<Vec<HighlightItem>> {
    let entries = lib.list_highlights(None).map_err(store_error)?;
    let resolved = parallax_ingest::resolve_on_latest(lib, &entries).map_err(ingest_error)?;
    Ok(entries
        .into_iter()
        .zip(resolved)
        .map(|(entry, latest)| HighlightItem { entry, latest })
        .collect())
}

/// Every highlight in the library, newest first, each with its state on its article's newest version.
#[tauri::command(async)]
pub fn list_highlights(state: State<'_, AppState>) -> IpcResult<Vec<HighlightItem>> {
    state.with_ipc(|lib| items(lib))
}

/// "A passage you highlighted in … changed" for a new version, or `None` when no highlighted passage
/// changed. The window asks this after a re-check stored a new version.
#[tauri::command(async)]
pub fn highlight_notice(
    state: State<'_, AppState>,
    article_id: i64,
    old_version_id: i64,
    new_version_id: i64,
) -> IpcResult<Option<String>> {
    state.with_ipc(|lib| notice(lib, article_id, old_version_id, new_version_id))
}

pub fn notice(lib: &Library, article_id: i64, old: i64, new: i64) -> IpcResult<Option<String>> {
    let changed =
        parallax_ingest::highlights_changed(lib, article_id, old, new).map_err(ingest_error)?;
    let title = lib.get_version(new).map_err(store_error)?.info.title;
    Ok(parallax_ingest::changed_notice(&title, &changed))
}

/// Writes all highlights (or one article's) as Markdown or JSON, by the file name's ending.
#[tauri::command(async)]
pub fn export_highlights(
    state: State<'_, AppState>,
    article_id: Option<i64>,
    path: String,
) -> IpcResult<Exported> {
    let records = state.with_ipc(|lib| {
        parallax_ingest::highlight_records(lib, article_id).map_err(ingest_error)
    })?;
    let path = std::path::Path::new(&path);
    let (format, bytes) = match Format::from_path(path) {
        Some(Format::Markdown) => (
            Format::Markdown,
            parallax_export::highlights_markdown(&records).into_bytes(),
        ),
        Some(Format::Json) => (
            Format::Json,
            parallax_export::highlights_json(&records)
                .map_err(|e| IpcError::new(ErrorCode::Export, e.to_string()))?,
        ),
        _ => {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                format!(
                    "Highlights export to .md or .json files; “{}” has neither ending.",
                    path.display()
                ),
            ));
        }
    };
    write(path, format, &bytes)
}

fn write(path: &std::path::Path, format: Format, bytes: &[u8]) -> IpcResult<Exported> {
    parallax_export::write_atomically(path, bytes)
        .map_err(|e| IpcError::new(ErrorCode::Export, e.to_string()))?;
    Ok(Exported {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
        format,
    })
}

/// Writes one version as a reading PDF with the article's highlights resolved on it.
#[tauri::command(async)]
pub fn export_article(
    state: State<'_, AppState>,
    article_id: i64,
    version_id: i64,
    path: String,
) -> IpcResult<Exported> {
    let req = state.with_ipc(|lib| {
        parallax_ingest::reading_request(lib, article_id, Some(version_id)).map_err(ingest_error)
    })?;
    let bytes = parallax_export::reading_pdf(&req)
        .map_err(|e| IpcError::new(ErrorCode::Export, e.to_string()))?;
    write(std::path::Path::new(&path), Format::Pdf, &bytes)
}

command_table! {
    add_highlight(article_id: i64, request: QuoteHighlight) -> Highlight;
    highlights_on(article_id: i64, version_id: i64) -> Vec<ResolvedHighlight>;
    set_highlight_note(highlight_id: i64, note: Option<String>) -> Highlight;
    set_highlight_colour(highlight_id: i64, colour: Colour) -> Highlight;
    delete_highlight(highlight_id: i64) -> Highlight;
    restore_highlight(highlight: Highlight) -> Highlight;
    list_highlights() -> Vec<HighlightItem>;
    highlight_notice(article_id: i64, old_version_id: i64, new_version_id: i64) -> Option<String>;
    export_highlights(article_id: Option<i64>, path: String) -> Exported;
    export_article(article_id: i64, version_id: i64, path: String) -> Exported;
}
