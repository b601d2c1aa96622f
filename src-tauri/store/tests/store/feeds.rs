//! Feed state: validators, schedule, backoff, lease, items. The poller (ingest) relies on
//! these to honour ETag/Last-Modified, back off after errors and never poll a feed twice
//! at once.

use parallax_store::{ErrorKind, Library, PollSuccess, feed_backoff_secs};

use crate::common::{article, text};

const T0: i64 = 1_773_500_000;

#[test]
fn validators_survive_a_not_modified_poll() {
    // A 304 carries no new ETag; forgetting the old one would turn every later poll into a
    // full download (issue 6: "second poll gets 304").
    let mut lib = Library::open_in_memory().unwrap();
    let id = lib
        .add_feed("https://wire.example/rss", None, 900, T0)
        .unwrap();
    assert_eq!(
        lib.add_feed(" https://wire.example/rss ", None, 60, T0)
            .unwrap(),
        id,
        "subscribing twice is one feed"
    );
    assert_eq!(
        lib.feeds_due(T0).unwrap().len(),
        1,
        "a new feed is due at once"
    );

    let first = PollSuccess {
        title: Some("Northern Wire".into()),
        etag: Some("\"abc\"".into()),
        last_modified: Some("Sat, 14 Mar 2026 07:00:00 GMT".into()),
        refetch: false,
    };
    lib.record_poll_success(id, &first, T0).unwrap();
    lib.record_poll_success(id, &PollSuccess::default(), T0 + 900)
        .unwrap();
    let feed = lib.get_feed(id).unwrap();
    assert_eq!(feed.etag.as_deref(), Some("\"abc\""));
    assert_eq!(
        feed.last_modified.as_deref(),
        Some("Sat, 14 Mar 2026 07:00:00 GMT")
    );
    assert_eq!(feed.title.as_deref(), Some("Northern Wire"));
    assert_eq!(feed.last_polled, Some(T0 + 900));
    assert_eq!(
        feed.next_poll,
        T0 + 1800,
        "next poll one interval after the last"
    );
    assert!(lib.feeds_due(T0 + 1799).unwrap().is_empty());
    assert_eq!(lib.feeds_due(T0 + 1800).unwrap().len(), 1);

    // A poll whose items failed forgets the validators, so the next request cannot get a 304
    // that would leave those items untried until the feed itself changes.
    let retry = PollSuccess {
        refetch: true,
        ..first
    };
    lib.record_poll_success(id, &retry, T0 + 1800).unwrap();
    let feed = lib.get_feed(id).unwrap();
    assert_eq!((feed.etag, feed.last_modified), (None, None));
}

#[test]
fn failures_back_off_and_are_shown_on_the_feed() {
    // Feed errors are shown on the feed, not thrown at the user, and a failing server is
    // not hammered: each failure doubles the wait, capped at a day, reset by a success.
    let mut lib = Library::open_in_memory().unwrap();
    let id = lib
        .add_feed("https://down.example/feed", None, 600, T0)
        .unwrap();
    let n1 = lib
        .record_poll_failure(id, "The server answered 500", T0)
        .unwrap();
    let n2 = lib
        .record_poll_failure(id, "The server answered 500", T0)
        .unwrap();
    assert_eq!((n1 - T0, n2 - T0), (1200, 2400));
    let feed = lib.get_feed(id).unwrap();
    assert_eq!(feed.error_count, 2);
    assert_eq!(feed.last_error.as_deref(), Some("The server answered 500"));
    assert_eq!(feed.next_poll, n2);
    for _ in 0..30 {
        lib.record_poll_failure(id, "timeout", T0).unwrap();
    }
    assert_eq!(
        lib.get_feed(id).unwrap().next_poll - T0,
        86_400,
        "capped at one day"
    );
    lib.record_poll_success(id, &PollSuccess::default(), T0)
        .unwrap();
    let feed = lib.get_feed(id).unwrap();
    assert_eq!(
        (feed.error_count, feed.last_error),
        (0, None),
        "a success clears the error"
    );
    assert_eq!(feed_backoff_secs(600, 0), 600);
    assert_eq!(
        feed_backoff_secs(172_800, 3),
        172_800,
        "never shorter than the interval"
    );
}

#[test]
fn a_feed_is_never_polled_twice_at_once() {
    // The lease lives in the database so the app's poller and the CLI's `watch` exclude
    // each other too.
    let mut lib = Library::open_in_memory().unwrap();
    let id = lib
        .add_feed("https://wire.example/rss", None, 600, T0)
        .unwrap();
    assert!(lib.claim_feed(id, T0, 120).unwrap(), "first claim wins");
    assert!(
        !lib.claim_feed(id, T0 + 10, 120).unwrap(),
        "second claim while leased loses"
    );
    assert!(
        lib.feeds_due(T0 + 10).unwrap().is_empty(),
        "a leased feed is not offered as due"
    );
    assert!(
        lib.claim_feed(id, T0 + 120, 120).unwrap(),
        "an expired lease (crashed poller) can be taken"
    );
    lib.record_poll_success(id, &PollSuccess::default(), T0 + 130)
        .unwrap();
    assert!(
        lib.claim_feed(id, T0 + 131, 120).unwrap(),
        "recording the poll releases the lease"
    );
    assert_eq!(
        lib.claim_feed(999, T0, 1).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn items_are_recorded_once_and_linked_to_articles() {
    // New items are imported once; items from the last N days are re-checked for revisions.
    let mut lib = Library::open_in_memory().unwrap();
    let feed = lib
        .add_feed("https://wire.example/rss", None, 600, T0)
        .unwrap();
    assert!(
        lib.record_feed_item(feed, "guid-1", Some("https://wire.example/1"), None, T0)
            .unwrap()
    );
    let added = lib
        .add_article(
            &article("Wire", Some("https://wire.example/1")),
            &text("One", &["x"], T0),
        )
        .unwrap();
    assert!(
        !lib.record_feed_item(feed, "guid-1", None, Some(added.article_id), T0 + 5)
            .unwrap(),
        "seen before"
    );
    assert!(
        lib.record_feed_item(feed, "guid-2", None, None, T0 + 86_400 * 8)
            .unwrap()
    );

    let item = lib.feed_item(feed, "guid-1").unwrap().unwrap();
    assert_eq!(
        item.article_id,
        Some(added.article_id),
        "the import is linked to the item"
    );
    assert_eq!(item.first_seen, T0, "first seen is kept");
    assert_eq!(item.url.as_deref(), Some("https://wire.example/1"));
    let recent = lib.feed_items_since(feed, T0 + 86_400).unwrap();
    assert_eq!(
        recent.iter().map(|i| i.guid.as_str()).collect::<Vec<_>>(),
        vec!["guid-2"]
    );
    lib.mark_feed_item_checked(item.id, T0 + 60).unwrap();
    assert_eq!(
        lib.feed_item(feed, "guid-1").unwrap().unwrap().last_checked,
        Some(T0 + 60)
    );
    assert_eq!(lib.list_feeds().unwrap()[0].item_count, 2);

    // Deleting the article keeps the item (so it is not re-imported) but unlinks it.
    lib.delete_article(added.article_id).unwrap();
    assert_eq!(
        lib.feed_item(feed, "guid-1").unwrap().unwrap().article_id,
        None
    );
    lib.delete_feed(feed).unwrap();
    assert!(lib.list_feeds().unwrap().is_empty());
    assert_eq!(
        lib.record_feed_item(feed, "g", None, None, T0)
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn bad_feed_input_is_refused() {
    // A blank URL or a zero interval would make a feed that polls in a tight loop or never.
    let mut lib = Library::open_in_memory().unwrap();
    assert_eq!(
        lib.add_feed(" ", None, 600, T0).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(
        lib.add_feed("https://x.example/rss", None, 0, T0)
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    let id = lib
        .add_feed("https://x.example/rss", None, 600, T0)
        .unwrap();
    lib.set_feed_interval(id, 3600).unwrap();
    assert_eq!(lib.get_feed(id).unwrap().next_poll, T0 + 3600);
}
