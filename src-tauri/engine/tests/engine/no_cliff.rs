//! One aligner without a regime cliff (issue 10, item 5): a text that is half a light revision
//! and half a free retelling aligns well in both halves, and a small change in the share of
//! edited sentences moves only the links of the sentences it touches.
//! The texts are fictional: one report of a ferry terminal's reopening, sentence by sentence
//! in three wordings (the first telling, a light copy edit of it, a free retelling).

use std::collections::BTreeSet;

use parallax_engine::{Mode, align_with};

const FIRST: [&str; 16] = [
    "The Harwick ferry terminal reopened on Monday after three weeks of repairs.",
    "Workers replaced the damaged loading ramp and repainted the waiting hall.",
    "The harbour authority said the repairs cost 1.2 million euros.",
    "Ferries to Lenning Island will again sail every two hours.",
    "Commuters had used a temporary bus link during the closure.",
    "The island's shops reported a sharp drop in visitors in those weeks.",
    "Mayor Ilse Varga thanked the crews for finishing ahead of schedule.",
    "A second phase of work on the breakwater is planned for spring.",
    "Storm waves in October had torn a hole in the old breakwater near the terminal.",
    "Engineers from the Dorn shipyard inspected the harbour wall twice a week.",
    "They found cracks in 14 of the concrete blocks.",
    "The authority has ordered new blocks from a quarry in Selm.",
    "Fishing boats must moor at the western jetty until the work ends.",
    "Captain Rolf Imhoff, who runs the morning ferry, said passengers had been patient.",
    "Ticket prices will not rise this year, the operator promised.",
    "A public meeting about the breakwater plans is set for 9 March at the town hall.",
];

/// A light copy edit: a word, a phrase or a figure changed in each sentence.
const EDITED: [&str; 16] = [
    "The Harwick ferry terminal reopened on Monday after three weeks of repair work.",
    "Workers replaced the damaged loading ramp and repainted the old waiting hall.",
    "The harbour authority said the repairs cost 1.4 million euros.",
    "Ferries to Lenning Island will once again sail every two hours.",
    "Commuters had relied on a temporary bus link during the closure.",
    "The island's shops reported a steep drop in visitors in those weeks.",
    "Mayor Ilse Varga thanked the crews for finishing the job ahead of schedule.",
    "A second phase of work on the breakwater is planned for the spring.",
    "Storm waves in late October had torn a hole in the old breakwater near the terminal.",
    "Engineers from the Dorn shipyard inspected the harbour wall three times a week.",
    "They found cracks in 16 of the concrete blocks.",
    "The authority has ordered new blocks from the quarry in Selm.",
    "Fishing boats must moor at the western jetty until the work is over.",
    "Captain Rolf Imhoff, who runs the early ferry, said passengers had been patient.",
    "Ticket prices will not rise this year, the ferry operator promised.",
    "A public meeting about the breakwater plans is set for 9 March in the town hall.",
];

/// A free retelling: the same facts in other words and other sentence shapes.
const RETOLD: [&str; 16] = [
    "After a three-week closure for repairs, Harwick's ferry terminal opened again on Monday.",
    "A new loading ramp went in, and painters gave the waiting hall a fresh coat.",
    "According to the harbour authority, the bill came to 1.2 million euros.",
    "Boats for Lenning Island return to a two-hourly timetable.",
    "While the terminal was shut, commuters took a stand-in bus service.",
    "Shopkeepers on the island saw far fewer visitors during the closure.",
    "Ilse Varga, the mayor, praised the crews for beating their deadline.",
    "Work on the breakwater will follow in spring as a second phase.",
    "The old breakwater beside the terminal was holed by October's storm waves.",
    "Twice weekly, the harbour wall was checked by engineers from the Dorn shipyard.",
    "Of its concrete blocks, 14 showed cracks.",
    "Replacement blocks are coming from a quarry at Selm, the authority said.",
    "Until the job is done, the western jetty is where fishing boats have to tie up.",
    "Passengers have shown patience, according to Rolf Imhoff, captain of the morning ferry.",
    "The operator has promised that ticket prices stay the same this year.",
    "Residents can discuss the breakwater plans at the town hall on 9 March.",
];

/// The new text whose first `edited` sentences are the copy edit and the rest the retelling.
fn mixed(edited: usize) -> Vec<String> {
    (0..16)
        .map(|i| if i < edited { EDITED[i] } else { RETOLD[i] }.to_string())
        .collect()
}

fn first() -> Vec<String> {
    FIRST.iter().map(|s| s.to_string()).collect()
}

/// The sentence pairs the groups link.
fn links(new: &[String], mode: Option<Mode>) -> BTreeSet<(usize, usize)> {
    let (_, groups) = align_with(&first(), new, mode);
    groups
        .iter()
        .flat_map(|g| g.a.iter().flat_map(|&i| g.b.iter().map(move |&j| (i, j))))
        .collect()
}

#[test]
fn half_revision_half_retelling_aligns_both_halves_issue_10() {
    let got = links(&mixed(8), None);
    // Every link is right: sentence i of one text tells what sentence i of the other does.
    let wrong: Vec<_> = got.iter().filter(|(i, j)| i != j).collect();
    assert!(wrong.is_empty(), "wrong links {wrong:?} in {got:?}");
    // The edited half is linked whole, as a revision is.
    assert!((0..8).all(|i| got.contains(&(i, i))), "{got:?}");
    // The retold half is linked too, though none of it keeps its wording.
    let retold = (8..16).filter(|&i| got.contains(&(i, i))).count();
    assert!(retold >= 6, "{retold} of 8 retold links: {got:?}");
}

#[test]
fn one_more_edited_sentence_moves_only_its_own_links_issue_10() {
    // The share of edited sentences grows one sentence at a time through the old switch's
    // point (a quarter of all sentences, here four edited). Sentence k's new wording may move
    // the links of its neighbours (each sentence is judged by the three either side of it),
    // nothing further off, and no link may ever go wrong.
    for k in 0..16 {
        let (before, after) = (links(&mixed(k), None), links(&mixed(k + 1), None));
        let moved: Vec<_> = before
            .symmetric_difference(&after)
            .filter(|(_, j)| j.abs_diff(k) > 3)
            .collect();
        assert!(moved.is_empty(), "edited {k} -> {}: {moved:?}", k + 1);
        assert!(
            after.iter().all(|(i, j)| i == j),
            "edited {}: {after:?}",
            k + 1
        );
    }
}
