//! `parallax batch` and `parallax stats` end to end: the real binary on a generated corpus
//! (`bench --write-corpus`) in a temporary folder: record-level errors, order, threads, resume.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Writes a generated corpus of `pairs` records into `dir` and returns its path.
fn corpus(dir: &Path, pairs: u64) -> PathBuf {
    let path = dir.join(format!("corpus-{pairs}.jsonl"));
    let o = parallax(&[
        "bench",
        "--write-corpus",
        s(&path),
        "--pairs",
        &pairs.to_string(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    path
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn bad_records_get_an_error_line_in_place_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let records = [
        r#"{"id":"ok-1","old":"The council approved 12 homes.","new":"The council approved 40 homes."}"#,
        r#"this is not json"#,
        r#"{"id":"no-new","old":"A sentence."}"#,
        r#"{"id":"number","old":17,"new":"A sentence."}"#,
        "",
        r#"{"id":"ok-2","old_sentences":["One.","Two."],"new_sentences":["One.","Two!"]}"#,
    ];
    std::fs::write(&input, records.join("\n")).unwrap();
    let out = dir.path().join("out.jsonl");
    let o = parallax(&["batch", "--jsonl", s(&input), "--output", s(&out)]);
    // The exit code says some records failed; stderr says how many and where to look.
    assert_eq!(o.status.code(), Some(5), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("3 of 5 records could not be compared"),
        "{err}"
    );
    let got = lines(&out);
    assert_eq!(
        got.len(),
        5,
        "one line per record (the blank line is no record)"
    );
    let ids: Vec<&Value> = got.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("ok-1"),
            &Value::Null,
            &Value::from("no-new"),
            &Value::from("number"),
            &Value::from("ok-2")
        ]
    );
    assert_eq!(got[0]["summary"]["substantive"], 1);
    assert_eq!(got[1]["line"], 2);
    assert!(got[1]["error"].as_str().unwrap().contains("not valid JSON"));
    assert!(got[2]["error"].as_str().unwrap().contains("no `new`"));
    assert!(got[3]["error"].as_str().unwrap().contains("not text"));
    assert_eq!(got[4]["summary"]["cosmetic"], 1);
    assert!(got[4].get("error").is_none());

    // All good: exit 0, and stdin works as input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["batch", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(records[0].as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        o.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    assert_eq!(text(&o.stdout).lines().count(), 1);
}

#[test]
fn one_thread_and_many_give_the_same_output_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 300);
    let run = |threads: &str, fields: &str| {
        let o = parallax(&[
            "batch",
            "--jsonl",
            s(&input),
            "--threads",
            threads,
            "--fields",
            fields,
        ]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        o.stdout
    };
    let one = run("1", "rows");
    let four = run("4", "rows");
    assert!(one == four, "threads 1 and 4 differ");
    let want: Vec<Value> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    let got: Vec<Value> = text(&one)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(got, want, "results in input order");
    // The corpus holds every kind of revision, so the output is not trivially the same line.
    let subst = text(&one).matches("\"substantive\":0,").count();
    assert!(
        subst > 10 && subst < 200,
        "{subst} of 300 revisions without a substantive edit"
    );
    assert!(run("2", "full") == run("3", "full"));
}

#[test]
fn a_killed_run_resumed_gives_the_uninterrupted_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 1500);
    let whole = dir.path().join("whole.jsonl");
    let o = parallax(&[
        "batch",
        "--jsonl",
        s(&input),
        "--output",
        s(&whole),
        "--threads",
        "2",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let whole = std::fs::read(&whole).unwrap();

    let cut = dir.path().join("cut.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "batch",
            "--jsonl",
            s(&input),
            "--output",
            s(&cut),
            "--threads",
            "2",
        ])
        .spawn()
        .unwrap();
    // Kill it once it has written something, mid-run.
    let t = Instant::now();
    while std::fs::metadata(&cut).map_or(0, |m| m.len()) < 100_000
        && t.elapsed() < Duration::from_secs(120)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = std::fs::read(&cut).unwrap();
    assert!(
        !partial.is_empty() && partial.len() < whole.len(),
        "the run was cut mid-way: {} of {} bytes",
        partial.len(),
        whole.len()
    );
    assert!(
        whole.starts_with(&partial),
        "what was written is a prefix of the whole"
    );

    // Without --resume the existing file is not overwritten.
    let o = parallax(&["batch", "--jsonl", s(&input), "--output", s(&cut)]);
    assert_eq!(o.status.code(), Some(6));
    assert!(
        text(&o.stderr).contains("add --resume"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(std::fs::read(&cut).unwrap(), partial);

    let resume = || {
        let o = parallax(&[
            "batch",
            "--jsonl",
            s(&input),
            "--output",
            s(&cut),
            "--resume",
        ]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        std::fs::read(&cut).unwrap() == whole
    };
    assert!(
        resume(),
        "resumed output differs from the uninterrupted run"
    );
    assert!(resume(), "resuming a finished run changes nothing");
}

#[test]
fn resume_skips_error_lines_too_and_refuses_a_foreign_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"id\":1,\"old\":\"A b.\",\"new\":\"A c.\"}\nnot json\n{\"id\":2,\"old\":\"A b.\",\"new\":\"A b.\"}\n").unwrap();
    let out = dir.path().join("out.jsonl");
    assert_eq!(
        parallax(&["batch", "--jsonl", s(&input), "--output", s(&out)])
            .status
            .code(),
        Some(5)
    );
    let before = std::fs::read_to_string(&out).unwrap();
    // Drop the last line and half of the one before, as a kill mid-write would.
    let keep = before.lines().next().unwrap().len() + 1 + 5;
    std::fs::write(&out, &before[..keep]).unwrap();
    assert_eq!(
        parallax(&[
            "batch",
            "--jsonl",
            s(&input),
            "--output",
            s(&out),
            "--resume"
        ])
        .status
        .code(),
        Some(5)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), before);

    let foreign = dir.path().join("notes.jsonl");
    std::fs::write(&foreign, "my notes\n").unwrap();
    let o = parallax(&[
        "batch",
        "--jsonl",
        s(&input),
        "--output",
        s(&foreign),
        "--resume",
    ]);
    assert_eq!(o.status.code(), Some(5));
    assert!(text(&o.stderr).contains("not one"), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(&foreign).unwrap(),
        "my notes\n",
        "nothing lost"
    );
}

#[test]
fn stats_summarise_a_batch_run_as_table_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 200);
    let out = dir.path().join("out.jsonl");
    assert!(
        parallax(&["batch", "--jsonl", s(&input), "--output", s(&out)])
            .status
            .success()
    );
    let o = parallax(&["stats", s(&out), "--format", "json", "--top", "3"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let st: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(st["records"], 200);
    assert_eq!(st["failed"], 0);
    let parts = [
        "substantive_revisions",
        "cosmetic_only_revisions",
        "unchanged_revisions",
    ]
    .map(|k| st[k].as_u64().unwrap());
    assert_eq!(parts.iter().sum::<u64>(), 200);
    assert!(
        parts.iter().all(|&n| n > 0),
        "the corpus has every kind of revision: {parts:?}"
    );
    // The facet counts are the per-record counts summed.
    let mut numbers = 0;
    for v in lines(&out) {
        for f in v["summary"]["facets"].as_array().unwrap() {
            if f["facet"] == "number" {
                numbers += f["count"].as_u64().unwrap();
            }
        }
    }
    let facet = st["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["facet"] == "number")
        .unwrap();
    assert_eq!(facet["count"], numbers);
    let top = st["most_edited"].as_array().unwrap();
    assert_eq!(top.len(), 3);
    assert!(top[0]["substantive_edits"].as_u64() >= top[1]["substantive_edits"].as_u64());
    assert!(
        top[0]["article"].as_str().unwrap().starts_with('a'),
        "grouped by article, not by revision id"
    );

    let o = parallax(&["stats", s(&out)]);
    let table = text(&o.stdout);
    assert!(
        table.contains("substantive edits per facet") && table.contains("most edited articles"),
        "{table}"
    );
    let o = parallax(&["stats", s(&input)]);
    assert_eq!(o.status.code(), Some(5), "a corpus is not batch output");
    assert!(text(&o.stderr).contains("line 1"), "{}", text(&o.stderr));
}
