//! The app's side of collecting: one HTTP client for URL imports and one background feed poller on Tauri's tokio
//! runtime, stopped through a watch channel when the app exits. The poller's events go to the window (as the
//! `feed-event` event); substantive revisions and changed highlights also become desktop notifications. Polling
//! itself, backoff and the lease that keeps one feed from being polled twice at once are parallax-ingest's and
//! parallax-store's.

use std::path::Path;
use std::sync::{Arc, Mutex};

use parallax_ingest::{FeedEvent, FetchOptions, Fetcher, Poller, PollerConfig, SystemClock};
use parallax_store::Library;
use tauri::{AppHandle, Emitter, Manager, RunEvent, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::watch;

use crate::error::{ErrorCode, IpcError, IpcResult};
use crate::state::{AppState, store_error};

/// The name of the event that carries each [`FeedEvent`] to the window.
pub const FEED_EVENT: &str = "feed-event";

/// Managed state: the HTTP client and the feed poller (either may be unavailable, with the reason).
pub struct Collector {
    fetcher: IpcResult<Fetcher>,
    poller: IpcResult<Poller>,
    shutdown: watch::Sender<bool>,
}

impl Collector {
    pub fn fetcher(&self) -> IpcResult<&Fetcher> {
        self.fetcher.as_ref().map_err(Clone::clone)
    }

    pub fn poller(&self) -> IpcResult<&Poller> {
        self.poller.as_ref().map_err(Clone::clone)
    }

    /// Asks the background loop to stop after the poll it is in (if any).
    pub fn stop(&self) {
        // No receiver left means the loop has already ended; nothing to do then.
        let _ = self.shutdown.send(true);
    }
}

/// Builds the collector and starts the poller loop. Called from the app's setup hook, after the library opened.
pub fn setup<R: Runtime>(app: &mut tauri::App<R>) -> Result<(), Box<dyn std::error::Error>> {
    let handle = app.handle().clone();
    let state = app.state::<AppState>();
    let library_error = state.open_error();
    let fetcher = Fetcher::new(FetchOptions::default())
        .map_err(|e| IpcError::new(ErrorCode::Internal, e.to_string()));
    let (shutdown, stop_rx) = watch::channel(false);
    let poller = match (library_error, &fetcher) {
        (Some(e), _) => Err(e),
        (None, Err(e)) => Err(e.clone()),
        (None, Ok(fetcher)) => poller_on(&state.data_dir, fetcher.clone(), handle),
    };
    if let Ok(p) = &poller {
        let p = p.clone();
        tauri::async_runtime::spawn(async move { p.run(stop_rx).await });
    }
    app.manage(Collector {
        fetcher,
        poller,
        shutdown,
    });
    Ok(())
}

/// Stops the poller when the app exits; pass to `App::run`.
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: RunEvent) {
    if let RunEvent::Exit = event
        && let Some(collector) = app.try_state::<Collector>()
    {
        collector.stop();
    }
}

/// The poller works on its own connection to the library file, so a long poll never waits on (or blocks) the
/// window's commands; the store's per-feed lease and SQLite's WAL keep the two consistent.
fn poller_on<R: Runtime>(
    data_dir: &Path,
    fetcher: Fetcher,
    app: AppHandle<R>,
) -> IpcResult<Poller> {
    let library = Arc::new(Mutex::new(
        Library::open_in_dir(data_dir).map_err(store_error)?,
    ));
    Ok(Poller::new(
        library,
        fetcher,
        Arc::new(SystemClock),
        PollerConfig::default(),
        move |event| {
            highlight_notice(&app, &event);
            announce(&app, event);
        },
    ))
}

/// When a new version edits or removes a highlighted passage (the poller checks every new version, cosmetic
/// ones included): "A passage you highlighted in … changed" as a desktop notification. The window hears of it
/// through the `feed-event` like every other poller event.
fn highlight_notice<R: Runtime>(app: &AppHandle<R>, event: &FeedEvent) {
    let FeedEvent::HighlightsChanged { notice, .. } = event else {
        return;
    };
    if let Err(e) = app
        .notification()
        .builder()
        .title("Highlight changed")
        .body(notice)
        .show()
    {
        eprintln!("parallax: could not show a notification: {e}");
    }
}

/// Tells the window, and the desktop for a substantive revision. Failures here are logged, never raised: a
/// missing notification daemon must not stop the poller.
fn announce<R: Runtime>(app: &AppHandle<R>, event: FeedEvent) {
    if let Some((title, body)) = notification_text(&event)
        && let Err(e) = app.notification().builder().title(title).body(body).show()
    {
        eprintln!("parallax: could not show a notification: {e}");
    }
    if let Err(e) = app.emit(FEED_EVENT, &event) {
        eprintln!("parallax: could not tell the window about a feed event: {e}");
    }
}

/// The notification for an event, if it deserves one (only substantive revisions do).
pub fn notification_text(event: &FeedEvent) -> Option<(String, String)> {
    match event {
        FeedEvent::Revised {
            title,
            description,
            summary,
            ..
        } if summary.is_substantive() => Some((
            format!("Revised: {title}"),
            format!("{description}. Open Parallax to compare the versions."),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use parallax_ingest::{ChangeSummary, FeedEvent};

    fn revised(substantive: usize) -> FeedEvent {
        let summary = ChangeSummary {
            substantive,
            cosmetic: 1,
            facets: vec!["a number".into()],
        };
        FeedEvent::Revised {
            feed_id: 1,
            article_id: 2,
            old_version_id: 3,
            new_version_id: 4,
            title: "Ferry returns".into(),
            description: summary.describe(),
            summary,
        }
    }

    #[test]
    fn only_substantive_revisions_raise_a_notification() {
        // A desktop notification for a typo fix would train people to ignore them.
        let (title, body) =
            super::notification_text(&revised(1)).expect("substantive change notifies");
        assert_eq!(title, "Revised: Ferry returns");
        assert_eq!(
            body,
            "1 substantive change: a number. Open Parallax to compare the versions."
        );
        assert_eq!(super::notification_text(&revised(0)), None);
        let new = FeedEvent::NewArticle {
            feed_id: 1,
            article_id: 2,
            title: "t".into(),
            outlet: "o".into(),
        };
        assert_eq!(super::notification_text(&new), None);
    }
}
