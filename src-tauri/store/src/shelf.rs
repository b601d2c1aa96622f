//! The library view's rows, a page at a time: sorting and filtering in SQL over the article
//! row's own columns (latest version, fetch time, version count), so a page and its count
//! cost the same at 100 articles and at 100,000. What a row looks like is the UI's business.

use rusqlite::OptionalExtension;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Library;
use crate::error::{Error, Result};
use crate::model::ArticleSummary;
use crate::read::{article_summary, article_summary_sql};

/// The most rows one page may hold (a screen is a few dozen; this bounds a careless caller).
pub const MAX_PAGE: i64 = 500;

/// The orders the library view offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LibrarySort {
    /// Latest fetch first.
    #[default]
    Newest,
    /// By outlet name, then newest first within an outlet.
    Outlet,
    /// Most versions first, then newest.
    MostRevised,
}

/// Which part of the library a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Shelf {
    /// Everything not archived and not in the trash.
    #[default]
    Library,
    /// Archived articles.
    Archive,
    /// Articles in the trash, most recently trashed first whatever the sort.
    Trash,
}

/// One request for rows: the filters, the order and the window `[offset, offset + limit)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct LibraryQuery {
    pub shelf: Shelf,
    pub sort: LibrarySort,
    /// Only this outlet's articles.
    pub outlet_id: Option<i64>,
    /// Only this story's articles.
    pub story_id: Option<i64>,
    /// Only articles in no story (the library view lists stories apart).
    pub loose_only: bool,
    /// Only articles with more than one version (something changed since first seen).
    pub revised_only: bool,
    /// Only articles not yet read.
    pub unread_only: bool,
    /// Only articles with a substantive change between two of their versions (a number, a
    /// name, a quote...; not only typos). Articles still waiting to be compared are left out.
    pub substantive_only: bool,
    pub offset: i64,
    pub limit: i64,
    /// The article just before the window (the last row of the page before, in this list's
    /// order), when known: the window then starts after it instead of skipping `offset` rows,
    /// so a deep page costs what the first one does. `offset` still says where the window is.
    /// The outlet order, and an article no longer in the library, page by `offset`.
    pub after: Option<i64>,
}

/// A page of rows and how many rows the whole filtered list has (for the scrollbar).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryPage {
    pub total: i64,
    pub offset: i64,
    pub articles: Vec<ArticleSummary>,
}

/// WHERE clause and parameters for a query's filters.
fn filters(q: &LibraryQuery) -> (String, String, Vec<Value>) {
    let mut join = String::new();
    let mut clauses: Vec<&str> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    match q.shelf {
        Shelf::Library => clauses.push("a.trashed_at IS NULL AND a.archived_at IS NULL"),
        Shelf::Archive => clauses.push("a.trashed_at IS NULL AND a.archived_at IS NOT NULL"),
        Shelf::Trash => clauses.push("a.trashed_at IS NOT NULL"),
    }
    if let Some(outlet) = q.outlet_id {
        clauses.push("a.outlet_id = ?");
        params.push(Value::Integer(outlet));
    }
    if let Some(story) = q.story_id {
        join.push_str("JOIN story_article sa ON sa.article_id = a.id AND sa.story_id = ?");
        params.insert(0, Value::Integer(story));
    }
    if q.loose_only {
        clauses.push("NOT EXISTS (SELECT 1 FROM story_article l WHERE l.article_id = a.id)");
    }
    if q.revised_only {
        clauses.push("a.version_count > 1");
    }
    if q.unread_only {
        clauses.push("a.read_at IS NULL");
    }
    if q.substantive_only {
        clauses.push("a.substantive = 1");
    }
    (join, format!("WHERE {}", clauses.join(" AND ")), params)
}

impl Library {
    /// One page of the library view. Bad windows are refused with a message rather than
    /// clamped silently, so a UI bug shows instead of a quietly empty list.
    pub fn library_page(&self, q: &LibraryQuery) -> Result<LibraryPage> {
        self.library_page_counted_to(q, i64::MAX)
            .map(|(page, _)| page)
    }

    /// [`Library::library_page`] whose count stops at `count_up_to` rows, and whether it is
    /// the exact count. Counting a list of 90,000 rows takes tens of milliseconds, which the
    /// first screen does not wait for: it shows "1,000+" and asks [`Library::library_count`]
    /// once its rows are on screen.
    pub fn library_page_counted_to(
        &self,
        q: &LibraryQuery,
        count_up_to: i64,
    ) -> Result<(LibraryPage, bool)> {
        if q.offset < 0 || q.limit < 1 || q.limit > MAX_PAGE {
            return Err(Error::InvalidInput(format!(
                "A page of the library holds 1 to {MAX_PAGE} rows from offset 0 or more \
                 (asked for {} from {}).",
                q.limit, q.offset
            )));
        }
        let (join, filter, mut params) = filters(q);
        let cap = count_up_to.max(0);
        let counted: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM (SELECT 1 FROM article a {join} {filter} LIMIT ?)"),
            rusqlite::params_from_iter(params.iter().chain([&Value::Integer(cap)])),
            |r| r.get(0),
        )?;
        let exact = counted < cap || cap == i64::MAX;
        // By outlet (outside the trash), the outlets are walked in name order (index
        // `outlet_name`) and each outlet's articles newest first (index
        // `article_outlet_newest`), so the first page reads ~100 rows instead of sorting them all.
        let (from, order) = match (q.shelf, q.sort) {
            (Shelf::Trash, _) => ("article a", "ORDER BY a.trashed_at DESC, a.id DESC"),
            (_, LibrarySort::Newest) => ("article a", "ORDER BY a.latest_fetched DESC, a.id DESC"),
            (_, LibrarySort::Outlet) => (
                "outlet o CROSS JOIN article a ON a.outlet_id = o.id",
                "ORDER BY o.name COLLATE NOCASE, o.id, a.latest_fetched DESC, a.id DESC",
            ),
            (_, LibrarySort::MostRevised) => (
                "article a",
                "ORDER BY a.version_count DESC, a.latest_fetched DESC, a.id DESC",
            ),
        };
        // Keyset paging: the rows after the given one in the list's order, read from where the
        // index walk finds it instead of counting `offset` rows from the top.
        let mut filter = filter;
        let mut skip = q.offset;
        if let Some(after) = q.after
            && let Some((cols, key)) = self.order_key(q, after)?
        {
            let marks = vec!["?"; key.len()].join(", ");
            filter.push_str(&format!(" AND ({cols}) < ({marks})"));
            params.extend(key);
            skip = 0;
        }
        // One story's rows are read from the story's own rows (a few dozen, then sorted), not by
        // walking the whole library's newest-first index and probing each article for the story
        // (SQLite's choice for the plain join: 50 ms a story at 100,000 articles, 12 of them on
        // the first screen). CROSS JOIN keeps the story's rows as the outer loop.
        let (from, join) = match (q.story_id, from) {
            (Some(_), "article a") => (
                "story_article sa CROSS JOIN article a ON a.id = sa.article_id AND sa.story_id = ?",
                String::new(),
            ),
            _ => (from, join),
        };
        // The window's ids come from the article rows alone (an index walk); only those ~100
        // are joined to their version and outlet, so a deep offset skips rows cheaply.
        let ids = format!("SELECT a.id FROM {from} {join} {filter} {order} LIMIT ? OFFSET ?");
        let sql = article_summary_sql("", &format!("WHERE a.id IN ({ids})"), order);
        params.push(Value::Integer(q.limit));
        params.push(Value::Integer(skip));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), article_summary)?;
        let articles: Vec<ArticleSummary> = rows.collect::<rusqlite::Result<_>>()?;
        // The rows on the page are there whatever the count stopped at.
        let total = counted.max(q.offset + articles.len() as i64);
        Ok((
            LibraryPage {
                total,
                offset: q.offset,
                articles,
            },
            exact,
        ))
    }

    /// The columns of `q`'s order (all descending) and their values on article `after`; `None`
    /// for the outlet order (mixed directions) or when the article is gone.
    fn order_key(
        &self,
        q: &LibraryQuery,
        after: i64,
    ) -> Result<Option<(&'static str, Vec<Value>)>> {
        let cols = match (q.shelf, q.sort) {
            (Shelf::Trash, _) => "a.trashed_at, a.id",
            (_, LibrarySort::Newest) => "a.latest_fetched, a.id",
            (_, LibrarySort::MostRevised) => "a.version_count, a.latest_fetched, a.id",
            (_, LibrarySort::Outlet) => return Ok(None),
        };
        let n = cols.split(',').count();
        let key = self
            .conn
            .prepare_cached(&format!("SELECT {cols} FROM article a WHERE a.id = ?1"))?
            .query_row([after], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
            .optional()?;
        Ok(key.map(|key: Vec<Value>| (cols, key)))
    }

    /// How many rows the list under `q`'s filters has (its window is ignored).
    pub fn library_count(&self, q: &LibraryQuery) -> Result<i64> {
        let (join, filter, params) = filters(q);
        Ok(self.conn.query_row(
            &format!("SELECT count(*) FROM article a {join} {filter}"),
            rusqlite::params_from_iter(params.iter()),
            |r| r.get(0),
        )?)
    }
}

impl Library {
    /// Up to `limit` revised articles whose versions were not yet compared for substantive
    /// changes (after an import, a trashed or restored version, or in a library from before the
    /// filter existed), oldest first.
    pub fn substantive_pending(&self, limit: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM article WHERE substantive IS NULL AND version_count > 1
             ORDER BY id LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records whether an article's versions differ substantively (what the engine found;
    /// the store cannot compare texts). Any later change to its versions resets it to unknown.
    pub fn set_substantive(&mut self, article_id: i64, substantive: bool) -> Result<()> {
        self.write(|tx| {
            let n = tx
                .prepare_cached("UPDATE article SET substantive = ?1 WHERE id = ?2")?
                .execute(rusqlite::params![substantive, article_id])?;
            crate::write::not_found_if_zero(n, "article", article_id)
        })
    }
}

/// A story as the library lists it: its title and how many articles it holds, without them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoryHead {
    pub id: i64,
    pub title: String,
    pub created: i64,
    /// Articles in the story, trash left out.
    pub article_count: i64,
}

impl Library {
    /// The newest `limit` stories with their article counts (the story rows of the library view;
    /// a story's articles come a page at a time through [`LibraryQuery::story_id`]).
    pub fn story_heads(&self, limit: i64) -> Result<Vec<StoryHead>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.title, s.created,
                    (SELECT count(*) FROM story_article sa JOIN article a ON a.id = sa.article_id
                     WHERE sa.story_id = s.id AND a.trashed_at IS NULL)
             FROM story s ORDER BY s.created DESC, s.id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.clamp(0, MAX_PAGE)], |r| {
            Ok(StoryHead {
                id: r.get(0)?,
                title: r.get(1)?,
                created: r.get(2)?,
                article_count: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
