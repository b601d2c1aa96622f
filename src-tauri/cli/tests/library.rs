//! `parallax import | list | search | watch` end to end: the real binary on a temporary data
//! folder, pages and a feed served from 127.0.0.1 by a one-thread server started here.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "library/highlight.rs"]
mod highlight;

fn parallax(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_DATA_DIR", data)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ingest/tests/fixtures/pages")
}

/// Serves `routes` (path → content type, body) to at most `max` connections, then stops.
fn serve(routes: Vec<(&'static str, &'static str, String)>, max: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).ok();
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
            }
            let (status, ctype, body) = match routes.iter().find(|r| r.0 == path) {
                Some((_, ctype, body)) => ("200 OK", *ctype, body.clone()),
                None => ("404 Not Found", "text/plain", "gone".to_string()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    base
}

#[test]
fn import_list_search_on_one_library() {
    let data = tempfile::tempdir().unwrap();
    let ferry = std::fs::read_to_string(pages().join("harbour-courier-ferry.html")).unwrap();
    let base = serve(vec![("/ferry", "text/html; charset=utf-8", ferry)], 4);
    let council = pages().join("valley-times-council.html");
    let council = council.to_str().unwrap();
    let url = format!("{base}/ferry");

    let first = parallax(data.path(), &["import", council, &url]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(
        stdout(&first)
            .lines()
            .filter(|l| l.contains(": imported \""))
            .count(),
        2,
        "{}",
        stdout(&first)
    );

    // Again: recognised as duplicates, exit 0, nothing stored twice.
    let again = parallax(data.path(), &["import", council]);
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("already in the library"),
        "{}",
        stdout(&again)
    );

    let list = parallax(data.path(), &["list", "--format", "json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let json: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 2);
    for item in items {
        let keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 5, "{item}");
        for k in ["id", "title", "outlet", "url", "versions"] {
            assert!(keys.contains(&k), "{item}");
        }
        assert_eq!(item["versions"], 1);
    }
    assert!(items.iter().any(|i| i["outlet"] == "The Harbour Courier"));

    // --data-dir wins over the environment.
    let other = tempfile::tempdir().unwrap();
    let empty = parallax(
        data.path(),
        &[
            "list",
            "--format",
            "json",
            "--data-dir",
            other.path().to_str().unwrap(),
        ],
    );
    assert_eq!(stdout(&empty).trim(), "[]");

    let search = parallax(data.path(), &["search", "farmland", "--format", "json"]);
    let hits: serde_json::Value = serde_json::from_str(&stdout(&search)).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["removedLater"], false);
    let text = parallax(data.path(), &["search", "farmland"]);
    assert!(stdout(&text).contains("[farmland]"), "{}", stdout(&text));
}

#[test]
fn failures_exit_non_zero_with_one_line() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cases: Vec<(Vec<String>, i32, String)> = vec![
        (
            vec!["import".into(), png.display().to_string()],
            4,
            format!(
                "parallax: {}: This file is not text (it looks like a PNG image); open a .txt, .md or .html file instead.\n",
                png.display()
            ),
        ),
        (
            vec!["import".into(), "/no/such/file.txt".into()],
            3,
            "parallax: /no/such/file.txt: Could not read /no/such/file.txt: no such file.\n".into(),
        ),
        (
            vec!["import".into(), format!("http://127.0.0.1:{port}/a")],
            7,
            format!(
                "parallax: http://127.0.0.1:{port}/a: Could not connect to http://127.0.0.1:{port}/a (the connection was refused); check the address and your connection.\n"
            ),
        ),
    ];
    for (args, code, message) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = parallax(data.path(), &args);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), message);
    }
    let list = parallax(data.path(), &["list", "--format", "json"]);
    assert_eq!(stdout(&list).trim(), "[]", "failed imports store nothing");
}

#[test]
fn watch_once_imports_a_feed_and_refuses_a_page() {
    let data = tempfile::tempdir().unwrap();
    let ferry = std::fs::read_to_string(pages().join("harbour-courier-ferry.html")).unwrap();
    let base = serve(
        vec![
            ("/page", "text/html", ferry.clone()),
            ("/ferry", "text/html", ferry),
        ],
        4,
    );
    // The feed's item points at the first server.
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Courier</title><item><title>Ferry</title><link>{base}/ferry</link><guid>f1</guid></item></channel></rss>"
    );
    let feed_base = serve(vec![("/feed.xml", "application/rss+xml", feed)], 2);

    let page = parallax(data.path(), &["watch", &format!("{base}/page"), "--once"]);
    assert_eq!(page.status.code(), Some(9), "{}", stderr(&page));
    assert_eq!(
        stderr(&page),
        format!(
            "parallax: {base}/page is not an RSS or Atom feed (it returned an HTML web page); look for the site's feed link.\n"
        )
    );

    let o = parallax(
        data.path(),
        &["watch", &format!("{feed_base}/feed.xml"), "--once"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("new: \"Night ferry to Kessel Island returns after two-year pause\""),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("1 new article, 0 new versions"),
        "{}",
        stdout(&o)
    );
    let list = parallax(data.path(), &["list", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
}

#[test]
fn search_says_when_text_was_removed_later() {
    let data = tempfile::tempdir().unwrap();
    let ferry = std::fs::read_to_string(pages().join("harbour-courier-ferry.html")).unwrap();
    // The same article (same canonical URL) a day later, without the councillor's objection.
    let start = ferry.find("<p>Not everyone welcomed").unwrap();
    let end = start + ferry[start..].find("</p>").unwrap() + 4;
    let revised = format!("{}{}", &ferry[..start], &ferry[end..]);
    let first = serve(vec![("/ferry", "text/html", ferry)], 1);
    let second = serve(vec![("/ferry", "text/html", revised)], 1);
    for base in [&first, &second] {
        let o = parallax(data.path(), &["import", &format!("{base}/ferry")]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let list: serde_json::Value = serde_json::from_str(&stdout(&parallax(
        data.path(),
        &["list", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(list[0]["versions"], 2, "{list}");
    let hits: serde_json::Value = serde_json::from_str(&stdout(&parallax(
        data.path(),
        &["search", "councillor", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(hits[0]["removedLater"], true, "{hits}");
    let text = stdout(&parallax(data.path(), &["search", "councillor"]));
    assert!(text.contains("version 1 of 2  (removed later)"), "{text}");
}

#[test]
fn a_generated_library_backs_up_to_a_file_that_opens_as_the_library() {
    // Issue 11: `gen-library` writes a benchmark library; `backup` copies it into one file that
    // another data folder can open as its library, with the same articles.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("lib");
    let made = parallax(&data, &["gen-library", "--articles", "40"]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(
        stdout(&made).starts_with("wrote 40 articles"),
        "{}",
        stdout(&made)
    );
    let listed = stdout(&parallax(&data, &["list", "--format", "json"]));
    let articles: Vec<serde_json::Value> = serde_json::from_str(&listed).unwrap();
    assert_eq!(articles.len(), 40);

    let copy_dir = dir.path().join("copy");
    std::fs::create_dir_all(&copy_dir).unwrap();
    let out = copy_dir.join("library.sqlite3");
    let backed = parallax(&data, &["backup", out.to_str().unwrap()]);
    assert!(backed.status.success(), "{}", stderr(&backed));
    assert_eq!(
        stdout(&parallax(&copy_dir, &["list", "--format", "json"])),
        listed
    );

    let again = parallax(&data, &["backup", out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(8));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn reextract_reports_kept_pages_and_changes_nothing_without_apply() {
    let dir = tempfile::tempdir().unwrap();
    let page = pages().join("tidewater-gazette-pier.html");
    let o = parallax(dir.path(), &["import", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = parallax(dir.path(), &["reextract"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("version 1 \"Pier and promenade reopen after storm repairs\": unchanged"),
        "{out}"
    );
    assert!(
        out.contains("1 versions re-extracted, 0 would change"),
        "{out}"
    );
    let o = parallax(dir.path(), &["reextract", "--article", "99"]);
    assert_eq!(o.status.code(), Some(8), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("No article with id 99"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn import_anyway_stores_the_visible_text_of_a_page_with_no_article() {
    let data = tempfile::tempdir().unwrap();
    let front = pages().join("section-front.html");
    let front_arg = front.display().to_string();
    let refused = parallax(data.path(), &["import", &front_arg]);
    assert_ne!(refused.status.code(), Some(0));
    assert_eq!(refused.status.code(), Some(4));
    assert!(
        stderr(&refused).contains(
            "No article text was found in this page (it looks like a list of links, such as a home or section page)"
        ) && stderr(&refused).contains("To import it anyway, run again with --anyway."),
        "{}",
        stderr(&refused)
    );
    // A paywall stub and a cookie wall are named as such, with the same way out.
    for (name, kind) in [
        (
            "paywall-stub.html",
            "(it looks like a paywall: the article is for subscribers",
        ),
        (
            "cookie-wall.html",
            "(it looks like a cookie or consent wall",
        ),
    ] {
        let own = tempfile::tempdir().unwrap();
        let arg = pages().join(name).display().to_string();
        let o = parallax(own.path(), &["import", &arg]);
        assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(kind) && err.contains("run again with --anyway"),
            "{err}"
        );
        let kept = parallax(own.path(), &["import", "--anyway", &arg]);
        assert_eq!(kept.status.code(), Some(0), "{}", stderr(&kept));
        let line = stdout(&kept);
        assert!(line.contains("all its visible text was stored"), "{line}");
    }
    let list = parallax(data.path(), &["list", "--format", "json"]);
    assert_eq!(stdout(&list).trim(), "[]", "a refusal stores nothing");

    let o = parallax(data.path(), &["import", "--anyway", &front_arg]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line = stdout(&o);
    assert!(
        line.contains("imported \"Local news | Valley Times\""),
        "{line}"
    );
    assert!(line.contains("all its visible text was stored"), "{line}");
    let search = parallax(data.path(), &["search", "Millbrook half marathon"]);
    assert!(
        stdout(&search).contains("Local news | Valley Times"),
        "the page's text is searchable: {}",
        stdout(&search)
    );

    // A fetched page too, and a real article is unaffected by the flag.
    let home = std::fs::read_to_string(&front).unwrap();
    let article = std::fs::read_to_string(pages().join("valley-times-council.html")).unwrap();
    let base = serve(
        vec![
            (
                "/",
                "text/html; charset=utf-8",
                home.replace("Local news", "Front page"),
            ),
            ("/council", "text/html; charset=utf-8", article),
        ],
        2,
    );
    let o = parallax(
        data.path(),
        &[
            "import",
            "--anyway",
            &format!("{base}/"),
            &format!("{base}/council"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].contains("\"Front page | Valley Times\"") && lines[0].contains("visible text")
    );
    assert!(!lines[1].contains("visible text"), "{}", lines[1]);
}
