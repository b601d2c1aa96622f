//! Commands of the library view at scale and of looking after the library: pages of rows, story heads, read and
//! archive marks, the trash and its undo, outlet rename and merge, story titles, backup. Thin: each calls the store.

use parallax_store::{Emptied, LibraryPage, LibraryQuery, OutletMerge, StoryHead, TRASH_DAYS};
use tauri::State;

use crate::bindings::command_table;
use crate::error::IpcResult;
use crate::state::AppState;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Revised articles compared per turn of [`fill_substantive`]: each turn holds the library for a few
/// tens of milliseconds, short enough that a command waiting behind it does not show.
const SUBSTANTIVE_STEP: i64 = 8;

/// The library's upkeep after the first screen: the page check owed before the first write (run apart from the
/// library, see [`AppState::check_pages_apart`]), then the substantive-change catch-up. Both wait a few seconds so
/// that the window's start has the machine.
pub fn after_start(state: &AppState) {
    std::thread::sleep(std::time::Duration::from_secs(3));
    state.check_pages_apart();
    fill_substantive(state);
}

/// Fills "has substantive changes" for the articles still waiting (a library from before the filter, versions
/// trashed or restored), a few at a time with pauses, after the window has had its start-up. Runs on its own
/// thread until nothing is waiting or the library cannot be used.
pub fn fill_substantive(state: &AppState) {
    loop {
        let done = state.with_ipc(|lib| {
            parallax_ingest::check_pending_substantive(lib, SUBSTANTIVE_STEP)
                .map_err(crate::collect::ingest_error)
        });
        match done {
            Ok(n) if n > 0 => std::thread::sleep(std::time::Duration::from_millis(20)),
            _ => return,
        }
    }
}

#[tauri::command(async)]
pub fn library_page(state: State<'_, AppState>, query: LibraryQuery) -> IpcResult<LibraryPage> {
    let page = state.with(|lib| lib.library_page(&query));
    // The library view's first call: the start-up log's "articles listed" stage.
    crate::startup::mark("articles listed");
    page
}

/// How many rows the list under `query`'s filters has: the first screen counts only its first rows and asks this
/// once they are on screen.
#[tauri::command(async)]
pub fn library_count(state: State<'_, AppState>, query: LibraryQuery) -> IpcResult<i64> {
    state.with(|lib| lib.library_count(&query))
}

#[tauri::command(async)]
pub fn story_heads(state: State<'_, AppState>) -> IpcResult<Vec<StoryHead>> {
    state.with(|lib| lib.story_heads(parallax_store::MAX_PAGE))
}

#[tauri::command(async)]
pub fn mark_read(state: State<'_, AppState>, article_ids: Vec<i64>, read: bool) -> IpcResult<()> {
    state.with(|lib| lib.mark_read(&article_ids, read, now()))
}

#[tauri::command(async)]
pub fn set_archived(
    state: State<'_, AppState>,
    article_ids: Vec<i64>,
    archived: bool,
) -> IpcResult<()> {
    state.with(|lib| lib.set_archived(&article_ids, archived, now()))
}

#[tauri::command(async)]
pub fn trash_articles(state: State<'_, AppState>, article_ids: Vec<i64>) -> IpcResult<()> {
    state.with(|lib| lib.trash_articles(&article_ids, now()))
}

#[tauri::command(async)]
pub fn restore_articles(state: State<'_, AppState>, article_ids: Vec<i64>) -> IpcResult<()> {
    state.with(|lib| lib.restore_articles(&article_ids))
}

#[tauri::command(async)]
pub fn trash_version(state: State<'_, AppState>, version_id: i64) -> IpcResult<()> {
    state.with(|lib| lib.trash_version(version_id, now()))
}

#[tauri::command(async)]
pub fn restore_version(state: State<'_, AppState>, version_id: i64) -> IpcResult<()> {
    state.with(|lib| lib.restore_version(version_id))
}

/// Empties the whole trash (`all`) or only what has been there longer than the 30 days the trash keeps.
#[tauri::command(async)]
pub fn empty_trash(state: State<'_, AppState>, all: bool) -> IpcResult<Emptied> {
    state.with(|lib| lib.empty_trash(now(), if all { 0 } else { TRASH_DAYS }))
}

#[tauri::command(async)]
pub fn rename_outlet(state: State<'_, AppState>, outlet_id: i64, name: String) -> IpcResult<()> {
    state.with(|lib| lib.rename_outlet(outlet_id, &name))
}

/// Merges outlet `from` into `into`; the answer is what the window hands back to undo it.
#[tauri::command(async)]
pub fn merge_outlets(state: State<'_, AppState>, from: i64, into: i64) -> IpcResult<OutletMerge> {
    state.with(|lib| lib.merge_outlets(from, into))
}

/// Undoes a merge ([`merge_outlets`]'s answer); returns the restored outlet's id.
#[tauri::command(async)]
pub fn undo_merge_outlets(state: State<'_, AppState>, merge: OutletMerge) -> IpcResult<i64> {
    state.with(|lib| lib.undo_merge(&merge))
}

#[tauri::command(async)]
pub fn rename_story(state: State<'_, AppState>, story_id: i64, title: String) -> IpcResult<()> {
    state.with(|lib| lib.rename_story(story_id, &title))
}

/// Writes a single-file copy of the library to `path` while the app keeps running; returns its size in bytes.
#[tauri::command(async)]
pub fn backup_library(state: State<'_, AppState>, path: String) -> IpcResult<u64> {
    state.with(|lib| lib.backup_to(std::path::Path::new(path.trim())))
}

command_table! {
    library_page(query: LibraryQuery) -> LibraryPage;
    library_count(query: LibraryQuery) -> i64;
    story_heads() -> Vec<StoryHead>;
    mark_read(article_ids: Vec<i64>, read: bool) -> ();
    set_archived(article_ids: Vec<i64>, archived: bool) -> ();
    trash_articles(article_ids: Vec<i64>) -> ();
    restore_articles(article_ids: Vec<i64>) -> ();
    trash_version(version_id: i64) -> ();
    restore_version(version_id: i64) -> ();
    empty_trash(all: bool) -> Emptied;
    rename_outlet(outlet_id: i64, name: String) -> ();
    merge_outlets(from: i64, into: i64) -> OutletMerge;
    undo_merge_outlets(merge: OutletMerge) -> i64;
    rename_story(story_id: i64, title: String) -> ();
    backup_library(path: String) -> u64;
}
