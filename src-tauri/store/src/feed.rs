//! Feed subscriptions and their polling state: validators (ETag, Last-Modified), interval,
//! backoff after errors, a lease so one feed is never polled twice at once, and the items
//! seen. Fetching and parsing feeds is ingest's job; this only remembers.

use rusqlite::{OptionalExtension, Row, params};

use crate::Library;
use crate::error::{Error, Result};
use crate::model::{Feed, FeedItem};
use crate::write::require_row;

/// The longest wait after repeated failures: one day.
const MAX_BACKOFF_SECS: i64 = 24 * 60 * 60;

/// How long to wait before polling a feed again after `error_count` failures in a row:
/// the interval doubled per failure (capped at a day; never less than the interval).
pub fn feed_backoff_secs(interval_secs: i64, error_count: i64) -> i64 {
    let doublings = error_count.clamp(0, 20) as u32;
    interval_secs
        .saturating_mul(1_i64 << doublings)
        .min(MAX_BACKOFF_SECS.max(interval_secs))
}

const FEED_COLUMNS: &str =
    "f.id, f.url, f.title, f.etag, f.last_modified, f.interval_secs, f.created,
     f.last_polled, f.next_poll, f.last_error, f.error_count,
     (SELECT count(*) FROM feed_item i WHERE i.feed_id = f.id)";

fn feed(row: &Row<'_>) -> rusqlite::Result<Feed> {
    Ok(Feed {
        id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        etag: row.get(3)?,
        last_modified: row.get(4)?,
        interval_secs: row.get(5)?,
        created: row.get(6)?,
        last_polled: row.get(7)?,
        next_poll: row.get(8)?,
        last_error: row.get(9)?,
        error_count: row.get(10)?,
        item_count: row.get(11)?,
    })
}

fn feed_item(row: &Row<'_>) -> rusqlite::Result<FeedItem> {
    Ok(FeedItem {
        id: row.get(0)?,
        feed_id: row.get(1)?,
        guid: row.get(2)?,
        url: row.get(3)?,
        article_id: row.get(4)?,
        first_seen: row.get(5)?,
        last_checked: row.get(6)?,
    })
}

const ITEM_COLUMNS: &str = "id, feed_id, guid, url, article_id, first_seen, last_checked";

/// What a successful poll learned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PollSuccess {
    /// The feed's own title, if the response carried one (a 304 does not).
    pub title: Option<String>,
    /// New validators; `None` keeps the stored ones (a 304 repeats none).
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Forget the validators, so the next poll gets the whole feed even if it did not change:
    /// some items failed and must be tried again (a 304 would hide them).
    pub refetch: bool,
}

impl Library {
    /// Every feed, by URL.
    pub fn list_feeds(&self) -> Result<Vec<Feed>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {FEED_COLUMNS} FROM feed f ORDER BY f.url"))?;
        let rows = stmt.query_map([], feed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One feed.
    pub fn get_feed(&self, feed_id: i64) -> Result<Feed> {
        self.conn
            .query_row(
                &format!("SELECT {FEED_COLUMNS} FROM feed f WHERE f.id = ?1"),
                [feed_id],
                feed,
            )
            .optional()?
            .ok_or(Error::NotFound {
                what: "feed",
                id: feed_id,
            })
    }

    /// Feeds due at `now` and not being polled, soonest first.
    pub fn feeds_due(&self, now: i64) -> Result<Vec<Feed>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {FEED_COLUMNS} FROM feed f
             WHERE f.next_poll <= ?1 AND (f.polling_until IS NULL OR f.polling_until <= ?1)
             ORDER BY f.next_poll, f.id"
        ))?;
        let rows = stmt.query_map([now], feed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The items of a feed first seen at or after `since`, oldest first (the ones to
    /// re-check for revisions).
    pub fn feed_items_since(&self, feed_id: i64, since: i64) -> Result<Vec<FeedItem>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM_COLUMNS} FROM feed_item WHERE feed_id = ?1 AND first_seen >= ?2
             ORDER BY first_seen, id"
        ))?;
        let rows = stmt.query_map(params![feed_id, since], feed_item)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The item with this guid in a feed, if seen before.
    pub fn feed_item(&self, feed_id: i64, guid: &str) -> Result<Option<FeedItem>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {ITEM_COLUMNS} FROM feed_item WHERE feed_id = ?1 AND guid = ?2"),
                params![feed_id, guid],
                feed_item,
            )
            .optional()?)
    }

    /// Subscribes to a feed, due at once. Subscribing twice to one URL returns the existing
    /// feed's id.
    pub fn add_feed(
        &mut self,
        url: &str,
        title: Option<&str>,
        interval_secs: i64,
        now: i64,
    ) -> Result<i64> {
        let url = url.trim();
        if url.is_empty() {
            return Err(Error::InvalidInput(
                "Give the address of an RSS or Atom feed.".into(),
            ));
        }
        if interval_secs <= 0 {
            return Err(Error::InvalidInput(
                "A feed's interval must be at least one second.".into(),
            ));
        }
        self.write(|tx| {
            if let Some(id) = tx
                .query_row("SELECT id FROM feed WHERE url = ?1", [url], |r| r.get(0))
                .optional()?
            {
                return Ok(id);
            }
            tx.execute(
                "INSERT INTO feed (url, title, interval_secs, created, next_poll)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![url, title, interval_secs, now],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Unsubscribes (the articles imported from the feed stay).
    pub fn delete_feed(&mut self, feed_id: i64) -> Result<()> {
        self.write(
            |tx| match tx.execute("DELETE FROM feed WHERE id = ?1", [feed_id])? {
                0 => Err(Error::NotFound {
                    what: "feed",
                    id: feed_id,
                }),
                _ => Ok(()),
            },
        )
    }

    /// Changes how often a feed is polled; the next poll moves accordingly.
    pub fn set_feed_interval(&mut self, feed_id: i64, interval_secs: i64) -> Result<()> {
        if interval_secs <= 0 {
            return Err(Error::InvalidInput(
                "A feed's interval must be at least one second.".into(),
            ));
        }
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE feed SET interval_secs = ?1,
                    next_poll = coalesce(last_polled, created) + ?1
                 WHERE id = ?2",
                params![interval_secs, feed_id],
            )?;
            if n == 0 {
                return Err(Error::NotFound {
                    what: "feed",
                    id: feed_id,
                });
            }
            Ok(())
        })
    }

    /// Takes the feed's polling lease until `now + lease_secs`. Returns false when another
    /// poll (this process or another, e.g. the CLI) holds an unexpired lease: the caller
    /// must then skip the feed. Success or failure records release it.
    pub fn claim_feed(&mut self, feed_id: i64, now: i64, lease_secs: i64) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE feed SET polling_until = ?2 + ?3
                 WHERE id = ?1 AND (polling_until IS NULL OR polling_until <= ?2)",
                params![feed_id, now, lease_secs],
            )?;
            if n == 0 {
                require_row(tx, "feed", feed_id)?;
            }
            Ok(n == 1)
        })
    }

    /// Records a successful poll (including 304 Not Modified): clears the error, keeps or
    /// replaces the validators, schedules the next poll one interval after `now`.
    pub fn record_poll_success(
        &mut self,
        feed_id: i64,
        outcome: &PollSuccess,
        now: i64,
    ) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE feed SET
                    title = coalesce(?2, title),
                    etag = CASE WHEN ?6 THEN NULL ELSE coalesce(?3, etag) END,
                    last_modified = CASE WHEN ?6 THEN NULL ELSE coalesce(?4, last_modified) END,
                    last_polled = ?5,
                    next_poll = ?5 + interval_secs,
                    polling_until = NULL,
                    last_error = NULL,
                    error_count = 0
                 WHERE id = ?1",
                params![
                    feed_id,
                    outcome.title,
                    outcome.etag,
                    outcome.last_modified,
                    now,
                    outcome.refetch
                ],
            )?;
            if n == 0 {
                return Err(Error::NotFound {
                    what: "feed",
                    id: feed_id,
                });
            }
            Ok(())
        })
    }

    /// Records a failed poll: the message is kept for the feed's view, the failure count
    /// grows and the next poll backs off (see [`feed_backoff_secs`]). Returns the next
    /// poll time.
    pub fn record_poll_failure(&mut self, feed_id: i64, message: &str, now: i64) -> Result<i64> {
        self.write(|tx| {
            let (interval, errors): (i64, i64) = tx
                .query_row(
                    "SELECT interval_secs, error_count FROM feed WHERE id = ?1",
                    [feed_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "feed",
                    id: feed_id,
                })?;
            let errors = errors + 1;
            let next = now + feed_backoff_secs(interval, errors);
            tx.execute(
                "UPDATE feed SET last_polled = ?2, next_poll = ?3, polling_until = NULL,
                    last_error = ?4, error_count = ?5
                 WHERE id = ?1",
                params![feed_id, now, next, message, errors],
            )?;
            Ok(next)
        })
    }

    /// Records an item seen in a feed. Returns true when it is new; an item seen before
    /// keeps its first-seen time and gains `article_id` if it had none.
    pub fn record_feed_item(
        &mut self,
        feed_id: i64,
        guid: &str,
        url: Option<&str>,
        article_id: Option<i64>,
        now: i64,
    ) -> Result<bool> {
        if guid.trim().is_empty() {
            return Err(Error::InvalidInput(
                "A feed item needs an id or a link.".into(),
            ));
        }
        self.write(|tx| {
            require_row(tx, "feed", feed_id)?;
            let seen: Option<i64> = tx
                .query_row(
                    "SELECT id FROM feed_item WHERE feed_id = ?1 AND guid = ?2",
                    params![feed_id, guid],
                    |r| r.get(0),
                )
                .optional()?;
            match seen {
                Some(id) => {
                    tx.execute(
                        "UPDATE feed_item SET article_id = coalesce(article_id, ?2),
                            url = coalesce(?3, url)
                         WHERE id = ?1",
                        params![id, article_id, url],
                    )?;
                    Ok(false)
                }
                None => {
                    tx.execute(
                        "INSERT INTO feed_item (feed_id, guid, url, article_id, first_seen)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![feed_id, guid, url, article_id, now],
                    )?;
                    Ok(true)
                }
            }
        })
    }

    /// Notes that an item's article was re-checked for revisions at `now`.
    pub fn mark_feed_item_checked(&mut self, item_id: i64, now: i64) -> Result<()> {
        self.write(|tx| {
            match tx.execute(
                "UPDATE feed_item SET last_checked = ?2 WHERE id = ?1",
                params![item_id, now],
            )? {
                0 => Err(Error::NotFound {
                    what: "feed item",
                    id: item_id,
                }),
                _ => Ok(()),
            }
        })
    }
}
