//! Commands that bring articles in and organise them: paste, files, URLs, "check for updates", feeds and stories.
//! Thin like commands.rs: each calls parallax-ingest or parallax-store. Pages are fetched without the library lock
//! held, so the window stays responsive during a slow download. The background poller lives in poller.rs.

use std::path::PathBuf;

use parallax_ingest::{
    DEFAULT_THRESHOLD, ImportReport, ImportResult, Imported, IngestError, Origin, PollReport,
    UpdateCheck,
};
use parallax_store::{ArticleSummary, Feed, Library, Story};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::bindings::command_table;
use crate::error::{ErrorCode, IpcError, IpcResult};
use crate::poller::Collector;
use crate::state::{AppState, store_error};

/// Articles that probably report the same event, not yet grouped into one story.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SameEventGroup {
    /// The articles not yet in `story` (all of them when there is no story).
    pub articles: Vec<ArticleSummary>,
    /// A story that already holds others of the group: the suggestion is to add `articles` to it.
    pub story: Option<StoryRef>,
    /// The best similarity between two of them, 0..=1.
    pub score: f64,
}

/// A story named in a suggestion.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StoryRef {
    pub id: i64,
    pub title: String,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// A path as typed: trimmed, with a leading `~/` meaning the home folder (as in a terminal).
fn typed_path(path: &str) -> PathBuf {
    let path = path.trim();
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// Ingest errors keep their message; the code says whether the network or the input was at fault.
pub fn ingest_error(e: IngestError) -> IpcError {
    let code = match e.code() {
        "http_status" | "timeout" | "connect" | "tls" | "too_many_redirects"
        | "response_too_large" | "network" => ErrorCode::Network,
        "store" => ErrorCode::Internal,
        _ => ErrorCode::InvalidInput,
    };
    IpcError::new(code, e.to_string())
}

#[tauri::command(async)]
pub fn import_paste(
    state: State<'_, AppState>,
    title: String,
    outlet: String,
    body: String,
) -> IpcResult<Imported> {
    state.with_ipc(|lib| {
        parallax_ingest::import_paste(lib, &title, &outlet, &body, now()).map_err(ingest_error)
    })
}

/// One file (the UI calls this once per file, so it can show progress and a result line for each).
/// `anyway` stores a page with no article as its visible text ("Import anyway").
#[tauri::command(async)]
pub fn import_file(
    state: State<'_, AppState>,
    path: String,
    anyway: Option<bool>,
) -> IpcResult<ImportResult> {
    state.with_ipc(|lib| {
        let anyway = anyway.unwrap_or(false);
        let reports = parallax_ingest::import_files_with(
            lib,
            &[typed_path(&path)],
            now(),
            anyway,
            |_, _, _| {},
        );
        Ok(reports
            .first()
            .map(ImportResult::from)
            .expect("one report per path"))
    })
}

#[tauri::command]
pub async fn import_url(
    state: State<'_, AppState>,
    collector: State<'_, Collector>,
    url: String,
    anyway: Option<bool>,
) -> IpcResult<ImportResult> {
    if let Some(e) = state.status_error() {
        return Err(e);
    }
    let fetched = collector
        .fetcher()?
        .fetch_article_with(url.trim(), Origin::Url, now(), anyway.unwrap_or(false))
        .await;
    let result = match fetched {
        Ok(capture) => state.with_ipc(|lib| Ok(parallax_ingest::store_capture(lib, &capture)))?,
        Err(e) => Err(e),
    };
    Ok(ImportResult::from(&ImportReport {
        source: url,
        result,
    }))
}

#[tauri::command]
pub async fn check_for_updates(
    state: State<'_, AppState>,
    collector: State<'_, Collector>,
    article_id: i64,
) -> IpcResult<UpdateCheck> {
    let url = state
        .with_ipc(|lib| parallax_ingest::article_url(lib, article_id).map_err(ingest_error))?;
    let capture = collector
        .fetcher()?
        .fetch_article(&url, Origin::Url, now())
        .await
        .map_err(ingest_error)?;
    state.with_ipc(|lib| {
        parallax_ingest::store_revision(lib, article_id, &capture).map_err(ingest_error)
    })
}

#[tauri::command(async)]
pub fn list_feeds(state: State<'_, AppState>) -> IpcResult<Vec<Feed>> {
    state.with(|lib| lib.list_feeds())
}

/// Subscribes after checking that the address is a feed, and polls it once (its items are imported).
#[tauri::command]
pub async fn subscribe_feed(
    collector: State<'_, Collector>,
    url: String,
    interval_secs: i64,
) -> IpcResult<PollReport> {
    if interval_secs < 60 {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            "Poll a feed at most once a minute.",
        ));
    }
    collector
        .poller()?
        .subscribe(url.trim(), interval_secs)
        .await
        .map_err(ingest_error)
}

/// Polls a feed now, due or not; a failure is stored on the feed and reported in the result, not raised.
#[tauri::command]
pub async fn poll_feed_now(collector: State<'_, Collector>, feed_id: i64) -> IpcResult<PollReport> {
    Ok(collector.poller()?.poll_feed(feed_id).await)
}

#[tauri::command(async)]
pub fn remove_feed(state: State<'_, AppState>, feed_id: i64) -> IpcResult<()> {
    state.with(|lib| lib.delete_feed(feed_id))
}

#[tauri::command(async)]
pub fn create_story(
    state: State<'_, AppState>,
    title: String,
    article_ids: Vec<i64>,
) -> IpcResult<Story> {
    if article_ids.is_empty() {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            "Select the articles the story should hold.",
        ));
    }
    state.with(|lib| {
        let story_id = lib.create_story(&title, now())?;
        add_all(lib, story_id, &article_ids)
    })
}

#[tauri::command(async)]
pub fn add_to_story(
    state: State<'_, AppState>,
    story_id: i64,
    article_ids: Vec<i64>,
) -> IpcResult<Story> {
    state.with(|lib| add_all(lib, story_id, &article_ids))
}

#[tauri::command(async)]
pub fn remove_from_story(
    state: State<'_, AppState>,
    story_id: i64,
    article_id: i64,
) -> IpcResult<Story> {
    state.with(|lib| {
        lib.remove_from_story(story_id, article_id)?;
        lib.get_story(story_id)
    })
}

fn add_all(lib: &mut Library, story_id: i64, article_ids: &[i64]) -> parallax_store::Result<Story> {
    let now = now();
    for &id in article_ids {
        lib.add_to_story(story_id, id, now)?;
    }
    lib.get_story(story_id)
}

/// How many never-indexed articles one look at the suggestions indexes (an older library catches up in steps).
const INDEX_STEP: i64 = 200;

/// "Likely the same event": groups of articles from different outlets with similar texts, leaving out groups
/// that one story already holds whole. Reads the pairs stored at import; only the groups' articles and
/// stories are loaded, so this costs the same at any library size.
#[tauri::command(async)]
pub fn story_suggestions(state: State<'_, AppState>) -> IpcResult<Vec<SameEventGroup>> {
    state.with_ipc(|lib| {
        parallax_ingest::index_pending(lib, INDEX_STEP, DEFAULT_THRESHOLD).map_err(ingest_error)?;
        let pairs = parallax_ingest::stored_suggestions(lib, 500).map_err(ingest_error)?;
        let groups = parallax_ingest::group_suggestions(&pairs);
        let mut ids: Vec<i64> = groups.iter().flatten().copied().collect();
        ids.sort_unstable();
        let articles = ids
            .iter()
            .map(|id| lib.get_article(*id))
            .collect::<Result<Vec<_>, _>>()
            .map_err(store_error)?;
        let mut story_ids: Vec<i64> = Vec::new();
        for id in &ids {
            story_ids.extend(lib.stories_of(*id).map_err(store_error)?);
        }
        story_ids.sort_unstable();
        story_ids.dedup();
        let stories = story_ids
            .iter()
            .map(|id| lib.get_story(*id))
            .collect::<Result<Vec<_>, _>>()
            .map_err(store_error)?;
        Ok(suggestion_groups(&groups, &pairs, &articles, &stories))
    })
}

/// "Not the same event": the suggestion of these articles together (with the story's, when it suggested adding
/// them to one) is remembered as dismissed.
#[tauri::command(async)]
pub fn dismiss_suggestion(
    state: State<'_, AppState>,
    article_ids: Vec<i64>,
    story_id: Option<i64>,
) -> IpcResult<()> {
    state.with(|lib| {
        let mut ids = article_ids;
        if let Some(story) = story_id {
            ids.extend(lib.get_story(story)?.articles.iter().map(|a| a.id));
        }
        lib.dismiss_same_event(&ids).map(drop)
    })
}

/// Turns groups of ids into suggestions: a group that overlaps a story becomes "add the rest to that story"
/// (the story holding most of the group); a group one story holds whole is dropped.
fn suggestion_groups(
    groups: &[Vec<i64>],
    pairs: &[parallax_ingest::SameEvent],
    articles: &[ArticleSummary],
    stories: &[Story],
) -> Vec<SameEventGroup> {
    let held = |s: &Story, id: i64| s.articles.iter().any(|a| a.id == id);
    groups
        .iter()
        .filter_map(|ids| {
            let story = stories
                .iter()
                .map(|s| (ids.iter().filter(|id| held(s, **id)).count(), s))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, s)| (*n, std::cmp::Reverse(s.id)))
                .map(|(_, s)| s);
            let rest: Vec<ArticleSummary> = ids
                .iter()
                .filter(|id| story.is_none_or(|s| !held(s, **id)))
                .filter_map(|id| articles.iter().find(|a| a.id == *id).cloned())
                .collect();
            let enough = if story.is_some() {
                !rest.is_empty()
            } else {
                rest.len() > 1
            };
            enough.then(|| SameEventGroup {
                articles: rest,
                story: story.map(|s| StoryRef {
                    id: s.id,
                    title: s.title.clone(),
                }),
                score: pairs
                    .iter()
                    .filter(|p| ids.contains(&p.a) && ids.contains(&p.b))
                    .map(|p| p.score)
                    .fold(0.0, f64::max),
            })
        })
        .collect()
}

command_table! {
    import_paste(title: String, outlet: String, body: String) -> Imported;
    import_file(path: String, anyway: Option<bool>) -> ImportResult;
    import_url(url: String, anyway: Option<bool>) -> ImportResult;
    check_for_updates(article_id: i64) -> UpdateCheck;
    list_feeds() -> Vec<Feed>;
    subscribe_feed(url: String, interval_secs: i64) -> PollReport;
    poll_feed_now(feed_id: i64) -> PollReport;
    remove_feed(feed_id: i64) -> ();
    create_story(title: String, article_ids: Vec<i64>) -> Story;
    add_to_story(story_id: i64, article_ids: Vec<i64>) -> Story;
    remove_from_story(story_id: i64, article_id: i64) -> Story;
    story_suggestions() -> Vec<SameEventGroup>;
    dismiss_suggestion(article_ids: Vec<i64>, story_id: Option<i64>) -> ();
}

#[cfg(test)]
mod tests {
    use parallax_ingest::{IngestError, SameEvent};
    use parallax_store::{ArticleSummary, Story};

    use crate::error::ErrorCode;

    fn article(id: i64) -> ArticleSummary {
        ArticleSummary {
            id,
            title: format!("Article {id}"),
            outlet_id: id,
            outlet: format!("Outlet {id}"),
            url: None,
            first_seen: 0,
            version_count: 1,
            latest_version_id: id,
            latest_fetched: 0,
            published: None,
            read: false,
            archived: false,
        }
    }

    #[test]
    fn groups_a_story_already_holds_are_not_suggested_again() {
        // Suggesting what the user already grouped would make the list noise.
        let pairs = [
            SameEvent {
                a: 1,
                b: 2,
                score: 0.5,
            },
            SameEvent {
                a: 3,
                b: 4,
                score: 0.4,
            },
        ];
        let groups = [vec![1, 2], vec![3, 4]];
        let articles: Vec<_> = (1..=4).map(article).collect();
        let stories = [Story {
            id: 9,
            title: "Vote".into(),
            created: 0,
            articles: vec![article(1), article(2)],
        }];
        let out = super::suggestion_groups(&groups, &pairs, &articles, &stories);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].articles.iter().map(|a| a.id).collect::<Vec<_>>(),
            [3, 4]
        );
        assert!(out[0].story.is_none());
        assert_eq!(out[0].score, 0.4);
    }

    #[test]
    fn a_group_overlapping_a_story_suggests_adding_the_rest_to_it() {
        // A new outlet's account of an event the user already grouped belongs in that story, not in a new one.
        let pairs = [
            SameEvent {
                a: 1,
                b: 3,
                score: 0.5,
            },
            SameEvent {
                a: 2,
                b: 3,
                score: 0.3,
            },
        ];
        let groups = [vec![1, 2, 3]];
        let articles: Vec<_> = (1..=3).map(article).collect();
        let stories = [Story {
            id: 9,
            title: "Vote".into(),
            created: 0,
            articles: vec![article(1), article(2)],
        }];
        let out = super::suggestion_groups(&groups, &pairs, &articles, &stories);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].articles.iter().map(|a| a.id).collect::<Vec<_>>(),
            [3]
        );
        assert_eq!(out[0].story.as_ref().map(|s| s.id), Some(9));
    }

    #[test]
    fn typed_paths_are_trimmed_and_tilde_means_home() {
        // People paste paths with stray spaces and write ~/ as in a terminal; both must find the file.
        assert_eq!(
            super::typed_path("  /tmp/a.txt \n"),
            std::path::PathBuf::from("/tmp/a.txt")
        );
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(
                super::typed_path("~/news/a.md"),
                std::path::PathBuf::from(home).join("news/a.md")
            );
        }
    }

    #[test]
    fn network_failures_and_bad_input_get_different_codes() {
        // The UI offers "try again" only for network failures; the message is the ingest crate's, unchanged.
        let net = super::ingest_error(IngestError::Timeout {
            url: "http://x".into(),
            limit: "20 s".into(),
        });
        assert_eq!(net.code, ErrorCode::Network);
        assert!(
            net.message
                .starts_with("http://x did not answer within 20 s")
        );
        assert_eq!(
            super::ingest_error(IngestError::Empty).code,
            ErrorCode::InvalidInput
        );
    }
}
