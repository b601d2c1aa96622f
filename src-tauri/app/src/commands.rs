//! Tauri commands: each takes the state, calls a crate, converts the result. No logic lives here.
//! The table at the bottom is the typed surface the UI sees (see bindings.rs).

use parallax_engine::{CompareOptions, Mode, ModeChoice};
use parallax_store::{ArticleSummary, Outlet, SearchHit, Story, Version, VersionInfo};
use tauri::State;

use crate::bindings::command_table;
use crate::error::IpcResult;
use crate::state::AppState;
use crate::views::{CompareSide, ComparisonView, LibraryStatus};

#[tauri::command]
pub fn library_status(state: State<'_, AppState>) -> LibraryStatus {
    LibraryStatus {
        data_dir: state.data_dir.display().to_string(),
        error: state.open_error(),
    }
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

#[tauri::command(async)]
pub fn search(state: State<'_, AppState>, query: String) -> IpcResult<Vec<SearchHit>> {
    state.with(|lib| lib.search(&query, 100))
}

#[tauri::command(async)]
pub fn compare_versions(
    state: State<'_, AppState>,
    left_version_id: i64,
    right_version_id: i64,
    mode: Option<Mode>,
) -> IpcResult<ComparisonView> {
    let (left, right) = state.with(|lib| {
        Ok((
            lib.get_version(left_version_id)?,
            lib.get_version(right_version_id)?,
        ))
    })?;
    let mode = match mode {
        None => ModeChoice::Auto,
        Some(Mode::Revision) => ModeChoice::Revision,
        Some(Mode::Accounts) => ModeChoice::Accounts,
    };
    let options = CompareOptions {
        mode,
        ..Default::default()
    };
    let comparison =
        parallax_engine::compare_paragraphs(&left.paragraphs, &right.paragraphs, &options);
    Ok(ComparisonView {
        left: CompareSide::of(&left),
        right: CompareSide::of(&right),
        comparison,
    })
}

command_table! {
    library_status() -> crate::views::LibraryStatus;
    list_articles() -> Vec<ArticleSummary>;
    list_stories() -> Vec<Story>;
    list_outlets() -> Vec<Outlet>;
    versions_of(article_id: i64) -> Vec<VersionInfo>;
    get_version(version_id: i64) -> Version;
    search(query: String) -> Vec<SearchHit>;
    compare_versions(left_version_id: i64, right_version_id: i64, mode: Option<Mode>) -> ComparisonView;
}
