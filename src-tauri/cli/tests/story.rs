//! `parallax story` end to end: the real binary on the sample story's three accounts and on
//! bad arguments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

fn sample(name: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../store/sample")
        .join(name);
    p.to_string_lossy().into_owned()
}

/// A library holding the sample (its story of three accounts): the folder, the story's id, the folder as text.
fn sample_library() -> (tempfile::TempDir, i64, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = parallax_store::Library::open_in_dir(dir.path()).unwrap();
    lib.load_sample_if_empty(1_773_500_000).unwrap();
    let id = lib
        .list_stories()
        .unwrap()
        .iter()
        .find(|s| s.articles.len() == 3)
        .expect("the sample story")
        .id;
    let data = dir.path().to_string_lossy().into_owned();
    (dir, id, data)
}

#[test]
fn json_names_the_accounts_and_the_disputed_evacuation_figure() {
    let (c, w, m) = (
        sample("courier.txt"),
        sample("wire.txt"),
        sample("meridian.txt"),
    );
    let o = parallax(&["story", &c, &w, &m, "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "The Kestleford Courier",
            "Northern Wire",
            "The Meridian Daily"
        ]
    );
    // The header is not a sentence.
    assert!(
        v["accounts"][0]["sentences"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("About 3,400")
    );
    let first = &v["claims"][0];
    assert_eq!(first["status"], "all");
    assert_eq!(first["cells"].as_array().unwrap().len(), 3);
    let figure = first["disputes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["facet"] == "number")
        .expect("a number dispute");
    let texts: Vec<&str> = figure["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"3,400 Kestleford residents"), "{texts:?}");
    assert!(texts.contains(&"2,100 people"), "{texts:?}");
    assert_eq!(v["summary"]["accounts"], 3);
    assert!(
        v["summary"]["text"]
            .as_str()
            .unwrap()
            .starts_with("3 accounts · ")
    );
}

#[test]
fn text_and_markdown_use_the_given_names() {
    let (c, w) = (sample("courier.txt"), sample("wire.txt"));
    let o = parallax(&["story", &c, &w, "--names", "Courier,Wire"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("2 accounts · "), "{out}");
    assert!(
        out.contains("disputed number: 3,400 Kestleford residents (Courier) / 2,100 people (Wire)"),
        "{out}"
    );
    let o = parallax(&["story", &c, &w, "--names", "Courier,Wire", "--format", "md"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("| # | Courier | Wire | Disputed |"), "{out}");
}

#[test]
fn bad_arguments_say_what_to_do() {
    let c = sample("courier.txt");
    let o = parallax(&["story", &c]);
    assert_eq!(o.status.code(), Some(2));
    let o = parallax(&["story", &c, &c, "--names", "One"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Give one name per account"));
    let o = parallax(&["story", &c, "/no/such/account.txt"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file"));
}

#[test]
fn a_library_story_is_read_from_its_articles() {
    let (_dir, id, data) = sample_library();
    let o = parallax(&[
        "story",
        "--story",
        &id.to_string(),
        "--data-dir",
        &data,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut names: Vec<&str> = v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Northern Wire",
            "The Kestleford Courier",
            "The Meridian Daily"
        ]
    );
    let disputed = v["claims"].as_array().unwrap().iter().any(|c| {
        c["disputes"].as_array().unwrap().iter().any(|d| {
            let t: Vec<&str> = d["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["text"].as_str().unwrap())
                .collect();
            t.iter().any(|x| x.starts_with("3,400")) && t.iter().any(|x| x.starts_with("2,100"))
        })
    });
    assert!(disputed, "no row disputes 3,400 against 2,100");
    // The library knows when each account came out: the Courier, published first, reported
    // the opening claim first.
    assert_eq!(v["claims"][0]["first"], serde_json::json!([0]));
    let o = parallax(&["story", "--story", &id.to_string(), "--data-dir", &data]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("reported first by The Kestleford Courier"),
        "{out}"
    );
    let o = parallax(&["story", "--story", "999999", "--data-dir", &data]);
    assert_eq!(o.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&o.stderr).contains("No story with id 999999"));
}

#[test]
fn pdf_and_markdown_exports_name_the_outlets_and_the_disputed_figure() {
    let (c, w, m) = (
        sample("courier.txt"),
        sample("wire.txt"),
        sample("meridian.txt"),
    );
    let dir = tempfile::tempdir().unwrap();
    let (pdf, md) = (dir.path().join("story.pdf"), dir.path().join("story.md"));
    let o = parallax(&[
        "story",
        &c,
        &w,
        &m,
        "--pdf",
        pdf.to_str().unwrap(),
        "--md",
        md.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("3 accounts · "),
        "stdout still has the listing"
    );
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(
        md.contains("| # | The Kestleford Courier | Northern Wire | The Meridian Daily |"),
        "{md}"
    );
    assert!(
        md.contains("Number disputed: 3,400 Kestleford residents (The Kestleford Courier)"),
        "{md}"
    );
    // Each file's provenance: the SHA-256 of its bytes, checkable with sha256sum.
    assert!(md.contains("content hash `sha256:"), "{md}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for outlet in [
        "The Kestleford Courier",
        "Northern Wire",
        "The Meridian Daily",
    ] {
        assert!(text.contains(outlet), "{outlet} not in the PDF");
    }
    assert!(text.contains("2,100 people (Northern Wire)"), "{text}");
    // A folder that does not exist: a clear error, exit 6, no file.
    let o = parallax(&["story", &c, &w, "--pdf", "/no/such/folder/s.pdf"]);
    assert_eq!(
        o.status.code(),
        Some(6),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not exist"));
}

#[test]
fn a_library_story_exports_with_each_versions_provenance() {
    let (dir, id, data) = sample_library();
    let md = dir.path().join("story.md");
    let o = parallax(&[
        "story",
        "--story",
        &id.to_string(),
        "--data-dir",
        &data,
        "--md",
        md.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(
        md.starts_with("# Orrin Dam spillway failure"),
        "the story's title: {md}"
    );
    assert!(
        md.contains("https://northernwire.example/"),
        "the stored URL: {md}"
    );
    assert!(md.contains("published: 2026-03-14T07:20:00Z"), "{md}");
}

#[test]
fn version_picks_which_text_of_a_revised_article_takes_part() {
    let (dir, id, data) = sample_library();
    let mut lib = parallax_store::Library::open_in_dir(dir.path()).unwrap();
    // The sample's revised article (five versions) joins the story as a fourth account.
    let (article, versions) = lib
        .list_articles()
        .unwrap()
        .iter()
        .map(|a| (a.id, lib.versions_of(a.id).unwrap()))
        .find(|(_, v)| v.len() > 1)
        .expect("the sample has a revised article");
    lib.add_to_story(id, article, 1_773_500_100).unwrap();
    let first = lib.get_version(versions[0].id).unwrap();
    let last = lib.latest_version(article).unwrap();
    // The opening of a paragraph of version 1 that no paragraph of the latest version has.
    let opening = |p: &String| -> String { p.chars().take(40).collect() };
    let gone: String = first
        .paragraphs
        .iter()
        .map(opening)
        .find(|o| !last.paragraphs.iter().any(|p| p.contains(o.as_str())))
        .expect("the revisions rewrite a paragraph");
    let id_s = id.to_string();
    // Every sentence of every account, in the JSON.
    let sentences_of = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["story", "--story", id_s.as_str()];
        args.extend_from_slice(&["--data-dir", &data, "--format", "json"]);
        args.extend_from_slice(extra);
        let o = parallax(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["accounts"].as_array().unwrap().len(), 4);
        v["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a["sentences"].as_array().unwrap().clone())
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    let pick = format!("{article}=1");
    let has = |all: &[String]| all.iter().any(|s| s.starts_with(&gone));
    assert!(
        has(&sentences_of(&["--version", &pick])),
        "version 1 takes part"
    );
    assert!(!has(&sentences_of(&[])), "the latest version by default");

    // A version the article lacks, a malformed pick, and a pick without --story.
    let with_pick = |p: &str| {
        parallax(&[
            "story",
            "--story",
            &id_s,
            "--data-dir",
            &data,
            "--version",
            p,
        ])
    };
    let o = with_pick(&format!("{article}={}", versions.len() + 1));
    assert_eq!(o.status.code(), Some(8));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("pick one from 1 to {}", versions.len())),
        "{err}"
    );
    let o = with_pick("two");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected ARTICLE=N"));
    let c = sample("courier.txt");
    let o = parallax(&["story", &c, &c, "--version", &pick]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("give --story ID too"));
}
