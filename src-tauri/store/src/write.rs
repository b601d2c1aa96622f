//! Changes to the library (`&mut self`), each in one transaction: imports with dedupe,
//! stories, highlights, metadata. Feed state changes live in `feed.rs`.

use rusqlite::{Connection, OptionalExtension, params};

use crate::Library;
use crate::error::{Error, Result};
use crate::model::{AddOutcome, Added, Highlight, NewArticle, NewHighlight, NewVersion};
use crate::normalise::{clean_label, clean_paragraphs, content_hash, join_body, strip_controls};
use crate::read::{HIGHLIGHT_COLUMNS, highlight};

/// A version ready to insert: cleaned text and its hash.
struct Prepared<'a> {
    new: &'a NewVersion,
    title: String,
    body: String,
    hash: String,
}

fn prepare(new: &NewVersion) -> Result<Prepared<'_>> {
    let title = clean_label(&new.title);
    if title.is_empty() {
        return Err(Error::InvalidInput(
            "The article has no title. Give it a title and try again.".into(),
        ));
    }
    let paragraphs = clean_paragraphs(&new.paragraphs);
    if paragraphs.is_empty() {
        return Err(Error::InvalidInput(
            "The article has no text, so there is nothing to store.".into(),
        ));
    }
    Ok(Prepared {
        new,
        hash: content_hash(&title, &paragraphs),
        title,
        body: join_body(&paragraphs),
    })
}

fn insert_version(tx: &Connection, article_id: i64, v: &Prepared<'_>) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO version (article_id, title, byline, published, fetched, body, html,
                              content_hash, source_kind, source_ref)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        article_id,
        v.title,
        v.new
            .byline
            .as_deref()
            .map(clean_label)
            .filter(|b| !b.is_empty()),
        v.new.published,
        v.new.fetched,
        v.body,
        v.new.html.as_deref().map(strip_controls),
        v.hash,
        v.new.source_kind.as_str(),
        v.new.source_ref,
    ])?;
    Ok(tx.last_insert_rowid())
}

fn existing_version(tx: &Connection, article_id: i64, hash: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM version WHERE article_id = ?1 AND content_hash = ?2")?
        .query_row(params![article_id, hash], |r| r.get(0))
        .optional()?)
}

/// Lower-cases a domain and drops a leading `www.`, so `www.Courier.example` and
/// `courier.example` are one outlet.
fn clean_domain(domain: Option<&str>) -> Option<String> {
    let d = domain?.trim().trim_end_matches('.').to_lowercase();
    let d = d.strip_prefix("www.").map(str::to_owned).unwrap_or(d);
    (!d.is_empty()).then_some(d)
}

/// Finds the outlet by domain, else by name (case-insensitive); `create` adds it if missing.
fn outlet_id(tx: &Connection, article: &NewArticle, create: bool) -> Result<Option<i64>> {
    let name = clean_label(&article.outlet_name);
    let name = name.as_str();
    if name.is_empty() {
        return Err(Error::InvalidInput(
            "The article has no outlet. Say which publication it is from.".into(),
        ));
    }
    let domain = clean_domain(article.outlet_domain.as_deref());
    if let Some(d) = &domain
        && let Some(id) = tx
            .prepare_cached("SELECT id FROM outlet WHERE domain = ?1")?
            .query_row([d], |r| r.get(0))
            .optional()?
    {
        return Ok(Some(id));
    }
    let by_name: Option<(i64, Option<String>)> = tx
        .query_row(
            "SELECT id, domain FROM outlet WHERE name = ?1 COLLATE NOCASE",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match by_name {
        Some((id, None)) if create && domain.is_some() => {
            // The first import was a paste; now we learn the outlet's domain.
            tx.execute(
                "UPDATE outlet SET domain = ?1 WHERE id = ?2",
                params![domain, id],
            )?;
            Ok(Some(id))
        }
        Some((id, _)) => Ok(Some(id)),
        None if create => {
            tx.execute(
                "INSERT INTO outlet (name, domain) VALUES (?1, ?2)",
                params![name, domain],
            )?;
            Ok(Some(tx.last_insert_rowid()))
        }
        None => Ok(None),
    }
}

impl Library {
    /// Imports one text. With a URL already in the library, the text becomes a new version
    /// of that article; without a URL, an article of the same outlet that already holds the
    /// same normalised text is recognised. An identical text is never stored twice:
    /// [`AddOutcome::Duplicate`] names the version that holds it.
    pub fn add_article(&mut self, article: &NewArticle, version: &NewVersion) -> Result<Added> {
        let prepared = prepare(version)?;
        self.write(|tx| import(tx, article, &prepared))
    }

    /// Adds a version to an existing article (a re-fetch), unless the article already holds
    /// the same normalised text.
    pub fn add_version(&mut self, article_id: i64, version: &NewVersion) -> Result<Added> {
        let prepared = prepare(version)?;
        self.write(|tx| {
            require_row(tx, "article", article_id)?;
            add_to(tx, article_id, &prepared)
        })
    }

    /// Deletes an article with its versions, highlights and story memberships (and its
    /// outlet, when that was the outlet's last article).
    pub fn delete_article(&mut self, article_id: i64) -> Result<()> {
        self.write(|tx| {
            let outlet: Option<i64> = tx
                .query_row(
                    "SELECT outlet_id FROM article WHERE id = ?1",
                    [article_id],
                    |r| r.get(0),
                )
                .optional()?;
            let n = tx.execute("DELETE FROM article WHERE id = ?1", [article_id])?;
            // An outlet exists only through its articles; keep the outlet list free of
            // names the library no longer holds anything from.
            tx.execute(
                "DELETE FROM outlet WHERE id = ?1
                 AND NOT EXISTS (SELECT 1 FROM article WHERE outlet_id = ?1)",
                [outlet],
            )?;
            not_found_if_zero(n, "article", article_id)
        })
    }

    /// Creates an empty story and returns its id.
    pub fn create_story(&mut self, title: &str, now: i64) -> Result<i64> {
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::InvalidInput("A story needs a title.".into()));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO story (title, created) VALUES (?1, ?2)",
                params![title, now],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Renames a story.
    pub fn rename_story(&mut self, story_id: i64, title: &str) -> Result<()> {
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::InvalidInput("A story needs a title.".into()));
        }
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE story SET title = ?1 WHERE id = ?2",
                params![title, story_id],
            )?;
            not_found_if_zero(n, "story", story_id)
        })
    }

    /// Deletes a story (its articles stay in the library).
    pub fn delete_story(&mut self, story_id: i64) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM story WHERE id = ?1", [story_id])?;
            not_found_if_zero(n, "story", story_id)
        })
    }

    /// Puts an article in a story; returns false if it was already there.
    pub fn add_to_story(&mut self, story_id: i64, article_id: i64, now: i64) -> Result<bool> {
        self.write(|tx| {
            require_row(tx, "story", story_id)?;
            require_row(tx, "article", article_id)?;
            let n = tx.execute(
                "INSERT OR IGNORE INTO story_article (story_id, article_id, added) VALUES (?1, ?2, ?3)",
                params![story_id, article_id, now],
            )?;
            Ok(n == 1)
        })
    }

    /// Takes an article out of a story; returns false if it was not in it.
    pub fn remove_from_story(&mut self, story_id: i64, article_id: i64) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "DELETE FROM story_article WHERE story_id = ?1 AND article_id = ?2",
                params![story_id, article_id],
            )?;
            Ok(n == 1)
        })
    }

    /// Saves a highlight on a version and returns it.
    pub fn add_highlight(&mut self, new: &NewHighlight, now: i64) -> Result<Highlight> {
        if new.quote.trim().is_empty() {
            return Err(Error::InvalidInput("Select some text to highlight.".into()));
        }
        self.write(|tx| {
            require_row(tx, "version", new.version_id)?;
            tx.execute(
                "INSERT INTO highlight (version_id, quote, prefix, suffix, sentence_index, colour, note, created)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    new.version_id,
                    new.quote,
                    new.prefix,
                    new.suffix,
                    new.sentence_index,
                    new.colour.as_str(),
                    new.note.as_deref().filter(|n| !n.trim().is_empty()),
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            Ok(tx.query_row(
                &format!("SELECT {HIGHLIGHT_COLUMNS} FROM highlight WHERE id = ?1"),
                [id],
                highlight,
            )?)
        })
    }

    /// Sets or clears (with `None` or blank text) a highlight's note.
    pub fn set_highlight_note(&mut self, highlight_id: i64, note: Option<&str>) -> Result<()> {
        let note = note.filter(|n| !n.trim().is_empty());
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE highlight SET note = ?1 WHERE id = ?2",
                params![note, highlight_id],
            )?;
            not_found_if_zero(n, "highlight", highlight_id)
        })
    }

    /// Deletes a highlight.
    pub fn delete_highlight(&mut self, highlight_id: i64) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM highlight WHERE id = ?1", [highlight_id])?;
            not_found_if_zero(n, "highlight", highlight_id)
        })
    }

    /// Stores a value in the library's key/value metadata.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            Ok(())
        })
    }
}

/// The body of [`Library::add_article`], for callers that already hold a transaction.
pub(crate) fn import_in(
    tx: &Connection,
    article: &NewArticle,
    version: &NewVersion,
) -> Result<Added> {
    import(tx, article, &prepare(version)?)
}

fn import(tx: &Connection, article: &NewArticle, prepared: &Prepared<'_>) -> Result<Added> {
    let url = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    if let Some(url) = url
        && let Some(article_id) = tx
            .prepare_cached("SELECT id FROM article WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?
    {
        return add_to(tx, article_id, prepared);
    }
    if url.is_none()
        && let Some(outlet) = outlet_id(tx, article, false)?
        && let Some((article_id, version_id)) = tx
            .query_row(
                "SELECT v.article_id, v.id FROM version v
                 JOIN article a ON a.id = v.article_id
                 WHERE a.outlet_id = ?1 AND v.content_hash = ?2 LIMIT 1",
                params![outlet, prepared.hash],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
    {
        return Ok(Added {
            outcome: AddOutcome::Duplicate,
            article_id,
            version_id,
        });
    }
    let outlet = outlet_id(tx, article, true)?.expect("outlet_id creates a missing outlet");
    tx.prepare_cached("INSERT INTO article (outlet_id, url, first_seen) VALUES (?1, ?2, ?3)")?
        .execute(params![outlet, url, prepared.new.fetched])?;
    let article_id = tx.last_insert_rowid();
    let version_id = insert_version(tx, article_id, prepared)?;
    Ok(Added {
        outcome: AddOutcome::NewArticle,
        article_id,
        version_id,
    })
}

fn add_to(tx: &Connection, article_id: i64, prepared: &Prepared<'_>) -> Result<Added> {
    if let Some(version_id) = existing_version(tx, article_id, &prepared.hash)? {
        return Ok(Added {
            outcome: AddOutcome::Duplicate,
            article_id,
            version_id,
        });
    }
    let version_id = insert_version(tx, article_id, prepared)?;
    Ok(Added {
        outcome: AddOutcome::NewVersion,
        article_id,
        version_id,
    })
}

/// Fails with `NotFound { what, id }` unless table `what` has a row with that id. `what` is one of
/// the store's own table names (never user input), so it can stand in the SQL text.
pub(crate) fn require_row(tx: &Connection, what: &'static str, id: i64) -> Result<()> {
    let found: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {what} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(Error::NotFound { what, id })
    }
}

pub(crate) fn not_found_if_zero(changed: usize, what: &'static str, id: i64) -> Result<()> {
    if changed == 0 {
        Err(Error::NotFound { what, id })
    } else {
        Ok(())
    }
}
