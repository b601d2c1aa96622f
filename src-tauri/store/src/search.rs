//! Full-text search over every version (FTS5), grouped per article, saying which versions
//! matched and whether the latest one still contains the match ("removed later").
//! User text never reaches FTS5's query syntax: it is turned into quoted phrases first.

use std::collections::HashMap;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Library;
use crate::error::Result;
use crate::model::{SearchHit, SnippetPart};

/// Marks put around matched words by `snippet()`: Unicode private-use characters, which
/// article text does not contain, so splitting on them is exact.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// How many matching versions are considered before grouping; ample for a personal library.
const MAX_MATCHES: i64 = 2_000;

/// The most matching versions ranked by relevance: a word found in most of a big library (tens of
/// thousands of versions) is ranked over its newest this many matches, which bounds the cost of
/// ranking; a narrower query, the usual kind, is ranked over all its matches as before.
const RANK_WINDOW: i64 = 5_000;

/// The most terms a query keeps; later ones are ignored. FTS5's ranking and snippets do work per
/// term for every matching row, so a pasted page of text as a query took minutes; a search with
/// this many distinct words (all of which must match) is already as narrow as it can usefully be.
pub const MAX_TERMS: usize = 32;

/// Turns what a user typed into an FTS5 query that cannot be a syntax error: each word,
/// or each "double-quoted phrase", becomes a quoted FTS5 phrase (all must match, in any
/// order); a trailing `*` on a word keeps prefix search. Operators, brackets, colons and
/// stray quotes are plain text. A term given twice (in any case) counts once, and only the
/// first [`MAX_TERMS`] distinct terms are kept. Returns `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    for (i, part) in input.split('"').enumerate() {
        // Odd pieces were inside double quotes: keep them together as one phrase.
        if i % 2 == 1 {
            push_term(&mut terms, part, false);
        } else {
            for word in part.split_whitespace() {
                let prefix = word.len() > 1 && word.ends_with('*');
                push_term(&mut terms, word.trim_end_matches('*'), prefix);
            }
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn push_term(terms: &mut Vec<String>, text: &str, prefix: bool) {
    // A phrase with no letters or digits has no tokens; FTS5 would match nothing or fail.
    if terms.len() >= MAX_TERMS || !text.chars().any(char::is_alphanumeric) {
        return;
    }
    let quoted = format!("\"{}\"", text.trim().replace('"', "\"\""));
    let term = if prefix { format!("{quoted}*") } else { quoted };
    // Matching ignores case (FTS5's unicode61 folds it), so "Council council" is one term.
    let key = term.to_lowercase();
    if !terms.iter().any(|t| t.to_lowercase() == key) {
        terms.push(term);
    }
}

fn snippet_parts(raw: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut hit = false;
    let flush = |parts: &mut Vec<SnippetPart>, text: &mut String, hit: bool| {
        if !text.is_empty() {
            parts.push(SnippetPart {
                text: std::mem::take(text),
                hit,
            });
        }
    };
    for c in raw.chars() {
        match c {
            OPEN | CLOSE => {
                flush(&mut parts, &mut text, hit);
                hit = c == OPEN;
            }
            // A snippet may run across paragraphs; show it as one line.
            '\n' => {
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            _ => text.push(c),
        }
    }
    flush(&mut parts, &mut text, hit);
    parts
}

/// A window of a search's results: how many articles matched and the hits in the window, best
/// first. Snippets and version lists are made only for the window's hits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchPage {
    /// Articles matching (among the best [`MAX_MATCHES`] matching versions).
    pub total: i64,
    pub offset: i64,
    pub hits: Vec<SearchHit>,
}

/// The most hits one search page holds.
pub const MAX_SEARCH_PAGE: usize = 100;

impl Library {
    /// Searches every version's title and body. Returns at most `limit` articles, best
    /// match first; each hit points at the newest version that matches and says whether the
    /// latest version dropped the text. Any user input is accepted (see [`fts_query`]).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        Ok(self.search_page(query, 0, limit)?.hits)
    }

    /// The hits `[offset, offset + limit)` of a search (see [`Library::search`]) and how many
    /// articles matched. A window past the end is empty; `limit` is capped at
    /// [`MAX_SEARCH_PAGE`].
    pub fn search_page(&self, query: &str, offset: usize, limit: usize) -> Result<SearchPage> {
        let Some(fts) = fts_query(query) else {
            return Ok(SearchPage {
                total: 0,
                offset: offset as i64,
                hits: Vec::new(),
            });
        };
        let (order, matched) = self.ranked_articles(&fts)?;
        let window: Vec<i64> = order
            .iter()
            .copied()
            .skip(offset)
            .take(limit.min(MAX_SEARCH_PAGE))
            .collect();
        Ok(SearchPage {
            total: order.len() as i64,
            offset: offset as i64,
            hits: self.hits_of(&fts, &window, &matched)?,
        })
    }

    /// The matching articles in order of their best-ranked version, and each one's matching
    /// versions.
    fn ranked_articles(&self, fts: &str) -> Result<(Vec<i64>, HashMap<i64, Vec<i64>>)> {
        // The oldest version among the newest RANK_WINDOW matches (a walk of the doclist, no
        // ranking), when there are more matches than that.
        let floor: i64 = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM version_fts WHERE version_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
            )?
            .query_row(rusqlite::params![fts, RANK_WINDOW - 1], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.article_id
             FROM version_fts JOIN version v ON v.id = version_fts.rowid
             JOIN article a ON a.id = v.article_id
             WHERE version_fts MATCH ?1 AND version_fts.rowid >= ?3 AND a.trashed_at IS NULL
             ORDER BY bm25(version_fts, 3.0, 1.0), v.id DESC
             LIMIT ?2",
        )?;
        let mut order: Vec<i64> = Vec::new();
        let mut matched: HashMap<i64, Vec<i64>> = HashMap::new();
        let rows = stmt.query_map(rusqlite::params![fts, MAX_MATCHES, floor], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (version_id, article_id) = row?;
            matched
                .entry(article_id)
                .or_insert_with(|| {
                    order.push(article_id);
                    Vec::new()
                })
                .push(version_id);
        }
        Ok((order, matched))
    }

    /// The hits of `articles`, in that order: three queries for the lot (every version of
    /// each, the head of each newest match, its snippet), not three per hit.
    fn hits_of(
        &self,
        fts: &str,
        articles: &[i64],
        matched: &HashMap<i64, Vec<i64>>,
    ) -> Result<Vec<SearchHit>> {
        if articles.is_empty() {
            return Ok(Vec::new());
        }
        let ids = id_list(articles);
        // Every version of each article, in fetch order (numbering and "removed later").
        let mut all: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT article_id, id FROM version
             WHERE article_id IN (SELECT value FROM json_each(?1))
             ORDER BY article_id, fetched, id",
        )?;
        for row in stmt.query_map([&ids], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
            let (article_id, id) = row?;
            all.entry(article_id).or_default().push(id);
        }
        // Each article's matching versions in fetch order; the newest is the one shown.
        let matched: HashMap<i64, Vec<i64>> = articles
            .iter()
            .map(|a| {
                let found = &matched[a];
                let ids = all.get(a).map_or(&[][..], Vec::as_slice);
                (
                    *a,
                    ids.iter()
                        .copied()
                        .filter(|id| found.contains(id))
                        .collect(),
                )
            })
            .collect();
        let newest: Vec<i64> = articles
            .iter()
            .filter_map(|a| matched[a].last().copied())
            .collect();
        let newest_ids = id_list(&newest);
        let mut heads: HashMap<i64, (String, String, i64)> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.title, o.name, v.fetched FROM version v
             JOIN article a ON a.id = v.article_id JOIN outlet o ON o.id = a.outlet_id
             WHERE v.id IN (SELECT value FROM json_each(?1))",
        )?;
        for row in stmt.query_map([&newest_ids], |r| {
            Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
        })? {
            let (id, head) = row?;
            heads.insert(id, head);
        }
        // Snippets cost a re-tokenisation each: only the window's are made.
        let mut snippets: HashMap<i64, String> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, snippet(version_fts, -1, char(57344), char(57345), '…', 16)
             FROM version_fts WHERE version_fts MATCH ?1
             AND rowid IN (SELECT value FROM json_each(?2))",
        )?;
        for row in stmt.query_map(rusqlite::params![fts, newest_ids], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })? {
            let (id, raw) = row?;
            snippets.insert(id, raw);
        }
        let mut hits = Vec::with_capacity(articles.len());
        for article_id in articles {
            let matched = &matched[article_id];
            let versions = all.get(article_id).map_or(&[][..], Vec::as_slice);
            let (Some(&newest), Some((title, outlet, fetched))) =
                (matched.last(), matched.last().and_then(|v| heads.remove(v)))
            else {
                continue;
            };
            let number = versions.iter().position(|id| *id == newest).unwrap_or(0) as i64 + 1;
            hits.push(SearchHit {
                article_id: *article_id,
                version_id: newest,
                version_number: number,
                version_count: versions.len() as i64,
                title,
                outlet,
                fetched,
                snippet: snippet_parts(snippets.get(&newest).map_or("", String::as_str)),
                removed_later: versions.last() != Some(&newest),
                matched_version_ids: matched.clone(),
            });
        }
        Ok(hits)
    }
}

/// Ids as a JSON array, for `json_each` (one statement for any number of ids).
fn id_list(ids: &[i64]) -> String {
    let items: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", items.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_becomes_quoted_phrases() {
        // Quotes, operators and brackets typed by a user must never be FTS5 syntax errors.
        assert_eq!(
            fts_query("dam spillway").as_deref(),
            Some("\"dam\" \"spillway\"")
        );
        assert_eq!(
            fts_query("\"flood gate\" NOT (x OR y:").as_deref(),
            Some("\"flood gate\" \"NOT\" \"(x\" \"OR\" \"y:\"")
        );
        assert_eq!(fts_query("evacu*").as_deref(), Some("\"evacu\"*"));
        assert_eq!(fts_query("  \" ** -- ").as_deref(), None);
        // Repeats count once and the term count is capped, so a pasted page cannot make
        // ranking and snippets do per-term work thousands of times over.
        assert_eq!(
            fts_query("Council council COUNCIL vote council*").as_deref(),
            Some("\"Council\" \"vote\" \"council\"*")
        );
        let many: String = (0..1000).map(|i| format!("w{i} ")).collect();
        let q = fts_query(&many.repeat(10)).unwrap();
        assert_eq!(q.matches('"').count(), 2 * MAX_TERMS);
        assert!(q.starts_with("\"w0\" \"w1\" ") && q.ends_with(&format!("\"w{}\"", MAX_TERMS - 1)));
    }

    #[test]
    fn snippet_marks_become_parts() {
        // The UI renders parts, so the markers must never leak into text.
        let parts = snippet_parts("a \u{E000}dam\u{E001} b\n\nc");
        assert_eq!(
            parts,
            vec![
                SnippetPart {
                    text: "a ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "dam".into(),
                    hit: true
                },
                SnippetPart {
                    text: " b c".into(),
                    hit: false
                },
            ]
        );
    }
}
