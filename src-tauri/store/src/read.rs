//! Read-only queries over the library (`&self`): articles, outlets, versions, stories,
//! highlights. Search lives in `search.rs`, feeds in `feed.rs`.

use rusqlite::{OptionalExtension, Row, params};

use crate::Library;
use crate::error::{Error, Result};
use crate::model::{
    ArticleSummary, Colour, Highlight, Outlet, SourceKind, Story, Version, VersionInfo,
};
use crate::normalise::split_body;

/// Article summaries with their latest version (kept on the article row by triggers, so this
/// is an index read); `{filter}` is replaced by a WHERE/AND clause.
pub(crate) const ARTICLE_SUMMARY_SQL: &str = "
    SELECT a.id, v.title, o.id, o.name, a.url, a.first_seen, a.version_count,
           a.latest_version_id, a.latest_fetched, v.published,
           a.read_at IS NOT NULL, a.archived_at IS NOT NULL
    FROM article a
    JOIN outlet o ON o.id = a.outlet_id
    JOIN version v ON v.id = a.latest_version_id
    {join}
    {filter}
    {order}";

/// Version descriptions numbered in fetch order; `{filter}` narrows them.
pub(crate) const VERSION_INFO_SQL: &str = "
    SELECT * FROM (
        SELECT v.id, v.article_id,
               row_number() OVER (PARTITION BY v.article_id ORDER BY v.fetched, v.id) AS number,
               v.title, v.byline, v.published, v.fetched, v.content_hash, v.source_kind, v.source_ref
        FROM version v
        WHERE v.article_id IN (SELECT article_id FROM version WHERE {filter})
    ) WHERE {outer}
    ORDER BY article_id, number";

pub(crate) fn article_summary_sql(join: &str, filter: &str, order: &str) -> String {
    ARTICLE_SUMMARY_SQL
        .replace("{join}", join)
        .replace("{filter}", filter)
        .replace("{order}", order)
}

pub(crate) fn article_summary(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        outlet_id: row.get(2)?,
        outlet: row.get(3)?,
        url: row.get(4)?,
        first_seen: row.get(5)?,
        version_count: row.get(6)?,
        latest_version_id: row.get(7)?,
        latest_fetched: row.get(8)?,
        published: row.get(9)?,
        read: row.get(10)?,
        archived: row.get(11)?,
    })
}

pub(crate) fn version_info(row: &Row<'_>) -> rusqlite::Result<VersionInfo> {
    let kind: String = row.get(8)?;
    Ok(VersionInfo {
        id: row.get(0)?,
        article_id: row.get(1)?,
        number: row.get(2)?,
        title: row.get(3)?,
        byline: row.get(4)?,
        published: row.get(5)?,
        fetched: row.get(6)?,
        content_hash: row.get(7)?,
        // The schema's CHECK admits only known kinds; anything else is a damaged file.
        source_kind: SourceKind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, kind.into())
        })?,
        source_ref: row.get(9)?,
    })
}

pub(crate) fn highlight(row: &Row<'_>) -> rusqlite::Result<Highlight> {
    let colour: String = row.get(6)?;
    Ok(Highlight {
        id: row.get(0)?,
        version_id: row.get(1)?,
        quote: row.get(2)?,
        prefix: row.get(3)?,
        suffix: row.get(4)?,
        sentence_index: row.get(5)?,
        colour: Colour::parse(&colour).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, colour.into())
        })?,
        note: row.get(7)?,
        created: row.get(8)?,
    })
}

pub(crate) const HIGHLIGHT_COLUMNS: &str =
    "id, version_id, quote, prefix, suffix, sentence_index, colour, note, created";

impl Library {
    /// Every article not in the trash, newest fetch first, each described by its latest
    /// version. The library view pages instead ([`Library::library_page`]).
    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>> {
        let sql = article_summary_sql(
            "",
            "WHERE a.trashed_at IS NULL",
            "ORDER BY a.latest_fetched DESC, a.id DESC",
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], article_summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The articles of one outlet, newest fetch first.
    pub fn articles_of_outlet(&self, outlet_id: i64) -> Result<Vec<ArticleSummary>> {
        let sql = article_summary_sql(
            "",
            "WHERE a.outlet_id = ?1 AND a.trashed_at IS NULL",
            "ORDER BY a.latest_fetched DESC, a.id DESC",
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([outlet_id], article_summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One article's summary.
    pub fn get_article(&self, article_id: i64) -> Result<ArticleSummary> {
        let sql = article_summary_sql("", "WHERE a.id = ?1", "");
        self.conn
            .query_row(&sql, [article_id], article_summary)
            .optional()?
            .ok_or(Error::NotFound {
                what: "article",
                id: article_id,
            })
    }

    /// The article with this canonical URL, if the library has it (ingest asks before
    /// fetching whether a URL is a new article or a re-check).
    pub fn article_by_url(&self, url: &str) -> Result<Option<ArticleSummary>> {
        let sql = article_summary_sql("", "WHERE a.url = ?1", "");
        Ok(self
            .conn
            .query_row(&sql, [url.trim()], article_summary)
            .optional()?)
    }

    /// Every outlet with its article count (trash left out; kept on the outlet row by
    /// triggers), by name.
    pub fn list_outlets(&self) -> Result<Vec<Outlet>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.name, o.domain, o.article_count
             FROM outlet o ORDER BY o.name COLLATE NOCASE, o.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Outlet {
                id: r.get(0)?,
                name: r.get(1)?,
                domain: r.get(2)?,
                article_count: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The versions of an article, oldest first (numbered from 1).
    pub fn versions_of(&self, article_id: i64) -> Result<Vec<VersionInfo>> {
        let sql = VERSION_INFO_SQL
            .replace("{filter}", "article_id = ?1")
            .replace("{outer}", "1");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows: Vec<VersionInfo> = stmt
            .query_map([article_id], version_info)?
            .collect::<rusqlite::Result<_>>()?;
        if rows.is_empty() {
            // An article always has a version, so an empty list means no such article.
            return Err(Error::NotFound {
                what: "article",
                id: article_id,
            });
        }
        Ok(rows)
    }

    /// The description of one version.
    pub fn version_info(&self, version_id: i64) -> Result<VersionInfo> {
        let sql = VERSION_INFO_SQL
            .replace("{filter}", "id = ?1")
            .replace("{outer}", "id = ?1");
        self.conn
            .query_row(&sql, [version_id], version_info)
            .optional()?
            .ok_or(Error::NotFound {
                what: "version",
                id: version_id,
            })
    }

    /// One version with its text.
    pub fn get_version(&self, version_id: i64) -> Result<Version> {
        let info = self.version_info(version_id)?;
        let (outlet, url, count, body, html) = self.conn.query_row(
            "SELECT o.name, a.url,
                    (SELECT count(*) FROM version c WHERE c.article_id = a.id),
                    v.body, v.html
             FROM version v JOIN article a ON a.id = v.article_id
             JOIN outlet o ON o.id = a.outlet_id WHERE v.id = ?1",
            [version_id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )?;
        Ok(Version {
            info,
            outlet,
            url,
            version_count: count,
            paragraphs: split_body(&body),
            html,
        })
    }

    /// The latest version (by fetch time) of an article, with its text.
    pub fn latest_version(&self, article_id: i64) -> Result<Version> {
        let id = self.get_article(article_id)?.latest_version_id;
        self.get_version(id)
    }

    /// Every story with its articles, newest story first.
    pub fn list_stories(&self) -> Result<Vec<Story>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, created FROM story ORDER BY created DESC, id DESC")?;
        let heads: Vec<(i64, String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        heads
            .into_iter()
            .map(|(id, title, created)| {
                Ok(Story {
                    id,
                    title,
                    created,
                    articles: self.story_articles(id)?,
                })
            })
            .collect()
    }

    /// One story with its articles.
    pub fn get_story(&self, story_id: i64) -> Result<Story> {
        let (title, created) = self
            .conn
            .query_row(
                "SELECT title, created FROM story WHERE id = ?1",
                [story_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(Error::NotFound {
                what: "story",
                id: story_id,
            })?;
        Ok(Story {
            id: story_id,
            title,
            created,
            articles: self.story_articles(story_id)?,
        })
    }

    fn story_articles(&self, story_id: i64) -> Result<Vec<ArticleSummary>> {
        let sql = article_summary_sql(
            "JOIN story_article sa ON sa.article_id = a.id",
            "WHERE sa.story_id = ?1 AND a.trashed_at IS NULL",
            "ORDER BY sa.added, a.id",
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([story_id], article_summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The ids of the stories an article belongs to.
    pub fn stories_of(&self, article_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT story_id FROM story_article WHERE article_id = ?1 ORDER BY story_id",
        )?;
        let rows = stmt.query_map([article_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The highlights of one version, in creation order.
    pub fn highlights_of(&self, version_id: i64) -> Result<Vec<Highlight>> {
        let sql = format!(
            "SELECT {HIGHLIGHT_COLUMNS} FROM highlight WHERE version_id = ?1 ORDER BY created, id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([version_id], highlight)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The highlights on any version of an article (for carrying them to another version).
    pub fn highlights_of_article(&self, article_id: i64) -> Result<Vec<Highlight>> {
        let sql = format!(
            "SELECT {HIGHLIGHT_COLUMNS} FROM highlight
             WHERE version_id IN (SELECT id FROM version WHERE article_id = ?1)
             ORDER BY created, id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([article_id], highlight)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A value from the library's key/value metadata.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The schema version of the open library.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(crate::migrate::user_version(&self.conn)?)
    }
}
