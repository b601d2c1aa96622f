//! Unit tests of the story: rows across accounts, their order, coverage and disputes, a
//! sentence serving two rows; and, as properties, that rows cover the sentences and respect
//! the caps.

use super::rows::{MAX_PER_ACCOUNT, MAX_ROWS_PER_SENTENCE};
use super::*;

fn row_texts(s: &Story, r: usize) -> Vec<Vec<String>> {
    s.claims[r]
        .cells
        .iter()
        .map(|c| {
            c.sentences
                .iter()
                .map(|&i| s.accounts[c.account].sentences[i].text.clone())
                .collect()
        })
        .collect()
}

#[test]
fn a_claim_carried_by_three_accounts_is_one_row_with_its_number_dispute() {
    let s = story(&[
        (
            "Courier",
            "About 3,400 residents left their homes before dawn. The Mill Street bridge was closed to traffic.",
        ),
        (
            "Wire",
            "About 2,100 residents left their homes before dawn, county officials said.",
        ),
        (
            "Daily",
            "The Mill Street bridge was closed to traffic. About 3,400 residents left their homes before dawn.",
        ),
    ]);
    assert_eq!(s.claims.len(), 2, "{:#?}", s.claims);
    assert_eq!(s.claims[0].status, Coverage::All);
    assert_eq!(s.claims[0].cells[2].sentences, vec![1]);
    assert_eq!(s.claims[1].status, Coverage::Some);
    assert!(s.claims[1].cells[1].sentences.is_empty());
    let d = &s.claims[0].disputes;
    let number = d
        .iter()
        .find(|d| d.facet == Facet::Number)
        .expect("number dispute");
    let texts: Vec<(usize, &str)> = number
        .values
        .iter()
        .map(|v| (v.account, v.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (0, "3,400 residents"),
            (1, "2,100 residents"),
            (2, "3,400 residents")
        ]
    );
    assert!(s.claims[1].disputes.is_empty());
    assert_eq!(s.summary.in_all, 1);
    assert_eq!(s.summary.missing, [0, 1, 0]);
    assert_eq!(
        s.summary.text,
        "3 accounts · 2 claims · 1 in every account · 1 disputed (number 1)"
    );
}

#[test]
fn sample_story_finds_the_disputed_evacuation_figure() {
    let read = |name: &str| {
        let t = match name {
            "courier" => include_str!("../../../store/sample/courier.txt"),
            "wire" => include_str!("../../../store/sample/wire.txt"),
            _ => include_str!("../../../store/sample/meridian.txt"),
        };
        t.split_once("\n---\n").map_or(t, |(_, body)| body)
    };
    let s = story(&[
        ("Courier", read("courier")),
        ("Wire", read("wire")),
        ("Meridian", read("meridian")),
    ]);
    // The opening claim: how many people left, in all three accounts.
    let open = &s.claims[0];
    assert_eq!(open.status, Coverage::All, "{:#?}", row_texts(&s, 0));
    assert!(row_texts(&s, 0)[0][0].starts_with("About 3,400 Kestleford residents"));
    let figure = open
        .disputes
        .iter()
        .find(|d| d.facet == Facet::Number && d.slot == "person")
        .expect("the evacuation figure is disputed");
    let texts: Vec<&str> = figure.values.iter().map(|v| v.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.starts_with("3,400")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("2,100")), "{texts:?}");
    assert!(figure.values.iter().any(|v| v.account == 1));
}

#[test]
fn a_sentence_carrying_two_claims_serves_both_rows() {
    // The Post tells in one sentence what the other two tell in two.
    let s = story(&[
        (
            "Post",
            "A rockfall derailed a freight train near Osset Gorge on Monday, injuring three crew members. The line reopened on Wednesday.",
        ),
        (
            "Herald",
            "A freight train derailed near Osset Gorge on Monday after a rockfall. Three crew members were injured. The line reopened on Wednesday.",
        ),
        (
            "Echo",
            "Three crew members were hurt. The freight train came off the rails near Osset Gorge after a rockfall on Monday.",
        ),
    ]);
    let rows_of = |k: usize, i: usize| -> Vec<usize> {
        (0..s.claims.len())
            .filter(|&r| s.claims[r].cells[k].sentences.contains(&i))
            .collect()
    };
    let two = rows_of(0, 0);
    assert_eq!(
        two.len(),
        2,
        "{:#?}",
        (0..s.claims.len())
            .map(|r| row_texts(&s, r))
            .collect::<Vec<_>>()
    );
    // One row is the derailment (the Herald's first sentence), the other the injuries (its
    // second), and the Echo joins each.
    assert_eq!(two, [rows_of(1, 0)[0], rows_of(1, 1)[0]]);
    assert_eq!(rows_of(2, 1), [two[0]]);
    assert_eq!(rows_of(2, 0), [two[1]]);
    // Every other sentence stands in one row.
    assert_eq!(rows_of(0, 1).len(), 1);
    assert_eq!(check_partition(&s), Ok(()));
}

/// Rows cover the sentences: each sentence of each account stands in at least one row (in
/// more only when it carries the claims of several, up to the cap), "same row" is transitive
/// (A~B and B~C put A and C in one row), and no row holds more than the cap of one account.
fn check_partition(s: &Story) -> Result<(), String> {
    for (k, a) in s.accounts.iter().enumerate() {
        let mut seen = vec![0usize; a.sentences.len()];
        for c in &s.claims {
            let cell = &c.cells[k];
            if cell.account != k {
                return Err(format!("cell {k} names account {}", cell.account));
            }
            if cell.sentences.len() > MAX_PER_ACCOUNT {
                return Err(format!(
                    "a row holds {} sentences of account {k}",
                    cell.sentences.len()
                ));
            }
            for &i in &cell.sentences {
                seen[i] += 1;
            }
        }
        if let Some(i) = seen
            .iter()
            .position(|&n| n == 0 || n > MAX_ROWS_PER_SENTENCE)
        {
            return Err(format!(
                "sentence {i} of account {k} is in {} rows",
                seen[i]
            ));
        }
    }
    Ok(())
}

/// Accounts drawn from one pool of sentences, so they share claims in varying order.
fn accounts_strategy() -> impl proptest::strategy::Strategy<Value = Vec<Vec<usize>>> {
    use proptest::prelude::*;
    prop::collection::vec(prop::collection::vec(0usize..12, 0..9), 2..5)
}

const POOL: [&str; 12] = [
    "The council approved 40 new homes on Tuesday.",
    "The vote was close, with five members against.",
    "Residents had protested outside the town hall.",
    "The mayor said the homes were badly needed.",
    "Building will start in the spring, officials said.",
    "Opponents say the site floods every winter.",
    "About 200 people signed a petition against the plan.",
    "The developer declined to comment.",
    "A second vote on the road layout is due in May.",
    "The homes will be built on former farmland.",
    "Council officials said the plan met every rule.",
    "Heavy rain closed the main road for two days.",
];

proptest::proptest! {
    #[test]
    fn rows_cover_sentences_and_are_transitive(picks in accounts_strategy()) {
        let texts: Vec<String> = picks
            .iter()
            .map(|p| p.iter().map(|&i| POOL[i]).collect::<Vec<_>>().join(" "))
            .collect();
        let names: Vec<String> = (0..texts.len()).map(|k| format!("A{k}")).collect();
        let accounts: Vec<(&str, &str)> =
            names.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
        let s = story(&accounts);
        proptest::prop_assert_eq!(check_partition(&s), Ok(()));
        // Identical sentences are linked as exact anchors: when every account carries a pool
        // sentence once, all its copies share one row (transitivity through any pair).
        for (i, line) in POOL.iter().enumerate() {
            if picks.iter().all(|p| p.iter().filter(|&&x| x == i).count() == 1) {
                let row = s.claims.iter().find(|c| {
                    c.cells.iter().any(|cell| cell.sentences.iter().any(|&j| {
                        s.accounts[cell.account].sentences[j].text == *line
                    }))
                });
                let row = row.expect("the sentence has a row");
                proptest::prop_assert_eq!(row.status, Coverage::All);
            }
        }
    }
}

#[test]
fn the_same_value_written_two_ways_or_a_named_source_is_no_dispute() {
    let s = story(&[
        (
            "Gazette",
            "Twenty-one hundred people left the valley on Friday, the operator, Brenmoor Water, said. One of three pumps at the works failed.",
        ),
        (
            "Wire",
            "About 2,100 people left the valley on Friday, Brenmoor Water said. The pumps at the works failed, three in all.",
        ),
    ]);
    let texts: Vec<Vec<Vec<String>>> = (0..s.claims.len()).map(|r| row_texts(&s, r)).collect();
    assert_eq!(s.claims.len(), 2, "{texts:#?}");
    for c in &s.claims {
        assert_eq!(c.status, Coverage::All, "{texts:#?}");
        assert!(c.disputes.is_empty(), "{:#?}", c.disputes);
    }
}

#[test]
fn a_different_figure_and_a_different_source_are_disputes() {
    let s = story(&[
        (
            "Gazette",
            "About 2,100 people left the valley on Friday, the operator, Brenmoor Water, said.",
        ),
        (
            "Wire",
            "About 3,000 people left the valley on Friday, according to the county council.",
        ),
    ]);
    let facets: Vec<&str> = s.claims[0]
        .disputes
        .iter()
        .map(|d| d.facet.name())
        .collect();
    assert_eq!(facets, ["number", "attribution"], "{:#?}", s.claims);
}

#[test]
fn reported_first_names_the_earliest_carriers_only_when_they_differ() {
    let mut s = story(&[
        (
            "Courier",
            "About 3,400 residents left their homes. The bridge was closed.",
        ),
        (
            "Wire",
            "About 3,400 residents left their homes, officials said.",
        ),
        (
            "Daily",
            "The bridge was closed. About 3,400 residents left their homes.",
        ),
    ]);
    // The Wire came out first, the Courier and the Daily an hour later together.
    s.date(&[3_600, 0, 3_600]);
    assert_eq!(s.claims[0].first, [1], "{:#?}", s.claims);
    // The bridge: the Courier and the Daily at one time, so nobody was first.
    assert!(s.claims[1].first.is_empty());
    // Times that do not cover the carriers say nothing.
    assert!(reported_first(&s.claims[0], &[0]).is_empty());
}
