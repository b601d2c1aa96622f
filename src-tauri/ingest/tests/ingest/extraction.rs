//! Extraction quality: every `tests/fixtures/pages/NAME.html` written by us (menus, ads, share
//! bars, captions, newsletter boxes) must extract to exactly `NAME.txt`.

use std::path::PathBuf;

use parallax_ingest::{Capture, Origin, capture_html};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// The capture as the expected files spell it: header lines, a blank line, the paragraphs.
pub fn render(c: &Capture) -> String {
    let mut out = format!("Title: {}\n", c.title);
    if let Some(b) = &c.byline {
        out += &format!("Byline: {b}\n");
    }
    if let Some(p) = c.published {
        let t = chrono::DateTime::from_timestamp(p, 0).unwrap();
        out += &format!(
            "Published: {}\n",
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
    }
    match &c.outlet.domain {
        Some(d) => out += &format!("Outlet: {} ({d})\n", c.outlet.name),
        None => out += &format!("Outlet: {}\n", c.outlet.name),
    }
    if let Some(u) = &c.url {
        out += &format!("URL: {u}\n");
    }
    out += "\n";
    out += &c.paragraphs.join("\n\n");
    out += "\n";
    out
}

#[test]
fn every_page_fixture_extracts_to_its_expected_text() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "the fixture set shrank: {names:?}");
    let mut failures = Vec::new();
    for html_path in &names {
        let expected_path = html_path.with_extension("txt");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            continue; // pages without an article have no .txt; tested in `pages_without_article`
        };
        let bytes = std::fs::read(html_path).unwrap();
        let capture = parallax_ingest::read_bytes(&bytes, html_path, 0).unwrap();
        let got = render(&capture);
        if got != expected {
            failures.push(format!(
                "== {}\n--- expected\n{expected}--- got\n{got}",
                html_path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sanitised_html_has_no_scripts_images_or_furniture() {
    let html = std::fs::read_to_string(fixtures().join("harbour-courier-ferry.html")).unwrap();
    let c = capture_html(
        &html,
        Some("https://www.harbourcourier.example/x"),
        Origin::Url,
        "test",
        0,
    )
    .unwrap();
    let body = c.html.unwrap();
    for banned in [
        "<script",
        "<img",
        "<iframe",
        "<style",
        "Advertisement",
        "Sign up",
        "Photo:",
        "class=",
        "onclick",
    ] {
        assert!(
            !body.contains(banned),
            "sanitised HTML still has {banned:?}:\n{body}"
        );
    }
    assert!(
        body.contains("<p>The night ferry between Port Alder"),
        "{body}"
    );
}

/// The stored HTML and the stored paragraphs are the same article: stripping the tags from
/// the sanitised HTML gives exactly the paragraphs' words, for every fixture.
#[test]
fn sanitised_html_holds_the_same_text_as_the_paragraphs() {
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") || !path.with_extension("txt").exists() {
            continue;
        }
        let c = parallax_ingest::read_bytes(&std::fs::read(&path).unwrap(), &path, 0).unwrap();
        let html = c.html.unwrap();
        let doc = dom_query::Document::fragment(html.replace('<', " <"));
        let from_html: Vec<String> = doc.text().split_whitespace().map(str::to_string).collect();
        let from_paragraphs: Vec<String> = c
            .paragraphs
            .join(" ")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        assert_eq!(from_html, from_paragraphs, "{}", path.display());
    }
}

#[test]
fn metadata_follows_the_documented_order() {
    use parallax_ingest::{extract_article, parse_time};
    // JSON-LD beats OpenGraph and meta tags for title, byline and times; og:site_name beats
    // JSON-LD's publisher; a relative canonical link resolves against the page's address.
    let html = std::fs::read_to_string(fixtures().join("tidewater-gazette-pier.html")).unwrap();
    let x = extract_article(
        &html,
        Some("https://www.tidewatergazette.example/x?utm_source=a"),
    )
    .unwrap();
    assert_eq!(x.title, "Pier and promenade reopen after storm repairs");
    assert_eq!(x.byline.as_deref(), Some("Ines Calloway and Tom Reyes"));
    assert_eq!(x.site_name.as_deref(), Some("Tidewater Gazette"));
    assert_eq!(x.published, parse_time("2026-04-02T08:00:00Z"));
    assert_eq!(x.modified, parse_time("2026-04-02T10:15:00Z"));
    assert_eq!(
        x.canonical_url.as_deref(),
        Some("https://www.tidewatergazette.example/news/2026/04/pier-reopens")
    );
    // Without JSON-LD or OpenGraph: meta author, application-name, og:url, the first <time>
    // for published and the marked one for modified.
    let html = std::fs::read_to_string(fixtures().join("marsh-weekly-library.html")).unwrap();
    let x = extract_article(&html, None).unwrap();
    assert_eq!(x.byline.as_deref(), Some("Priya Holloway"));
    assert_eq!(x.site_name.as_deref(), Some("The Marsh Weekly"));
    assert_eq!(x.published, parse_time("2026-05-11T08:30:00Z"));
    assert_eq!(x.modified, parse_time("2026-05-12T10:00:00Z"));
    assert_eq!(
        x.canonical_url.as_deref(),
        Some("https://marshweekly.example/local/library-hours")
    );
}
