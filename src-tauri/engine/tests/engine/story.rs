//! Story fixtures (`tests/story-fixtures/<event>/NN-outlet.txt`, repo root) and the sample story:
//! snapshots of the claim rows, and the gold rows and disputes of each fixture's `gold.json`.

use std::path::{Path, PathBuf};

use parallax_engine::story::{Story, story};
use serde::Serialize;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// (account name, body) of every account file of a fixture, in file-name order. A sample file's
/// header (lines before `---`) is left out.
fn accounts(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy();
            let name = stem.split_once('-').map_or(&*stem, |(_, n)| n).to_string();
            let text = std::fs::read_to_string(p).unwrap();
            let body = text.split_once("\n---\n").map_or(text.as_str(), |(_, b)| b);
            (name, body.to_string())
        })
        .collect()
}

fn story_of(dir: &Path) -> Story {
    let acc = accounts(dir);
    let refs: Vec<(&str, &str)> = acc.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    story(&refs)
}

/// The rows as a reader sees them: per row its coverage, each account's sentences, disputes.
#[derive(Serialize)]
struct View {
    summary: String,
    rows: Vec<RowView>,
}

#[derive(Debug, Serialize)]
struct RowView {
    status: String,
    cells: Vec<Vec<String>>,
    disputes: Vec<String>,
}

fn view(s: &Story) -> View {
    let rows = s
        .claims
        .iter()
        .map(|c| RowView {
            status: serde_json::to_value(c.status)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string(),
            cells: c
                .cells
                .iter()
                .map(|cell| {
                    let sents = &s.accounts[cell.account].sentences;
                    cell.sentences
                        .iter()
                        .map(|&i| sents[i].text.clone())
                        .collect()
                })
                .collect(),
            disputes: c
                .disputes
                .iter()
                .map(|d| {
                    let v: Vec<String> = d
                        .values
                        .iter()
                        .map(|v| format!("{}: {}", s.accounts[v.account].name, v.text))
                        .collect();
                    format!("{} [{}] {}", d.facet.name(), d.slot, v.join(" | "))
                })
                .collect(),
        })
        .collect();
    View {
        summary: s.summary.text.clone(),
        rows,
    }
}

fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = root().join("tests/story-fixtures");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    out.sort();
    out
}

#[test]
fn story_snapshots() {
    let all = fixtures();
    assert!(all.len() >= 2, "story fixtures: {}", all.len());
    for (name, dir) in all {
        insta::assert_json_snapshot!(format!("story-{name}"), view(&story_of(&dir)));
    }
    let sample = root().join("src-tauri/store/sample");
    insta::assert_json_snapshot!("story-sample", view(&story_of(&sample)));
}

#[derive(serde::Deserialize)]
struct Gold {
    together: Vec<Vec<Option<String>>>,
    disputes: Vec<GoldDispute>,
}

#[derive(serde::Deserialize)]
struct GoldDispute {
    facet: String,
    values: Vec<String>,
}

#[test]
fn gold_rows_and_disputes_are_found() {
    for (name, dir) in fixtures() {
        let gold: Gold =
            serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
        let s = story_of(&dir);
        let v = view(&s);
        for want in &gold.together {
            let found = v.rows.iter().any(|r| {
                want.iter().zip(&r.cells).all(|(w, cell)| match w {
                    Some(opening) => cell.iter().any(|t| t.starts_with(opening.as_str())),
                    None => cell.is_empty(),
                })
            });
            assert!(found, "{name}: no row {want:?}\n{:#?}", v.rows);
        }
        for want in &gold.disputes {
            let found = s.claims.iter().any(|c| {
                c.disputes.iter().any(|d| {
                    d.facet.name() == want.facet
                        && want
                            .values
                            .iter()
                            .all(|w| d.values.iter().any(|x| x.text.starts_with(w.as_str())))
                })
            });
            assert!(
                found,
                "{name}: no {} dispute {:?}\n{:#?}",
                want.facet, want.values, v.rows
            );
        }
    }
}
