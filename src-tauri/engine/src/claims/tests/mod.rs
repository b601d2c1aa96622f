//! Unit tests of claim atoms, facet by facet, and of the row-level claim comparison.

use super::*;

/// (text, key, slot) of the atoms of one facet.
fn of(sentence: &str, facet: Facet) -> Vec<(String, String, String)> {
    claim_atoms(sentence)
        .into_iter()
        .filter(|a| a.facet == facet)
        .map(|a| (a.text, a.key, a.slot))
        .collect()
}

fn t(text: &str, key: &str, slot: &str) -> (String, String, String) {
    (text.into(), key.into(), slot.into())
}

#[test]
fn numbers_carry_their_value_and_what_they_count() {
    assert_eq!(
        of(
            "About 3,400 Kestleford residents were ordered from their homes.",
            Facet::Number
        ),
        vec![t("3,400 Kestleford residents", "3400", "person")]
    );
    assert_eq!(
        of(
            "The dam holds back about 48 million cubic metres of water.",
            Facet::Number
        ),
        vec![t("48 million cubic metres", "48000000", "cubic metre")]
    );
    assert_eq!(
        of(
            "The bank raised rates by a quarter of a percentage point.",
            Facet::Number
        ),
        vec![t(
            "a quarter of a percentage point",
            "0.25",
            "percentage point"
        )]
    );
    assert_eq!(
        of("Unemployment fell to 4.5% in the spring.", Facet::Number),
        vec![t("4.5", "4.5", "percent")]
    );
    assert_eq!(
        of(
            "\"Twenty-one hundred is the number,\" he said.",
            Facet::Number
        ),
        vec![t("Twenty-one hundred", "2100", "")]
    );
    assert_eq!(
        of(
            "Rund 3.400 Einwohner mussten ihre Häuser verlassen.",
            Facet::Number
        ),
        vec![t("3.400 Einwohner", "3400", "person")]
    );
    assert_eq!(
        of("Thousands of people were evacuated.", Facet::Number)[0].1,
        "~1000"
    );
}

#[test]
fn spelled_figures_read_as_the_digits_they_stand_for() {
    // One value however it is written, so two accounts do not dispute it (issue 12).
    let key = |s: &str| {
        of(s, Facet::Number)
            .first()
            .map(|a| (a.1.clone(), a.2.clone()))
    };
    let two_thousand = Some(("2100".to_string(), "person".to_string()));
    assert_eq!(
        key("Twenty-one hundred people were evacuated."),
        two_thousand
    );
    assert_eq!(key("About 2,100 people were evacuated."), two_thousand);
    let six = Some(("600".to_string(), "person".to_string()));
    assert_eq!(
        key("Sechshundert Menschen wurden in Sicherheit gebracht."),
        six
    );
    // A short German sentence: the capitalised word for people is what is counted.
    assert_eq!(key("Etwa 600 Anwohner wurden in Sicherheit gebracht."), six);
}

#[test]
fn times_and_dates() {
    assert_eq!(
        of(
            "The gate failed at about 2:40 a.m. on Saturday.",
            Facet::Date
        ),
        vec![
            t("2:40 a.m.", "02:40", "time"),
            t("Saturday", "saturday", "day")
        ]
    );
    assert_eq!(
        of("Water reached the landing by 6 p.m.", Facet::Date),
        vec![t("6 p.m.", "18:00", "time")]
    );
    assert_eq!(
        of(
            "The report of March 14, 2024 flagged corrosion.",
            Facet::Date
        ),
        vec![t("March 14, 2024", "2024-03-14", "date")]
    );
    assert_eq!(
        of("Am 14. März 2026 um 14.30 Uhr brach das Tor.", Facet::Date),
        vec![
            t("14. März 2026", "2026-03-14", "date"),
            t("14.30 Uhr", "14:30", "time")
        ]
    );
    assert_eq!(
        of("The sirens were installed in 2009.", Facet::Date),
        vec![t("2009", "2009", "year")]
    );
    // A year is a date, not also a number.
    assert!(of("The sirens were installed in 2009.", Facet::Number).is_empty());
    // "May" the modal verb is no month.
    assert!(of("May the best team win.", Facet::Date).is_empty());
}

#[test]
fn names_of_people_with_titles_organisations_and_places() {
    let names = |s| -> Vec<String> { of(s, Facet::Name).into_iter().map(|x| x.0).collect() };
    assert_eq!(
        names("The order covers the Millrace neighbourhood, Mayor Ruth Adeyemi said."),
        ["Millrace", "Mayor Ruth Adeyemi"]
    );
    assert_eq!(
        names("The Sallow Valley Water Authority runs the dam above Kestleford."),
        ["Sallow Valley Water Authority", "Kestleford"]
    );
    assert_eq!(
        names("Tomas Brevik spoke to Mr. Putin."),
        ["Tomas Brevik", "Mr. Putin"]
    );
    // The title is kept in the text and left out of the key.
    assert_eq!(
        of("It was Mayor Ruth Adeyemi.", Facet::Name)[0].1,
        "ruth adeyemi"
    );
    // German capitalises every noun: a lone capitalised word is a noun unless a title precedes it.
    assert_eq!(
        names("Die Feuerwehr ging mit Bürgermeisterin Adeyemi von Haus zu Haus."),
        ["Bürgermeisterin Adeyemi"]
    );
}

#[test]
fn quotes_with_their_speaker() {
    let a = claim_atoms("\"The dam is holding,\" she said.");
    let q: Vec<&ClaimAtom> = a.iter().filter(|a| a.facet == Facet::Quote).collect();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "The dam is holding");
    assert_eq!(q[0].speaker.as_deref(), Some("she"));
    let g = claim_atoms("„Der Damm hält“, sagte Bürgermeisterin Adeyemi.");
    let q = g.iter().find(|a| a.facet == Facet::Quote).unwrap();
    assert_eq!(q.text, "Der Damm hält");
    assert_eq!(q.speaker.as_deref(), Some("Bürgermeisterin Adeyemi"));
}

#[test]
fn attributions_name_the_source() {
    let src = |s| -> Vec<String> { of(s, Facet::Attribution).into_iter().map(|x| x.0).collect() };
    assert_eq!(
        src("About 2,100 people have left, Harl County officials said, putting it lower."),
        ["Harl County officials"]
    );
    assert_eq!(
        src("Nobody else was hurt, according to the county."),
        ["the county"]
    );
    assert_eq!(src("Officials said the road was closed."), ["Officials"]);
    assert_eq!(
        src("\"You just go,\" said Marguerite Osei, who left her house."),
        ["Marguerite Osei"]
    );
    assert_eq!(
        src("The Sallow Valley Water Authority, which runs the dam, confirmed the report."),
        ["The Sallow Valley Water Authority"]
    );
    assert_eq!(src("Laut Polizei wurde niemand verletzt."), ["Polizei"]);
    assert_eq!(
        src("Niemand wurde verletzt, sagte die Polizei."),
        ["die Polizei"]
    );
    assert_eq!(
        src("Der Polizei zufolge wurde niemand verletzt."),
        ["Der Polizei"]
    );
    // "is said to" hedges; it names no source.
    assert!(src("The gate is said to be jammed.").is_empty());
}

#[test]
fn negation_and_hedges() {
    assert_eq!(
        of(
            "The dam was not in danger and nobody was hurt.",
            Facet::Negation
        )
        .len(),
        2
    );
    assert_eq!(of("You don't stop to think.", Facet::Negation).len(), 1);
    assert_eq!(of("Niemand wurde verletzt.", Facet::Negation).len(), 1);
    let hedges = |s| -> Vec<String> { of(s, Facet::Hedge).into_iter().map(|x| x.0).collect() };
    assert_eq!(hedges("A hydraulic line may have burst."), ["may have"]);
    assert_eq!(hedges("The mayor reportedly resigned."), ["reportedly"]);
    assert_eq!(
        hedges("The flow is expected to ease over the weekend."),
        ["is expected to"]
    );
    assert_eq!(hedges("Das Tor soll geklemmt haben."), ["soll"]);
    assert!(hedges("The gate failed in May 2024.").is_empty());
    assert!(hedges("A hydraulic line burst.").is_empty());
}

#[test]
fn other_scripts_scan_without_panic() {
    for s in [
        "東京で3,400人が避難した。",
        "قال رئيس البلدية إن 3400 شخص غادروا منازلهم.",
        "Ünïcödé — “quoted” ‘single’ «guillemets» 2:40",
        "\u{202E}reversed\u{202C} text with \u{200B}zero width",
        "",
        "...",
        "\"",
    ] {
        let atoms = claim_atoms(s);
        for a in &atoms {
            assert!(s.contains(&a.text), "{s:?}: {:?}", a.text);
        }
    }
    // A figure in a CJK sentence is still read, without inventing names (no case, no names).
    let cjk = claim_atoms("東京で 3,400 人が避難した。");
    assert!(
        cjk.iter()
            .any(|a| a.facet == Facet::Number && a.key == "3400")
    );
    assert!(cjk.iter().all(|a| a.facet != Facet::Name));
}

#[test]
fn row_claims_pair_what_both_sides_assert() {
    let c = compare_claims(
        "About 3,400 Kestleford residents were ordered out, Mayor Ruth Adeyemi said.",
        "About 2,100 people have left, Harl County officials said.",
    );
    let find = |f: Facet| c.iter().find(|x| x.facet == f).unwrap();
    let n = find(Facet::Number);
    assert_eq!(n.status, ClaimStatus::Differs);
    assert_eq!(n.left.as_deref(), Some("3,400 Kestleford residents"));
    assert_eq!(n.right.as_deref(), Some("2,100 people"));
    let s = find(Facet::Attribution);
    assert_eq!(s.status, ClaimStatus::Differs);
    assert_eq!(s.left.as_deref(), Some("Mayor Ruth Adeyemi"));
    assert_eq!(s.right.as_deref(), Some("Harl County officials"));

    // The same source and figure written differently are the same claim.
    let c = compare_claims(
        "Nobody else was hurt, according to the county.",
        "The county said nobody else was hurt.",
    );
    assert!(c.iter().all(|x| x.status == ClaimStatus::Same), "{c:#?}");

    // A hedge dropped is one-sided, never "differs" with nothing.
    let c = compare_claims("A line may have burst.", "A line burst.");
    assert_eq!(
        c,
        vec![Claim {
            facet: Facet::Hedge,
            status: ClaimStatus::LeftOnly,
            left: Some("may have".into()),
            right: None
        }]
    );

    // The day a statement was made does not differ from the day of the event it reports.
    let c = compare_claims(
        "The warehouse burned on Tuesday night.",
        "The warehouse burned, officials said on Wednesday.",
    );
    assert!(c.iter().all(|x| x.status != ClaimStatus::Differs), "{c:?}");

    // A time is never paired with a weekday.
    let c = compare_claims("It failed at 2:40 a.m.", "It failed on Saturday.");
    assert!(c.iter().all(|x| x.status != ClaimStatus::Differs), "{c:?}");

    // "Thousands" agrees with 3,400; it does not differ from it.
    let c = compare_claims("Thousands of people fled.", "About 3,400 people fled.");
    assert_eq!(c[0].status, ClaimStatus::Same);
}

#[test]
fn status_names_match_the_json() {
    for s in [
        ClaimStatus::Same,
        ClaimStatus::Differs,
        ClaimStatus::LeftOnly,
        ClaimStatus::RightOnly,
    ] {
        assert_eq!(serde_json::to_value(s).unwrap(), s.name());
    }
}

#[test]
fn a_partial_quote_of_the_same_words_is_the_same_quote() {
    let c = compare_claims(
        "Its director called the theft \"a wound to the whole city\".",
        "\"It is a wound to the whole city,\" the director said.",
    );
    let q = c.iter().find(|x| x.facet == Facet::Quote).expect("a quote");
    assert_eq!(q.status, ClaimStatus::Same);
    // A short stock phrase inside a longer quote is not taken for the same remark.
    let c = compare_claims(
        "He said it was \"a good day\".",
        "\"It was a good day for the club and its fans,\" he said.",
    );
    let q = c.iter().find(|x| x.facet == Facet::Quote).expect("a quote");
    assert_ne!(q.status, ClaimStatus::Same);
}

#[test]
fn an_apposition_names_the_person_and_what_they_are() {
    let src = |s| of(s, Facet::Attribution);
    assert_eq!(
        src("A spokesman for the port, Ivo Brandt, said the quay was closed."),
        [t(
            "A spokesman for the port, Ivo Brandt",
            "spokesman port ivo brandt",
            ""
        )]
    );
    // The name first, then what the person is: the name still ends the key (its surname).
    assert_eq!(
        src("Lena Voss, chief engineer of the Orlen water board, said the pipes held.")[0].1,
        "engineer orlen water board lena voss"
    );
    // An opening clause is no apposition: "After the meeting" says when, not who.
    assert_eq!(
        src("After the meeting, Mayor Ruth Adeyemi said the vote stood.")[0].0,
        "Mayor Ruth Adeyemi"
    );
    // The described source agrees with the institution alone and with the surname alone.
    let a = compare_claims(
        "The work was put off, the port said.",
        "A spokesman for the port, Ivo Brandt, said the work was put off.",
    );
    let s = a.iter().find(|c| c.facet == Facet::Attribution).unwrap();
    assert_eq!(s.status, ClaimStatus::Same);
    let b = compare_claims(
        "Brandt said the quay was shut.",
        "A spokesman for the port, Ivo Brandt, said the quay was shut.",
    );
    assert!(
        b.iter()
            .any(|c| c.facet == Facet::Attribution && c.status == ClaimStatus::Same)
    );
}

#[test]
fn nach_angaben_names_a_german_source_in_any_inflection() {
    assert_eq!(
        of(
            "Rund 400 Haushalte waren nach Angaben der Stadtwerke ohne Strom.",
            Facet::Attribution
        ),
        [t("der Stadtwerke", "stadtwerke", "")]
    );
    // "der Stadtwerke" and "Stadtwerken" are one source in two cases, not two sources.
    let c = compare_claims(
        "Rund 400 Haushalte waren nach Angaben der Stadtwerke ohne Strom.",
        "Laut Stadtwerken waren etwa 300 Haushalte ohne Strom.",
    );
    let s = c.iter().find(|c| c.facet == Facet::Attribution).unwrap();
    assert_eq!(s.status, ClaimStatus::Same, "{c:?}");
}

#[test]
fn a_pronoun_source_stands_for_the_source_named_before_it() {
    let texts: Vec<String> = [
        "Inspector Noor Said spoke to reporters on Friday.",
        "Detective Inspector Rhea Marsh said the thieves used a ladder.",
        "The alarm did not sound, she said.",
    ]
    .map(String::from)
    .to_vec();
    let a = text_atoms(&texts, 2);
    let s = a.iter().find(|x| x.facet == Facet::Attribution).unwrap();
    assert_eq!((s.text.as_str(), s.key.as_str()), ("she", "rhea marsh"));
    // So it differs from another outlet's source, where a bare "she" would agree with any.
    let other = claim_atoms("The alarm was off, a museum guard said.");
    let c = compare_atoms(&a, &other, crate::comparison::Mode::Accounts);
    let s = c.iter().find(|c| c.facet == Facet::Attribution).unwrap();
    assert_eq!(s.status, ClaimStatus::Differs);
    // Two pronouns standing for different people say whom each stands for.
    let theirs: Vec<String> = [
        "Mayor Ruth Adeyemi said the order stood.",
        "The alarm did not sound, she said.",
    ]
    .map(String::from)
    .to_vec();
    let c = compare_atoms(
        &a,
        &text_atoms(&theirs, 1),
        crate::comparison::Mode::Accounts,
    );
    let s = c.iter().find(|c| c.facet == Facet::Attribution).unwrap();
    assert_eq!(s.status, ClaimStatus::Differs);
    assert_eq!(
        (s.left.as_deref(), s.right.as_deref()),
        (
            Some("she (Detective Inspector Rhea Marsh)"),
            Some("she (Mayor Ruth Adeyemi)")
        )
    );
    // Without an earlier named source the pronoun keeps its key.
    let alone = text_atoms(&texts[2..], 0);
    assert!(
        alone
            .iter()
            .any(|x| x.facet == Facet::Attribution && x.key == "she")
    );
}

mod pairing;
