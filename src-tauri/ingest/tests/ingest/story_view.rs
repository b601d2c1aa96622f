//! The story view's loader on the sample library: accounts earliest first, a picked version takes
//! part instead of the latest, and bad picks or too-small stories are refused with a reason.

use parallax_ingest::{IngestError, import_paste, story_accounts};
use parallax_store::Library;

fn sample() -> (Library, i64) {
    let mut lib = Library::open_in_memory().unwrap();
    lib.load_sample_if_empty(1_773_600_000).unwrap();
    let id = lib.list_stories().unwrap()[0].id;
    (lib, id)
}

#[test]
fn the_sample_story_has_three_accounts_earliest_first() {
    let (lib, id) = sample();
    let s = story_accounts(&lib, id, &[]).unwrap();
    let outlets: Vec<&str> = s.versions.iter().map(|v| v.outlet.as_str()).collect();
    // Published 06:05, 07:20 and 09:10: the rows follow the Courier's reading order.
    assert_eq!(
        outlets,
        [
            "The Kestleford Courier",
            "Northern Wire",
            "The Meridian Daily"
        ]
    );
    let names: Vec<&str> = s.story.accounts.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names, outlets,
        "the engine's accounts are the versions, in order"
    );
    assert!(s.story.summary.disputed > 0, "{}", s.story.summary.text);
    // The Courier, published first, reported first every claim it shares with a later account.
    let opening = &s.story.claims[0];
    assert_eq!(opening.status, parallax_engine::story::Coverage::All);
    assert_eq!(opening.first, [0]);
    for c in &s.story.claims {
        let carried_by_courier = !c.cells[0].sentences.is_empty();
        let shared = c.cells.iter().filter(|x| !x.sentences.is_empty()).count() > 1;
        assert_eq!(c.first == [0], carried_by_courier && shared, "{c:#?}");
    }
}

#[test]
fn a_picked_version_takes_part_instead_of_the_latest() {
    let (mut lib, id) = sample();
    // A second version of the Wire's account, with a different figure.
    let wire = lib
        .get_story(id)
        .unwrap()
        .articles
        .into_iter()
        .find(|a| a.outlet == "Northern Wire")
        .unwrap();
    let first = lib.latest_version(wire.id).unwrap();
    let mut body = first.paragraphs.clone();
    body.push("Officials later said 5,000 people had left.".into());
    let newer = parallax_store::NewVersion {
        title: first.info.title.clone(),
        byline: None,
        published: first.info.published,
        fetched: first.info.fetched + 60,
        paragraphs: body,
        html: None,
        source_kind: parallax_store::SourceKind::Paste,
        source_ref: None,
    };
    lib.add_version(wire.id, &newer).unwrap();
    let latest = story_accounts(&lib, id, &[]).unwrap();
    let k = latest
        .versions
        .iter()
        .position(|v| v.info.article_id == wire.id)
        .unwrap();
    assert_eq!(latest.versions[k].info.number, 2, "latest by default");
    let picked = story_accounts(&lib, id, &[first.info.id]).unwrap();
    assert_eq!(picked.versions[k].info.id, first.info.id);
    assert!(
        picked.story.accounts[k].sentences.len() < latest.story.accounts[k].sentences.len(),
        "the older version's text is the one grouped"
    );
}

#[test]
fn bad_picks_and_one_article_stories_are_refused_with_a_reason() {
    let (mut lib, id) = sample();
    let other = import_paste(
        &mut lib,
        "Elsewhere",
        "Harbour Gazette",
        "A ferry sailed.",
        5,
    )
    .unwrap();
    let err = story_accounts(&lib, id, &[other.version_id]).unwrap_err();
    assert!(matches!(err, IngestError::NotInStory { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("pick a version of one of the story's articles")
    );
    let lonely = lib.create_story("One account", 5).unwrap();
    lib.add_to_story(lonely, other.article_id, 5).unwrap();
    let err = story_accounts(&lib, lonely, &[]).unwrap_err();
    assert!(
        matches!(err, IngestError::TooFewAccounts { count: 1, .. }),
        "{err}"
    );
}

#[test]
fn a_second_account_of_one_outlet_is_numbered_so_disputes_stay_unambiguous() {
    let (mut lib, id) = sample();
    // The sample's revised article is also the Courier's: add it to the story.
    let revised = lib
        .list_articles()
        .unwrap()
        .into_iter()
        .find(|a| a.version_count == 5)
        .unwrap();
    lib.add_to_story(id, revised.id, 5).unwrap();
    let s = story_accounts(&lib, id, &[]).unwrap();
    let names: Vec<&str> = s.story.accounts.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names.len(), 4);
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("The Kestleford Courier"))
            .count(),
        2
    );
    assert!(names.contains(&"The Kestleford Courier (2)"), "{names:?}");
}
