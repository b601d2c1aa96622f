//! Issue 11: trash with undo; read and archive marks; outlet rename, merge and undo; backup while
//! open; outlet counts. The list's pages, sorts and filters are in `paging.rs`.

use parallax_store::{ErrorKind, Library, LibraryQuery, Shelf, TRASH_DAYS};

use crate::common::{article, temp_library, text};

/// Ten articles over three outlets, fetched at 1000, 1100, … ; article i has 1 + (i % 3)
/// versions, so "most revised" differs from "newest".
pub(crate) fn shelf_library() -> (tempfile::TempDir, Library, Vec<i64>) {
    let (dir, mut lib) = temp_library();
    let outlets = ["Alder Post", "Birch Ledger", "Cedar Wire"];
    let mut ids = Vec::new();
    for i in 0..10i64 {
        let outlet = outlets[(i % 3) as usize];
        let url = format!("https://{}.example/{i}", i % 3);
        let a = article(outlet, Some(&url));
        let t = 1000 + i * 100;
        let first = lib
            .add_article(
                &a,
                &text(&format!("Story {i}"), &[&format!("Body {i}.")], t),
            )
            .unwrap();
        for v in 1..=(i % 3) {
            lib.add_article(
                &a,
                &text(&format!("Story {i}"), &[&format!("Body {i} v{v}.")], t + v),
            )
            .unwrap();
        }
        ids.push(first.article_id);
    }
    (dir, lib, ids)
}

pub(crate) fn page(lib: &Library, q: LibraryQuery) -> (i64, Vec<i64>) {
    let p = lib.library_page(&q).unwrap();
    (p.total, p.articles.iter().map(|a| a.id).collect())
}

pub(crate) fn q(limit: i64) -> LibraryQuery {
    LibraryQuery {
        limit,
        ..Default::default()
    }
}

#[test]
fn archive_moves_articles_off_the_main_shelf() {
    let (_d, mut lib, ids) = shelf_library();
    lib.set_archived(&[ids[0]], true, 9).unwrap();
    let (total, rows) = page(&lib, q(20));
    assert_eq!(total, 9);
    assert!(!rows.contains(&ids[0]));
    let (total, rows) = page(
        &lib,
        LibraryQuery {
            shelf: Shelf::Archive,
            ..q(20)
        },
    );
    assert_eq!((total, rows), (1, vec![ids[0]]));
    assert!(lib.get_article(ids[0]).unwrap().archived);
    assert_eq!(
        lib.search("Body 0", 10).unwrap().len(),
        1,
        "archived stays searchable"
    );
}

#[test]
fn trashing_an_article_hides_it_everywhere_and_undo_restores_all() {
    // Undo must bring back exactly what was there: versions, highlights, stories, search.
    let (_d, mut lib, ids) = shelf_library();
    let victim = ids[5];
    let story = lib.create_story("S", 0).unwrap();
    lib.add_to_story(story, victim, 0).unwrap();
    let before = lib.get_article(victim).unwrap();
    lib.trash_articles(&[victim], 10_000).unwrap();

    assert_eq!(page(&lib, q(50)).0, 9);
    assert!(
        lib.search("Body 5", 10).unwrap().is_empty(),
        "not found while trashed"
    );
    assert!(lib.list_articles().unwrap().iter().all(|a| a.id != victim));
    assert_eq!(lib.get_story(story).unwrap().articles.len(), 0);
    let (_, trash) = page(
        &lib,
        LibraryQuery {
            shelf: Shelf::Trash,
            ..q(50)
        },
    );
    assert_eq!(trash, vec![victim]);

    lib.restore_articles(&[victim]).unwrap();
    assert_eq!(lib.get_article(victim).unwrap(), before);
    assert_eq!(lib.search("Body 5", 10).unwrap().len(), 1);
    assert_eq!(lib.get_story(story).unwrap().articles.len(), 1);
}

#[test]
fn the_trash_keeps_thirty_days_unless_emptied_on_request() {
    let (_d, mut lib, ids) = shelf_library();
    let day = 86_400;
    lib.trash_articles(&[ids[0]], 0).unwrap();
    lib.trash_articles(&[ids[1]], 20 * day).unwrap();
    let emptied = lib.empty_trash(31 * day, TRASH_DAYS).unwrap();
    assert_eq!(emptied.articles, 1, "only the one trashed over 30 days ago");
    assert_eq!(
        lib.get_article(ids[0]).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    lib.get_article(ids[1]).unwrap();
    assert_eq!(lib.empty_trash(31 * day, 0).unwrap().articles, 1);
    assert_eq!(page(&lib, q(50)).0, 8);
    assert_eq!(
        lib.list_outlets()
            .unwrap()
            .iter()
            .map(|o| o.article_count)
            .sum::<i64>(),
        8
    );
}

#[test]
fn one_version_goes_to_the_trash_and_comes_back_with_its_highlight() {
    let (_d, mut lib, ids) = shelf_library();
    let id = ids[2]; // three versions
    let versions = lib.versions_of(id).unwrap();
    let latest = versions.last().unwrap().id;
    let hl = lib
        .add_highlight(
            &parallax_store::NewHighlight {
                version_id: latest,
                quote: "Body".into(),
                prefix: String::new(),
                suffix: String::new(),
                sentence_index: Some(0),
                colour: parallax_store::Colour::Yellow,
                note: Some("kept".into()),
            },
            7,
        )
        .unwrap();

    lib.trash_version(latest, 100).unwrap();
    let a = lib.get_article(id).unwrap();
    assert_eq!(a.version_count, 2);
    assert_eq!(a.latest_version_id, versions[1].id, "the latest moves back");
    assert!(
        lib.search("Body 2 v2", 10).unwrap().is_empty(),
        "FTS forgets it"
    );
    assert_eq!(lib.trashed_versions(id).unwrap().len(), 1);

    lib.restore_version(latest).unwrap();
    let a = lib.get_article(id).unwrap();
    assert_eq!((a.version_count, a.latest_version_id), (3, latest));
    assert_eq!(lib.highlights_of(latest).unwrap(), vec![hl]);
    assert_eq!(lib.search("Body 2 v2", 10).unwrap().len(), 1);

    let only = lib.versions_of(ids[0]).unwrap()[0].id;
    let e = lib.trash_version(only, 1).unwrap_err();
    assert!(e.to_string().contains("trash instead"), "{e}");
}

#[test]
fn outlets_are_renamed_and_merged() {
    let (_d, mut lib, _) = shelf_library();
    let o = lib.list_outlets().unwrap();
    let (alder, birch) = (o[0].id, o[1].id);
    let e = lib.rename_outlet(alder, "birch ledger").unwrap_err();
    assert!(e.to_string().contains("merge"), "{e}");
    lib.rename_outlet(alder, "Alder Evening Post").unwrap();

    lib.merge_outlets(birch, alder).unwrap();
    let o = lib.list_outlets().unwrap();
    assert_eq!(o.len(), 2);
    assert_eq!(o[0].name, "Alder Evening Post");
    assert_eq!(o[0].article_count, 4 + 3);
    let merged = lib.library_page(&LibraryQuery {
        outlet_id: Some(alder),
        ..q(50)
    });
    assert_eq!(merged.unwrap().total, 7);
    assert!(lib.merge_outlets(alder, alder).is_err());
}

#[test]
fn a_merge_is_undone_and_only_its_articles_go_back() {
    let (_d, mut lib, _) = shelf_library();
    let before = lib.list_outlets().unwrap();
    let (alder, birch) = (before[0].id, before[1].id);
    let birch_articles: Vec<i64> = lib
        .articles_of_outlet(birch)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    let merge = lib.merge_outlets(birch, alder).unwrap();
    assert_eq!(merge.from_name, "Birch Ledger");
    let mut moved = merge.article_ids.clone();
    moved.sort_unstable();
    let mut expected = birch_articles.clone();
    expected.sort_unstable();
    assert_eq!(moved, expected);
    // An article imported into the merged outlet afterwards stays where it was put.
    let later = lib
        .add_article(
            &article("Alder Post", None),
            &text("Later", &["Later words."], 5_000),
        )
        .unwrap()
        .article_id;
    let restored = lib.undo_merge(&merge).unwrap();
    assert_eq!(restored, birch, "the outlet comes back under its own id");
    let after = lib.list_outlets().unwrap();
    assert_eq!(
        after
            .iter()
            .map(|o| (o.id, o.name.clone(), o.domain.clone()))
            .collect::<Vec<_>>(),
        before
            .iter()
            .map(|o| (o.id, o.name.clone(), o.domain.clone()))
            .collect::<Vec<_>>()
    );
    let mut back: Vec<i64> = lib
        .articles_of_outlet(birch)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    back.sort_unstable();
    assert_eq!(back, expected);
    assert_eq!(lib.get_article(later).unwrap().outlet_id, alder);
    assert_eq!(lib.search("Body 1", 10).unwrap()[0].outlet, "Birch Ledger");

    // A name taken again meanwhile refuses the undo and changes nothing.
    let merge = lib.merge_outlets(birch, alder).unwrap();
    lib.rename_outlet(alder, "birch ledger").unwrap();
    let e = lib.undo_merge(&merge).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("rename it first"), "{e}");
    assert_eq!(lib.list_outlets().unwrap().len(), 2);
}

#[test]
fn undoing_a_merge_gives_the_domain_back() {
    let (_d, mut lib) = temp_library();
    let bare = lib
        .add_article(
            &parallax_store::NewArticle {
                outlet_name: "Fern Daily".into(),
                outlet_domain: None,
                url: None,
            },
            &text("One", &["Words one."], 1),
        )
        .unwrap();
    let dom = lib
        .add_article(
            &parallax_store::NewArticle {
                outlet_name: "Fern Evening".into(),
                outlet_domain: Some("fern-evening.example".into()),
                url: None,
            },
            &text("Two", &["Words two."], 2),
        )
        .unwrap();
    let (into, from) = (
        lib.get_article(bare.article_id).unwrap().outlet_id,
        lib.get_article(dom.article_id).unwrap().outlet_id,
    );
    let merge = lib.merge_outlets(from, into).unwrap();
    assert!(merge.took_domain);
    let domain_of = |lib: &Library, id: i64| {
        lib.list_outlets()
            .unwrap()
            .into_iter()
            .find(|o| o.id == id)
            .unwrap()
            .domain
    };
    assert_eq!(
        domain_of(&lib, into).as_deref(),
        Some("fern-evening.example")
    );
    lib.undo_merge(&merge).unwrap();
    assert_eq!(domain_of(&lib, into), None);
    assert_eq!(
        domain_of(&lib, from).as_deref(),
        Some("fern-evening.example")
    );
    assert_eq!(lib.get_article(dom.article_id).unwrap().outlet_id, from);
}

#[test]
fn a_backup_made_while_open_opens_as_a_library() {
    let (dir, mut lib, ids) = shelf_library();
    lib.trash_articles(&[ids[0]], 1).unwrap();
    let out = dir.path().join("copy.parallax");
    let bytes = lib.backup_to(&out).unwrap();
    assert!(bytes > 0);
    assert!(
        !dir.path().join("copy.parallax-wal").exists(),
        "a single file"
    );
    // The original keeps working after the backup.
    lib.mark_read(&[ids[1]], true, 2).unwrap();

    let copy = Library::open(&out).unwrap();
    assert_eq!(copy.library_page(&q(50)).unwrap().total, 9);
    assert_eq!(copy.search("Body 3", 5).unwrap().len(), 1);
    assert!(
        !copy.get_article(ids[1]).unwrap().read,
        "a snapshot of then"
    );

    let e = lib.backup_to(&out).unwrap_err();
    assert!(e.to_string().contains("already exists"), "{e}");
}

#[test]
fn a_library_from_before_issue_11_gets_its_latest_versions_filled_in() {
    // Upgrading must not show every old article as "0 versions" or drop it from the pages.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../../src/migrations/0001_library.sql"))
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let hash = |c: char| c.to_string().repeat(64);
        conn.execute_batch(&format!(
            "INSERT INTO outlet (id, name) VALUES (1, 'Old Gazette');
             INSERT INTO article (id, outlet_id, first_seen) VALUES (1, 1, 10), (2, 1, 20);
             INSERT INTO version (id, article_id, title, fetched, body, content_hash, source_kind)
             VALUES (1, 1, 'First', 10, 'a', '{}', 'paste'),
                    (2, 1, 'First, revised', 30, 'b', '{}', 'paste'),
                    (3, 2, 'Second', 20, 'c', '{}', 'paste');",
            hash('a'),
            hash('b'),
            hash('c')
        ))
        .unwrap();
    }
    let lib = Library::open(&path).unwrap();
    let p = lib.library_page(&q(10)).unwrap();
    let rows: Vec<(i64, &str, i64, i64)> = p
        .articles
        .iter()
        .map(|a| (a.id, a.title.as_str(), a.version_count, a.latest_version_id))
        .collect();
    assert_eq!(rows, vec![(1, "First, revised", 2, 2), (2, "Second", 1, 3)]);
}

#[test]
fn outlet_counts_follow_every_change_to_articles() {
    // The counts are kept by triggers; after each kind of change they equal a recount.
    let (_d, mut lib, ids) = shelf_library();
    let agree = |lib: &Library, when: &str| {
        for o in lib.list_outlets().unwrap() {
            let recount = lib.articles_of_outlet(o.id).unwrap().len() as i64;
            assert_eq!(o.article_count, recount, "{} after {when}", o.name);
        }
    };
    agree(&lib, "import");
    lib.trash_articles(&ids[0..3], 50).unwrap();
    agree(&lib, "trash");
    lib.trash_articles(&ids[0..1], 60).unwrap();
    agree(&lib, "trash again");
    lib.restore_articles(&ids[1..2]).unwrap();
    agree(&lib, "restore");
    lib.set_archived(&ids[4..6], true, 70).unwrap();
    agree(&lib, "archive");
    let o = lib.list_outlets().unwrap();
    let merge = lib.merge_outlets(o[2].id, o[0].id).unwrap();
    agree(&lib, "merge");
    lib.undo_merge(&merge).unwrap();
    agree(&lib, "undo merge");
    lib.delete_article(ids[7]).unwrap();
    agree(&lib, "delete");
    lib.empty_trash(1_000_000_000, 0).unwrap();
    agree(&lib, "empty trash");
    lib.add_article(
        &article("Alder Post", None),
        &text("New", &["New words."], 9_999),
    )
    .unwrap();
    agree(&lib, "another import");
}
