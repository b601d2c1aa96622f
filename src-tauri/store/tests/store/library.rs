//! Articles, versions, dedupe, outlets, stories, highlights and referential integrity.

use parallax_store::{AddOutcome, Colour, ErrorKind, Library, NewHighlight};

use crate::common::{article, temp_library, text};

#[test]
fn identical_text_is_not_stored_twice() {
    // Re-fetching an unchanged page is the common case; storing it again would flood the
    // history with empty revisions (issue 2: "an identical text is not stored twice").
    let (_dir, mut lib) = temp_library();
    let a = article("Courier", Some("https://courier.example/a"));
    let first = lib
        .add_article(
            &a,
            &text("Gate fails", &["Water rose.", "People left."], 100),
        )
        .unwrap();
    assert_eq!(first.outcome, AddOutcome::NewArticle);

    // Same words, different whitespace and a later fetch: still the same text.
    let again = lib
        .add_article(
            &a,
            &text("Gate  fails ", &["Water\nrose.", "", " People left."], 200),
        )
        .unwrap();
    assert_eq!(again.outcome, AddOutcome::Duplicate);
    assert_eq!(
        again.version_id, first.version_id,
        "a duplicate names the version holding the text"
    );

    let changed = lib
        .add_article(
            &a,
            &text("Gate fails", &["Water rose.", "People fled."], 300),
        )
        .unwrap();
    assert_eq!(changed.outcome, AddOutcome::NewVersion);
    assert_eq!(
        changed.article_id, first.article_id,
        "same URL, same article"
    );

    let list = lib.list_articles().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].version_count, 2, "the duplicate added no version");
    assert_eq!(list[0].latest_version_id, changed.version_id);
    assert_eq!(list[0].latest_fetched, 300);
    assert_eq!(list[0].first_seen, 100);
    let by_url = lib
        .article_by_url("https://courier.example/a")
        .unwrap()
        .unwrap();
    assert_eq!(
        by_url.id, first.article_id,
        "ingest finds the article to re-check by URL"
    );
    assert!(
        lib.article_by_url("https://courier.example/none")
            .unwrap()
            .is_none()
    );
}

#[test]
fn pasted_duplicates_without_url_are_recognised() {
    // Issue 6 bad input: "a duplicate import (recognised and reported, not stored twice)" —
    // pasted text has no URL, so identity falls back to outlet + text.
    let mut lib = Library::open_in_memory().unwrap();
    let a = article("Wire", None);
    let first = lib
        .add_article(&a, &text("Strike", &["Dockers walked out."], 10))
        .unwrap();
    let second = lib
        .add_article(&a, &text("Strike", &["Dockers walked out."], 20))
        .unwrap();
    assert_eq!(second.outcome, AddOutcome::Duplicate);
    assert_eq!(second.article_id, first.article_id);
    let other = lib
        .add_article(
            &article("Courier", None),
            &text("Strike", &["Dockers walked out."], 30),
        )
        .unwrap();
    assert_eq!(
        other.outcome,
        AddOutcome::NewArticle,
        "another outlet's identical text is its own article"
    );
}

#[test]
fn versions_read_back_exactly_and_in_order() {
    // The compare view diffs stored paragraphs; they must come back as written (spacing
    // included) and numbered in fetch order.
    let mut lib = Library::open_in_memory().unwrap();
    let a = article("Courier", Some("https://courier.example/b"));
    let v1 = lib
        .add_article(&a, &text("T", &["One  two.", "Three."], 100))
        .unwrap();
    let v2 = lib
        .add_version(v1.article_id, &text("T2", &["One two.", "Three."], 200))
        .unwrap();
    assert_eq!(v2.outcome, AddOutcome::NewVersion);

    let infos = lib.versions_of(v1.article_id).unwrap();
    assert_eq!(
        infos.iter().map(|v| (v.id, v.number)).collect::<Vec<_>>(),
        vec![(v1.version_id, 1), (v2.version_id, 2)]
    );
    let full = lib.get_version(v1.version_id).unwrap();
    assert_eq!(
        full.paragraphs,
        vec!["One  two.", "Three."],
        "double space kept for display"
    );
    assert_eq!(full.info.byline.as_deref(), Some("By A. Reporter"));
    assert_eq!(full.version_count, 2);
    assert_eq!(full.outlet, "Courier");
    assert_eq!(full.info.content_hash.len(), 64);
    assert_eq!(lib.latest_version(v1.article_id).unwrap().info.title, "T2");
    assert_eq!(
        lib.get_version(9_999).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        lib.add_version(9_999, &text("x", &["y"], 1))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn empty_text_is_refused() {
    // Issue 6: empty files must give a clear message and store nothing.
    let mut lib = Library::open_in_memory().unwrap();
    let err = lib
        .add_article(&article("Courier", None), &text("Title", &["  ", ""], 1))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = lib
        .add_article(&article("Courier", None), &text(" ", &["Body"], 1))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        lib.list_articles().unwrap().is_empty(),
        "nothing partial stored"
    );
    assert!(
        lib.list_outlets().unwrap().is_empty(),
        "not even the outlet"
    );
}

#[test]
fn outlets_are_found_by_domain_then_name() {
    // "www." and case variations are one publication; splitting them would break the
    // outlet list and story comparisons.
    let mut lib = Library::open_in_memory().unwrap();
    let mut a = article("Courier", Some("https://courier.example/1"));
    a.outlet_domain = Some("WWW.Courier.example".into());
    lib.add_article(&a, &text("A", &["a"], 1)).unwrap();
    let mut b = article("The Courier (site)", Some("https://courier.example/2"));
    b.outlet_domain = Some("courier.example".into());
    lib.add_article(&b, &text("B", &["b"], 2)).unwrap();
    let mut c = article("courier", None);
    c.outlet_domain = None;
    lib.add_article(&c, &text("C", &["c"], 3)).unwrap();
    let outlets = lib.list_outlets().unwrap();
    assert_eq!(outlets.len(), 1, "{outlets:?}");
    assert_eq!(outlets[0].domain.as_deref(), Some("courier.example"));
    assert_eq!(outlets[0].article_count, 3);
    assert_eq!(lib.articles_of_outlet(outlets[0].id).unwrap().len(), 3);
}

#[test]
fn foreign_keys_are_enforced() {
    // A version, highlight or story link pointing at nothing would crash the reader later;
    // SQLite only checks references when foreign_keys is on for the connection.
    let (dir, mut lib) = temp_library();
    let added = lib
        .add_article(
            &article("Courier", Some("https://c.example/x")),
            &text("T", &["p"], 1),
        )
        .unwrap();
    let story = lib.create_story("S", 5).unwrap();
    lib.add_to_story(story, added.article_id, 5).unwrap();
    lib.add_highlight(
        &NewHighlight {
            version_id: added.version_id,
            quote: "p".into(),
            prefix: String::new(),
            suffix: String::new(),
            sentence_index: Some(0),
            colour: Colour::Yellow,
            note: None,
        },
        6,
    )
    .unwrap();
    drop(lib);

    // Raw SQL through a second connection opened the way the store opens it.
    let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let orphan = conn.execute(
        "INSERT INTO version (article_id, title, body, fetched, content_hash, source_kind)
         VALUES (4242, 't', 'b', 1, printf('%064d', 1), 'paste')",
        [],
    );
    let err = orphan.expect_err("a version of a missing article must be refused");
    assert!(
        err.to_string().contains("FOREIGN KEY"),
        "refused by the foreign key: {err}"
    );

    // Deleting the article cascades to its versions, highlights, FTS rows and story links.
    let mut lib = Library::open(&dir.path().join("library.sqlite3")).unwrap();
    lib.delete_article(added.article_id).unwrap();
    assert!(lib.list_articles().unwrap().is_empty());
    assert!(
        lib.get_story(story).unwrap().articles.is_empty(),
        "story link removed"
    );
    assert!(
        lib.highlights_of(added.version_id).unwrap().is_empty(),
        "highlight removed"
    );
    assert!(
        lib.search("p", 10).unwrap().is_empty(),
        "FTS row removed with the version"
    );
    let fk_errors: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_errors, 0);
}

#[test]
fn versions_are_immutable() {
    // A version is evidence of what was published; changing it in place would falsify
    // the history the compare view shows.
    let (dir, mut lib) = temp_library();
    lib.add_article(&article("Courier", None), &text("T", &["p"], 1))
        .unwrap();
    drop(lib);
    let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
    let err = conn
        .execute("UPDATE version SET title = 'forged'", [])
        .unwrap_err();
    assert!(err.to_string().contains("immutable"), "{err}");
}

#[test]
fn stories_group_articles() {
    // Stories drive the multi-outlet view; membership must be exact and ordered.
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib
        .add_article(&article("Courier", None), &text("A", &["a"], 1))
        .unwrap();
    let b = lib
        .add_article(&article("Wire", None), &text("B", &["b"], 2))
        .unwrap();
    let s = lib.create_story("Port strike", 10).unwrap();
    assert!(lib.add_to_story(s, b.article_id, 11).unwrap());
    assert!(lib.add_to_story(s, a.article_id, 12).unwrap());
    assert!(
        !lib.add_to_story(s, a.article_id, 13).unwrap(),
        "adding twice is a no-op"
    );
    let story = lib.get_story(s).unwrap();
    assert_eq!(
        story.articles.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![b.article_id, a.article_id]
    );
    assert_eq!(lib.stories_of(a.article_id).unwrap(), vec![s]);
    assert!(lib.remove_from_story(s, b.article_id).unwrap());
    lib.rename_story(s, "Port strike, day 2").unwrap();
    let stories = lib.list_stories().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].title, "Port strike, day 2");
    assert_eq!(stories[0].articles.len(), 1);
    assert_eq!(
        lib.add_to_story(s, 999, 1).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        lib.create_story("  ", 1).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    lib.delete_story(s).unwrap();
    assert_eq!(
        lib.list_articles().unwrap().len(),
        2,
        "deleting a story keeps its articles"
    );
}

#[test]
fn highlights_keep_their_anchor() {
    // Highlights are re-anchored on other versions by quote + context, so all three must
    // survive storage exactly.
    let mut lib = Library::open_in_memory().unwrap();
    let v = lib
        .add_article(
            &article("Courier", None),
            &text("T", &["The gate failed at 2:40 a.m."], 1),
        )
        .unwrap();
    let h = lib
        .add_highlight(
            &NewHighlight {
                version_id: v.version_id,
                quote: "failed at 2:40".into(),
                prefix: "The gate ".into(),
                suffix: " a.m.".into(),
                sentence_index: Some(0),
                colour: Colour::Pink,
                note: Some("check time".into()),
            },
            50,
        )
        .unwrap();
    assert_eq!(lib.highlights_of(v.version_id).unwrap(), vec![h.clone()]);
    assert_eq!(lib.highlights_of_article(v.article_id).unwrap().len(), 1);
    lib.set_highlight_note(h.id, None).unwrap();
    assert_eq!(lib.highlights_of(v.version_id).unwrap()[0].note, None);
    lib.delete_highlight(h.id).unwrap();
    assert!(lib.highlights_of(v.version_id).unwrap().is_empty());
    assert_eq!(
        lib.delete_highlight(h.id).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}
