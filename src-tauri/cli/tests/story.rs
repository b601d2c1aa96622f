//! `parallax story` end to end: the real binary on the sample story's three accounts and on
//! bad arguments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

fn sample(name: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../store/sample")
        .join(name);
    p.to_string_lossy().into_owned()
}

#[test]
fn json_names_the_accounts_and_the_disputed_evacuation_figure() {
    let (c, w, m) = (
        sample("courier.txt"),
        sample("wire.txt"),
        sample("meridian.txt"),
    );
    let o = parallax(&["story", &c, &w, &m, "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "The Kestleford Courier",
            "Northern Wire",
            "The Meridian Daily"
        ]
    );
    // The header is not a sentence.
    assert!(
        v["accounts"][0]["sentences"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("About 3,400")
    );
    let first = &v["claims"][0];
    assert_eq!(first["status"], "all");
    assert_eq!(first["cells"].as_array().unwrap().len(), 3);
    let figure = first["disputes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["facet"] == "number")
        .expect("a number dispute");
    let texts: Vec<&str> = figure["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"3,400 Kestleford residents"), "{texts:?}");
    assert!(texts.contains(&"2,100 people"), "{texts:?}");
    assert_eq!(v["summary"]["accounts"], 3);
    assert!(
        v["summary"]["text"]
            .as_str()
            .unwrap()
            .starts_with("3 accounts · ")
    );
}

#[test]
fn text_and_markdown_use_the_given_names() {
    let (c, w) = (sample("courier.txt"), sample("wire.txt"));
    let o = parallax(&["story", &c, &w, "--names", "Courier,Wire"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("2 accounts · "), "{out}");
    assert!(
        out.contains("disputed number: 3,400 Kestleford residents (Courier) / 2,100 people (Wire)"),
        "{out}"
    );
    let o = parallax(&["story", &c, &w, "--names", "Courier,Wire", "--format", "md"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("| # | Courier | Wire | Disputed |"), "{out}");
}

#[test]
fn bad_arguments_say_what_to_do() {
    let c = sample("courier.txt");
    let o = parallax(&["story", &c]);
    assert_eq!(o.status.code(), Some(2));
    let o = parallax(&["story", &c, &c, "--names", "One"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Give one name per file"));
    let o = parallax(&["story", &c, "/no/such/account.txt"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file"));
}
