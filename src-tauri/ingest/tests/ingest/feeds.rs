//! The feed poller against the local server: items imported, ETag respected (304), article
//! revisions captured (and furniture-only changes ignored), failures stored on the feed with
//! backoff, no overlapping polls, non-feeds refused before anything is stored, and highlighted
//! passages that a new version changed reported (even when the change is cosmetic).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use parallax_ingest::{
    Clock, FeedEvent, FetchOptions, Fetcher, ManualClock, PollStatus, Poller, PollerConfig,
    QuoteHighlight, highlight_quote,
};
use parallax_store::{Colour, Library};

use crate::server::{Request, Response, TestServer};

const T0: i64 = 1_780_000_000;
const HOUR: i64 = 3600;

/// What the fake site serves; tests change it between polls.
#[derive(Default)]
struct Site {
    /// (guid, path, title)
    items: Vec<(String, String, String)>,
    etag: String,
    feed_status: u16,
    feed_body_override: Option<String>,
    feed_delay_ms: u64,
    /// path → (title, paragraphs, furniture html)
    articles: Vec<(String, String, Vec<String>, String)>,
}

fn article_html(title: &str, paragraphs: &[String], furniture: &str) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Harbour Courier\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>{furniture}<article><h1>{title}</h1>\n{body}</article>\
         <footer>© 2026 Harbour Courier</footer></body></html>"
    )
}

fn rss(host: &str, items: &[(String, String, String)]) -> String {
    let items: String = items
        .iter()
        .map(|(guid, path, title)| format!("<item><title>{title}</title><link>http://{host}{path}</link><guid>{guid}</guid></item>"))
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Courier</title>{items}</channel></rss>"
    )
}

fn handle(site: &Mutex<Site>, r: &Request) -> Response {
    let site = site.lock().unwrap();
    let host = r.header("Host").unwrap_or("127.0.0.1").to_string();
    if r.path == "/feed.xml" {
        let delay = Duration::from_millis(site.feed_delay_ms);
        if site.feed_status != 200 {
            return Response::status(site.feed_status).delayed(delay);
        }
        if let Some(body) = &site.feed_body_override {
            return Response::new(200, "application/rss+xml", body.clone()).delayed(delay);
        }
        if r.header("If-None-Match") == Some(site.etag.as_str()) {
            return Response::new(304, "application/rss+xml", "")
                .header("ETag", &site.etag)
                .delayed(delay);
        }
        return Response::new(200, "application/rss+xml", rss(&host, &site.items))
            .header("ETag", &site.etag)
            .delayed(delay);
    }
    match site.articles.iter().find(|a| a.0 == r.path) {
        Some((_, title, paragraphs, furniture)) => {
            Response::html(article_html(title, paragraphs, furniture))
        }
        None => Response::status(404),
    }
}

fn paragraphs(topic: &str, votes: &str) -> Vec<String> {
    vec![
        format!(
            "The regional board approved the {topic} plan on Wednesday by {votes}, after a debate that lasted most of the afternoon."
        ),
        format!(
            "Supporters said the {topic} plan would help nurses, bakers and students who cross the water late at night."
        ),
        format!(
            "Opponents said the money for the {topic} plan would be better spent on the daytime service, which was often late."
        ),
    ]
}

struct Fixture {
    server: TestServer,
    site: Arc<Mutex<Site>>,
    lib: Arc<Mutex<Library>>,
    clock: Arc<ManualClock>,
    events: Arc<Mutex<Vec<FeedEvent>>>,
    poller: Poller,
}

/// Subscribes `poller` to the fixture's feed, polled hourly; returns the feed's id.
async fn subscribe_hourly(poller: &Poller, f: &Fixture) -> i64 {
    let url = f.server.url("/feed.xml");
    poller.subscribe(&url, HOUR).await.unwrap().feed_id
}

fn fixture() -> Fixture {
    let site = Arc::new(Mutex::new(Site {
        items: vec![
            (
                "ferry-1".into(),
                "/a/ferry".into(),
                "Ferry plan approved".into(),
            ),
            (
                "tram-1".into(),
                "/a/tram".into(),
                "Tram plan approved".into(),
            ),
        ],
        etag: "\"f1\"".into(),
        feed_status: 200,
        articles: vec![
            (
                "/a/ferry".into(),
                "Ferry plan approved".into(),
                paragraphs("ferry", "six votes to one"),
                String::new(),
            ),
            (
                "/a/tram".into(),
                "Tram plan approved".into(),
                paragraphs("tram", "five votes to two"),
                String::new(),
            ),
        ],
        ..Site::default()
    }));
    let site2 = site.clone();
    let server = TestServer::start(move |r| handle(&site2, r));
    let lib = Arc::new(Mutex::new(Library::open_in_memory().unwrap()));
    let clock = Arc::new(ManualClock::new(T0));
    let events = Arc::new(Mutex::new(Vec::new()));
    let fetcher = Fetcher::new(FetchOptions {
        timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    })
    .unwrap();
    let sink = events.clone();
    let poller = Poller::new(
        lib.clone(),
        fetcher,
        clock.clone() as Arc<dyn Clock>,
        PollerConfig::default(),
        move |e| sink.lock().unwrap().push(e),
    );
    Fixture {
        server,
        site,
        lib,
        clock,
        events,
        poller,
    }
}

fn take_events(f: &Fixture) -> Vec<FeedEvent> {
    std::mem::take(&mut *f.events.lock().unwrap())
}

#[tokio::test]
async fn items_imported_etag_respected_revisions_captured() {
    let f = fixture();
    let feed_url = f.server.url("/feed.xml");
    let first = f.poller.subscribe(&feed_url, HOUR).await.unwrap();
    assert_eq!(
        (
            first.new_articles,
            first.new_versions,
            first.item_errors.len()
        ),
        (2, 0, 0),
        "{first:?}"
    );
    assert_eq!(take_events(&f).len(), 2);
    let feed_id = first.feed_id;
    let article_of = |path: &str| {
        let lib = f.lib.lock().unwrap();
        let item = lib
            .feed_items_since(feed_id, 0)
            .unwrap()
            .into_iter()
            .find(|i| i.url.as_deref().unwrap().ends_with(path))
            .unwrap();
        item.article_id.unwrap()
    };
    let ferry = article_of("/a/ferry");
    let versions = |id: i64| f.lib.lock().unwrap().versions_of(id).unwrap().len();
    assert_eq!(versions(ferry), 1);

    // Not due yet: nothing is requested.
    f.clock.advance(HOUR - 1);
    assert!(f.poller.poll_due().await.is_empty());
    assert_eq!(f.server.hits("/feed.xml"), 1);

    // Due: the feed answers 304 to our ETag; articles are re-checked and unchanged.
    f.clock.advance(1);
    let r = f.poller.poll_due().await;
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].status, PollStatus::NotModified);
    assert_eq!(
        f.server.requests("/feed.xml")[1].header("If-None-Match"),
        Some("\"f1\"")
    );
    assert_eq!(f.server.hits("/a/ferry"), 2);
    assert_eq!(versions(ferry), 1);

    // Only the furniture changes (ads, share bar, a caption): no new version.
    f.site.lock().unwrap().articles[0].3 =
        "<div class=\"share-bar\">Share on Facebook</div><p>Advertisement</p><figure><figcaption>Photo: J. Reel</figcaption></figure>".into();
    f.clock.advance(HOUR);
    let r = f.poller.poll_due().await;
    assert_eq!(r[0].new_versions, 0, "{r:?}");
    assert_eq!(versions(ferry), 1);
    assert!(take_events(&f).is_empty());

    // A substantive edit: a new version and a notification event.
    f.site.lock().unwrap().articles[0].2 = paragraphs("ferry", "five votes to two");
    f.clock.advance(HOUR);
    let r = f.poller.poll_due().await;
    assert_eq!(r[0].new_versions, 1, "{r:?}");
    assert_eq!(versions(ferry), 2);
    let events = take_events(&f);
    assert!(
        matches!(&events[..], [FeedEvent::Revised { article_id, description, .. }] if *article_id == ferry && description == "1 substantive change: a number"),
        "{events:?}"
    );

    // A new item in the feed (new ETag) is imported.
    {
        let mut site = f.site.lock().unwrap();
        site.etag = "\"f2\"".into();
        site.items.insert(
            0,
            (
                "bridge-1".into(),
                "/a/bridge".into(),
                "Bridge plan approved".into(),
            ),
        );
        site.articles.push((
            "/a/bridge".into(),
            "Bridge plan approved".into(),
            paragraphs("bridge", "four votes to three"),
            String::new(),
        ));
    }
    f.clock.advance(HOUR);
    let r = f.poller.poll_due().await;
    assert_eq!(
        (r[0].status.clone(), r[0].new_articles),
        (PollStatus::Fetched, 1),
        "{r:?}"
    );
    assert_eq!(f.lib.lock().unwrap().list_articles().unwrap().len(), 3);

    // Eight days on, the first items are out of the re-check window: not fetched again.
    let before = f.server.hits("/a/ferry");
    f.clock.advance(8 * 24 * HOUR);
    f.poller.poll_due().await;
    assert_eq!(f.server.hits("/a/ferry"), before);
}

#[tokio::test]
async fn a_cosmetic_revision_inside_a_highlight_is_reported_issue_13() {
    let f = fixture();
    // Two slips on the first fetch: one inside the passage we highlight, one elsewhere.
    {
        let mut site = f.site.lock().unwrap();
        let ps = &mut site.articles[0].2;
        ps[1] = ps[1].replace("would help", "would would help");
        ps[2] = ps[2].replace("which was often", "which was was often");
    }
    subscribe_hourly(&f.poller, &f).await;
    take_events(&f);
    let ferry = {
        let lib = f.lib.lock().unwrap();
        let articles = lib.list_articles().unwrap();
        articles
            .iter()
            .find(|a| a.title == "Ferry plan approved")
            .unwrap()
            .id
    };
    let highlight = QuoteHighlight {
        quote: "would would help nurses, bakers and students".into(),
        note: None,
        colour: Colour::Yellow,
        version_id: None,
        paragraph: None,
    };
    highlight_quote(&mut f.lib.lock().unwrap(), ferry, &highlight, T0).unwrap();
    let versions = |id: i64| f.lib.lock().unwrap().versions_of(id).unwrap().len();

    // The slip outside the highlight is fixed: a new (cosmetic) version, and nothing to tell.
    {
        let mut site = f.site.lock().unwrap();
        let fixed = site.articles[0].2[2].replace("was was", "was");
        site.articles[0].2[2] = fixed;
    }
    f.clock.advance(HOUR);
    let r = f.poller.poll_due().await;
    assert_eq!((r[0].new_versions, versions(ferry)), (1, 2), "{r:?}");
    assert_eq!(take_events(&f), [], "cosmetic and outside every highlight");

    // The slip inside it is fixed: still cosmetic (no "revised" event), but the highlighted
    // passage no longer reads as highlighted, so the reader is told.
    {
        let mut site = f.site.lock().unwrap();
        let fixed = site.articles[0].2[1].replace("would would", "would");
        site.articles[0].2[1] = fixed;
    }
    f.clock.advance(HOUR);
    let r = f.poller.poll_due().await;
    assert_eq!((r[0].new_versions, versions(ferry)), (1, 3), "{r:?}");
    let events = take_events(&f);
    assert!(
        matches!(&events[..], [FeedEvent::HighlightsChanged { article_id, notice, .. }]
            if *article_id == ferry
                && notice == "A passage you highlighted in “Ferry plan approved” changed."),
        "{events:?}"
    );
}

#[tokio::test]
async fn failures_are_stored_on_the_feed_and_back_off() {
    let f = fixture();
    let feed_id = subscribe_hourly(&f.poller, &f).await;
    f.site.lock().unwrap().feed_status = 500;
    f.clock.advance(HOUR);
    let r = f.poller.poll_feed(feed_id).await;
    let expected = format!(
        "The server answered 500 Internal Server Error for {}; check the address or try again later.",
        f.server.url("/feed.xml")
    );
    assert_eq!(
        r.status,
        PollStatus::Failed {
            message: expected.clone()
        }
    );
    let feed = f.lib.lock().unwrap().get_feed(feed_id).unwrap();
    assert_eq!(
        (feed.last_error.as_deref(), feed.error_count),
        (Some(expected.as_str()), 1)
    );
    assert_eq!(
        feed.next_poll,
        T0 + HOUR + 2 * HOUR,
        "one failure doubles the wait"
    );
    assert!(matches!(
        &take_events(&f)[..],
        [_, _, FeedEvent::FeedError { .. }]
    ));

    // Within the backoff nothing is requested.
    let hits = f.server.hits("/feed.xml");
    f.clock.advance(HOUR);
    assert!(f.poller.poll_due().await.is_empty());
    assert_eq!(f.server.hits("/feed.xml"), hits);

    // A malformed feed is a failure too, and the wait doubles again.
    {
        let mut site = f.site.lock().unwrap();
        site.feed_status = 200;
        site.feed_body_override =
            Some("<rss version=\"2.0\"><channel><title>Broken</title><item><title>x</item>".into());
    }
    f.clock.advance(HOUR);
    let r = f.poller.poll_due().await;
    assert!(
        matches!(&r[0].status, PollStatus::Failed { message } if message.starts_with("The feed at ")),
        "{r:?}"
    );
    let feed = f.lib.lock().unwrap().get_feed(feed_id).unwrap();
    assert_eq!(
        (feed.error_count, feed.next_poll),
        (2, T0 + 3 * HOUR + 4 * HOUR)
    );

    // Recovery clears the error and restores the normal interval.
    f.site.lock().unwrap().feed_body_override = None;
    f.clock.set(T0 + 7 * HOUR);
    let r = f.poller.poll_due().await;
    assert_eq!(r[0].status, PollStatus::NotModified);
    let feed = f.lib.lock().unwrap().get_feed(feed_id).unwrap();
    assert_eq!(
        (feed.last_error, feed.error_count, feed.next_poll),
        (None, 0, T0 + 8 * HOUR)
    );
}

#[tokio::test]
async fn one_feed_is_never_polled_twice_at_once() {
    let f = fixture();
    let feed_id = subscribe_hourly(&f.poller, &f).await;
    f.site.lock().unwrap().feed_delay_ms = 400;
    let hits = f.server.hits("/feed.xml");
    // A clone shares the in-flight set; a second poller on the same library meets the store's lease.
    let clone = f.poller.clone();
    let other = Poller::new(
        f.lib.clone(),
        Fetcher::new(FetchOptions::default()).unwrap(),
        f.clock.clone() as Arc<dyn Clock>,
        PollerConfig::default(),
        |_| {},
    );
    let (a, b, c) = tokio::join!(
        f.poller.poll_feed(feed_id),
        clone.poll_feed(feed_id),
        other.poll_feed(feed_id)
    );
    let statuses = [a.status, b.status, c.status];
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == PollStatus::Skipped)
            .count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(f.server.hits("/feed.xml"), hits + 1);
    // Once it is over, the feed can be polled again.
    assert_ne!(other.poll_feed(feed_id).await.status, PollStatus::Skipped);
}

#[tokio::test]
async fn non_feeds_are_refused_and_nothing_is_stored() {
    let f = fixture();
    let page = f.server.url("/a/ferry");
    let err = f.poller.subscribe(&page, HOUR).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{page} is not an RSS or Atom feed (it returned an HTML web page); look for the site's feed link."
        )
    );
    let missing = f.server.url("/nothing.xml");
    assert_eq!(
        f.poller
            .subscribe(&missing, HOUR)
            .await
            .unwrap_err()
            .to_string(),
        format!(
            "The server answered 404 Not Found for {missing}; check the address or try again later."
        )
    );
    assert!(f.lib.lock().unwrap().list_feeds().unwrap().is_empty());
    assert!(f.lib.lock().unwrap().list_articles().unwrap().is_empty());
}

#[test]
fn poll_futures_can_be_spawned() {
    fn assert_send<T: Send>(_: &T) {}
    let f = fixture();
    let fut = f.poller.poll_feed(1);
    assert_send(&fut);
    let run = f.poller.run(tokio::sync::watch::channel(false).1);
    assert_send(&run);
}

#[tokio::test]
async fn run_polls_due_feeds_until_shut_down() {
    let f = fixture();
    let feed_id = subscribe_hourly(&f.poller, &f).await;
    let config = PollerConfig {
        tick: Duration::from_millis(20),
        ..PollerConfig::default()
    };
    let poller = Poller::new(
        f.lib.clone(),
        Fetcher::new(FetchOptions::default()).unwrap(),
        f.clock.clone() as Arc<dyn Clock>,
        config,
        |_| {},
    );
    let (stop, shutdown) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(async move { poller.run(shutdown).await });
    // Not due: several ticks pass without a request.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(f.server.hits("/feed.xml"), 1);
    // Due: the running poller picks it up on a tick (bounded wait for the poll to finish).
    f.clock.advance(HOUR);
    let polled = || f.lib.lock().unwrap().get_feed(feed_id).unwrap().last_polled;
    for _ in 0..200 {
        if polled() == Some(T0 + HOUR) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(polled(), Some(T0 + HOUR));
    assert_eq!(f.server.hits("/feed.xml"), 2);
    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(2), task)
        .await
        .expect("run stops when told")
        .unwrap();
}

#[tokio::test]
async fn rechecks_rotate_when_there_are_more_items_than_the_budget() {
    let f = fixture();
    let poller = Poller::new(
        f.lib.clone(),
        Fetcher::new(FetchOptions::default()).unwrap(),
        f.clock.clone() as Arc<dyn Clock>,
        PollerConfig {
            max_rechecks: 1,
            ..PollerConfig::default()
        },
        |_| {},
    );
    let feed_id = subscribe_hourly(&poller, &f).await;
    let hits = || (f.server.hits("/a/ferry"), f.server.hits("/a/tram"));
    assert_eq!(hits(), (1, 1));
    f.clock.advance(HOUR);
    poller.poll_feed(feed_id).await;
    let after_one = hits();
    f.clock.advance(HOUR);
    poller.poll_feed(feed_id).await;
    // One re-check per poll, and the second poll takes the article the first one skipped.
    assert_eq!(hits(), (2, 2), "after one poll: {after_one:?}");
}

#[tokio::test]
async fn failed_items_are_retried_though_the_feed_did_not_change() {
    // A 304 answers for the feed, not its items: an item whose page failed must still be
    // fetched again at the next poll.
    let f = fixture();
    let tram = f.site.lock().unwrap().articles.remove(1);
    let first = f
        .poller
        .subscribe(&f.server.url("/feed.xml"), HOUR)
        .await
        .unwrap();
    assert_eq!((first.new_articles, first.item_errors.len()), (1, 1));
    f.site.lock().unwrap().articles.push(tram);
    f.clock.advance(HOUR);
    let r = f.poller.poll_due().await;
    assert_eq!(r[0].status, PollStatus::Fetched, "{r:?}");
    assert_eq!((r[0].new_articles, r[0].item_errors.len()), (1, 0));
    // Once every item is in, the validators are kept again and the feed costs a 304.
    f.clock.advance(HOUR);
    assert_eq!(f.poller.poll_due().await[0].status, PollStatus::NotModified);
}

#[tokio::test]
async fn a_page_too_slow_to_analyse_fails_its_item_and_frees_the_feed() {
    // The analysis budget is zero here, so every item runs out of it: each fails with a
    // message, the poll still ends, and the feed's lease is released for the next poll.
    let f = fixture();
    let fetcher = Fetcher::new(FetchOptions {
        analyse_timeout: Duration::ZERO,
        ..FetchOptions::default()
    })
    .unwrap();
    let poller = Poller::new(
        f.lib.clone(),
        fetcher,
        f.clock.clone() as Arc<dyn Clock>,
        PollerConfig::default(),
        |_| {},
    );
    let r = poller
        .subscribe(&f.server.url("/feed.xml"), HOUR)
        .await
        .unwrap();
    assert_eq!(r.new_articles, 0);
    assert_eq!(r.item_errors.len(), 2, "{r:?}");
    assert!(
        r.item_errors
            .iter()
            .all(|e| e.contains("took longer than") && e.contains("gave up on it")),
        "{r:?}"
    );
    assert!(
        f.lib
            .lock()
            .unwrap()
            .claim_feed(r.feed_id, T0, 600)
            .unwrap(),
        "the lease was released"
    );
}
