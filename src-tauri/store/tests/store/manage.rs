//! Issue 11: the library view's pages, sorts and filters in SQL; trash with undo; read and
//! archive marks; outlet rename and merge; backup while open.

use parallax_store::{ErrorKind, Library, LibraryQuery, LibrarySort, MAX_PAGE, Shelf, TRASH_DAYS};

use crate::common::{article, temp_library, text};

/// Ten articles over three outlets, fetched at 1000, 1100, … ; article i has 1 + (i % 3)
/// versions, so "most revised" differs from "newest".
fn shelf_library() -> (tempfile::TempDir, Library, Vec<i64>) {
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

fn page(lib: &Library, q: LibraryQuery) -> (i64, Vec<i64>) {
    let p = lib.library_page(&q).unwrap();
    (p.total, p.articles.iter().map(|a| a.id).collect())
}

fn q(limit: i64) -> LibraryQuery {
    LibraryQuery {
        limit,
        ..Default::default()
    }
}

#[test]
fn pages_cover_the_list_once_in_order() {
    // The view loads rows a page at a time as the reader scrolls; pages must join into the
    // whole list with nothing skipped or repeated, and the total must size the scrollbar.
    let (_d, lib, ids) = shelf_library();
    let mut seen = Vec::new();
    for offset in (0..10).step_by(4) {
        let (total, rows) = page(&lib, LibraryQuery { offset, ..q(4) });
        assert_eq!(total, 10);
        seen.extend(rows);
    }
    let newest_first: Vec<i64> = ids.iter().rev().copied().collect();
    assert_eq!(seen, newest_first);
    let (_, empty) = page(&lib, LibraryQuery { offset: 50, ..q(4) });
    assert!(
        empty.is_empty(),
        "past the end is an empty page, not an error"
    );
}

#[test]
fn bad_windows_are_refused_with_a_message() {
    // A UI bug asking for a million rows must show up, not freeze the window.
    let (_d, lib, _) = shelf_library();
    for bad in [q(0), q(MAX_PAGE + 1), LibraryQuery { offset: -1, ..q(5) }] {
        let e = lib.library_page(&bad).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.to_string().contains("rows"), "{e}");
    }
}

#[test]
fn sorts_run_in_sql() {
    let (_d, lib, ids) = shelf_library();
    let (_, by_revised) = page(
        &lib,
        LibraryQuery {
            sort: LibrarySort::MostRevised,
            ..q(10)
        },
    );
    // Articles 2, 5, 8 have three versions; newest of them first.
    assert_eq!(&by_revised[..3], &[ids[8], ids[5], ids[2]]);
    let p = lib
        .library_page(&LibraryQuery {
            sort: LibrarySort::Outlet,
            ..q(10)
        })
        .unwrap();
    let outlets: Vec<&str> = p.articles.iter().map(|a| a.outlet.as_str()).collect();
    let mut sorted = outlets.clone();
    sorted.sort();
    assert_eq!(outlets, sorted, "grouped by outlet name");
    assert_eq!(p.articles[0].id, ids[9], "newest first within an outlet");
}

#[test]
fn filters_combine_and_counts_follow_them() {
    let (_d, mut lib, ids) = shelf_library();
    let outlet = lib.list_outlets().unwrap()[1].id; // Birch Ledger: articles 1, 4, 7
    let (total, rows) = page(
        &lib,
        LibraryQuery {
            outlet_id: Some(outlet),
            ..q(10)
        },
    );
    assert_eq!((total, rows), (3, vec![ids[7], ids[4], ids[1]]));

    let (total, _) = page(
        &lib,
        LibraryQuery {
            revised_only: true,
            ..q(10)
        },
    );
    assert_eq!(total, 6, "articles with more than one version");

    lib.mark_read(&[ids[7], ids[1]], true, 5000).unwrap();
    let (total, rows) = page(
        &lib,
        LibraryQuery {
            outlet_id: Some(outlet),
            unread_only: true,
            ..q(10)
        },
    );
    assert_eq!((total, rows), (1, vec![ids[4]]));

    let story = lib.create_story("Ferry", 0).unwrap();
    lib.add_to_story(story, ids[3], 1).unwrap();
    lib.add_to_story(story, ids[4], 2).unwrap();
    let (total, rows) = page(
        &lib,
        LibraryQuery {
            story_id: Some(story),
            outlet_id: Some(outlet),
            ..q(10)
        },
    );
    assert_eq!(
        (total, rows),
        (1, vec![ids[4]]),
        "story and outlet together"
    );
    let (total, rows) = page(
        &lib,
        LibraryQuery {
            loose_only: true,
            ..q(10)
        },
    );
    assert_eq!(
        total, 8,
        "the two story articles are listed with their story"
    );
    assert!(!rows.contains(&ids[3]) && !rows.contains(&ids[4]));
    assert_eq!(lib.story_heads(10).unwrap()[0].article_count, 2);
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

#[test]
fn the_first_screen_counts_only_so_far_and_the_exact_count_comes_after() {
    let (_d, lib, _) = shelf_library();
    let (page, exact) = lib.library_page_counted_to(&q(2), 5).unwrap();
    assert_eq!((page.total, exact, page.articles.len()), (5, false, 2));
    assert_eq!(page.articles, lib.library_page(&q(2)).unwrap().articles);
    let (page, exact) = lib.library_page_counted_to(&q(2), 100).unwrap();
    assert_eq!((page.total, exact), (10, true));
    assert_eq!(lib.library_count(&q(2)).unwrap(), 10);
    let one = LibraryQuery {
        outlet_id: Some(lib.list_outlets().unwrap()[0].id),
        ..q(2)
    };
    assert_eq!(
        lib.library_count(&one).unwrap(),
        lib.library_page(&one).unwrap().total
    );
    // A deep window still counts its own rows, whatever the count stopped at.
    let deep = LibraryQuery { offset: 8, ..q(5) };
    let (page, exact) = lib.library_page_counted_to(&deep, 3).unwrap();
    assert_eq!((page.total, exact, page.articles.len()), (10, false, 2));
}

#[test]
fn pages_after_a_row_are_the_pages_at_an_offset() {
    // Keyset paging gives the same rows as offset paging, for each order it serves and under
    // filters; the outlet order and a vanished row fall back to the offset.
    let (_d, mut lib, ids) = shelf_library();
    lib.trash_articles(&ids[0..5], 77).unwrap();
    lib.trash_articles(&ids[5..6], 78).unwrap();
    let lists = [
        q(3),
        LibraryQuery {
            sort: LibrarySort::MostRevised,
            ..q(3)
        },
        LibraryQuery {
            sort: LibrarySort::Outlet,
            ..q(3)
        },
        LibraryQuery {
            revised_only: true,
            ..q(1)
        },
        LibraryQuery {
            shelf: Shelf::Trash,
            ..q(2)
        },
    ];
    for list in lists {
        let mut offset = 0;
        let mut after = None;
        loop {
            let at = LibraryQuery {
                offset,
                ..list.clone()
            };
            let by_key = LibraryQuery {
                offset,
                after,
                ..list.clone()
            };
            let (plain, keyed) = (
                lib.library_page(&at).unwrap(),
                lib.library_page(&by_key).unwrap(),
            );
            assert_eq!(plain, keyed, "{list:?} at {offset}");
            let Some(last) = plain.articles.last() else {
                break;
            };
            after = Some(last.id);
            offset += plain.articles.len() as i64;
        }
        assert_eq!(offset, lib.library_count(&list).unwrap());
    }
    let gone = LibraryQuery {
        offset: 2,
        after: Some(999_999),
        ..q(3)
    };
    assert_eq!(
        lib.library_page(&gone).unwrap(),
        lib.library_page(&LibraryQuery { offset: 2, ..q(3) })
            .unwrap()
    );
}

#[test]
fn a_storys_page_is_its_articles_in_the_lists_order() {
    // Read from the story's own rows (not a walk of the whole library): same rows, same order.
    let (_d, mut lib, ids) = shelf_library();
    let story = lib.create_story("Pier", 5).unwrap();
    for id in [ids[1], ids[8], ids[4]] {
        lib.add_to_story(story, id, 6).unwrap();
    }
    for sort in [
        LibrarySort::Newest,
        LibrarySort::MostRevised,
        LibrarySort::Outlet,
    ] {
        let all = lib
            .library_page(&LibraryQuery { sort, ..q(50) })
            .unwrap()
            .articles;
        let expected: Vec<i64> = all
            .iter()
            .map(|a| a.id)
            .filter(|id| [ids[1], ids[8], ids[4]].contains(id))
            .collect();
        let page = lib
            .library_page(&LibraryQuery {
                sort,
                story_id: Some(story),
                ..q(2)
            })
            .unwrap();
        assert_eq!(page.total, 3, "{sort:?}");
        assert_eq!(
            page.articles.iter().map(|a| a.id).collect::<Vec<_>>(),
            expected[..2],
            "{sort:?}"
        );
    }
}
