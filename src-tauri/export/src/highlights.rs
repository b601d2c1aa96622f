//! The reader's highlights across the library (or of one article) as Markdown and JSON: quote,
//! note, article title, outlet, URL, the version it was made on and what became of it on the
//! article's newest version. Resolving that state is the caller's (parallax-ingest).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::markdown::escape;
use crate::reading::HighlightColour;

/// One highlight, ready to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HighlightRecord {
    pub quote: String,
    pub note: Option<String>,
    pub colour: HighlightColour,
    /// Headline of the version it was made on.
    pub title: String,
    pub outlet: String,
    pub url: Option<String>,
    /// The version it was made on: its number and fetch time (RFC 3339).
    pub version_number: i64,
    pub version_fetched: String,
    /// When the highlight was made (RFC 3339).
    pub created: String,
    /// Its state on the article's newest version: intact, moved, edited or removed.
    pub state: String,
    /// The passage as it reads on the newest version (absent when removed).
    pub latest_text: Option<String>,
    /// For an edited passage: the change in a few words ("600 → 900 households").
    pub change: Option<String>,
}

/// Markdown: one section per article (in the records' order), each highlight as a quote block with
/// its note and state.
pub fn highlights_markdown(records: &[HighlightRecord]) -> String {
    let mut md = String::from("# Highlights\n");
    if records.is_empty() {
        md.push_str("\nNo highlights yet.\n");
    }
    let mut last: Option<(&str, &str)> = None;
    for r in records {
        if last != Some((r.title.as_str(), r.outlet.as_str())) {
            md.push_str(&format!("\n## {}\n\n", escape(&r.title)));
            md.push_str(&escape(&r.outlet));
            if let Some(url) = &r.url {
                md.push_str(&format!(" · <{url}>"));
            }
            md.push_str("\n\n");
            last = Some((r.title.as_str(), r.outlet.as_str()));
        }
        md.push_str(&format!("> {}\n\n", escape(&r.quote)));
        if let Some(note) = r.note.as_deref().filter(|n| !n.trim().is_empty()) {
            md.push_str(&format!("Note: {}\n\n", escape(note)));
        }
        let state = match &r.change {
            Some(c) => format!("{} ({})", r.state, escape(c)),
            None => r.state.clone(),
        };
        md.push_str(&format!(
            "- {} · highlighted in version {} ({}) · now: {}\n\n",
            r.colour.name(),
            r.version_number,
            r.version_fetched,
            state
        ));
    }
    md
}

/// JSON: an array of [`HighlightRecord`], pretty-printed.
pub fn highlights_json(records: &[HighlightRecord]) -> Result<Vec<u8>> {
    Ok(serde_json::to_vec_pretty(records)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(title: &str, quote: &str) -> HighlightRecord {
        HighlightRecord {
            quote: quote.into(),
            note: Some("ask the *board*".into()),
            colour: HighlightColour::Pink,
            title: title.into(),
            outlet: "Harbour Gazette".into(),
            url: Some("https://harbour.example/ferry".into()),
            version_number: 1,
            version_fetched: "2026-03-15T07:10:00Z".into(),
            created: "2026-03-15T08:00:00Z".into(),
            state: "edited".into(),
            latest_text: Some("About 900 passengers".into()),
            change: Some("600 → 900 passengers".into()),
        }
    }

    #[test]
    fn markdown_groups_by_article_and_says_what_became_of_each() {
        let md = highlights_markdown(&[
            record("Ferry returns", "About 600 passengers"),
            record("Ferry returns", "sails again"),
            record("Pier repairs", "the pier"),
        ]);
        assert_eq!(md.matches("## Ferry returns").count(), 1);
        assert!(md.contains("## Pier repairs"));
        assert!(md.contains("> About 600 passengers\n"));
        assert!(
            md.contains("Note: ask the \\*board\\*"),
            "markdown syntax in notes is escaped:\n{md}"
        );
        assert!(md.contains("Harbour Gazette · <https://harbour.example/ferry>"));
        assert!(md.contains("pink · highlighted in version 1 (2026-03-15T07:10:00Z) · now: edited (600 → 900 passengers)"), "{md}");
        assert!(highlights_markdown(&[]).contains("No highlights yet."));
    }

    #[test]
    fn json_round_trips() {
        let r = vec![record("Ferry returns", "About 600 passengers")];
        let back: Vec<HighlightRecord> =
            serde_json::from_slice(&highlights_json(&r).unwrap()).unwrap();
        assert_eq!(back, r);
        let v: serde_json::Value = serde_json::from_slice(&highlights_json(&r).unwrap()).unwrap();
        assert_eq!(v[0]["latestText"], "About 900 passengers");
        assert_eq!(v[0]["colour"], "pink");
    }
}
