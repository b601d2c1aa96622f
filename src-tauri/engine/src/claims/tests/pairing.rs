//! Unit tests of how two texts' claims pair: figures by what they measure, shares, lengths of time, names
//! opening a sentence, and what two accounts count as one remark or one source.

use super::*;

/// The statuses of one facet's claims, with their texts.
fn statuses(
    left: &str,
    right: &str,
    facet: Facet,
) -> Vec<(ClaimStatus, Option<String>, Option<String>)> {
    compare_claims(left, right)
        .into_iter()
        .filter(|c| c.facet == facet)
        .map(|c| (c.status, c.left, c.right))
        .collect()
}

#[test]
fn issue_10_figures_that_measure_different_things_do_not_differ() {
    // An age in years against a distance in miles: two claims, not one changed.
    let c = statuses(
        "A 47-year old ferryman was rescued near Oskel.",
        "The ferry drifted 12 miles before it was found.",
        Facet::Number,
    );
    assert!(c.iter().all(|(s, ..)| *s != ClaimStatus::Differs), "{c:?}");
    // An ordinal counts nothing: "a third outbreak" is not a count of outbreaks.
    assert_eq!(
        of("Vets reported a third outbreak on the farm.", Facet::Number)[0].2,
        "ordinal"
    );
    let c = statuses(
        "Vets reported a third outbreak on the farm.",
        "Four outbreaks were reported on the farm.",
        Facet::Number,
    );
    assert!(c.iter().all(|(s, ..)| *s != ClaimStatus::Differs), "{c:?}");
}

#[test]
fn issue_10_a_fraction_of_something_compares_with_a_percentage() {
    assert_eq!(
        of(
            "Nearly one-third of the valley's farms flooded.",
            Facet::Number
        ),
        vec![t("one-third", "33.3333", "percent")]
    );
    let c = statuses(
        "Up to 40 percent of the valley's farms flooded.",
        "Nearly one-third of the valley's farms flooded.",
        Facet::Number,
    );
    assert_eq!(c[0].0, ClaimStatus::Differs, "{c:?}");
    // "a third of a percentage point" stays a fraction of its unit.
    assert_eq!(
        of(
            "Rates rose by a third of a percentage point.",
            Facet::Number
        )[0]
        .2,
        "percentage point"
    );
}

#[test]
fn issue_10_lengths_of_time_pair_by_what_they_measure() {
    assert_eq!(
        of("The bridge reopened within a week.", Facet::Number),
        vec![t("a week", "1", "week")]
    );
    assert_eq!(
        of("Die Brücke war nach einem Jahr repariert.", Facet::Number)[0].0,
        "einem Jahr"
    );
    // "twice a day" is a rate, not a length of time.
    assert!(of("Ferries sail twice a day.", Facet::Number).is_empty());
    // How soon against how soon differs; how long against by when does not.
    let c = statuses(
        "Pumps drained the cellar within three days and ran for 10 weeks.",
        "Pumps drained the cellar within a week, and by four weeks it was dry.",
        Facet::Number,
    );
    let differs: Vec<_> = c
        .iter()
        .filter(|(s, ..)| *s == ClaimStatus::Differs)
        .collect();
    assert_eq!(differs.len(), 1, "{c:?}");
    assert_eq!(differs[0].1.as_deref(), Some("three days"));
    assert_eq!(differs[0].2.as_deref(), Some("a week"));
}

#[test]
fn issue_10_a_name_opening_a_sentence_is_read_when_the_text_names_it() {
    let texts: Vec<String> = [
        "The skipper, Ansel Brakke, was fined on Monday.",
        "Brakke admitted the charge.",
        "Harbour staff watched the hearing.",
        "Staff of the Harbour Pilot Service left early.",
    ]
    .map(String::from)
    .to_vec();
    let names = |i: usize| -> Vec<String> {
        text_atoms(&texts, i)
            .into_iter()
            .filter(|a| a.facet == Facet::Name)
            .map(|a| a.text)
            .collect()
    };
    assert_eq!(names(1), ["Brakke"]);
    // "Harbour" is named nowhere else: a capitalised opening word alone is no name.
    assert!(names(2).is_empty());
    // "Harbour" inside "the Harbour Pilot Service" is no surname, and a later sentence does not
    // count: news texts give the full name first.
    let early: Vec<String> = [texts[3].clone(), texts[2].clone()].to_vec();
    assert!(text_atoms(&early, 1).iter().all(|a| a.facet != Facet::Name));
    let late: Vec<String> = [texts[1].clone(), texts[0].clone()].to_vec();
    assert!(text_atoms(&late, 0).iter().all(|a| a.text != "Brakke"));
    // Read alone, the sentence does not know "Brakke" is a name.
    assert!(of("Brakke admitted the charge.", Facet::Name).is_empty());
}

/// The statuses of one facet's claims between two accounts.
fn between_accounts(left: &str, right: &str, facet: Facet) -> Vec<ClaimStatus> {
    compare_atoms(
        &claim_atoms(left),
        &claim_atoms(right),
        crate::comparison::Mode::Accounts,
    )
    .into_iter()
    .filter(|c| c.facet == facet)
    .map(|c| c.status)
    .collect()
}

#[test]
fn issue_10_between_accounts_two_different_quotes_are_two_remarks() {
    let (a, b) = (
        "\"The pumps will hold through the night,\" the warden said.",
        "\"Nobody should drive on the quay road,\" the warden said.",
    );
    assert_eq!(
        between_accounts(a, b, Facet::Quote),
        [ClaimStatus::LeftOnly, ClaimStatus::RightOnly]
    );
    // In a revision the one quote was rewritten.
    assert_eq!(statuses(a, b, Facet::Quote)[0].0, ClaimStatus::Differs);
    // A remark transcribed a little differently is the same remark.
    assert_eq!(
        between_accounts(
            "\"We moved the boats out before the tide turned,\" she said.",
            "\"We moved the boats out before the tide turned\", she said.",
            Facet::Quote
        ),
        [ClaimStatus::Same]
    );
}

#[test]
fn issue_10_between_accounts_two_hedges_agree_that_a_claim_is_hedged() {
    let (a, b) = (
        "The ferry is expected to resume on Friday.",
        "The ferry will likely resume on Friday.",
    );
    assert_eq!(between_accounts(a, b, Facet::Hedge), [ClaimStatus::Same]);
    assert_eq!(statuses(a, b, Facet::Hedge)[0].0, ClaimStatus::Differs);
}

#[test]
fn issue_10_a_count_of_sources_is_not_a_count_of_what_happened() {
    let a = "The mill will close, according to three people familiar with the plans.";
    assert_eq!(of(a, Facet::Number)[0].2, "source");
    let c = statuses(
        a,
        "About 900 people will lose their jobs at the mill.",
        Facet::Number,
    );
    assert!(c.iter().all(|(s, ..)| *s != ClaimStatus::Differs), "{c:?}");
}
