//! `parallax highlight add | list | remove` end to end: the real binary on a temporary library
//! holding the sample (whose revised article has five versions, see store/sample/README.md).

use std::process::Output;

use parallax_store::Library;

use super::{parallax, stderr, stdout};

/// A data folder with the sample loaded; returns it with the revised article's id and version ids.
fn sample_dir() -> (tempfile::TempDir, i64, Vec<i64>) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open_in_dir(dir.path()).unwrap();
    lib.load_sample_if_empty(1_773_600_000).unwrap();
    let article = lib
        .list_articles()
        .unwrap()
        .into_iter()
        .find(|a| a.version_count == 5)
        .unwrap();
    let versions = lib
        .versions_of(article.id)
        .unwrap()
        .into_iter()
        .map(|v| v.id)
        .collect();
    (dir, article.id, versions)
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn add_list_remove() {
    let (dir, article, v) = sample_dir();
    let a = article.to_string();
    let v1 = v[0].to_string();
    let added = parallax(
        dir.path(),
        &[
            "highlight",
            "add",
            &a,
            "about 600 households",
            "--version",
            &v1,
            "--note",
            "county figure?",
            "--colour",
            "pink",
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    // The newest version by default.
    let latest = parallax(
        dir.path(),
        &[
            "highlight",
            "add",
            &a,
            "public meeting at Kestleford Town Hall",
        ],
    );
    assert!(latest.status.success(), "{}", stderr(&latest));

    let listed = parallax(dir.path(), &["highlight", "list", &a, "--format", "json"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let rows = json(&listed);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    // Newest first: the v5 highlight, then the v1 one.
    let (newest, first) = (&rows[0], &rows[1]);
    assert_eq!(newest["version_id"], v[4]);
    assert_eq!(newest["latest"]["state"], "intact");
    assert_eq!(first["article_id"], article);
    assert_eq!(first["version_id"], v[0]);
    assert_eq!(first["quote"], "about 600 households");
    assert_eq!(first["note"], "county figure?");
    assert_eq!(first["colour"], "pink");
    assert!(first["created"].as_i64().unwrap() > 1_700_000_000);
    assert_eq!(first["latest"]["version_id"], v[4]);
    assert_eq!(first["latest"]["state"], "edited");
    assert_eq!(first["latest"]["text"], "about 900 households");

    let text = stdout(&parallax(dir.path(), &["highlight", "list"]));
    assert!(text.contains("edited (600 → 900 households)"), "{text}");
    assert!(text.contains("note: county figure?"), "{text}");

    let id = first["id"].as_i64().unwrap().to_string();
    let removed = parallax(dir.path(), &["highlight", "remove", &id]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    let rows = json(&parallax(
        dir.path(),
        &["highlight", "list", "--format", "json"],
    ));
    assert_eq!(rows.as_array().unwrap().len(), 1);
    // Removing it again names the id and fails as a library error.
    let again = parallax(dir.path(), &["highlight", "remove", &id]);
    assert_eq!(again.status.code(), Some(8));
    assert!(stderr(&again).contains(&id), "{}", stderr(&again));
}

#[test]
fn removed_passage_lists_without_text() {
    let (dir, article, v) = sample_dir();
    let (a, v1) = (article.to_string(), v[0].to_string());
    let o = parallax(
        dir.path(),
        &[
            "highlight",
            "add",
            &a,
            "A chalkboard outside the bakery",
            "--version",
            &v1,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json(&parallax(
        dir.path(),
        &["highlight", "list", "--format", "json"],
    ));
    assert_eq!(rows[0]["latest"]["state"], "removed");
    assert!(
        rows[0]["latest"].get("text").is_none(),
        "text is absent when removed: {rows}"
    );
}

#[test]
fn quote_not_in_the_version_is_a_clear_error() {
    let (dir, article, _) = sample_dir();
    let a = article.to_string();
    // Only v1 says 600; the newest version is the default.
    let o = parallax(
        dir.path(),
        &["highlight", "add", &a, "about 600 households"],
    );
    assert_eq!(o.status.code(), Some(13), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.starts_with("parallax: "), "{err}");
    assert!(err.contains("not in version 5 of 5"), "{err}");
    let rows = json(&parallax(
        dir.path(),
        &["highlight", "list", "--format", "json"],
    ));
    assert!(rows.as_array().unwrap().is_empty(), "nothing was stored");
    // A bad colour is a usage error that lists the five.
    let o = parallax(
        dir.path(),
        &["highlight", "add", &a, "Lower Quay", "--colour", "teal"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("yellow, green, blue, pink, purple"),
        "{}",
        stderr(&o)
    );
    // An unknown article is a library error.
    let o = parallax(dir.path(), &["highlight", "add", "9999", "Lower Quay"]);
    assert_eq!(o.status.code(), Some(8), "{}", stderr(&o));
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed for this test");
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn export_article_draws_highlights_states_and_notes() {
    let (dir, article, v) = sample_dir();
    let (a, v1) = (article.to_string(), v[0].to_string());
    let o = parallax(
        dir.path(),
        &[
            "highlight",
            "add",
            &a,
            "about 600 households",
            "--version",
            &v1,
            "--note",
            "county figure?",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("article.pdf");
    let o = parallax(
        dir.path(),
        &["export-article", &a, "--pdf", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&out);
    // The newest version's text, with the highlight carried over and numbered.
    assert!(text.contains("about 900 households [1]"), "{text}");
    assert!(text.contains("version 5 of 5"), "{text}");
    assert!(text.contains("sha256:"), "{text}");
    assert!(
        text.contains("edited: 600 → 900 households (highlighted in version 1)"),
        "{text}"
    );
    assert!(text.contains("Note: county figure?"), "{text}");
    // The version it was made on reads it as made: no state line.
    let on_v1 = dir.path().join("v1.pdf");
    let o = parallax(
        dir.path(),
        &[
            "export-article",
            &a,
            "--version",
            &v1,
            "--pdf",
            on_v1.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&on_v1);
    assert!(text.contains("about 600 households [1]"), "{text}");
    assert!(!text.contains("highlighted in version"), "{text}");
    // An article that does not exist is a library error and writes nothing.
    let none = dir.path().join("none.pdf");
    let o = parallax(
        dir.path(),
        &["export-article", "9999", "--pdf", none.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(8), "{}", stderr(&o));
    assert!(!none.exists());
}
