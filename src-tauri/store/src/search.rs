//! Full-text search over every version (FTS5), grouped per article, saying which versions
//! matched and whether the latest one still contains the match ("removed later").
//! User text never reaches FTS5's query syntax: it is turned into quoted phrases first.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

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

struct Match {
    version_id: i64,
    article_id: i64,
}

impl Library {
    /// Searches every version's title and body. Returns at most `limit` articles, best
    /// match first; each hit points at the newest version that matches and says whether the
    /// latest version dropped the text. Any user input is accepted (see [`fts_query`]).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
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
        let matches: Vec<Match> = stmt
            .query_map(rusqlite::params![fts, MAX_MATCHES, floor], |r| {
                Ok(Match {
                    version_id: r.get(0)?,
                    article_id: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        // Articles in order of their best-ranked version.
        let mut order: Vec<i64> = Vec::new();
        let mut by_article: HashMap<i64, Vec<&Match>> = HashMap::new();
        for m in &matches {
            by_article
                .entry(m.article_id)
                .or_insert_with(|| {
                    order.push(m.article_id);
                    Vec::new()
                })
                .push(m);
        }

        let mut ids_stmt = self
            .conn
            .prepare("SELECT id FROM version WHERE article_id = ?1 ORDER BY fetched, id")?;
        let mut head_stmt = self.conn.prepare(
            "SELECT v.title, o.name, v.fetched FROM version v
             JOIN article a ON a.id = v.article_id JOIN outlet o ON o.id = a.outlet_id
             WHERE v.id = ?1",
        )?;
        // Snippets cost a re-tokenisation each: only make them for the hits returned.
        let mut snippet_stmt = self.conn.prepare(
            "SELECT snippet(version_fts, -1, char(57344), char(57345), '…', 16)
             FROM version_fts WHERE version_fts MATCH ?1 AND rowid = ?2",
        )?;
        let mut hits = Vec::new();
        for article_id in order.into_iter().take(limit) {
            let found = &by_article[&article_id];
            let all: Vec<i64> = ids_stmt
                .query_map([article_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let matched: Vec<i64> = all
                .iter()
                .copied()
                .filter(|id| found.iter().any(|m| m.version_id == *id))
                .collect();
            let Some(&newest) = matched.last() else {
                continue;
            };
            let number = all.iter().position(|id| *id == newest).unwrap_or(0) as i64 + 1;
            let (title, outlet, fetched) = head_stmt.query_row([newest], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
            })?;
            let raw: String =
                snippet_stmt.query_row(rusqlite::params![fts, newest], |r| r.get(0))?;
            let snippet = snippet_parts(&raw);
            hits.push(SearchHit {
                article_id,
                version_id: newest,
                version_number: number,
                version_count: all.len() as i64,
                title,
                outlet,
                fetched,
                snippet,
                removed_later: all.last() != Some(&newest),
                matched_version_ids: matched,
            });
        }
        Ok(hits)
    }
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
