//! The first screen in one round trip: whether the library opened, its outlets, its story heads, the first page of
//! the list and the first rows of the stories shown above it. At launch every IPC round trip is paid before anything
//! shows, so the window asks once; later reloads use the single-purpose commands. What is shown stays the UI's call.
//! Nothing here grows with the library: the outlets' counts are kept on their rows, stories and rows come a bounded
//! number at a time, and the list is counted only up to [`FIRST_COUNT`] (the window asks for the exact count after).

use parallax_store::{Library, LibraryPage, LibraryQuery, MAX_PAGE, Outlet, StoryHead};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::bindings::command_table;
use crate::error::IpcResult;
use crate::state::{AppState, store_error};
use crate::views::LibraryStatus;

/// The list's rows are counted up to this many on the first screen (a few screens of rows; the scrollbar needs no
/// more until the exact count, asked for once the rows show, arrives).
pub const FIRST_COUNT: i64 = 1_000;

/// Everything the library view shows first. When the library could not be opened, `status.error` says why and the
/// lists are empty (the window shows the banner and stays up).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstScreen {
    pub status: LibraryStatus,
    pub outlets: Vec<Outlet>,
    pub stories: Vec<StoryHead>,
    /// The list's page asked for (`list`); its `total` is counted up to [`FIRST_COUNT`].
    pub page: LibraryPage,
    /// Whether `page.total` is the exact count; when not, the list has at least that many rows.
    pub total_exact: bool,
    /// The first rows of each shown story, newest story first.
    pub story_rows: Vec<StoryRows>,
}

/// The first rows of one story under the list's filters.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoryRows {
    pub story_id: i64,
    pub page: LibraryPage,
}

/// Reads the first screen: the list's page under `list`; when the list keeps stories apart (`list.loose_only`),
/// the first `story_rows` rows of each of the newest `stories_shown` non-empty stories under the same filters.
pub fn read(
    lib: &Library,
    status: LibraryStatus,
    list: &LibraryQuery,
    stories_shown: i64,
    story_rows: i64,
) -> parallax_store::Result<FirstScreen> {
    let outlets = lib.list_outlets()?;
    let stories = lib.story_heads(MAX_PAGE)?;
    let (page, total_exact) = lib.library_page_counted_to(list, FIRST_COUNT)?;
    let shown = if list.loose_only {
        stories
            .iter()
            .filter(|s| s.article_count > 0)
            .take(stories_shown.max(0) as usize)
            .collect()
    } else {
        Vec::new()
    };
    let rows = shown
        .into_iter()
        .map(|s| {
            let query = LibraryQuery {
                story_id: Some(s.id),
                loose_only: false,
                offset: 0,
                limit: story_rows,
                after: None,
                ..list.clone()
            };
            Ok(StoryRows {
                story_id: s.id,
                page: lib.library_page(&query)?,
            })
        })
        .collect::<parallax_store::Result<_>>()?;
    Ok(FirstScreen {
        status,
        outlets,
        stories,
        page,
        total_exact,
        story_rows: rows,
    })
}

/// The window's first call. The library's own trouble (cannot open, sample failed) is reported in `status`, so the
/// window can explain it; a bad query is an error like any other.
#[tauri::command(async)]
pub fn first_screen(
    state: State<'_, AppState>,
    list: LibraryQuery,
    stories_shown: i64,
    story_rows: i64,
) -> IpcResult<FirstScreen> {
    crate::startup::mark("first IPC");
    let status = LibraryStatus {
        data_dir: state.data_dir.display().to_string(),
        error: state.status_error(),
    };
    let empty = LibraryPage {
        total: 0,
        offset: list.offset,
        articles: Vec::new(),
    };
    if status.error.is_some() {
        return Ok(FirstScreen {
            status,
            outlets: Vec::new(),
            stories: Vec::new(),
            page: empty,
            total_exact: true,
            story_rows: Vec::new(),
        });
    }
    let screen = state
        .with_ipc(|lib| read(lib, status, &list, stories_shown, story_rows).map_err(store_error))?;
    crate::startup::mark("articles listed");
    Ok(screen)
}

command_table! {
    first_screen(list: LibraryQuery, stories_shown: i64, story_rows: i64) -> crate::first_screen::FirstScreen;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open_in_dir(dir.path()).unwrap();
        lib.load_sample_if_empty(1_700_000_000).unwrap();
        (dir, lib)
    }

    fn ok() -> LibraryStatus {
        LibraryStatus {
            data_dir: String::new(),
            error: None,
        }
    }

    fn list(limit: i64) -> LibraryQuery {
        LibraryQuery {
            loose_only: true,
            limit,
            ..LibraryQuery::default()
        }
    }

    #[test]
    fn the_first_screen_holds_what_the_separate_commands_return() {
        // The window renders from this one answer exactly what it would from the five calls it replaces.
        let (_dir, lib) = sample();
        let FirstScreen {
            outlets,
            stories,
            page,
            total_exact,
            story_rows: rows,
            ..
        } = read(&lib, ok(), &list(100), 12, 50).unwrap();
        assert_eq!(outlets, lib.list_outlets().unwrap());
        assert_eq!(stories, lib.story_heads(MAX_PAGE).unwrap());
        assert_eq!(page, lib.library_page(&list(100)).unwrap());
        assert!(
            total_exact,
            "the sample's list is shorter than the first count"
        );
        let shown: Vec<i64> = stories
            .iter()
            .filter(|s| s.article_count > 0)
            .take(12)
            .map(|s| s.id)
            .collect();
        assert!(!shown.is_empty(), "the sample has a story");
        assert_eq!(rows.iter().map(|r| r.story_id).collect::<Vec<_>>(), shown);
        for r in &rows {
            let q = LibraryQuery {
                story_id: Some(r.story_id),
                loose_only: false,
                limit: 50,
                ..LibraryQuery::default()
            };
            assert_eq!(r.page, lib.library_page(&q).unwrap());
            assert!(!r.page.articles.is_empty());
        }
    }

    #[test]
    fn stories_are_read_only_when_the_list_keeps_them_apart_and_only_as_many_as_shown() {
        let (_dir, lib) = sample();
        let everything = LibraryQuery {
            loose_only: false,
            ..list(100)
        };
        let FirstScreen {
            page,
            story_rows: rows,
            ..
        } = read(&lib, ok(), &everything, 12, 50).unwrap();
        assert!(rows.is_empty(), "one list, no stories above it");
        assert_eq!(page.total, lib.list_articles().unwrap().len() as i64);
        let none = read(&lib, ok(), &list(100), 0, 50).unwrap();
        assert!(none.story_rows.is_empty());
    }

    #[test]
    fn a_bad_page_size_is_refused_with_the_store_message() {
        let (_dir, lib) = sample();
        let err = read(&lib, ok(), &list(0), 12, 50).unwrap_err();
        assert!(err.to_string().contains("1 to 500 rows"), "{err}");
    }
}
