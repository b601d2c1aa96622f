//! Looking after the library: read and archive marks, a trash that can be undone (articles and
//! single versions, kept for [`TRASH_DAYS`] days), outlet renames and merges. Each change is one
//! transaction; FTS, stories, highlights and feed items follow through the schema's triggers
//! and cascades. Asking the reader to confirm is the UI's job.

use rusqlite::{Connection, OptionalExtension, params};

use crate::Library;
use crate::error::{Error, Result};
use crate::write::require_row;

/// How long the trash keeps what was put in it before [`Library::empty_trash`] may drop it.
pub const TRASH_DAYS: i64 = 30;

/// What emptying the trash removed for good.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Emptied {
    pub articles: i64,
    pub versions: i64,
}

fn set_mark(tx: &Connection, column: &str, ids: &[i64], at: Option<i64>) -> Result<usize> {
    let mut stmt = tx.prepare(&format!("UPDATE article SET {column} = ?1 WHERE id = ?2"))?;
    let mut changed = 0;
    for &id in ids {
        let n = stmt.execute(params![at, id])?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "article",
                id,
            });
        }
        changed += n;
    }
    Ok(changed)
}

impl Library {
    /// Marks articles read (`true`) or unread.
    pub fn mark_read(&mut self, ids: &[i64], read: bool, now: i64) -> Result<()> {
        self.write(|tx| set_mark(tx, "read_at", ids, read.then_some(now)).map(drop))
    }

    /// Moves articles to the archive (`true`) or back to the library.
    pub fn set_archived(&mut self, ids: &[i64], archived: bool, now: i64) -> Result<()> {
        self.write(|tx| set_mark(tx, "archived_at", ids, archived.then_some(now)).map(drop))
    }

    /// Puts articles in the trash: out of every list, search and suggestion, but kept whole
    /// (versions, highlights, stories, feed items) so [`Library::restore_articles`] undoes it.
    pub fn trash_articles(&mut self, ids: &[i64], now: i64) -> Result<()> {
        self.write(|tx| set_mark(tx, "trashed_at", ids, Some(now)).map(drop))
    }

    /// Takes articles out of the trash, exactly as they were.
    pub fn restore_articles(&mut self, ids: &[i64]) -> Result<()> {
        self.write(|tx| set_mark(tx, "trashed_at", ids, None).map(drop))
    }

    /// Puts one version in the trash; the article keeps its other versions (and its latest
    /// moves back when the latest is trashed). The only version cannot go: trash the article.
    pub fn trash_version(&mut self, version_id: i64, now: i64) -> Result<()> {
        self.write(|tx| {
            let (article_id, count): (i64, i64) = tx
                .query_row(
                    "SELECT v.article_id, a.version_count FROM version v
                     JOIN article a ON a.id = v.article_id WHERE v.id = ?1",
                    [version_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "version",
                    id: version_id,
                })?;
            if count < 2 {
                return Err(Error::InvalidInput(format!(
                    "This is the only version of article {article_id}; move the article to \
                     the trash instead."
                )));
            }
            tx.execute(
                "INSERT INTO trash_version (id, article_id, title, byline, published, fetched, body,
                     html, content_hash, source_kind, source_ref, trashed_at)
                 SELECT id, article_id, title, byline, published, fetched, body, html,
                        content_hash, source_kind, source_ref, ?2
                 FROM version WHERE id = ?1",
                params![version_id, now],
            )?;
            tx.execute(
                "INSERT INTO trash_highlight
                 SELECT id, version_id, quote, prefix, suffix, sentence_index, colour, note, created
                 FROM highlight WHERE version_id = ?1",
                [version_id],
            )?;
            tx.execute("DELETE FROM version WHERE id = ?1", [version_id])?;
            Ok(())
        })
    }

    /// Puts a trashed version back, with its id and highlights, unless the article has since
    /// stored the same text again.
    pub fn restore_version(&mut self, version_id: i64) -> Result<()> {
        self.write(|tx| {
            let (article_id, hash): (i64, String) = tx
                .query_row(
                    "SELECT article_id, content_hash FROM trash_version WHERE id = ?1",
                    [version_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "trashed version",
                    id: version_id,
                })?;
            let again: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM version WHERE article_id = ?1 AND content_hash = ?2)",
                params![article_id, hash],
                |r| r.get(0),
            )?;
            if again {
                return Err(Error::InvalidInput(
                    "The article has stored this same text again since, so there is nothing to \
                     restore; empty the trash to drop the old copy."
                        .into(),
                ));
            }
            tx.execute(
                "INSERT INTO version (id, article_id, title, byline, published, fetched, body,
                     html, content_hash, source_kind, source_ref)
                 SELECT id, article_id, title, byline, published, fetched, body, html,
                        content_hash, source_kind, source_ref
                 FROM trash_version WHERE id = ?1",
                [version_id],
            )?;
            tx.execute(
                "INSERT INTO highlight (id, version_id, quote, prefix, suffix, sentence_index,
                     colour, note, created)
                 SELECT id, version_id, quote, prefix, suffix, sentence_index, colour, note, created
                 FROM trash_highlight WHERE version_id = ?1",
                [version_id],
            )?;
            tx.execute("DELETE FROM trash_version WHERE id = ?1", [version_id])?;
            Ok(())
        })
    }

    /// Drops for good what has been in the trash longer than `older_than_days` days (0: all of
    /// it, when the reader asks). Outlets left without articles go too.
    pub fn empty_trash(&mut self, now: i64, older_than_days: i64) -> Result<Emptied> {
        let cutoff = now - older_than_days.max(0) * 86_400;
        self.write(|tx| {
            let articles = tx.execute(
                "DELETE FROM article WHERE trashed_at IS NOT NULL AND trashed_at <= ?1",
                [cutoff],
            )? as i64;
            let versions =
                tx.execute("DELETE FROM trash_version WHERE trashed_at <= ?1", [cutoff])? as i64;
            tx.execute(
                "DELETE FROM outlet WHERE NOT EXISTS (SELECT 1 FROM article WHERE outlet_id = outlet.id)",
                [],
            )?;
            Ok(Emptied { articles, versions })
        })
    }

    /// The trashed versions of an article, newest trashed first: (version id, title, trashed at).
    pub fn trashed_versions(&self, article_id: i64) -> Result<Vec<(i64, String, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, trashed_at FROM trash_version WHERE article_id = ?1
             ORDER BY trashed_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Renames an outlet. A name another outlet already has is refused: merge them instead.
    pub fn rename_outlet(&mut self, outlet_id: i64, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::InvalidInput("An outlet needs a name.".into()));
        }
        self.write(|tx| {
            require_row(tx, "outlet", outlet_id)?;
            let taken: Option<i64> = tx
                .query_row(
                    "SELECT id FROM outlet WHERE name = ?1 COLLATE NOCASE AND id <> ?2",
                    params![name, outlet_id],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Err(Error::InvalidInput(format!(
                    "Another outlet is already called “{name}”; merge the two outlets instead."
                )));
            }
            tx.execute(
                "UPDATE outlet SET name = ?1 WHERE id = ?2",
                params![name, outlet_id],
            )?;
            Ok(())
        })
    }

    /// Moves every article of outlet `from` to outlet `into` and removes `from`; `into` takes
    /// `from`'s domain when it has none, so later imports from that domain land in it. Returns
    /// what changed, which [`Library::undo_merge`] puts back.
    pub fn merge_outlets(&mut self, from: i64, into: i64) -> Result<OutletMerge> {
        if from == into {
            return Err(Error::InvalidInput(
                "Pick two different outlets to merge.".into(),
            ));
        }
        self.write(|tx| {
            require_row(tx, "outlet", from)?;
            require_row(tx, "outlet", into)?;
            let (name, domain): (String, Option<String>) = tx.query_row(
                "SELECT name, domain FROM outlet WHERE id = ?1",
                [from],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let article_ids: Vec<i64> = tx
                .prepare("SELECT id FROM article WHERE outlet_id = ?1 ORDER BY id")?
                .query_map([from], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute(
                "UPDATE article SET outlet_id = ?1 WHERE outlet_id = ?2",
                params![into, from],
            )?;
            tx.execute("DELETE FROM outlet WHERE id = ?1", [from])?;
            let took_domain = tx.execute(
                "UPDATE outlet SET domain = ?1 WHERE id = ?2 AND domain IS NULL AND ?1 IS NOT NULL",
                params![domain, into],
            )? > 0;
            Ok(OutletMerge {
                from_id: from,
                from_name: name,
                from_domain: domain,
                into,
                article_ids,
                took_domain,
            })
        })
    }

    /// Undoes a merge: the merged-away outlet comes back (with its id when free) with its name
    /// and domain, and its articles that are still in the outlet they were merged into go back
    /// to it. Refused, changing nothing, when another outlet has taken its name meanwhile.
    /// Returns the restored outlet's id.
    pub fn undo_merge(&mut self, merge: &OutletMerge) -> Result<i64> {
        self.write(|tx| {
            require_row(tx, "outlet", merge.into)?;
            let taken: Option<i64> = tx
                .query_row(
                    "SELECT id FROM outlet WHERE name = ?1 COLLATE NOCASE",
                    [&merge.from_name],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Err(Error::InvalidInput(format!(
                    "An outlet is called “{}” again, so the merge cannot be undone; rename it first.",
                    merge.from_name
                )));
            }
            if merge.took_domain {
                tx.execute(
                    "UPDATE outlet SET domain = NULL WHERE id = ?1 AND domain = ?2",
                    params![merge.into, merge.from_domain],
                )?;
            }
            // The domain may have been given to another outlet meanwhile: the restored one then
            // comes back without it rather than not at all.
            let domain_free: bool = tx.query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM outlet WHERE domain = ?1)",
                [&merge.from_domain],
                |r| r.get(0),
            )?;
            let domain = merge.from_domain.as_ref().filter(|_| domain_free);
            let id_free: bool = tx.query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM outlet WHERE id = ?1)",
                [merge.from_id],
                |r| r.get(0),
            )?;
            let id = id_free.then_some(merge.from_id);
            tx.execute(
                "INSERT INTO outlet (id, name, domain) VALUES (?1, ?2, ?3)",
                params![id, merge.from_name, domain],
            )?;
            let restored = tx.last_insert_rowid();
            let mut back = tx.prepare(
                "UPDATE article SET outlet_id = ?1 WHERE id = ?2 AND outlet_id = ?3",
            )?;
            for article in &merge.article_ids {
                back.execute(params![restored, article, merge.into])?;
            }
            Ok(restored)
        })
    }
}

/// What [`Library::merge_outlets`] changed: enough to undo it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OutletMerge {
    /// The outlet merged away, as it was.
    pub from_id: i64,
    pub from_name: String,
    pub from_domain: Option<String>,
    /// The outlet it was merged into.
    pub into: i64,
    /// The articles that moved.
    pub article_ids: Vec<i64>,
    /// Whether `into` took `from`'s domain (it had none).
    pub took_domain: bool,
}
