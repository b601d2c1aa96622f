//! Highlights across the sample article's five versions (`store/sample/revisions`): each kind of
//! fate (intact, moved, edited, removed) on the text the sample README documents, quotes that are
//! not there, and the "a passage you highlighted changed" notice.

use parallax_engine::{AnchorState, Tag};
use parallax_ingest::{
    QuoteHighlight, changed_notice, highlight_quote, highlights_changed, resolve_highlights,
    resolve_on_latest,
};
use parallax_store::{Colour, Library};

/// The sample library and the ids of the revised article's five versions, oldest first.
fn sample() -> (Library, i64, Vec<i64>) {
    let mut lib = Library::open_in_memory().unwrap();
    lib.load_sample_if_empty(1_773_600_000).unwrap();
    let article = lib
        .list_articles()
        .unwrap()
        .into_iter()
        .find(|a| a.version_count == 5)
        .expect("the sample holds one article with five versions");
    let versions = lib
        .versions_of(article.id)
        .unwrap()
        .into_iter()
        .map(|v| v.id)
        .collect();
    (lib, article.id, versions)
}

fn on(version_id: i64, quote: &str) -> QuoteHighlight {
    QuoteHighlight {
        quote: quote.into(),
        note: None,
        colour: Colour::Yellow,
        version_id: Some(version_id),
        paragraph: None,
    }
}

#[test]
fn each_fate_on_the_five_versions() {
    let (mut lib, article, v) = sample();
    let households =
        highlight_quote(&mut lib, article, &on(v[0], "about 600 households"), 1).unwrap();
    let chalkboard = highlight_quote(
        &mut lib,
        article,
        &on(v[0], "A chalkboard outside the bakery on Orchard Lane"),
        2,
    )
    .unwrap();
    let dam = highlight_quote(
        &mut lib,
        article,
        &on(v[0], "Orrin Dam was completed in 1968"),
        3,
    )
    .unwrap();
    let buses = highlight_quote(
        &mut lib,
        article,
        &on(
            v[0],
            "Buses will run from the school to Millrace every half hour",
        ),
        4,
    )
    .unwrap();
    assert_eq!(households.sentence_index, Some(0));

    let state_on = |lib: &Library, version: i64| -> Vec<AnchorState> {
        resolve_highlights(lib, article, Some(version))
            .unwrap()
            .iter()
            .map(|r| r.resolution.state)
            .collect()
    };
    use AnchorState::*;
    // On its own version everything reads as made.
    assert_eq!(state_on(&lib, v[0]), vec![Intact, Intact, Intact, Intact]);
    // v2 corrects the number; nothing else highlighted changes.
    assert_eq!(state_on(&lib, v[1]), vec![Edited, Intact, Intact, Intact]);
    // v4 moves the 1968 paragraph below the shelter paragraph.
    assert_eq!(state_on(&lib, v[3]), vec![Edited, Intact, Moved, Intact]);
    // v5 removes the chalkboard paragraph.
    let latest = resolve_highlights(&lib, article, None).unwrap();
    let states: Vec<_> = latest.iter().map(|r| r.resolution.state).collect();
    assert_eq!(states, vec![Edited, Removed, Moved, Intact]);
    assert!(latest.iter().all(|r| r.on_version_id == v[4]));

    let edited = &latest[0].resolution;
    assert_eq!(edited.text.as_deref(), Some("about 900 households"));
    assert_eq!(edited.change.as_deref(), Some("600 → 900 households"));
    assert!(
        edited
            .segments
            .iter()
            .any(|s| s.tag == Tag::Delete && s.text.contains("600"))
    );
    assert!(
        edited
            .segments
            .iter()
            .any(|s| s.tag == Tag::Insert && s.text.contains("900"))
    );
    assert_eq!(latest[0].paragraph, Some(0));

    let gone = &latest[1];
    assert_eq!(
        gone.resolution.text, None,
        "a removed passage has no text on v5"
    );
    assert_eq!(gone.paragraph, None);
    assert_eq!(
        gone.highlight.quote, chalkboard.quote,
        "the old text stays with the highlight"
    );

    // v5 paragraph order: 1 2 4 5 6 8 3 N, so the 1968 paragraph is the seventh (index 6).
    assert_eq!(latest[2].paragraph, Some(6));
    assert_eq!(
        latest[2].resolution.text.as_deref(),
        Some(dam.quote.as_str())
    );
    assert_eq!(latest[3].paragraph, Some(5));
    assert_eq!(
        latest[3].resolution.text.as_deref(),
        Some(buses.quote.as_str())
    );

    // The library-wide list resolves each highlight on its article's newest version.
    let entries = lib.list_highlights(None).unwrap();
    let resolved = resolve_on_latest(&lib, &entries).unwrap();
    assert_eq!(resolved[0].highlight.id, entries[0].highlight.id);
    assert_eq!(resolved.last().unwrap().resolution.state, Edited);
}

#[test]
fn paragraph_hint_picks_among_repeated_words() {
    let (mut lib, article, v) = sample();
    // "Kestleford" stands in several paragraphs of v1; the hint names the 1968 paragraph (index 2).
    let req = QuoteHighlight {
        paragraph: Some(2),
        ..on(v[0], "Kestleford")
    };
    let h = highlight_quote(&mut lib, article, &req, 1).unwrap();
    assert!(h.prefix.ends_with("to protect "), "{:?}", h.prefix);
    // On v5 that paragraph is the seventh (it moved), and the highlight goes with it.
    let r = resolve_highlights(&lib, article, None).unwrap();
    assert_eq!(r[0].resolution.state, AnchorState::Moved);
    assert_eq!(r[0].paragraph, Some(6));
}

#[test]
fn hedge_added_then_removed_again() {
    let (mut lib, article, v) = sample();
    highlight_quote(
        &mut lib,
        article,
        &on(v[1], "had been flagged for corrosion"),
        1,
    )
    .unwrap();
    let on3 = resolve_highlights(&lib, article, Some(v[2])).unwrap();
    assert_eq!(on3[0].resolution.state, AnchorState::Edited);
    assert_eq!(
        on3[0].resolution.text.as_deref(),
        Some("had reportedly been flagged for corrosion")
    );
    assert_eq!(
        on3[0].resolution.change.as_deref(),
        Some("“reportedly” added")
    );
    // v4 restores the v2 wording, so the highlight made on v2 reads intact again.
    let on4 = resolve_highlights(&lib, article, Some(v[3])).unwrap();
    assert_eq!(on4[0].resolution.state, AnchorState::Intact);
}

#[test]
fn quote_not_in_the_version_is_refused_and_nothing_is_stored() {
    let (mut lib, article, v) = sample();
    // "600 households" is only in v1; the newest version (the default) reads 900.
    let latest = QuoteHighlight {
        version_id: None,
        ..on(0, "about 600 households")
    };
    let err = highlight_quote(&mut lib, article, &latest, 1).unwrap_err();
    assert_eq!(err.code(), "quote_not_found");
    assert!(err.to_string().contains("version 5 of 5"), "{err}");
    // A version of another article is refused too.
    let other = lib
        .list_articles()
        .unwrap()
        .into_iter()
        .find(|a| a.id != article)
        .unwrap();
    let err =
        highlight_quote(&mut lib, other.id, &on(v[0], "about 600 households"), 1).unwrap_err();
    assert_eq!(err.code(), "wrong_article");
    assert!(lib.list_highlights(None).unwrap().is_empty());
}

#[test]
fn new_version_that_changes_a_highlight_is_noticed_once() {
    let (mut lib, article, v) = sample();
    highlight_quote(&mut lib, article, &on(v[0], "about 600 households"), 1).unwrap();
    highlight_quote(
        &mut lib,
        article,
        &on(v[3], "first residents back found their streets"),
        2,
    )
    .unwrap();
    // v1 → v2 edits the number.
    let changed = highlights_changed(&lib, article, v[0], v[1]).unwrap();
    assert_eq!(changed.len(), 1);
    let notice = changed_notice("Millrace", &changed).unwrap();
    assert_eq!(notice, "A passage you highlighted in “Millrace” changed.");
    // v2 → v3 leaves both passages as they were (the number was already edited): no notice.
    assert!(
        highlights_changed(&lib, article, v[1], v[2])
            .unwrap()
            .is_empty()
    );
    // v4 → v5 removes the chalkboard paragraph.
    let changed = highlights_changed(&lib, article, v[3], v[4]).unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].resolution.state, AnchorState::Removed);
    assert!(
        changed_notice("Millrace", &changed)
            .unwrap()
            .ends_with("changed (removed).")
    );
    assert_eq!(changed_notice("x", &[]), None);
}
