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
