//! Tauri commands: each takes the state, calls a crate, converts the result. No logic lives here.
//! The table at the bottom is the typed surface the UI sees (see bindings.rs).

use parallax_engine::Mode;
use parallax_export::ExportOptions;
use parallax_store::{
    ArticleSummary, MAX_SEARCH_PAGE, Outlet, SearchPage, Story, Version, VersionInfo,
};
use tauri::State;

use crate::about::About;
use crate::bindings::command_table;
use crate::error::{ErrorCode, IpcError, IpcResult};
use crate::exporting::{self, Exported};
use crate::state::AppState;
use crate::views::{CompareSide, ComparisonView, LibraryStatus};

#[tauri::command]
pub fn library_status(state: State<'_, AppState>) -> LibraryStatus {
    crate::startup::mark("first IPC");
    LibraryStatus {
        data_dir: state.data_dir.display().to_string(),
        error: state.status_error(),
    }
}

/// The About panel's facts and the diagnostics text a user can copy into a problem report.
#[tauri::command(async)]
pub fn about(state: State<'_, AppState>) -> About {
    let webkit = tauri::webview_version().unwrap_or_else(|e| format!("unknown ({e})"));
    About::gather(
        &state.data_dir,
        webkit,
        state.status_error().map(|e| e.message),
    )
}

#[tauri::command(async)]
pub fn list_articles(state: State<'_, AppState>) -> IpcResult<Vec<ArticleSummary>> {
    state.with(|lib| lib.list_articles())
}

#[tauri::command(async)]
pub fn list_stories(state: State<'_, AppState>) -> IpcResult<Vec<Story>> {
    state.with(|lib| lib.list_stories())
}

#[tauri::command(async)]
pub fn list_outlets(state: State<'_, AppState>) -> IpcResult<Vec<Outlet>> {
    state.with(|lib| lib.list_outlets())
}

#[tauri::command(async)]
pub fn versions_of(state: State<'_, AppState>, article_id: i64) -> IpcResult<Vec<VersionInfo>> {
    state.with(|lib| lib.versions_of(article_id))
}

#[tauri::command(async)]
pub fn get_version(state: State<'_, AppState>, version_id: i64) -> IpcResult<Version> {
    state.with(|lib| lib.get_version(version_id))
}

/// One page of a search's hits (`offset`, `limit` up to [`MAX_SEARCH_PAGE`]) and how many articles matched: the
/// window shows a page at a time, so snippets are made only for the hits shown.
#[tauri::command(async)]
pub fn search(
    state: State<'_, AppState>,
    query: String,
    offset: i64,
    limit: i64,
) -> IpcResult<SearchPage> {
    if offset < 0 || limit < 1 || limit > MAX_SEARCH_PAGE as i64 {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!(
                "A page of search results holds 1 to {MAX_SEARCH_PAGE} hits from offset 0 or more (asked for {limit} \
                 from {offset})."
            ),
        ));
    }
    state.with(|lib| lib.search_page(&query, offset as usize, limit as usize))
}

#[tauri::command(async)]
pub fn compare_versions(
    state: State<'_, AppState>,
    left_version_id: i64,
    right_version_id: i64,
    mode: Option<Mode>,
) -> IpcResult<ComparisonView> {
    let (left, right, comparison) = state
        .with(|lib| exporting::load_comparison(lib, left_version_id, right_version_id, mode))?;
    Ok(ComparisonView {
        left: CompareSide::of(&left),
        right: CompareSide::of(&right),
        comparison,
    })
}

/// Exports the comparison of two versions to `path`; the format follows the file name's ending.
#[tauri::command(async)]
pub fn export_comparison(
    state: State<'_, AppState>,
    left_version_id: i64,
    right_version_id: i64,
    mode: Option<Mode>,
    options: ExportOptions,
    path: String,
) -> IpcResult<Exported> {
    let req = state.with_ipc(|lib| {
        exporting::request(lib, left_version_id, right_version_id, mode, options)
    })?;
    exporting::write(&req, std::path::Path::new(&path))
}

/// "View original page": the page kept with a version, sanitised for a sandboxed frame (nothing runs or loads).
#[tauri::command(async)]
pub fn original_page(state: State<'_, AppState>, version_id: i64) -> IpcResult<String> {
    state.with_ipc(|lib| {
        parallax_ingest::original_page(lib, version_id)
            .map_err(crate::collect::ingest_error)?
            .ok_or_else(|| {
                IpcError::new(
                    ErrorCode::NotFound,
                    "No original page was kept for this version: it was pasted, imported from text or \
                     Markdown, or stored before pages were kept. Its text is all there is.",
                )
            })
    })
}

command_table! {
    library_status() -> crate::views::LibraryStatus;
    list_articles() -> Vec<ArticleSummary>;
    list_stories() -> Vec<Story>;
    list_outlets() -> Vec<Outlet>;
    versions_of(article_id: i64) -> Vec<VersionInfo>;
    get_version(version_id: i64) -> Version;
    search(query: String, offset: i64, limit: i64) -> parallax_store::SearchPage;
    compare_versions(left_version_id: i64, right_version_id: i64, mode: Option<Mode>) -> ComparisonView;
    export_comparison(left_version_id: i64, right_version_id: i64, mode: Option<Mode>, options: ExportOptions,
        path: String) -> Exported;
    about() -> About;
    original_page(version_id: i64) -> String;
}
