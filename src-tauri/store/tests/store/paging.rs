//! Issue 11: the library view's pages, sorts and filters run in SQL; bounded first-screen counts;
//! keyset pages; a story's page.

use parallax_store::{ErrorKind, LibraryQuery, LibrarySort, MAX_PAGE, Shelf};

use crate::manage::{page, q, shelf_library};

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
