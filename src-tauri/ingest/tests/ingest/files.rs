//! Local files: good ones of each kind, several at once, and every bad input the issue lists,
//! each with its exact one-line message (the same table is in BAD_INPUT.md).

use std::path::{Path, PathBuf};

use parallax_ingest::{IngestError, read_file, read_files};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn pages() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

fn message(path: &Path) -> String {
    read_file(path, 0)
        .expect_err("this input must be refused")
        .to_string()
}

#[test]
fn bad_files_get_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            write(d, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
            "This file is not text (it looks like a PNG image); open a .txt, .md or .html file instead.",
        ),
        (
            write(d, "report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
            "This file is not text (it looks like a PDF document); open a .txt, .md or .html file instead.",
        ),
        (
            write(
                d,
                "notes.md",
                b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml",
            ),
            "This file is not text (it looks like a Word or other Office document); open a .txt, .md or .html file instead.",
        ),
        (
            write(d, "archive.txt", b"PK\x03\x04\x14\0\0\0\x08\0data.bin"),
            "This file is not text (it looks like a ZIP archive); open a .txt, .md or .html file instead.",
        ),
        (
            write(
                d,
                "random.txt",
                &[0x13, 0x00, 0xfe, 0x41, 0x00, 0x07, 0x99, 0x02],
            ),
            "This file is not text (it looks like binary data); open a .txt, .md or .html file instead.",
        ),
        (
            write(d, "empty.txt", b""),
            "The file is empty: there is no text to import.",
        ),
        (
            write(d, "blank.md", b"  \n\n\t \n"),
            "The file is empty: there is no text to import.",
        ),
        (
            write(
                d,
                "story.docx",
                b"plain words in a file with the wrong name",
            ),
            "Parallax reads .txt, .md and .html files, not .docx files.",
        ),
        (
            pages().join("section-front.html"),
            "No article text was found in this page (it looks like a list of links, such as a home or section page); open the article's own page or paste its text, or import it anyway to keep the text the page shows.",
        ),
        (
            pages().join("paywall-stub.html"),
            "No article text was found in this page (it looks like a paywall: the article is for subscribers, and the page holds only its opening); open the article's own page or paste its text, or import it anyway to keep the text the page shows.",
        ),
        (
            pages().join("cookie-wall.html"),
            "No article text was found in this page (it looks like a cookie or consent wall shown instead of the article); open the article's own page or paste its text, or import it anyway to keep the text the page shows.",
        ),
        (
            pages().join("app-shell.html"),
            "No article text was found in this page (it looks like an empty page, perhaps one built by JavaScript); open the article's own page or paste its text, or import it anyway to keep the text the page shows.",
        ),
    ];
    for (path, expected) in &cases {
        assert_eq!(&message(path), expected, "for {}", path.display());
    }

    let big = d.join("huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    assert_eq!(
        message(&big),
        "The file is 21.0 MB; Parallax imports files up to 20 MB. Split it or save only the article."
    );
    let missing = d.join("gone.txt");
    assert_eq!(
        message(&missing),
        format!("Could not read {}: no such file.", missing.display())
    );
    assert_eq!(
        message(d),
        format!(
            "Could not read {}: it is a folder, not a file.",
            d.display()
        )
    );
}

#[test]
fn latin1_text_is_decoded_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "cafe.txt",
        b"Caf\xe9 fee row\n\nOwners of the caf\xe9s on Rue Verte object to the fee.\n\nThe town hall will review it in the autumn.\n",
    );
    let c = read_file(&p, 0).unwrap();
    assert_eq!(c.title, "Café fee row");
    assert_eq!(
        c.paragraphs[0],
        "Owners of the cafés on Rue Verte object to the fee."
    );
    assert_eq!(
        c.notes,
        vec!["decoded as windows-1252 (detected; the file is not UTF-8)".to_string()]
    );
}

#[test]
fn text_and_markdown_files_become_articles() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(
        dir.path(),
        "ferry.txt",
        "Ferry returns\nBy Mira Oduya\n\nThe night ferry will run again\nfrom 1 April.\n\nThe board approved it 6-1.\n".as_bytes(),
    );
    let md = write(
        dir.path(),
        "strike.md",
        "# Tram strike\n\nBy Clara Benn\n\nDrivers **stopped** work at noon.\n\n![depot](depot.jpg)\n\n- no more than one weekend shift in four\n- a bonus of [15 per cent](https://example.org)\n".as_bytes(),
    );
    let t = read_file(&txt, 5).unwrap();
    assert_eq!(t.title, "Ferry returns");
    assert_eq!(t.byline.as_deref(), Some("Mira Oduya"));
    assert_eq!(
        t.paragraphs,
        vec![
            "The night ferry will run again from 1 April.",
            "The board approved it 6-1."
        ]
    );
    assert_eq!(t.fetched, 5);
    let m = read_file(&md, 5).unwrap();
    assert_eq!(m.title, "Tram strike");
    assert_eq!(m.byline.as_deref(), Some("Clara Benn"));
    assert_eq!(
        m.paragraphs,
        vec![
            "Drivers stopped work at noon.",
            "no more than one weekend shift in four",
            "a bonus of 15 per cent"
        ]
    );
    let html = m.html.unwrap();
    assert!(
        html.contains("<strong>stopped</strong>") && !html.contains("<img"),
        "{html}"
    );
}

#[test]
fn several_files_report_one_result_each_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "a.txt",
        b"Title here\n\nA first paragraph of text.\n",
    );
    let bad = write(dir.path(), "b.txt", b"");
    let page = pages().join("harbour-courier-ferry.html");
    let mut seen = Vec::new();
    let results = read_files(
        &[good.clone(), bad.clone(), page.clone()],
        0,
        |done, total, p| seen.push((done, total, p.to_path_buf())),
    );
    assert_eq!(results.len(), 3);
    assert!(results[0].result.is_ok());
    assert!(matches!(results[1].result, Err(IngestError::Empty)));
    assert_eq!(
        results[2].result.as_ref().unwrap().outlet.name,
        "The Harbour Courier"
    );
    assert_eq!(seen, vec![(1, 3, good), (2, 3, bad), (3, 3, page)]);
}

#[test]
fn each_page_with_no_article_can_be_imported_anyway_issue_14() {
    // The refusal names the kind of page and offers "import anyway"; taking the offer keeps the
    // words the page shows, and says why they are not an article.
    let cases = [
        (
            "section-front.html",
            "a list of links",
            "Market moves to Saturday mornings",
        ),
        (
            "paywall-stub.html",
            "a paywall",
            "This story is for subscribers.",
        ),
        (
            "cookie-wall.html",
            "a cookie or consent wall",
            "We and our partners use cookies to keep this site running.",
        ),
    ];
    for (name, kind, visible) in cases {
        let path = pages().join(name);
        let refusal = read_file(&path, 0).unwrap_err();
        assert_eq!(refusal.code(), "no_article", "{name}");
        let message = refusal.to_string();
        assert!(
            message.contains(&format!("(it looks like {kind}")),
            "{message}"
        );
        assert!(message.contains("import it anyway"), "{message}");
        let kept = parallax_ingest::files::read_file_with(&path, 0, true).unwrap();
        assert!(
            kept.paragraphs.iter().any(|p| p == visible),
            "{name}: {:?}",
            kept.paragraphs
        );
        assert!(
            kept.notes
                .iter()
                .any(|n| n.contains(&format!("it looks like {kind}"))),
            "{name}: {:?}",
            kept.notes
        );
    }
}

#[test]
fn a_page_too_large_to_analyse_is_not_offered_import_anyway_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let mut html = String::from("<html><body><article>");
    html.push_str(&"<i>x</i>".repeat(201_000));
    html.push_str("</article></body></html>");
    let path = write(dir.path(), "huge.html", html.as_bytes());
    for anyway in [false, true] {
        let e = parallax_ingest::files::read_file_with(&path, 0, anyway).unwrap_err();
        assert_eq!(e.code(), "too_many_elements");
        assert_eq!(
            e.to_string(),
            "This page is too large to analyse (over 200,000 elements); save only the article's part of it, or paste its text."
        );
    }
}
