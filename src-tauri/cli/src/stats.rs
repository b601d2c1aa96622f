//! `parallax stats OUT`: corpus statistics over `parallax batch` output (any `--fields`, since all
//! carry the summary): substantive edits per facet, the share of cosmetic-only revisions and the
//! most edited articles, as a table or JSON. Reads the results only; comparing is `batch`'s job.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::CliError;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsFormat {
    Table,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// Output of `parallax batch` (JSONL), `-` for stdin.
    pub results: PathBuf,
    /// `table` for people, `json` for scripts.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// How many of the most edited articles to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

/// One batch result line, as far as statistics need it.
#[derive(Deserialize)]
struct ResultLine {
    id: Option<Value>,
    article: Option<Value>,
    error: Option<String>,
    summary: Option<LineSummary>,
    claims: Option<Vec<ClaimCount>>,
}

#[derive(Deserialize)]
struct LineSummary {
    substantive: u64,
    cosmetic: u64,
    #[serde(default)]
    facets: Vec<FacetCount>,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub facet: String,
    pub count: u64,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClaimCount {
    pub facet: String,
    pub status: String,
    pub count: u64,
}

/// The statistics of one results file (the `--format json` object).
#[derive(Serialize, Debug, Default, PartialEq)]
pub struct Stats {
    /// Result lines read.
    pub records: u64,
    /// Of those, records that could not be compared (error lines).
    pub failed: u64,
    /// Revisions with at least one substantive row.
    pub substantive_revisions: u64,
    /// Revisions whose only changes are cosmetic.
    pub cosmetic_only_revisions: u64,
    /// Revisions with no changed text (identical, or only moved sentences).
    pub unchanged_revisions: u64,
    /// cosmetic-only ÷ (substantive + cosmetic-only): of the revisions that changed the text, the share that changed nothing a claim rests on.
    pub cosmetic_only_share: f64,
    /// Substantive rows over the whole corpus.
    pub substantive_edits: u64,
    /// Cosmetic rows over the whole corpus.
    pub cosmetic_edits: u64,
    /// Changed rows per facet, most first (a row touching two facets counts for both).
    pub facets: Vec<FacetCount>,
    /// Claim differences by facet and status, when the results carry them (newer engines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<Vec<ClaimCount>>,
    /// The articles with the most substantive rows (by `article` when the records name one, else by `id`).
    pub most_edited: Vec<Edited>,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub article: Value,
    pub revisions: u64,
    pub substantive_edits: u64,
    pub cosmetic_edits: u64,
}

pub fn run(args: &StatsArgs) -> Result<(), CliError> {
    let input: Box<dyn Read> = if args.results.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(crate::input::open_text(&args.results)?)
    };
    let stats = collect(BufReader::new(input), &args.results, args.top)?;
    let text = match args.format {
        StatsFormat::Json => {
            serde_json::to_string_pretty(&stats).map_err(|e| CliError::Output(e.to_string()))?
                + "\n"
        }
        StatsFormat::Table => table(&stats),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| CliError::Output(e.to_string()))
}

/// Reads result lines and sums them; a line that is not batch output names its line number.
pub fn collect(input: impl BufRead, path: &std::path::Path, top: usize) -> Result<Stats, CliError> {
    let mut s = Stats::default();
    let mut facets: HashMap<String, u64> = HashMap::new();
    let mut claims: Option<HashMap<(String, String), u64>> = None;
    // Article key (its JSON) → (article, revisions, substantive, cosmetic).
    let mut articles: HashMap<String, Edited> = HashMap::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| CliError::read(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| CliError::BadRecord {
            path: path.to_path_buf(),
            line: n + 1,
            reason: format!("{reason}; `parallax stats` reads the output of `parallax batch`"),
        };
        let r: ResultLine = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
        s.records += 1;
        if r.error.is_some() {
            s.failed += 1;
            continue;
        }
        let Some(sum) = r.summary else {
            return Err(bad("it has neither `summary` nor `error`".into()));
        };
        match (sum.substantive, sum.cosmetic) {
            (0, 0) => s.unchanged_revisions += 1,
            (0, _) => s.cosmetic_only_revisions += 1,
            _ => s.substantive_revisions += 1,
        }
        s.substantive_edits += sum.substantive;
        s.cosmetic_edits += sum.cosmetic;
        for f in sum.facets {
            *facets.entry(f.facet).or_default() += f.count;
        }
        if let Some(cs) = r.claims {
            let all = claims.get_or_insert_with(HashMap::new);
            for c in cs {
                *all.entry((c.facet, c.status)).or_default() += c.count;
            }
        }
        let article = r.article.or(r.id).unwrap_or(Value::Null);
        let e = articles
            .entry(article.to_string())
            .or_insert_with(|| Edited {
                article,
                revisions: 0,
                substantive_edits: 0,
                cosmetic_edits: 0,
            });
        e.revisions += 1;
        e.substantive_edits += sum.substantive;
        e.cosmetic_edits += sum.cosmetic;
    }
    let changed = s.substantive_revisions + s.cosmetic_only_revisions;
    s.cosmetic_only_share = if changed == 0 {
        0.0
    } else {
        s.cosmetic_only_revisions as f64 / changed as f64
    };
    s.facets = facets
        .into_iter()
        .map(|(facet, count)| FacetCount { facet, count })
        .collect();
    s.facets
        .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.facet.cmp(&b.facet)));
    s.claims = claims.map(|m| {
        let mut v: Vec<ClaimCount> = m
            .into_iter()
            .map(|((facet, status), count)| ClaimCount {
                facet,
                status,
                count,
            })
            .collect();
        v.sort();
        v
    });
    let mut ranked: Vec<(String, Edited)> = articles
        .into_iter()
        .filter(|(_, e)| e.substantive_edits > 0)
        .collect();
    // Most substantive rows first; ties by key, so the list does not depend on hash order.
    ranked.sort_by(|(ka, a), (kb, b)| {
        b.substantive_edits
            .cmp(&a.substantive_edits)
            .then_with(|| ka.cmp(kb))
    });
    s.most_edited = ranked.into_iter().take(top).map(|(_, e)| e).collect();
    Ok(s)
}

fn table(s: &Stats) -> String {
    use std::fmt::Write as _;
    let compared = s.records - s.failed;
    let pct = |n: u64, of: u64| {
        if of == 0 {
            0.0
        } else {
            100.0 * n as f64 / of as f64
        }
    };
    let mut t = String::new();
    let _ = writeln!(t, "records                  {:>10}", s.records);
    let _ = writeln!(t, "  failed                 {:>10}", s.failed);
    let _ = writeln!(t, "revisions compared       {:>10}", compared);
    let _ = writeln!(
        t,
        "  substantive            {:>10}  {:5.1}%",
        s.substantive_revisions,
        pct(s.substantive_revisions, compared)
    );
    let _ = writeln!(
        t,
        "  cosmetic only          {:>10}  {:5.1}%  ({:.1}% of the revisions that changed the text)",
        s.cosmetic_only_revisions,
        pct(s.cosmetic_only_revisions, compared),
        100.0 * s.cosmetic_only_share
    );
    let _ = writeln!(
        t,
        "  text unchanged         {:>10}  {:5.1}%",
        s.unchanged_revisions,
        pct(s.unchanged_revisions, compared)
    );
    let _ = writeln!(t, "substantive edits (rows) {:>10}", s.substantive_edits);
    let _ = writeln!(t, "cosmetic edits (rows)    {:>10}", s.cosmetic_edits);
    let _ = writeln!(t, "\nsubstantive edits per facet");
    if s.facets.is_empty() {
        let _ = writeln!(t, "  (none)");
    }
    for f in &s.facets {
        let _ = writeln!(t, "  {:<22} {:>10}", f.facet, f.count);
    }
    if let Some(claims) = &s.claims {
        let _ = writeln!(t, "\nclaim differences");
        if claims.is_empty() {
            let _ = writeln!(t, "  (none)");
        }
        for c in claims {
            let _ = writeln!(
                t,
                "  {:<22} {:>10}",
                format!("{} {}", c.facet, c.status),
                c.count
            );
        }
    }
    let _ = writeln!(t, "\nmost edited articles (substantive rows, revisions)");
    if s.most_edited.is_empty() {
        let _ = writeln!(t, "  (none)");
    }
    for e in &s.most_edited {
        let name = match &e.article {
            Value::String(x) => x.clone(),
            other => other.to_string(),
        };
        let _ = writeln!(
            t,
            "  {name:<40} {:>8} {:>6}",
            e.substantive_edits, e.revisions
        );
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &str = r#"{"id":"a1","article":"a","mode":"revision","summary":{"substantive":2,"cosmetic":1,"facets":[{"facet":"number","count":2}]}}
{"id":"a2","article":"a","mode":"revision","summary":{"substantive":1,"cosmetic":0,"facets":[{"facet":"name","count":1},{"facet":"number","count":1}]}}
{"id":"b1","article":"b","mode":"revision","summary":{"substantive":0,"cosmetic":3,"facets":[]}}
{"id":"c1","mode":"revision","summary":{"substantive":1,"cosmetic":0,"facets":[]}}
{"id":"c2","mode":"revision","summary":{"substantive":0,"cosmetic":0,"facets":[]}}

{"id":"d","line":7,"error":"the record has no versions to compare"}
"#;

    fn stats(text: &str) -> Result<Stats, CliError> {
        collect(text.as_bytes(), std::path::Path::new("out.jsonl"), 10)
    }

    #[test]
    fn counts_facets_shares_and_ranks_articles() {
        let s = stats(LINES).unwrap();
        assert_eq!((s.records, s.failed), (6, 1));
        assert_eq!(
            (
                s.substantive_revisions,
                s.cosmetic_only_revisions,
                s.unchanged_revisions
            ),
            (3, 1, 1)
        );
        assert!((s.cosmetic_only_share - 0.25).abs() < 1e-9);
        assert_eq!((s.substantive_edits, s.cosmetic_edits), (4, 4));
        assert_eq!(
            s.facets,
            vec![
                FacetCount {
                    facet: "number".into(),
                    count: 3
                },
                FacetCount {
                    facet: "name".into(),
                    count: 1
                },
            ]
        );
        // Article "a" sums its two revisions; "b" has no substantive edit and is not listed.
        let names: Vec<_> = s
            .most_edited
            .iter()
            .map(|e| (e.article.to_string(), e.substantive_edits))
            .collect();
        assert_eq!(
            names,
            vec![("\"a\"".to_string(), 3), ("\"c1\"".to_string(), 1)]
        );
        assert_eq!(s.claims, None);
        let t = table(&s);
        assert!(
            t.contains("cosmetic only                   1   20.0%  (25.0% of the revisions"),
            "{t}"
        );
    }

    #[test]
    fn claim_differences_are_summed_when_present() {
        let text = r#"{"id":1,"summary":{"substantive":1,"cosmetic":0,"facets":[]},"claims":[{"facet":"number","status":"differs","count":2}]}
{"id":2,"summary":{"substantive":1,"cosmetic":0,"facets":[]},"claims":[{"facet":"number","status":"differs","count":1},{"facet":"quote","status":"left_only","count":1}]}
"#;
        let s = stats(text).unwrap();
        let claims = s.claims.unwrap();
        assert_eq!(
            claims[0],
            ClaimCount {
                facet: "number".into(),
                status: "differs".into(),
                count: 3
            }
        );
        assert_eq!(claims[1].status, "left_only");
    }

    #[test]
    fn a_line_that_is_not_batch_output_is_named() {
        let e = stats("{\"id\":1,\"summary\":{\"substantive\":0,\"cosmetic\":0}}\nhello\n")
            .unwrap_err();
        assert_eq!(e.exit_code(), 5);
        assert!(
            e.to_string().contains("line 2") && e.to_string().contains("parallax batch"),
            "{e}"
        );
        let e = stats("{\"id\":1}\n").unwrap_err();
        assert!(
            e.to_string().contains("neither `summary` nor `error`"),
            "{e}"
        );
    }
}
