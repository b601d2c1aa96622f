//! Storage for "likely the same event" suggestions: term document frequencies, an inverted
//! index of each article's rarest terms keyed by time, and the scored pairs with the reader's
//! dismissals. Which terms, how they are weighted and what counts as similar is parallax-ingest's
//! business; this module only keeps the numbers and answers bounded queries.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use crate::Library;
use crate::error::{Error, Result};

/// An article found through shared rare terms, to be scored by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub article_id: i64,
    /// How many of the asked-for terms it shares.
    pub shared: i64,
}

/// A stored suggestion: articles `a < b` and their similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct SameEventPair {
    pub a: i64,
    pub b: i64,
    pub score: f64,
}

/// What the indexer needs about one article: its outlet, indexing time and latest text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexSubject {
    pub article_id: i64,
    pub outlet_id: i64,
    /// Publication time of the latest version, else the article's first fetch.
    pub at: i64,
    pub title: String,
    pub body: String,
    /// The time it was indexed under before, when it was (a new version re-indexes).
    pub indexed_at: Option<i64>,
}

impl Library {
    /// The article as the suggestion indexer sees it (its latest version's text).
    pub fn index_subject(&self, article_id: i64) -> Result<IndexSubject> {
        self.conn
            .prepare_cached(
                "SELECT a.id, a.outlet_id, coalesce(v.published, a.first_seen), v.title, v.body,
                        a.suggest_at
                 FROM article a JOIN version v ON v.id = a.latest_version_id WHERE a.id = ?1",
            )?
            .query_row([article_id], |r| {
                Ok(IndexSubject {
                    article_id: r.get(0)?,
                    outlet_id: r.get(1)?,
                    at: r.get(2)?,
                    title: r.get(3)?,
                    body: r.get(4)?,
                    indexed_at: r.get(5)?,
                })
            })
            .optional()?
            .ok_or(Error::NotFound {
                what: "article",
                id: article_id,
            })
    }

    /// Up to `limit` articles not yet indexed for suggestions (older libraries, the sample).
    pub fn unindexed_articles(&self, limit: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM article WHERE suggest_at IS NULL ORDER BY id LIMIT ?1")?;
        let rows = stmt.query_map([limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The number of indexed articles and each term's document frequency (0 when unseen).
    pub fn term_frequencies(&self, terms: &[&str]) -> Result<(i64, HashMap<String, i64>)> {
        let docs: i64 = self
            .conn
            .query_row("SELECT n FROM suggest_df WHERE term = ''", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        // One cached statement, one index seek a term: cheaper than an IN list whose SQL text
        // (and so its prepared statement) changes with every article's term count.
        let mut stmt = self
            .conn
            .prepare_cached("SELECT n FROM suggest_df WHERE term = ?1")?;
        let mut out = HashMap::with_capacity(terms.len());
        for t in terms {
            let n: i64 = stmt.query_row([t], |r| r.get(0)).optional()?.unwrap_or(0);
            out.insert((*t).to_owned(), n);
        }
        Ok((docs, out))
    }

    /// Indexes one article: the first time, its distinct `terms` count once more in the
    /// document frequencies (an article counts by the text it was first indexed with, so a
    /// re-index after a new version leaves them alone); its postings become `key_terms` at time
    /// `at`; its undismissed pairs are replaced by `pairs` (other article, score). One transaction.
    pub fn record_suggestions(
        &mut self,
        article_id: i64,
        at: i64,
        terms: &[&str],
        key_terms: &[&str],
        pairs: &[(i64, f64)],
    ) -> Result<()> {
        self.write(|tx| {
            let first: bool = tx
                .prepare_cached("SELECT suggest_at IS NULL FROM article WHERE id = ?1")?
                .query_row([article_id], |r| r.get(0))?;
            if first {
                let mut up = tx.prepare_cached(
                    "INSERT INTO suggest_df (term, n) VALUES (?1, 1)
                     ON CONFLICT (term) DO UPDATE SET n = n + 1",
                )?;
                // The empty term counts the indexed articles.
                up.execute([""])?;
                for t in terms {
                    up.execute([t])?;
                }
            }
            tx.prepare_cached("DELETE FROM suggest_term WHERE article_id = ?1")?
                .execute([article_id])?;
            {
                let mut post = tx.prepare_cached(
                    "INSERT OR IGNORE INTO suggest_term (term, at, article_id) VALUES (?1, ?2, ?3)",
                )?;
                for t in key_terms {
                    post.execute(params![t, at, article_id])?;
                }
            }
            tx.prepare_cached("DELETE FROM same_event WHERE (a = ?1 OR b = ?1) AND dismissed = 0")?
                .execute([article_id])?;
            {
                let mut pair = tx.prepare_cached(
                    "INSERT OR IGNORE INTO same_event (a, b, score) VALUES (?1, ?2, ?3)",
                )?;
                for &(other, score) in pairs {
                    let (a, b) = (article_id.min(other), article_id.max(other));
                    if a != b {
                        pair.execute(params![a, b, score])?;
                    }
                }
            }
            tx.prepare_cached("UPDATE article SET suggest_at = ?1 WHERE id = ?2")?
                .execute(params![at, article_id])?;
            Ok(())
        })
    }

    /// Articles of other outlets, not in the trash, indexed within `[from, to]`, sharing at
    /// least `min_shared` of `terms`; most shared first, at most `limit`. Each term reads at most
    /// `per_term` postings on each side of `subject.at`, nearest in time first, so a term that
    /// half the library is indexed under costs no more than a rare one (and a rare one, a place
    /// or a name, is what finds an account of the same event).
    pub fn suggestion_candidates(
        &self,
        subject: &IndexSubject,
        terms: &[&str],
        window: (i64, i64),
        min_shared: i64,
        limit: i64,
        per_term: i64,
    ) -> Result<Vec<Candidate>> {
        let mut later = self.conn.prepare_cached(
            "SELECT article_id FROM suggest_term WHERE term = ?1 AND at >= ?2 AND at <= ?3
             ORDER BY at, article_id LIMIT ?4",
        )?;
        let mut earlier = self.conn.prepare_cached(
            "SELECT article_id FROM suggest_term WHERE term = ?1 AND at >= ?2 AND at < ?3
             ORDER BY at DESC, article_id DESC LIMIT ?4",
        )?;
        let mut shared: HashMap<i64, i64> = HashMap::new();
        let mut distinct: Vec<&str> = terms.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        for t in distinct {
            let after = later.query_map(
                params![t, subject.at.max(window.0), window.1, per_term],
                |r| r.get::<_, i64>(0),
            )?;
            let before = earlier.query_map(
                params![t, window.0, subject.at.min(window.1 + 1), per_term],
                |r| r.get::<_, i64>(0),
            )?;
            for id in after.chain(before) {
                *shared.entry(id?).or_default() += 1;
            }
        }
        shared.remove(&subject.article_id);
        let mut ranked: Vec<Candidate> = shared
            .into_iter()
            .filter(|(_, n)| *n >= min_shared)
            .map(|(article_id, shared)| Candidate { article_id, shared })
            .collect();
        ranked.sort_by(|x, y| {
            y.shared
                .cmp(&x.shared)
                .then(x.article_id.cmp(&y.article_id))
        });
        let mut eligible = self.conn.prepare_cached(
            "SELECT outlet_id <> ?2 AND trashed_at IS NULL FROM article WHERE id = ?1",
        )?;
        let mut out = Vec::new();
        for c in ranked {
            if out.len() as i64 >= limit {
                break;
            }
            let ok: bool = eligible
                .query_row(params![c.article_id, subject.outlet_id], |r| r.get(0))
                .optional()?
                .unwrap_or(false);
            if ok {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// The best `limit` undismissed suggestions whose articles are both out of the trash.
    pub fn same_event_pairs(&self, limit: i64) -> Result<Vec<SameEventPair>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.a, s.b, s.score FROM same_event s
             JOIN article x ON x.id = s.a JOIN article y ON y.id = s.b
             WHERE s.dismissed = 0 AND x.trashed_at IS NULL AND y.trashed_at IS NULL
             ORDER BY s.score DESC, s.a, s.b LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(SameEventPair {
                a: r.get(0)?,
                b: r.get(1)?,
                score: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Remembers that the reader does not want these articles suggested together: every
    /// stored pair among them is dismissed for good (re-imports do not bring it back).
    pub fn dismiss_same_event(&mut self, article_ids: &[i64]) -> Result<usize> {
        self.write(|tx| {
            let mut stmt =
                tx.prepare("UPDATE same_event SET dismissed = 1 WHERE a = ?1 AND b = ?2")?;
            let mut n = 0;
            for &x in article_ids {
                for &y in article_ids {
                    if x < y {
                        n += stmt.execute(params![x, y])?;
                    }
                }
            }
            Ok(n)
        })
    }
}
