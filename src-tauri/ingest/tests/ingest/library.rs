//! Imports into a real (in-memory) library: files and URLs in one batch, duplicates reported
//! and not stored twice, bad inputs leave nothing behind, and "check for updates".

use std::sync::{Arc, Mutex};

use parallax_ingest::{
    FetchOptions, Fetcher, UpdateCheck, capture_paste, check_for_updates, import_sources,
    store_capture,
};
use parallax_store::{AddOutcome, Library};

use crate::fetch::page;
use crate::server::{Response, TestServer};

#[tokio::test]
async fn files_and_urls_import_once_and_duplicates_are_reported() {
    let server = TestServer::start(|r| match r.path.as_str() {
        "/ferry" => Response::html(page("harbour-courier-ferry.html")),
        _ => Response::status(404),
    });
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let inputs = vec![
        pages
            .join("valley-times-council.html")
            .display()
            .to_string(),
        server.url("/ferry"),
        empty.display().to_string(),
        server.url("/gone"),
    ];
    let mut lib = Library::open_in_memory().unwrap();
    let fetcher = Fetcher::new(FetchOptions::default()).unwrap();
    let mut progress = Vec::new();
    let reports = import_sources(&mut lib, &fetcher, &inputs, 100, |done, total, _| {
        progress.push((done, total))
    })
    .await;
    assert_eq!(progress, vec![(1, 4), (2, 4), (3, 4), (4, 4)]);
    assert_eq!(
        reports[0].result.as_ref().unwrap().outcome,
        AddOutcome::NewArticle
    );
    assert_eq!(
        reports[1].result.as_ref().unwrap().outcome,
        AddOutcome::NewArticle
    );
    assert_eq!(
        reports[2].line(),
        format!(
            "{}: The file is empty: there is no text to import.",
            inputs[2]
        )
    );
    assert!(
        reports[3].line().contains("404 Not Found"),
        "{}",
        reports[3].line()
    );
    let listed = lib.list_articles().unwrap();
    assert_eq!(listed.len(), 2, "failed inputs store nothing");

    // The same inputs again: recognised, reported, not stored twice.
    let again = import_sources(&mut lib, &fetcher, &inputs[..2], 200, |_, _, _| {}).await;
    for r in &again {
        assert_eq!(
            r.result.as_ref().unwrap().outcome,
            AddOutcome::Duplicate,
            "{}",
            r.line()
        );
        assert!(r.line().contains("already in the library"), "{}", r.line());
    }
    assert_eq!(
        lib.list_articles()
            .unwrap()
            .iter()
            .map(|a| a.version_count)
            .sum::<i64>(),
        2
    );
}

#[test]
fn pasted_text_is_stored_and_deduped() {
    let mut lib = Library::open_in_memory().unwrap();
    let c = capture_paste(
        "Ferry returns",
        "Harbour Courier",
        "The ferry sails again.\n\nShare this article\n\nIt leaves at 23:15.",
        7,
    )
    .unwrap();
    assert_eq!(
        c.paragraphs.len(),
        3,
        "pasted text is kept as the user gave it"
    );
    let first = store_capture(&mut lib, &c).unwrap();
    assert_eq!(first.outcome, AddOutcome::NewArticle);
    assert_eq!(
        store_capture(&mut lib, &c).unwrap().outcome,
        AddOutcome::Duplicate
    );
}

#[tokio::test]
async fn check_for_updates_stores_only_real_changes() {
    let html = Arc::new(Mutex::new(
        String::from_utf8(page("harbour-courier-ferry.html")).unwrap(),
    ));
    let served = html.clone();
    let server = TestServer::start(move |_| Response::html(served.lock().unwrap().clone()));
    let mut lib = Library::open_in_memory().unwrap();
    let fetcher = Fetcher::new(FetchOptions::default()).unwrap();
    // Imported from the local server; the stored URL is the page's canonical one, which this
    // test cannot reach, so re-point it by importing the capture with the local URL.
    let mut capture = fetcher
        .fetch_article(&server.url("/ferry"), parallax_ingest::Origin::Url, 1)
        .await
        .unwrap();
    capture.url = Some(server.url("/ferry"));
    let id = store_capture(&mut lib, &capture).unwrap().article_id;

    // Furniture changes only (a new ad, another share prompt, a new caption): no new version.
    let furniture_only = html.lock().unwrap().replace(
        "<p>Blue Sound Lines said",
        "<div class=\"ad-slot\"><p>Advertisement</p></div><p>Share this article</p><figure><figcaption>Photo: A. Lind</figcaption></figure><p>Blue Sound Lines said",
    );
    *html.lock().unwrap() = furniture_only;
    assert!(matches!(
        check_for_updates(&mut lib, &fetcher, id, 2).await.unwrap(),
        UpdateCheck::Unchanged { .. }
    ));

    // A changed number: a new version, described.
    let edited = html
        .lock()
        .unwrap()
        .replace("six votes to one", "five votes to two");
    *html.lock().unwrap() = edited;
    match check_for_updates(&mut lib, &fetcher, id, 3).await.unwrap() {
        UpdateCheck::NewVersion { description, .. } => {
            assert_eq!(description, "1 substantive change: a number")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(lib.versions_of(id).unwrap().len(), 2);
}

#[test]
fn paste_bytes_and_story_suggestions_through_the_library() {
    let mut lib = Library::open_in_memory().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let ferry = std::fs::read(dir.join("harbour-courier-ferry.html")).unwrap();
    parallax_ingest::import_bytes(&mut lib, "ferry.html", &ferry, 1).unwrap();
    let err = parallax_ingest::import_bytes(&mut lib, "photo.png", b"\x89PNG\r\n\x1a\n\0\0", 1)
        .unwrap_err();
    assert_eq!(err.code(), "binary");
    parallax_ingest::import_paste(
        &mut lib,
        "Kessel Island gets its night ferry back",
        "Valley Times",
        "Islanders will again have a late crossing to Port Alder from 1 April.\n\nThe transport board approved the night ferry timetable and a higher subsidy for Blue Sound Lines, which hired new crew members.",
        2,
    )
    .unwrap();
    assert_eq!(
        parallax_ingest::import_paste(&mut lib, "x", "y", "  \n ", 3)
            .unwrap_err()
            .code(),
        "empty"
    );
    parallax_ingest::import_bytes(
        &mut lib,
        "council.html",
        &std::fs::read(dir.join("valley-times-council.html")).unwrap(),
        4,
    )
    .unwrap();
    let texts = parallax_ingest::story_texts(&lib).unwrap();
    assert_eq!(texts.len(), 3);
    let pairs = parallax_ingest::suggest_same_event(&texts, parallax_ingest::DEFAULT_THRESHOLD);
    let groups = parallax_ingest::group_suggestions(&pairs);
    assert_eq!(groups.len(), 1, "{pairs:?}");
    let titles: Vec<String> = groups[0]
        .iter()
        .map(|id| texts.iter().find(|t| t.id == *id).unwrap().title.clone())
        .collect();
    assert!(titles.iter().all(|t| t.contains("ferry")), "{titles:?}");
}

#[test]
fn import_results_serialise_for_the_app() {
    let mut lib = Library::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    std::fs::write(
        &good,
        "Ferry returns\n\nThe night ferry runs again from April.\n",
    )
    .unwrap();
    let bad = dir.path().join("b.txt");
    std::fs::write(&bad, "").unwrap();
    let mut seen = 0;
    let reports = parallax_ingest::import_files(&mut lib, &[good, bad], 5, |done, total, _| {
        seen = done;
        assert_eq!(total, 2);
    });
    assert_eq!(seen, 2);
    let json: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| serde_json::to_value(parallax_ingest::ImportResult::from(r)).unwrap())
        .collect();
    assert_eq!(json[0]["imported"]["outcome"], "newArticle");
    assert_eq!(json[0]["imported"]["title"], "Ferry returns");
    assert_eq!(json[0]["error"], serde_json::Value::Null);
    assert_eq!(json[1]["error"]["code"], "empty");
    assert_eq!(
        json[1]["error"]["message"],
        "The file is empty: there is no text to import."
    );
}

#[test]
fn ipc_types_have_typescript_declarations() {
    use ts_rs::TS;
    let cfg = ts_rs::Config::default();
    for decl in [
        parallax_ingest::ImportResult::decl(&cfg),
        parallax_ingest::UpdateCheck::decl(&cfg),
        parallax_ingest::FeedEvent::decl(&cfg),
        parallax_ingest::PollReport::decl(&cfg),
        parallax_ingest::SameEvent::decl(&cfg),
    ] {
        assert!(decl.starts_with("type "), "{decl}");
    }
}

#[tokio::test]
async fn refetches_that_differ_only_in_furniture_are_not_new_versions() {
    let original = String::from_utf8(page("tidewater-gazette-pier.html")).unwrap();
    let html = Arc::new(Mutex::new(original.clone()));
    let served = html.clone();
    let server = TestServer::start(move |_| Response::html(served.lock().unwrap().clone()));
    let mut lib = Library::open_in_memory().unwrap();
    let fetcher = Fetcher::new(FetchOptions::default()).unwrap();
    let mut capture = fetcher
        .fetch_article(&server.url("/pier"), parallax_ingest::Origin::Url, 1)
        .await
        .unwrap();
    capture.url = Some(server.url("/pier"));
    let id = store_capture(&mut lib, &capture).unwrap().article_id;
    type Change = fn(&str) -> String;
    let variants: [(&str, Change); 6] = [
        ("whitespace and line breaks", |h| {
            h.replace("<p>The cafe", "\n\n   <p>\n The  cafe")
                .replace("thirty years.", "thirty&nbsp;years. ")
        }),
        ("tracking parameters on links", |h| {
            h.replace(
                "/news/2026/02/storm",
                "/news/2026/02/storm?utm_source=share&fbclid=X1",
            )
        }),
        ("an image credit and caption", |h| {
            h.replace(
                "<p>Anglers",
                "<figure><img src=\"p.jpg\"><figcaption>The new decking. Photo: Lena Marsh</figcaption></figure><p>Photo: Lena Marsh for the Gazette</p><p>Anglers",
            )
        }),
        ("a new \"last updated\" line", |h| {
            h.replace(
                "Updated 11:15, Thu, Apr 2, 2026",
                "Updated 16:40, Fri, Apr 3, 2026",
            )
        }),
        ("another related link and menu", |h| {
            h.replace(
                "THE NIGHT THE STORM TOOK THE PIER",
                "WHERE TO FISH THIS SPRING",
            )
            .replace(
                "<a href=\"/sport\">Sport</a>",
                "<a href=\"/weather\">Weather</a>",
            )
        }),
        ("a new footer and share prompt", |h| {
            h.replace(
                "© 2026 Tidewater Media Group",
                "© 2026 Tidewater Media Group. All rights reserved.",
            )
            .replace(
                "<p>Comments</p>",
                "<p>Share this article</p><p>Comments</p>",
            )
        }),
    ];
    for (what, change) in variants {
        *html.lock().unwrap() = change(&original);
        let check = check_for_updates(&mut lib, &fetcher, id, 2).await.unwrap();
        assert!(
            matches!(check, UpdateCheck::Unchanged { .. }),
            "{what}: {check:?}"
        );
    }
    assert_eq!(lib.versions_of(id).unwrap().len(), 1);
    // A real edit still is one.
    *html.lock().unwrap() = original.replace("1.8 million", "2.1 million");
    assert!(matches!(
        check_for_updates(&mut lib, &fetcher, id, 3).await.unwrap(),
        UpdateCheck::NewVersion { .. }
    ));
}
