//! The news-accounts corpus (`tests/fixtures/accounts/<name>/`): fictional outlets' accounts of one
//! event with the links a careful reader draws (`links`, plus defensible `maybe` links that count
//! neither way) and the claim differences of those links (`claims`: left sentence, facet, status).
//! Sentences are named by the start of their text, so the gold does not depend on segmentation.

use std::path::{Path, PathBuf};

use parallax_engine::{ClaimStatus, CompareOptions, Comparison, compare};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A side's text: a file beside the gold, or `sample:NAME` (the sample library's article body).
fn side(dir: &Path, gold: &Value, key: &str) -> String {
    match gold[key].as_str() {
        Some(s) if s.starts_with("sample:") => {
            let p = root()
                .join("src-tauri/store/sample")
                .join(format!("{}.txt", &s[7..]));
            let t = std::fs::read_to_string(p).unwrap();
            t.split_once("\n---\n").unwrap().1.to_string()
        }
        _ => std::fs::read_to_string(dir.join(format!("{key}.txt"))).unwrap(),
    }
}

fn find(sents: &[parallax_engine::Sentence], prefix: &str, name: &str) -> usize {
    sents
        .iter()
        .position(|s| s.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("{name}: no sentence starts with {prefix:?}"))
}

fn pairs(v: &Value, c: &Comparison, name: &str) -> Vec<(usize, usize)> {
    v.as_array()
        .map(|l| {
            l.iter()
                .map(|p| {
                    (
                        find(&c.left, p[0].as_str().unwrap(), name),
                        find(&c.right, p[1].as_str().unwrap(), name),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default, Debug)]
struct Score {
    correct: usize,
    predicted: usize,
    gold: usize,
    claims_found: usize,
    claims_gold: usize,
    false_differs: Vec<String>,
}

fn score_one(name: &str, dir: &Path) -> (Score, Comparison) {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    // The word diffs' time budget is lifted: on a loaded machine a debug build may spend it, and
    // the coarser diffs it then falls back to would change the snapshots, not the quality.
    let opts = CompareOptions {
        word_deadline: std::time::Duration::from_secs(600),
        ..CompareOptions::default()
    };
    let c = compare(&side(dir, &gold, "a"), &side(dir, &gold, "b"), &opts);
    let links = pairs(&gold["links"], &c, name);
    let maybe = pairs(&gold["maybe"], &c, name);
    let mut s = Score {
        gold: links.len(),
        ..Score::default()
    };
    for r in &c.rows {
        for &i in &r.left {
            for &j in &r.right {
                if links.contains(&(i, j)) {
                    s.correct += 1;
                    s.predicted += 1;
                } else if !maybe.contains(&(i, j)) {
                    s.predicted += 1;
                }
            }
        }
    }
    let claims: Vec<(usize, String, String)> = gold["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                find(&c.left, x[0].as_str().unwrap(), name),
                x[1].as_str().unwrap().to_string(),
                x[2].as_str().unwrap().to_string(),
            )
        })
        .collect();
    s.claims_gold = claims.len();
    for (i, facet, status) in &claims {
        let row = c.rows.iter().find(|r| r.left.contains(i)).unwrap();
        if row.claims.iter().any(|x| {
            x.facet.name() == facet && serde_json::to_value(x.status).unwrap() == status.as_str()
        }) {
            s.claims_found += 1;
        }
    }
    // A `differs` the gold does not name, on a row the gold links, is a false alarm.
    for r in &c.rows {
        let linked = r
            .left
            .iter()
            .any(|&i| links.iter().any(|&(a, b)| a == i && r.right.contains(&b)));
        if !linked {
            continue;
        }
        for x in r.claims.iter().filter(|x| x.status == ClaimStatus::Differs) {
            let named = claims
                .iter()
                .any(|(i, f, st)| r.left.contains(i) && f == x.facet.name() && st == "differs");
            if !named {
                s.false_differs.push(format!(
                    "{name}: {:?} {:?} -> {:?}",
                    x.facet, x.left, x.right
                ));
            }
        }
    }
    (s, c)
}

#[test]
fn news_accounts_corpus() {
    let dir = root().join("tests/fixtures/accounts");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut total = Score::default();
    for name in &names {
        let (s, c) = score_one(name, &dir.join(name));
        eprintln!(
            "{name}: links {}/{} predicted, {} gold; claims {}/{}; false differs {:?}",
            s.correct, s.predicted, s.gold, s.claims_found, s.claims_gold, s.false_differs
        );
        insta::assert_json_snapshot!(format!("accounts-{name}"), c);
        total.correct += s.correct;
        total.predicted += s.predicted;
        total.gold += s.gold;
        total.claims_found += s.claims_found;
        total.claims_gold += s.claims_gold;
        total.false_differs.extend(s.false_differs);
    }
    let p = total.correct as f64 / total.predicted.max(1) as f64;
    let r = total.correct as f64 / total.gold.max(1) as f64;
    let cr = total.claims_found as f64 / total.claims_gold.max(1) as f64;
    eprintln!(
        "corpus: link P {p:.3} R {r:.3}; claim differences found {cr:.3}; false differs {}",
        total.false_differs.len()
    );
    // Issue 10's targets are link P >= .95, R >= .85, claim differences >= .95 with no false
    // `differs`. The engine meets them all on the eight pairs (P .976, R .952, every claim
    // difference found); the floors hold what it reaches, so any drop fails.
    assert!(
        r >= 0.95,
        "link recall {r:.3} fell (target .85, reached .952)"
    );
    assert!(
        p >= 0.97,
        "link precision {p:.3} fell (target .95, reached .976)"
    );
    assert!(
        cr >= 0.999,
        "claim differences found {cr:.3} fell (target .95, reached 1)"
    );
    assert!(
        total.false_differs.is_empty(),
        "false differs: {:?}",
        total.false_differs
    );
}

/// The sample story's door-to-door sentence reports what only the Courier tells (police and
/// firefighters with loudhailers, the sirens); in no pair of the three accounts and in neither
/// auto nor accounts mode may it be linked, least of all to the Wire's Brevik sentence, which
/// shares a topic word with it and nothing it claims.
#[test]
fn the_sample_story_links_no_unrelated_sentences_issue_10() {
    use parallax_engine::ModeChoice;
    let body = |name: &str| {
        let p = root().join(format!("src-tauri/store/sample/{name}.txt"));
        let t = std::fs::read_to_string(p).unwrap();
        t.split_once("\n---\n").unwrap().1.to_string()
    };
    let lonely = ["Police and volunteer firefighters", "Tomas Brevik"];
    for (a, b) in [
        ("courier", "wire"),
        ("courier", "meridian"),
        ("wire", "meridian"),
        ("wire", "courier"),
    ] {
        for mode in [ModeChoice::Auto, ModeChoice::Accounts] {
            let opts = CompareOptions {
                mode,
                ..CompareOptions::default()
            };
            let c = compare(&body(a), &body(b), &opts);
            for r in &c.rows {
                let texts: Vec<&str> = r
                    .left
                    .iter()
                    .map(|&i| c.left[i].text.as_str())
                    .chain(r.right.iter().map(|&j| c.right[j].text.as_str()))
                    .collect();
                let linked = !r.left.is_empty() && !r.right.is_empty();
                let door = texts.iter().any(|t| t.starts_with(lonely[0]));
                assert!(
                    !(linked && door),
                    "{a}/{b} {mode:?}: the door-to-door sentence is linked: {texts:?}"
                );
                let both = lonely
                    .iter()
                    .all(|p| texts.iter().any(|t| t.starts_with(p)));
                assert!(!both, "{a}/{b} {mode:?}: {texts:?}");
            }
        }
    }
}
