//! "What changed" between two versions of an article, in the few words a notification or a
//! "check for updates" answer needs ("2 substantive changes: a number, a quote"). The real
//! claim-level comparison is the engine's; [`summarise_changes`] is the one place that calls it.

use serde::{Deserialize, Serialize};

/// A short account of the differences between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Compares two versions' paragraphs.
///
/// Interim implementation until parallax-engine's `compare` lands: a paragraph present in
/// one version and not the other is a substantive change (a rewritten paragraph counts once); a paragraph that differs only in
/// whitespace, case or punctuation is a cosmetic one. Facets are left empty.
pub fn summarise_changes(old: &[String], new: &[String]) -> ChangeSummary {
    let key = |p: &String| crate::boilerplate::collapse_whitespace(p);
    let loose = |p: &String| {
        p.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let old_exact: std::collections::HashSet<String> = old.iter().map(key).collect();
    let new_exact: std::collections::HashSet<String> = new.iter().map(key).collect();
    let old_loose: std::collections::HashSet<String> = old
        .iter()
        .filter(|p| !new_exact.contains(&key(p)))
        .map(loose)
        .collect();
    let (mut substantive, mut cosmetic) = (0, 0);
    for p in new.iter().filter(|p| !old_exact.contains(&key(p))) {
        if old_loose.contains(&loose(p)) {
            cosmetic += 1;
        } else {
            substantive += 1;
        }
    }
    let new_loose: std::collections::HashSet<String> = new.iter().map(loose).collect();
    // A paragraph rewritten in place shows up as one removed and one added: count it once.
    let removed = old
        .iter()
        .filter(|p| !new_exact.contains(&key(p)) && !new_loose.contains(&loose(p)))
        .count();
    substantive = substantive.max(removed);
    ChangeSummary {
        substantive,
        cosmetic,
        facets: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn counts_changes() {
        let old = v(&["A said 5.", "B went home.", "C stayed."]);
        let new = v(&["A said 6.", "B went home", "C stayed."]);
        let s = summarise_changes(&old, &new);
        assert_eq!((s.substantive, s.cosmetic), (1, 1));
        assert_eq!(s.describe(), "1 substantive change");
        assert_eq!(
            summarise_changes(&old, &old).describe(),
            "no change to the text"
        );
    }
}
