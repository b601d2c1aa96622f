//! The feed poller: on tokio, with an injected [`Clock`]. Each poll takes the feed's lease
//! in the store (so no two polls of one feed overlap, even across processes), sends
//! ETag/Last-Modified, imports new items, re-checks items seen in the last N days for
//! revisions (and for highlighted passages they changed), and records success or the error on
//! the feed (with the store's exponential backoff). Events go to a callback; turning them into
//! desktop notifications is the app's job.

use std::collections::HashSet;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use parallax_store::{AddOutcome, Library, PollSuccess};
use serde::Serialize;

use crate::article::Origin;
use crate::error::{IngestError, Result};
use crate::feed::{FeedDoc, parse_feed};
use crate::fetch::{Fetched, Fetcher, Validators};
use crate::highlights::{changed_notice, highlights_changed};
use crate::library::{UpdateCheck, store_capture, store_error, store_revision};
use crate::revision::ChangeSummary;

/// Where "now" comes from (unix seconds), so tests can move time by hand.
pub trait Clock: Send + Sync {
    fn now(&self) -> i64;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        chrono::Utc::now().timestamp()
    }
}

/// A clock that only moves when told to (tests, replays).
#[derive(Debug, Default)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn new(now: i64) -> ManualClock {
        ManualClock(AtomicI64::new(now))
    }
    pub fn set(&self, now: i64) {
        self.0.store(now, Ordering::SeqCst);
    }
    pub fn advance(&self, secs: i64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Poller settings.
#[derive(Debug, Clone)]
pub struct PollerConfig {
    /// Items first seen within this many days are re-checked for revisions.
    pub recheck_days: i64,
    /// How long a poll may hold a feed before another may take it over.
    pub lease_secs: i64,
    /// At most this many new items are imported per poll (the rest wait for the next one).
    pub max_new_items: usize,
    /// At most this many articles are re-checked per poll.
    pub max_rechecks: usize,
    /// How often [`Poller::run`] looks for due feeds.
    pub tick: Duration,
}

impl Default for PollerConfig {
    fn default() -> Self {
        PollerConfig {
            recheck_days: 7,
            lease_secs: 600,
            max_new_items: 30,
            max_rechecks: 30,
            tick: Duration::from_secs(30),
        }
    }
}

/// What the poller tells the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FeedEvent {
    /// A new item was imported as a new article.
    NewArticle {
        feed_id: i64,
        article_id: i64,
        title: String,
        outlet: String,
    },
    /// A re-check found a substantive revision: worth a desktop notification.
    Revised {
        feed_id: i64,
        article_id: i64,
        old_version_id: i64,
        new_version_id: i64,
        title: String,
        summary: ChangeSummary,
        description: String,
    },
    /// A re-check stored a new version (substantive or only cosmetic) that edits or removes
    /// passages the user highlighted; `notice` is "A passage you highlighted in … changed".
    HighlightsChanged {
        feed_id: i64,
        article_id: i64,
        old_version_id: i64,
        new_version_id: i64,
        title: String,
        notice: String,
    },
    /// A poll failed; the message is also stored on the feed.
    FeedError {
        feed_id: i64,
        url: String,
        message: String,
    },
}

/// How a poll ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum PollStatus {
    /// Another poll of this feed was running; nothing was requested.
    Skipped,
    /// 304: the feed did not change (its articles were still re-checked).
    NotModified,
    /// The feed was read.
    Fetched,
    /// The feed could not be fetched or read; the message was stored on the feed.
    Failed { message: String },
}

/// The result of polling one feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PollReport {
    pub feed_id: i64,
    pub status: PollStatus,
    pub new_articles: usize,
    pub new_versions: usize,
    /// Items that could not be imported or re-checked (they are retried next time).
    pub item_errors: Vec<String>,
}

type Notify = dyn Fn(FeedEvent) + Send + Sync;

/// Polls subscribed feeds. Cheap to clone; clones share the in-flight set.
#[derive(Clone)]
pub struct Poller {
    lib: Arc<Mutex<Library>>,
    fetcher: Fetcher,
    clock: Arc<dyn Clock>,
    config: PollerConfig,
    notify: Arc<Notify>,
    in_flight: Arc<Mutex<HashSet<i64>>>,
}

/// Removes a feed from the in-flight set when the poll ends, however it ends.
struct InFlight(Arc<Mutex<HashSet<i64>>>, i64);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.1);
    }
}

impl Poller {
    pub fn new(
        lib: Arc<Mutex<Library>>,
        fetcher: Fetcher,
        clock: Arc<dyn Clock>,
        config: PollerConfig,
        notify: impl Fn(FeedEvent) + Send + Sync + 'static,
    ) -> Poller {
        Poller {
            lib,
            fetcher,
            clock,
            config,
            notify: Arc::new(notify),
            in_flight: Arc::default(),
        }
    }

    /// Runs `f` with the library locked; never held across an await.
    fn with_lib<T>(&self, f: impl FnOnce(&mut Library) -> T) -> T {
        let mut lib = self.lib.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut lib)
    }

    /// Subscribes to `url` after checking that it is a feed (nothing is stored otherwise),
    /// then processes it as a first poll.
    pub async fn subscribe(&self, url: &str, interval_secs: i64) -> Result<PollReport> {
        let url = crate::fetch::parse_url(url)?.to_string();
        let page = match self.fetcher.get(&url, &Validators::default()).await? {
            Fetched::Page(p) => p,
            Fetched::NotModified => unreachable!("no validators were sent"),
        };
        let doc = parse_feed(&page.bytes, &url)?;
        let now = self.clock.now();
        let feed_id = self
            .with_lib(|lib| lib.add_feed(&url, doc.title.as_deref(), interval_secs, now))
            .map_err(store_error)?;
        let _guard = match self.enter(feed_id) {
            Some(g) => g,
            None => return Ok(self.report(feed_id, PollStatus::Skipped)),
        };
        if !self
            .with_lib(|lib| lib.claim_feed(feed_id, now, self.config.lease_secs))
            .map_err(store_error)?
        {
            return Ok(self.report(feed_id, PollStatus::Skipped));
        }
        let mut report = self.report(feed_id, PollStatus::Fetched);
        let success = PollSuccess {
            title: doc.title.clone(),
            etag: page.validators.etag,
            last_modified: page.validators.last_modified,
            refetch: false,
        };
        let imported = self.import_items(feed_id, &doc, now, &mut report).await;
        let success = PollSuccess {
            refetch: !report.item_errors.is_empty(),
            ..success
        };
        self.recheck(feed_id, &imported, now, &mut report).await;
        self.with_lib(|lib| lib.record_poll_success(feed_id, &success, now))
            .map_err(store_error)?;
        Ok(report)
    }

    fn enter(&self, feed_id: i64) -> Option<InFlight> {
        let mut set = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        set.insert(feed_id)
            .then(|| InFlight(self.in_flight.clone(), feed_id))
    }

    fn report(&self, feed_id: i64, status: PollStatus) -> PollReport {
        PollReport {
            feed_id,
            status,
            new_articles: 0,
            new_versions: 0,
            item_errors: Vec::new(),
        }
    }

    /// Polls one feed now (due or not). Errors are recorded on the feed and reported, not returned.
    pub async fn poll_feed(&self, feed_id: i64) -> PollReport {
        let Some(_guard) = self.enter(feed_id) else {
            return self.report(feed_id, PollStatus::Skipped);
        };
        let now = self.clock.now();
        let claimed = self.with_lib(|lib| -> parallax_store::Result<_> {
            let feed = lib.get_feed(feed_id)?;
            Ok(lib
                .claim_feed(feed_id, now, self.config.lease_secs)?
                .then_some(feed))
        });
        let feed = match claimed {
            Ok(Some(feed)) => feed,
            Ok(None) => return self.report(feed_id, PollStatus::Skipped),
            Err(e) => {
                return self.report(
                    feed_id,
                    PollStatus::Failed {
                        message: e.to_string(),
                    },
                );
            }
        };
        let validators = Validators {
            etag: feed.etag.clone(),
            last_modified: feed.last_modified.clone(),
        };
        let fetched = self
            .fetcher
            .get(&feed.url, &validators)
            .await
            .and_then(|f| match f {
                Fetched::NotModified => Ok(None),
                Fetched::Page(page) => {
                    parse_feed(&page.bytes, &feed.url).map(|doc| Some((doc, page.validators)))
                }
            });
        let mut report = self.report(feed_id, PollStatus::Fetched);
        let (success, imported) = match fetched {
            Err(e) => return self.fail(feed_id, &feed.url, &e, now),
            Ok(None) => {
                report.status = PollStatus::NotModified;
                (PollSuccess::default(), Vec::new())
            }
            Ok(Some((doc, v))) => {
                let imported = self.import_items(feed_id, &doc, now, &mut report).await;
                (
                    PollSuccess {
                        title: doc.title,
                        etag: v.etag,
                        last_modified: v.last_modified,
                        // Failed items are not recorded as seen; a 304 next time would hide them.
                        refetch: !report.item_errors.is_empty(),
                    },
                    imported,
                )
            }
        };
        self.recheck(feed_id, &imported, now, &mut report).await;
        if let Err(e) = self.with_lib(|lib| lib.record_poll_success(feed_id, &success, now)) {
            report.status = PollStatus::Failed {
                message: e.to_string(),
            };
        }
        report
    }

    fn fail(&self, feed_id: i64, url: &str, e: &IngestError, now: i64) -> PollReport {
        let message = e.to_string();
        // If even recording fails, the lease simply expires; the report still says why.
        let _ = self.with_lib(|lib| lib.record_poll_failure(feed_id, &message, now));
        (self.notify)(FeedEvent::FeedError {
            feed_id,
            url: url.to_string(),
            message: message.clone(),
        });
        self.report(feed_id, PollStatus::Failed { message })
    }

    /// Imports the items not seen before; returns the guids handled in this poll.
    async fn import_items(
        &self,
        feed_id: i64,
        doc: &FeedDoc,
        now: i64,
        report: &mut PollReport,
    ) -> Vec<String> {
        let mut handled = Vec::new();
        let mut budget = self.config.max_new_items;
        for entry in &doc.items {
            let seen = self.with_lib(|lib| lib.feed_item(feed_id, &entry.guid));
            if !matches!(seen, Ok(None)) || budget == 0 {
                continue;
            }
            budget -= 1;
            handled.push(entry.guid.clone());
            let Some(url) = entry.url.as_deref() else {
                let _ = self
                    .with_lib(|lib| lib.record_feed_item(feed_id, &entry.guid, None, None, now));
                continue;
            };
            let stored = match self.fetcher.fetch_article(url, Origin::Feed, now).await {
                Ok(capture) => self.with_lib(|lib| {
                    let imported = store_capture(lib, &capture)?;
                    lib.record_feed_item(
                        feed_id,
                        &entry.guid,
                        Some(url),
                        Some(imported.article_id),
                        now,
                    )
                    .map_err(store_error)?;
                    Ok::<_, IngestError>(imported)
                }),
                Err(e) => Err(e),
            };
            match stored {
                Ok(i) if i.outcome == AddOutcome::Duplicate => {}
                Ok(i) => {
                    report.new_articles += usize::from(i.outcome == AddOutcome::NewArticle);
                    report.new_versions += usize::from(i.outcome == AddOutcome::NewVersion);
                    (self.notify)(FeedEvent::NewArticle {
                        feed_id,
                        article_id: i.article_id,
                        title: i.title,
                        outlet: i.outlet,
                    });
                }
                Err(e) => report.item_errors.push(e.to_string()),
            }
        }
        handled
    }

    /// Re-fetches the articles of items seen within `recheck_days` (not the ones just
    /// imported) and stores a new version when the text changed.
    async fn recheck(&self, feed_id: i64, skip: &[String], now: i64, report: &mut PollReport) {
        let since = now - self.config.recheck_days * 86_400;
        let items = match self.with_lib(|lib| lib.feed_items_since(feed_id, since)) {
            Ok(items) => items,
            Err(e) => return report.item_errors.push(e.to_string()),
        };
        let mut due: Vec<_> = items
            .into_iter()
            .filter(|i| !skip.contains(&i.guid))
            .filter(|i| i.article_id.is_some() && i.url.is_some())
            .collect();
        // Least recently checked first, so with more items than `max_rechecks` every item
        // still gets its turn over successive polls.
        due.sort_by_key(|i| i.last_checked.unwrap_or(i64::MIN));
        for item in due.into_iter().take(self.config.max_rechecks) {
            let (article_id, url) = (
                item.article_id.unwrap_or_default(),
                item.url.clone().unwrap_or_default(),
            );
            let checked = match self.fetcher.fetch_article(&url, Origin::Feed, now).await {
                Ok(capture) => self.with_lib(|lib| {
                    let check = store_revision(lib, article_id, &capture)?;
                    lib.mark_feed_item_checked(item.id, now)
                        .map_err(store_error)?;
                    // Under the same lock: a cosmetic fix inside a highlighted passage matters too.
                    let notice = match &check {
                        UpdateCheck::NewVersion {
                            old_version_id,
                            new_version_id,
                            ..
                        } => highlights_changed(lib, article_id, *old_version_id, *new_version_id)
                            .map(|changed| changed_notice(&capture.title, &changed)),
                        UpdateCheck::Unchanged { .. } => Ok(None),
                    };
                    Ok::<_, IngestError>((check, capture.title, notice))
                }),
                Err(e) => Err(e),
            };
            match checked {
                Ok((UpdateCheck::Unchanged { .. }, ..)) => {}
                Ok((
                    UpdateCheck::NewVersion {
                        old_version_id,
                        new_version_id,
                        summary,
                        description,
                    },
                    title,
                    notice,
                )) => {
                    report.new_versions += 1;
                    if summary.is_substantive() {
                        (self.notify)(FeedEvent::Revised {
                            feed_id,
                            article_id,
                            old_version_id,
                            new_version_id,
                            title: title.clone(),
                            summary,
                            description,
                        });
                    }
                    match notice {
                        Ok(Some(notice)) => (self.notify)(FeedEvent::HighlightsChanged {
                            feed_id,
                            article_id,
                            old_version_id,
                            new_version_id,
                            title,
                            notice,
                        }),
                        Ok(None) => {}
                        // The version is stored; only the notice is lost, so say so and go on.
                        Err(e) => report.item_errors.push(format!(
                            "{url}: the new version is stored, but its highlights could not be checked: {e}"
                        )),
                    }
                }
                Err(e) => report.item_errors.push(format!("{url}: {e}")),
            }
        }
    }

    /// Polls every feed that is due at the clock's "now", one after another.
    pub async fn poll_due(&self) -> Vec<PollReport> {
        let now = self.clock.now();
        let due = self.with_lib(|lib| lib.feeds_due(now)).unwrap_or_default();
        let mut reports = Vec::with_capacity(due.len());
        for feed in due {
            reports.push(self.poll_feed(feed.id).await);
        }
        reports
    }

    /// Polls due feeds every `tick` until `shutdown` turns true (or its sender is dropped).
    pub async fn run(&self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        loop {
            if *shutdown.borrow() {
                return;
            }
            self.poll_due().await;
            tokio::select! {
                _ = tokio::time::sleep(self.config.tick) => {}
                changed = shutdown.changed() => if changed.is_err() { return },
            }
        }
    }
}
