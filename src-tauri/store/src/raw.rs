//! The raw pages versions were extracted from (migration 0003): kept zlib-compressed, one per
//! version, written once and never changed, so a later extractor can re-read the source.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use rusqlite::{OptionalExtension, params};

use crate::Library;
use crate::error::{Error, Result};

/// The page a version was extracted from, as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPage {
    pub version_id: i64,
    /// Where it was fetched from (`None` for a file).
    pub url: Option<String>,
    /// The page's HTML text (decoded to UTF-8).
    pub html: String,
}

/// How many raw pages the library keeps and their sizes, for `reextract` and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RawPageStats {
    pub pages: i64,
    /// Total uncompressed bytes.
    pub size: i64,
    /// Total bytes as stored.
    pub stored: i64,
}

fn compress(text: &str) -> Result<Vec<u8>> {
    let mut enc = ZlibEncoder::new(Vec::new(), Compression::new(6));
    enc.write_all(text.as_bytes())
        .and_then(|_| enc.finish())
        .map_err(|e| Error::InvalidInput(format!("The page could not be compressed ({e}).")))
}

fn decompress(version_id: i64, bytes: &[u8]) -> Result<String> {
    let mut out = String::new();
    ZlibDecoder::new(bytes)
        .read_to_string(&mut out)
        .map_err(|e| {
            Error::InvalidInput(format!(
                "The kept page of version {version_id} is damaged ({e}); re-import the article \
                 from its address to keep a fresh copy."
            ))
        })?;
    Ok(out)
}

impl Library {
    /// Keeps the page `version_id` was extracted from. A version keeps its first page: a
    /// second call for the same version changes nothing and returns `false`.
    pub fn keep_raw_page(
        &mut self,
        version_id: i64,
        url: Option<&str>,
        html: &str,
    ) -> Result<bool> {
        let page = compress(html)?;
        self.write(|tx| {
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM version WHERE id = ?1", [version_id], |r| {
                    r.get(0)
                })
                .optional()?;
            if exists.is_none() {
                return Err(Error::NotFound {
                    what: "version",
                    id: version_id,
                });
            }
            let n = tx.execute(
                "INSERT OR IGNORE INTO raw_page (version_id, url, compression, size, page)
                 VALUES (?1, ?2, 'zlib', ?3, ?4)",
                params![version_id, url, html.len() as i64, page],
            )?;
            Ok(n == 1)
        })
    }

    /// The page `version_id` was extracted from, or `None` when none was kept (pasted text,
    /// Markdown, or a version stored before pages were kept).
    pub fn raw_page(&self, version_id: i64) -> Result<Option<RawPage>> {
        let row: Option<(Option<String>, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT url, page FROM raw_page WHERE version_id = ?1",
                [version_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(url, bytes)| {
            Ok(RawPage {
                version_id,
                url,
                html: decompress(version_id, &bytes)?,
            })
        })
        .transpose()
    }

    /// The versions that have a kept page, oldest first; only those of `article_id` when given.
    pub fn versions_with_raw_page(&self, article_id: Option<i64>) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.version_id FROM raw_page r JOIN version v ON v.id = r.version_id
             WHERE ?1 IS NULL OR v.article_id = ?1
             ORDER BY v.article_id, v.fetched, v.id",
        )?;
        let ids = stmt
            .query_map([article_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// Count and sizes of the kept pages.
    pub fn raw_page_stats(&self) -> Result<RawPageStats> {
        Ok(self.conn.query_row(
            "SELECT count(*), coalesce(sum(size), 0), coalesce(sum(length(page)), 0) FROM raw_page",
            [],
            |r| {
                Ok(RawPageStats {
                    pages: r.get(0)?,
                    size: r.get(1)?,
                    stored: r.get(2)?,
                })
            },
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NewArticle, NewVersion, SourceKind};

    fn library_with_version() -> (Library, i64) {
        let mut lib = Library::open_in_memory().unwrap();
        let article = NewArticle {
            outlet_name: "Harbour Courier".into(),
            outlet_domain: Some("harbourcourier.example".into()),
            url: Some("https://harbourcourier.example/ferry".into()),
        };
        let version = NewVersion {
            title: "Ferry returns".into(),
            byline: None,
            published: None,
            fetched: 1,
            paragraphs: vec!["The ferry sails again.".into()],
            html: None,
            source_kind: SourceKind::Url,
            source_ref: None,
        };
        let added = lib.add_article(&article, &version).unwrap();
        (lib, added.version_id)
    }

    #[test]
    fn a_kept_page_comes_back_whole_and_smaller() {
        let (mut lib, v) = library_with_version();
        let html = format!(
            "<html><body>{}</body></html>",
            "<p>The ferry sails again from Merrow Point.</p>".repeat(200)
        );
        assert!(
            lib.keep_raw_page(v, Some("https://harbourcourier.example/ferry"), &html)
                .unwrap()
        );
        let page = lib.raw_page(v).unwrap().unwrap();
        assert_eq!(page.html, html);
        assert_eq!(
            page.url.as_deref(),
            Some("https://harbourcourier.example/ferry")
        );
        let stats = lib.raw_page_stats().unwrap();
        assert_eq!((stats.pages, stats.size), (1, html.len() as i64));
        assert!(stats.stored * 10 < stats.size, "{stats:?}");
        assert_eq!(lib.versions_with_raw_page(None).unwrap(), vec![v]);
    }

    #[test]
    fn a_version_keeps_its_first_page() {
        let (mut lib, v) = library_with_version();
        assert!(lib.keep_raw_page(v, None, "<p>first</p>").unwrap());
        assert!(!lib.keep_raw_page(v, None, "<p>second</p>").unwrap());
        assert_eq!(lib.raw_page(v).unwrap().unwrap().html, "<p>first</p>");
    }

    #[test]
    fn no_page_for_an_unknown_or_pageless_version() {
        let (mut lib, v) = library_with_version();
        assert_eq!(lib.raw_page(v).unwrap(), None);
        let e = lib.keep_raw_page(v + 100, None, "<p>x</p>").unwrap_err();
        assert!(e.to_string().contains("No version with id"), "{e}");
        assert!(lib.versions_with_raw_page(Some(999)).unwrap().is_empty());
    }
}
