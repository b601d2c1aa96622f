//! One `batch` record: parse a JSONL line, compare its two versions, and render the result line at
//! the chosen detail. Pure per-record work (no I/O), so it runs on any worker thread; ordering,
//! resuming and writing are left to `batch`.

use std::collections::HashSet;

use parallax_engine::{
    ClaimStatus, CompareOptions, Comparison, Mode, Row, RowKind, Sentence, Significance, Summary,
    compare, compare_sentences,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How much of each comparison an output line carries.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fields {
    /// Counts by kind, significance and facet (and claim differences when the engine reports claims).
    Summary,
    /// The summary plus every row that is not `unchanged`, with its word segments.
    Rows,
    /// The whole `compare --format json` value.
    Full,
}

/// What a worker made of one record.
#[derive(Debug)]
pub enum Outcome {
    /// A result line (no trailing newline).
    Done(String),
    /// An error line `{"id", "line", "error"}` (no trailing newline).
    Failed(String),
    /// Already in the output of an earlier run (`--resume`).
    Skipped,
}

/// The ids (and, for records without one, the input line numbers) an earlier run already wrote.
#[derive(Debug, Default)]
pub struct Done {
    pub ids: HashSet<String>,
    pub lines: HashSet<usize>,
}

#[derive(Deserialize)]
struct Record {
    id: Option<Value>,
    article: Option<Value>,
    old: Option<Value>,
    new: Option<Value>,
    old_sentences: Option<Value>,
    new_sentences: Option<Value>,
}

const SHAPE: &str = r#"each line must be one JSON object {"id", "old", "new"} (texts) or {"id", "old_sentences", "new_sentences"} (lists of sentences)"#;

/// Compares the record on input line `line` and renders its output line.
pub fn process(
    line: usize,
    bytes: &[u8],
    fields: Fields,
    options: &CompareOptions,
    done: &Done,
) -> Outcome {
    let fail = |id: Option<&Value>, why: String| {
        if id.is_none() && done.lines.contains(&line) {
            return Outcome::Skipped;
        }
        let e = ErrorLine {
            id: id.unwrap_or(&Value::Null),
            line,
            error: why,
        };
        Outcome::Failed(serde_json::to_string(&e).unwrap_or_default())
    };
    let rec: Record = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(e) if e.is_data() => {
            return fail(
                None,
                format!("line {line} is not a JSON object ({e}); {SHAPE}."),
            );
        }
        Err(e) => {
            return fail(
                None,
                format!("line {line} is not valid JSON ({e}); {SHAPE}."),
            );
        }
    };
    let id = match &rec.id {
        Some(v @ (Value::String(_) | Value::Number(_))) => v,
        Some(other) => {
            let why = format!(
                "`id` is {}; give each record a string or number id so its result can be found",
                kind_of(other)
            );
            return fail(None, why);
        }
        None => {
            let why = "the record has no `id`; give each record a string or number id so its result can be found";
            return fail(None, why.into());
        }
    };
    let key = id.to_string();
    if done.ids.contains(&key) {
        return Outcome::Skipped;
    }
    let comparison = match versions(rec.old, rec.new, rec.old_sentences, rec.new_sentences) {
        Ok(Versions::Texts(old, new)) => compare(&old, &new, options),
        Ok(Versions::Sentences(old, new)) => compare_sentences(old, new, options),
        Err(why) => return fail(Some(id), why),
    };
    match render(&key, rec.article.as_ref(), &comparison, fields) {
        Ok(s) => Outcome::Done(s),
        Err(e) => fail(
            Some(id),
            format!("the result could not be written as JSON ({e})"),
        ),
    }
}

enum Versions {
    Texts(String, String),
    Sentences(Vec<Sentence>, Vec<Sentence>),
}

fn versions(
    old: Option<Value>,
    new: Option<Value>,
    old_sentences: Option<Value>,
    new_sentences: Option<Value>,
) -> Result<Versions, String> {
    match (old, new, old_sentences, new_sentences) {
        (Some(o), Some(n), None, None) => Ok(Versions::Texts(text("old", o)?, text("new", n)?)),
        (None, None, Some(o), Some(n)) => Ok(Versions::Sentences(
            sentences("old_sentences", o)?,
            sentences("new_sentences", n)?,
        )),
        (o, n, os, ns) if (o.is_some() || n.is_some()) && (os.is_some() || ns.is_some()) => Err(
            "the record has both texts and sentence lists; give either `old` and `new` or `old_sentences` and `new_sentences`".into(),
        ),
        (Some(_), None, ..) => Err("the record has `old` but no `new`; give both versions".into()),
        (None, Some(_), ..) => Err("the record has `new` but no `old`; give both versions".into()),
        (.., Some(_), None) => Err(
            "the record has `old_sentences` but no `new_sentences`; give both versions".into(),
        ),
        (.., None, Some(_)) => Err(
            "the record has `new_sentences` but no `old_sentences`; give both versions".into(),
        ),
        _ => Err(format!("the record has no versions to compare; {SHAPE}")),
    }
}

fn text(field: &str, v: Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s),
        other => Err(format!(
            "`{field}` is {}, not text; give the version as a JSON string (paragraphs separated by blank lines)",
            kind_of(&other)
        )),
    }
}

fn sentences(field: &str, v: Value) -> Result<Vec<Sentence>, String> {
    let Value::Array(items) = v else {
        return Err(format!(
            "`{field}` is {}, not a list; give the sentences as a JSON array of strings",
            kind_of(&v)
        ));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, s)| match s {
            Value::String(text) => Ok(Sentence { text, paragraph: 0 }),
            other => Err(format!(
                "`{field}`[{i}] is {}, not text; every sentence must be a JSON string",
                kind_of(&other)
            )),
        })
        .collect()
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    line: usize,
    error: String,
}

#[derive(Serialize)]
struct SummaryLine<'a> {
    mode: Mode,
    left_sentences: usize,
    right_sentences: usize,
    summary: &'a Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<Vec<ClaimCount>>,
}

#[derive(Serialize)]
struct RowsLine<'a> {
    mode: Mode,
    left_sentences: usize,
    right_sentences: usize,
    summary: &'a Summary,
    rows: Vec<&'a Row>,
}

/// Claim differences of one status on one facet, summed over the comparison's rows.
#[derive(Serialize, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct ClaimCount {
    facet: String,
    status: String,
    count: usize,
}

/// Renders `{"id", ["article",] ...}`: the id first, then the chosen detail's fields.
fn render(
    id: &str,
    article: Option<&Value>,
    c: &Comparison,
    fields: Fields,
) -> serde_json::Result<String> {
    let body = match fields {
        Fields::Summary => serde_json::to_string(&SummaryLine {
            mode: c.mode,
            left_sentences: c.left.len(),
            right_sentences: c.right.len(),
            summary: &c.summary,
            claims: Some(claim_differences(&c.rows)),
        })?,
        Fields::Rows => serde_json::to_string(&RowsLine {
            mode: c.mode,
            left_sentences: c.left.len(),
            right_sentences: c.right.len(),
            summary: &c.summary,
            rows: c
                .rows
                .iter()
                .filter(|r| r.kind != RowKind::Unchanged)
                .collect(),
        })?,
        Fields::Full => serde_json::to_string(c)?,
    };
    let mut line = String::with_capacity(body.len() + id.len() + 32);
    line.push_str("{\"id\":");
    line.push_str(id);
    if let Some(a) = article {
        line.push_str(",\"article\":");
        line.push_str(&serde_json::to_string(a)?);
    }
    line.push(',');
    line.push_str(&body[1..]); // every body is a non-empty object: `{"mode":...}`
    Ok(line)
}

/// Counts the claims whose status is not `same`, by facet and status, over the changed rows.
fn claim_differences(rows: &[Row]) -> Vec<ClaimCount> {
    let mut counts: Vec<ClaimCount> = Vec::new();
    // A row whose text did not change (unchanged, or moved as it was) asserts the same claims.
    for r in rows.iter().filter(|r| r.significance != Significance::None) {
        for claim in r.claims.iter().filter(|c| c.status != ClaimStatus::Same) {
            let (facet, status) = (claim.facet.name(), claim.status.name());
            match counts
                .iter_mut()
                .find(|c| c.facet == facet && c.status == status)
            {
                Some(c) => c.count += 1,
                None => counts.push(ClaimCount {
                    facet: facet.to_string(),
                    status: status.to_string(),
                    count: 1,
                }),
            }
        }
    }
    counts.sort();
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(line: &str, fields: Fields) -> Outcome {
        process(
            7,
            line.as_bytes(),
            fields,
            &CompareOptions::default(),
            &Done::default(),
        )
    }

    fn failed(line: &str) -> Value {
        match run(line, Fields::Summary) {
            Outcome::Failed(s) => serde_json::from_str(&s).unwrap(),
            other => panic!("expected an error line, got {other:?}"),
        }
    }

    #[test]
    fn texts_and_sentence_lists_give_the_same_summary() {
        let texts = r#"{"id":"a","old":"The council approved 12 homes. The vote was close.","new":"The council approved 40 homes. The vote was close."}"#;
        let lists = r#"{"id":"a","old_sentences":["The council approved 12 homes.","The vote was close."],"new_sentences":["The council approved 40 homes.","The vote was close."]}"#;
        let (Outcome::Done(x), Outcome::Done(y)) =
            (run(texts, Fields::Summary), run(lists, Fields::Summary))
        else {
            panic!("both records are valid");
        };
        assert_eq!(x, y);
        let v: Value = serde_json::from_str(&x).unwrap();
        assert_eq!(v["id"], "a");
        assert_eq!(v["summary"]["edited"], 1);
        assert_eq!(v["summary"]["facets"][0]["facet"], "number");
        assert!(x.starts_with(r#"{"id":"a","#), "the id comes first: {x}");
    }

    #[test]
    fn full_is_the_compare_json_with_the_id_and_article_in_front() {
        let line = r#"{"id":3,"article":"harl-flood","old":"A b c.","new":"A b d."}"#;
        let Outcome::Done(s) = run(line, Fields::Full) else {
            panic!()
        };
        let mut v: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["id"], 3);
        assert_eq!(v["article"], "harl-flood");
        let obj = v.as_object_mut().unwrap();
        obj.remove("id");
        obj.remove("article");
        let c = compare("A b c.", "A b d.", &CompareOptions::default());
        // Through text, as the batch line is: `confidence` is an f32, which `to_value` would widen.
        let expected: Value = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(v, expected);
    }

    #[test]
    fn rows_leaves_out_unchanged_rows() {
        let line =
            r#"{"id":"r","old":"Same here. The count was 3.","new":"Same here. The count was 4."}"#;
        let Outcome::Done(s) = run(line, Fields::Rows) else {
            panic!()
        };
        let v: Value = serde_json::from_str(&s).unwrap();
        let rows = v["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["kind"], "edited");
        assert_eq!(v["summary"]["unchanged"], 1);
    }

    #[test]
    fn bad_records_say_what_is_wrong_and_what_to_do() {
        let e = failed("not json at all");
        assert_eq!(e["id"], Value::Null);
        assert_eq!(e["line"], 7);
        assert!(
            e["error"].as_str().unwrap().contains("not valid JSON"),
            "{e}"
        );

        let e = failed(r#"["a","b"]"#);
        assert!(
            e["error"].as_str().unwrap().contains("not a JSON object"),
            "{e}"
        );

        let e = failed(r#"{"id":"x","old":"A."}"#);
        assert_eq!(e["id"], "x");
        assert!(e["error"].as_str().unwrap().contains("no `new`"), "{e}");

        let e = failed(r#"{"id":"x","old":5,"new":"A."}"#);
        assert!(
            e["error"]
                .as_str()
                .unwrap()
                .contains("`old` is a number, not text"),
            "{e}"
        );

        let e = failed(r#"{"id":"x","old_sentences":["A.", 2],"new_sentences":[]}"#);
        assert!(
            e["error"]
                .as_str()
                .unwrap()
                .contains("`old_sentences`[1] is a number"),
            "{e}"
        );

        let e = failed(r#"{"old":"A.","new":"B."}"#);
        assert!(e["error"].as_str().unwrap().contains("no `id`"), "{e}");

        let e = failed(r#"{"id":{"a":1},"old":"A.","new":"B."}"#);
        assert!(
            e["error"].as_str().unwrap().contains("`id` is an object"),
            "{e}"
        );

        let e = failed(r#"{"id":"x","old":"A.","new":"B.","new_sentences":["B."]}"#);
        assert!(
            e["error"]
                .as_str()
                .unwrap()
                .contains("both texts and sentence lists"),
            "{e}"
        );
    }

    #[test]
    fn done_ids_and_lines_are_skipped() {
        let mut done = Done::default();
        done.ids.insert("\"a\"".into());
        done.lines.insert(7);
        let o = CompareOptions::default();
        let skip = |l: &str| {
            matches!(
                process(7, l.as_bytes(), Fields::Summary, &o, &done),
                Outcome::Skipped
            )
        };
        assert!(skip(r#"{"id":"a","old":"A.","new":"B."}"#));
        assert!(!skip(r#"{"id":"b","old":"A.","new":"B."}"#));
        // A record without an id is known by its line: its error line was written last time.
        assert!(skip(r#"{"old":"A.","new":"B."}"#));
    }
}
