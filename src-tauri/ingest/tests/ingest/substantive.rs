//! Issue 11: "has substantive changes" is kept per article — computed when a version is added,
//! reset when versions are trashed or restored, filled later for articles left unknown — and
//! the library filters on it in SQL.

use parallax_ingest::{capture_paste, check_pending_substantive, import_paste, store_revision};
use parallax_store::{Library, LibraryQuery, NewVersion, SourceKind};

const BODY: &str = "The Marrow Bridge will close for repairs on Monday. \
The county engineer said 40 workers would replace the deck.\n\n\
Drivers are asked to use the Fenwick crossing until the work ends.";

fn substantive_ids(lib: &Library) -> Vec<i64> {
    let q = LibraryQuery {
        substantive_only: true,
        limit: 100,
        ..Default::default()
    };
    lib.library_page(&q)
        .unwrap()
        .articles
        .iter()
        .map(|a| a.id)
        .collect()
}

fn revise(lib: &mut Library, id: i64, body: &str, now: i64) {
    let capture = capture_paste("Marrow Bridge to close", "Lowland Post", body, now).unwrap();
    store_revision(lib, id, &capture).unwrap();
}

#[test]
fn only_articles_with_a_substantive_revision_pass_the_filter() {
    let mut lib = Library::open_in_memory().unwrap();
    let typo = import_paste(
        &mut lib,
        "Marrow Bridge to close",
        "Lowland Post",
        BODY,
        100,
    )
    .unwrap()
    .article_id;
    let number = import_paste(
        &mut lib,
        "Marrow Bridge to close",
        "Hill Gazette",
        BODY,
        100,
    )
    .unwrap()
    .article_id;
    // A single version has nothing to compare: not in the filter.
    assert!(substantive_ids(&lib).is_empty());
    // A punctuation slip fixed is cosmetic; a changed count of workers is substantive.
    revise(
        &mut lib,
        typo,
        &BODY.replace("the deck.", "the deck ."),
        200,
    );
    revise(
        &mut lib,
        number,
        &BODY.replace("40 workers", "25 workers"),
        200,
    );
    assert_eq!(lib.get_article(typo).unwrap().version_count, 2);
    assert_eq!(substantive_ids(&lib), vec![number]);
    // Nothing is left waiting: both were compared as their versions came in.
    assert!(lib.substantive_pending(10).unwrap().is_empty());
}

#[test]
fn versions_added_elsewhere_or_trashed_are_compared_again() {
    let mut lib = Library::open_in_memory().unwrap();
    let id = import_paste(
        &mut lib,
        "Marrow Bridge to close",
        "Lowland Post",
        BODY,
        100,
    )
    .unwrap()
    .article_id;
    // A version stored without the ingest path (an older build, a re-extraction) leaves the
    // article unknown until the catch-up compares it.
    let added = lib
        .add_version(
            id,
            &NewVersion {
                title: "Marrow Bridge to close".into(),
                byline: None,
                published: None,
                fetched: 300,
                paragraphs: vec![BODY.replace("Monday", "Thursday")],
                html: None,
                source_kind: SourceKind::Paste,
                source_ref: None,
            },
        )
        .unwrap();
    assert_eq!(lib.substantive_pending(10).unwrap(), vec![id]);
    assert!(substantive_ids(&lib).is_empty());
    assert_eq!(check_pending_substantive(&mut lib, 10).unwrap(), 1);
    assert_eq!(substantive_ids(&lib), vec![id]);
    // Trashing the changed version leaves one version: unknown again, then not substantive.
    lib.trash_version(added.version_id, 400).unwrap();
    assert_eq!(lib.substantive_pending(10).unwrap(), Vec::<i64>::new());
    assert!(substantive_ids(&lib).is_empty());
    // Restoring it brings the change back once compared.
    lib.restore_version(added.version_id).unwrap();
    assert_eq!(lib.substantive_pending(10).unwrap(), vec![id]);
    check_pending_substantive(&mut lib, 10).unwrap();
    assert_eq!(substantive_ids(&lib), vec![id]);
}
