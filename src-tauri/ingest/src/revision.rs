//! "What changed" between two versions of an article, in the few words a notification or a
//! "check for updates" answer needs ("2 substantive changes: a number, a quote"). The real
//! claim-level comparison is the engine's; [`summarise_changes`] is the one place that calls it.

use parallax_store::Library;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::library::store_error;

/// A short account of the differences between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeSummary {
    pub substantive: usize,
    pub cosmetic: usize,
    /// What the substantive changes touch, in words ("a number", "a quote"), most common first.
    pub facets: Vec<String>,
}

impl ChangeSummary {
    /// True when a reader would want to know (a notification is raised).
    pub fn is_substantive(&self) -> bool {
        self.substantive > 0
    }

    /// One line: "2 substantive changes: a number, a quote", "1 cosmetic change", "no change".
    pub fn describe(&self) -> String {
        let plural =
            |n: usize, what: &str| format!("{n} {what} change{}", if n == 1 { "" } else { "s" });
        match (self.substantive, self.cosmetic) {
            (0, 0) => "no change to the text".to_string(),
            (0, c) => plural(c, "cosmetic"),
            (s, _) if self.facets.is_empty() => plural(s, "substantive"),
            (s, _) => format!("{}: {}", plural(s, "substantive"), self.facets.join(", ")),
        }
    }
}

/// Compares two versions' paragraphs with the engine (revision regime) and keeps what a
/// notification needs: counts and the facets touched, most common first.
pub fn summarise_changes(old: &[String], new: &[String]) -> ChangeSummary {
    use parallax_engine::{CompareOptions, Facet, ModeChoice, compare_paragraphs};
    let options = CompareOptions {
        mode: ModeChoice::Revision,
        ..CompareOptions::default()
    };
    let summary = compare_paragraphs(old, new, &options).summary;
    let mut facets = summary.facets.clone();
    facets.sort_by_key(|f| std::cmp::Reverse(f.count)); // stable: ties keep the engine's facet order
    let words = facets
        .iter()
        .filter(|f| f.count > 0)
        .map(|f| {
            match f.facet {
                Facet::Number => "a number",
                Facet::Date => "a date",
                Facet::Name => "a name",
                Facet::Quote => "a quote",
                Facet::Attribution => "who said it",
                Facet::Negation => "a negation",
                Facet::Hedge => "a hedge",
            }
            .to_string()
        })
        .collect();
    ChangeSummary {
        substantive: summary.substantive,
        cosmetic: summary.cosmetic,
        facets: words,
    }
}

/// Compares an article's versions, each with the one before (title first, then the body), and
/// records in the library whether any pair differs substantively, so the library view can filter
/// on it in SQL. Stops at the first substantive pair. Returns what it recorded.
pub fn check_substantive(lib: &mut Library, article_id: i64) -> Result<bool> {
    let versions = lib.versions_of(article_id).map_err(store_error)?;
    let mut previous: Option<Vec<String>> = None;
    let mut substantive = false;
    for info in &versions {
        let v = lib.get_version(info.id).map_err(store_error)?;
        let mut text = Vec::with_capacity(v.paragraphs.len() + 1);
        text.push(v.info.title.clone());
        text.extend(v.paragraphs);
        if let Some(old) = &previous
            && summarise_changes(old, &text).is_substantive()
        {
            substantive = true;
            break;
        }
        previous = Some(text);
    }
    lib.set_substantive(article_id, substantive)
        .map_err(store_error)?;
    Ok(substantive)
}

/// Checks up to `limit` revised articles not compared yet (after imports, trashed or restored
/// versions, or in a library from before the filter), so an old library catches up in steps.
/// Returns how many it checked.
pub fn check_pending_substantive(lib: &mut Library, limit: i64) -> Result<usize> {
    let ids = lib.substantive_pending(limit).map_err(store_error)?;
    for &id in &ids {
        check_substantive(lib, id)?;
    }
    Ok(ids.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn counts_changes_with_the_engine() {
        let old = v(&[
            "The board approved the plan by 6 votes to 1 on Wednesday.",
            "Supporters welcomed it.",
            "The mayor was not there.",
        ]);
        let new = v(&[
            "The board approved the plan by 5 votes to 2 on Wednesday.",
            "Supporters welcomed it!",
            "The mayor was not there.",
        ]);
        let s = summarise_changes(&old, &new);
        assert_eq!((s.substantive, s.cosmetic), (1, 1), "{s:?}");
        assert_eq!(s.describe(), "1 substantive change: a number");
        assert_eq!(
            summarise_changes(&old, &old).describe(),
            "no change to the text"
        );
    }

    #[test]
    fn describe_wording() {
        let s = ChangeSummary {
            substantive: 2,
            cosmetic: 1,
            facets: vec!["a number".into(), "a quote".into()],
        };
        assert_eq!(s.describe(), "2 substantive changes: a number, a quote");
        assert_eq!(
            ChangeSummary {
                substantive: 0,
                cosmetic: 1,
                facets: vec![]
            }
            .describe(),
            "1 cosmetic change"
        );
    }
}
