//! Highlights beyond add/note/delete (those live in `write.rs`, the per-version reads in
//! `read.rs`): one highlight by id, colour changes, undoing a delete, and the library-wide list
//! with each highlight's article. Where a highlight's passage went in another version is the
//! engine's question (`parallax_engine::Resolver`), asked by the ingest crate.
//!
//! Cascade rules (schema 0001): a highlight belongs to the version it was made on; deleting that
//! version (or its article) deletes the highlight with it, so no highlight ever points at a version
//! that is gone. Highlights on the article's other versions are untouched.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Library;
use crate::error::{Error, Result};
use crate::model::{Colour, Highlight};
use crate::read::{HIGHLIGHT_COLUMNS, highlight};
use crate::write::{not_found_if_zero, require_row};

/// A highlight with the article and version it was made on: one line of the Highlights view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HighlightEntry {
    pub highlight: Highlight,
    pub article_id: i64,
    /// Headline of the version the highlight was made on.
    pub title: String,
    pub outlet: String,
    pub url: Option<String>,
    /// Number (1-based, fetch order) and fetch time of the version it was made on.
    pub version_number: i64,
    pub version_fetched: i64,
    /// The article's newest version (where "what became of it" is asked by default).
    pub latest_version_id: i64,
}

const ENTRY_SQL: &str = "
    WITH numbered AS (
        SELECT v.id, v.article_id, v.title, v.fetched,
               row_number() OVER (PARTITION BY v.article_id ORDER BY v.fetched, v.id) AS number,
               first_value(v.id) OVER (PARTITION BY v.article_id
                                       ORDER BY v.fetched DESC, v.id DESC) AS latest
        FROM version v
    )
    SELECT {columns}, n.article_id, n.title, o.name, a.url, n.number, n.fetched, n.latest
    FROM highlight h
    JOIN numbered n ON n.id = h.version_id
    JOIN article a ON a.id = n.article_id
    JOIN outlet o ON o.id = a.outlet_id
    {filter}
    ORDER BY h.created DESC, h.id DESC";

fn entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<HighlightEntry> {
    Ok(HighlightEntry {
        highlight: highlight(row)?,
        article_id: row.get(9)?,
        title: row.get(10)?,
        outlet: row.get(11)?,
        url: row.get(12)?,
        version_number: row.get(13)?,
        version_fetched: row.get(14)?,
        latest_version_id: row.get(15)?,
    })
}

fn entry_sql(filter: &str) -> String {
    let columns = HIGHLIGHT_COLUMNS
        .split(", ")
        .map(|c| format!("h.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    ENTRY_SQL
        .replace("{columns}", &columns)
        .replace("{filter}", filter)
}

impl Library {
    /// One highlight by id.
    pub fn get_highlight(&self, highlight_id: i64) -> Result<Highlight> {
        self.conn
            .query_row(
                &format!("SELECT {HIGHLIGHT_COLUMNS} FROM highlight WHERE id = ?1"),
                [highlight_id],
                highlight,
            )
            .optional()?
            .ok_or(Error::NotFound {
                what: "highlight",
                id: highlight_id,
            })
    }

    /// Every highlight in the library (or of one article), newest first, with its article.
    pub fn list_highlights(&self, article_id: Option<i64>) -> Result<Vec<HighlightEntry>> {
        if let Some(id) = article_id {
            require_article(self, id)?;
        }
        let filter = if article_id.is_some() {
            "WHERE n.article_id = ?1"
        } else {
            "WHERE ?1 IS NULL"
        };
        let mut stmt = self.conn.prepare(&entry_sql(filter))?;
        let rows = stmt.query_map([article_id], entry)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Changes a highlight's colour.
    pub fn set_highlight_colour(&mut self, highlight_id: i64, colour: Colour) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE highlight SET colour = ?1 WHERE id = ?2",
                params![colour.as_str(), highlight_id],
            )?;
            not_found_if_zero(n, "highlight", highlight_id)
        })
    }

    /// Puts a deleted highlight back exactly as it was (same id, time and note): the undo of
    /// [`Library::delete_highlight`]. Fails with `notFound` when its version is gone since.
    pub fn restore_highlight(&mut self, h: &Highlight) -> Result<Highlight> {
        if h.quote.trim().is_empty() {
            return Err(Error::InvalidInput("Select some text to highlight.".into()));
        }
        self.write(|tx| {
            require_row(tx, "version", h.version_id)?;
            tx.execute(
                "INSERT INTO highlight (id, version_id, quote, prefix, suffix, sentence_index, colour, note, created)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    h.id,
                    h.version_id,
                    h.quote,
                    h.prefix,
                    h.suffix,
                    h.sentence_index,
                    h.colour.as_str(),
                    h.note.as_deref().filter(|n| !n.trim().is_empty()),
                    h.created
                ],
            )
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    Error::InvalidInput(format!(
                        "Highlight {} is already in the library; there is nothing to undo.",
                        h.id
                    ))
                }
                e => e.into(),
            })?;
            Ok(tx.query_row(
                &format!("SELECT {HIGHLIGHT_COLUMNS} FROM highlight WHERE id = ?1"),
                [h.id],
                highlight,
            )?)
        })
    }
}

fn require_article(lib: &Library, id: i64) -> Result<()> {
    let found: bool = lib.conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(Error::NotFound {
            what: "article",
            id,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{Colour, Library, NewArticle, NewHighlight, NewVersion, SourceKind};

    fn version(fetched: i64, text: &str) -> NewVersion {
        NewVersion {
            title: format!("Ferry timetable {fetched}"),
            byline: None,
            published: None,
            fetched,
            paragraphs: vec![text.into()],
            html: None,
            source_kind: SourceKind::Paste,
            source_ref: None,
        }
    }

    /// A library with one article in two versions; returns (article, v1, v2).
    fn two_versions() -> (Library, i64, i64, i64) {
        let mut lib = Library::open_in_memory().unwrap();
        let art = NewArticle {
            outlet_name: "Harbour Courier".into(),
            outlet_domain: Some("harbour.example".into()),
            url: Some("https://harbour.example/ferry".into()),
        };
        let a = lib
            .add_article(&art, &version(100, "The ferry sails at noon."))
            .unwrap();
        let b = lib
            .add_version(a.article_id, &version(200, "The ferry sails at one."))
            .unwrap();
        (lib, a.article_id, a.version_id, b.version_id)
    }

    fn new(version_id: i64, quote: &str) -> NewHighlight {
        NewHighlight {
            version_id,
            quote: quote.into(),
            prefix: String::new(),
            suffix: String::new(),
            sentence_index: Some(0),
            colour: Colour::Yellow,
            note: Some("check the time".into()),
        }
    }

    #[test]
    fn create_list_update_delete_and_undo() {
        let (mut lib, article, v1, v2) = two_versions();
        let first = lib.add_highlight(&new(v1, "sails at noon"), 1_000).unwrap();
        let second = lib.add_highlight(&new(v2, "at one"), 2_000).unwrap();
        let all = lib.list_highlights(None).unwrap();
        // Newest first, each with the article it belongs to and the version it was made on.
        assert_eq!(
            all.iter().map(|e| e.highlight.id).collect::<Vec<_>>(),
            vec![second.id, first.id]
        );
        assert_eq!(all[1].article_id, article);
        assert_eq!(all[1].version_number, 1);
        assert_eq!(all[0].version_number, 2);
        assert_eq!(all[1].latest_version_id, v2);
        assert_eq!(all[1].outlet, "Harbour Courier");
        assert_eq!(all[1].title, "Ferry timetable 100");

        lib.set_highlight_colour(first.id, Colour::Purple).unwrap();
        lib.set_highlight_note(first.id, Some("  ")).unwrap();
        let got = lib.get_highlight(first.id).unwrap();
        assert_eq!(got.colour, Colour::Purple);
        assert_eq!(got.note, None, "a blank note clears it");

        lib.delete_highlight(first.id).unwrap();
        assert!(lib.get_highlight(first.id).is_err());
        let back = lib.restore_highlight(&got).unwrap();
        assert_eq!(
            back, got,
            "undo brings back the same id, time, colour and note"
        );
        assert!(
            lib.restore_highlight(&got).is_err(),
            "restoring twice is refused, not duplicated"
        );
    }

    #[test]
    fn missing_ids_are_not_found() {
        let (mut lib, _, _, _) = two_versions();
        let kind = |e: crate::Error| e.kind();
        assert_eq!(
            kind(lib.set_highlight_colour(99, Colour::Blue).unwrap_err()),
            crate::ErrorKind::NotFound
        );
        assert_eq!(
            kind(lib.get_highlight(99).unwrap_err()),
            crate::ErrorKind::NotFound
        );
        assert_eq!(
            kind(lib.list_highlights(Some(99)).unwrap_err()),
            crate::ErrorKind::NotFound
        );
        assert_eq!(
            kind(lib.add_highlight(&new(99, "x"), 0).unwrap_err()),
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn deleting_a_version_takes_its_highlights_and_only_those() {
        let (mut lib, article, v1, v2) = two_versions();
        let on_v1 = lib.add_highlight(&new(v1, "sails at noon"), 1).unwrap();
        let on_v2 = lib.add_highlight(&new(v2, "at one"), 2).unwrap();
        // Versions are deleted with raw SQL here: the store's own version deletion (the trash)
        // goes through the same foreign key.
        lib.conn
            .execute("DELETE FROM version WHERE id = ?1", [v1])
            .unwrap();
        assert!(
            lib.get_highlight(on_v1.id).is_err(),
            "no highlight points at a deleted version"
        );
        assert_eq!(lib.get_highlight(on_v2.id).unwrap(), on_v2);
        let dangling: i64 = lib
            .conn
            .query_row(
                "SELECT count(*) FROM highlight WHERE version_id NOT IN (SELECT id FROM version)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(dangling, 0);
        lib.delete_article(article).unwrap();
        assert!(lib.list_highlights(None).unwrap().is_empty());
    }
}
