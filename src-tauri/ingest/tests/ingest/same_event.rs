//! Issue 11: same-event suggestions computed at import agree with the exhaustive all-pairs
//! computation, stay inside their time window, and remember a dismissal.

use std::collections::BTreeSet;

use parallax_ingest::{DEFAULT_THRESHOLD, import_paste, stored_suggestions, story_texts};
use parallax_store::Library;

const DAY: i64 = 86_400;

/// Fictional accounts: (outlet, title, body). Three events told by several outlets, and
/// unrelated items from the same outlets.
const ACCOUNTS: &[(&str, &str, &str)] = &[
    (
        "Harbour Courier",
        "Night ferry to Kessel Island returns",
        "The night ferry between Port Alder and Kessel Island will run again from April. The transport board approved the timetable and a subsidy for Blue Sound Lines.",
    ),
    (
        "Valley Times",
        "Kessel Island gets its late ferry back",
        "Islanders will again have a late crossing to Port Alder. Blue Sound Lines hired crews after the board agreed a subsidy for the night ferry.",
    ),
    (
        "Northfield Press",
        "Board backs Kessel night crossing",
        "A subsidy for Blue Sound Lines brings back the night ferry to Kessel Island, the transport board decided on Wednesday.",
    ),
    (
        "Harbour Courier",
        "Tram drivers in Ostbury walk out",
        "Tram drivers in Ostbury stopped work at noon, halting all four lines. The Ostbury drivers union says talks on weekend rosters broke down.",
    ),
    (
        "Valley Times",
        "Ostbury trams halted by strike",
        "No trams ran in Ostbury after drivers walked out over weekend rosters. The union and the Ostbury transit company will meet again on Friday.",
    ),
    (
        "Northfield Press",
        "Millbrook reservoir vote delayed",
        "The council delayed its vote on the Millbrook reservoir after residents objected that the site would flood farmland north of the town.",
    ),
    (
        "Harbour Courier",
        "Millbrook council puts off reservoir decision",
        "Residents packed the Millbrook hall to object to the reservoir; the council put off the vote on the site north of town.",
    ),
    (
        "Valley Times",
        "Harbour fees to rise in spring",
        "Boat owners will pay more to moor in the harbour from March, the port authority said.",
    ),
    (
        "Northfield Press",
        "Library extends weekend hours",
        "The central library will open on Sundays from next month after a donation from a local bakery.",
    ),
];

fn import_all(lib: &mut Library, spacing: i64) -> Vec<i64> {
    ACCOUNTS
        .iter()
        .enumerate()
        .map(|(i, (outlet, title, body))| {
            import_paste(lib, title, outlet, body, 1_000_000 + i as i64 * spacing)
                .unwrap()
                .article_id
        })
        .collect()
}

fn pair_set(pairs: &[parallax_ingest::SameEvent]) -> BTreeSet<(i64, i64)> {
    pairs.iter().map(|p| (p.a.min(p.b), p.a.max(p.b))).collect()
}

#[test]
fn pairs_found_at_import_equal_the_all_pairs_computation() {
    // The scalable path must suggest what the exhaustive one does, or quality dropped.
    let mut lib = Library::open_in_memory().unwrap();
    import_all(&mut lib, 3600);
    let incremental = pair_set(&stored_suggestions(&lib, 100).unwrap());
    let full = pair_set(&parallax_ingest::suggest_same_event(
        &story_texts(&lib).unwrap(),
        DEFAULT_THRESHOLD,
    ));
    assert!(!full.is_empty(), "the corpus has same-event pairs");
    assert_eq!(incremental, full);
    let groups = parallax_ingest::group_suggestions(&stored_suggestions(&lib, 100).unwrap());
    assert_eq!(groups, vec![vec![1, 2, 3], vec![4, 5], vec![6, 7]]);
}

#[test]
fn accounts_weeks_apart_are_not_paired() {
    // Two items on one topic a month apart are usually two events; the window keeps the
    // work per import bounded and the suggestions about one event.
    let mut lib = Library::open_in_memory().unwrap();
    import_all(&mut lib, 30 * DAY);
    assert!(stored_suggestions(&lib, 100).unwrap().is_empty());
}

#[test]
fn a_dismissed_suggestion_stays_dismissed_after_a_new_version() {
    let mut lib = Library::open_in_memory().unwrap();
    let ids = import_all(&mut lib, 3600);
    lib.dismiss_same_event(&[ids[3], ids[4]]).unwrap();
    let left = pair_set(&stored_suggestions(&lib, 100).unwrap());
    assert!(!left.contains(&(ids[3], ids[4])));
    // A new version re-indexes the article; the reader's "no" must survive it.
    let (outlet, title, body) = ACCOUNTS[4];
    let more = format!("{body} Buses replaced some trams on Friday.");
    let mut revised = parallax_ingest::capture_paste(title, outlet, &more, 2_000_000).unwrap();
    revised.url = None;
    parallax_ingest::store_revision(&mut lib, ids[4], &revised).unwrap();
    assert!(!pair_set(&stored_suggestions(&lib, 100).unwrap()).contains(&(ids[3], ids[4])));
    assert!(pair_set(&stored_suggestions(&lib, 100).unwrap()).contains(&(ids[0], ids[1])));
}

#[test]
fn trashed_articles_leave_the_suggestions_and_come_back_with_undo() {
    let mut lib = Library::open_in_memory().unwrap();
    let ids = import_all(&mut lib, 3600);
    lib.trash_articles(&[ids[5]], 5).unwrap();
    assert!(!pair_set(&stored_suggestions(&lib, 100).unwrap()).contains(&(ids[5], ids[6])));
    lib.restore_articles(&[ids[5]]).unwrap();
    assert!(pair_set(&stored_suggestions(&lib, 100).unwrap()).contains(&(ids[5], ids[6])));
}

#[test]
fn a_library_indexed_late_catches_up_in_steps() {
    // The sample and libraries from before issue 11 were never indexed at import.
    let mut lib = Library::open_in_memory().unwrap();
    lib.load_sample_if_empty(0).unwrap();
    let total = lib.list_articles().unwrap().len();
    assert!(total > 2);
    assert_eq!(
        parallax_ingest::index_pending(&mut lib, 2, DEFAULT_THRESHOLD).unwrap(),
        2
    );
    let rest = parallax_ingest::index_pending(&mut lib, 100, DEFAULT_THRESHOLD).unwrap();
    assert_eq!(rest, total - 2);
    assert_eq!(
        parallax_ingest::index_pending(&mut lib, 100, DEFAULT_THRESHOLD).unwrap(),
        0
    );
    let incremental = pair_set(&stored_suggestions(&lib, 100).unwrap());
    let full = pair_set(&parallax_ingest::suggest_same_event(
        &story_texts(&lib).unwrap(),
        DEFAULT_THRESHOLD,
    ));
    assert_eq!(
        incremental, full,
        "the sample's accounts are suggested as before"
    );
}
