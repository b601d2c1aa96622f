//! The sample library that a first launch opens on: three fictional outlets' accounts of
//! one fictional event (a story) and one article with five versions. The texts are data
//! files in `sample/` (see `sample/README.md`), embedded at build time. Loaded once per
//! library, ever: a meta key remembers it even after its articles are deleted.

use rusqlite::{OptionalExtension, params};

use crate::Library;
use crate::error::{Error, Result};
use crate::model::{NewArticle, NewVersion, SampleOutcome, SourceKind};
use crate::write::import_in;

/// The meta key recording when the sample was loaded.
pub const SAMPLE_META_KEY: &str = "sample_loaded_at";

/// The title of the story formed by the three accounts.
pub const SAMPLE_STORY_TITLE: &str = "Orrin Dam spillway failure and the Kestleford evacuation";

/// The three outlets' accounts, in story order.
const ACCOUNTS: &[(&str, &str)] = &[
    ("courier.txt", include_str!("../sample/courier.txt")),
    ("wire.txt", include_str!("../sample/wire.txt")),
    ("meridian.txt", include_str!("../sample/meridian.txt")),
];

/// One article's revisions, oldest first.
const REVISIONS: &[(&str, &str)] = &[
    (
        "revisions/v1.txt",
        include_str!("../sample/revisions/v1.txt"),
    ),
    (
        "revisions/v2.txt",
        include_str!("../sample/revisions/v2.txt"),
    ),
    (
        "revisions/v3.txt",
        include_str!("../sample/revisions/v3.txt"),
    ),
    (
        "revisions/v4.txt",
        include_str!("../sample/revisions/v4.txt"),
    ),
    (
        "revisions/v5.txt",
        include_str!("../sample/revisions/v5.txt"),
    ),
];

/// One parsed sample file.
#[derive(Debug)]
pub(crate) struct SampleText {
    pub article: NewArticle,
    pub version: NewVersion,
}

/// Parses a sample file: `key: value` header lines, a `---` line, then paragraphs
/// separated by blank lines.
pub(crate) fn parse_sample(name: &str, text: &str) -> Result<SampleText> {
    let bad = |why: &str| Error::InvalidInput(format!("sample file {name}: {why}"));
    let (header, body) = text
        .split_once("\n---\n")
        .ok_or_else(|| bad("no --- line"))?;
    let field = |key: &str| -> Option<String> {
        header.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_owned())
        })
    };
    let time = |value: Option<String>| -> Result<Option<i64>> {
        value
            .map(|v| parse_utc(&v).ok_or_else(|| bad(&format!("bad time {v:?}"))))
            .transpose()
    };
    let url = field("url");
    let fetched = time(field("fetched"))?.ok_or_else(|| bad("no fetched time"))?;
    let paragraphs = body
        .split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    Ok(SampleText {
        article: NewArticle {
            outlet_name: field("outlet").ok_or_else(|| bad("no outlet"))?,
            outlet_domain: field("domain"),
            url: url.clone(),
        },
        version: NewVersion {
            title: field("title").ok_or_else(|| bad("no title"))?,
            byline: field("byline"),
            published: time(field("published"))?,
            fetched,
            paragraphs,
            html: None,
            source_kind: SourceKind::Sample,
            source_ref: Some(format!("sample/{name}")),
        },
    })
}

/// `YYYY-MM-DDTHH:MM:SSZ` to unix seconds (the only form the sample files use).
pub(crate) fn parse_utc(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 59 {
        return None;
    }
    // Days from the civil date (proleptic Gregorian), after H. Hinnant's well-known method.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3_600 + mm * 60 + ss)
}

/// Every sample text, accounts first, then the revisions oldest first.
pub(crate) fn sample_texts() -> Result<(Vec<SampleText>, Vec<SampleText>)> {
    let parse = |files: &[(&str, &str)]| {
        files
            .iter()
            .map(|(name, text)| parse_sample(name, text))
            .collect::<Result<Vec<_>>>()
    };
    Ok((parse(ACCOUNTS)?, parse(REVISIONS)?))
}

impl Library {
    /// Loads the sample library into an empty library, once in the library's life, in one
    /// transaction. A library that already holds articles is left alone.
    ///
    /// Every launch asks, so the usual answer (loaded before, or not empty) is read without
    /// writing: the first write of a connection checks every page of the file first, which at
    /// 100,000 articles takes seconds and must not stand between the window and its first rows.
    pub fn load_sample_if_empty(&mut self, now: i64) -> Result<SampleOutcome> {
        if let Some(outcome) = sample_not_needed(&self.conn)? {
            return Ok(outcome);
        }
        let (accounts, revisions) = sample_texts()?;
        self.write(|tx| {
            // Asked again inside the write lock: another program may have filled it meanwhile.
            if let Some(outcome) = sample_not_needed(tx)? {
                return Ok(outcome);
            }
            tx.execute(
                "INSERT INTO story (title, created) VALUES (?1, ?2)",
                params![SAMPLE_STORY_TITLE, now],
            )?;
            let story = tx.last_insert_rowid();
            for s in &accounts {
                let added = import_in(tx, &s.article, &s.version)?;
                tx.execute(
                    "INSERT INTO story_article (story_id, article_id, added) VALUES (?1, ?2, ?3)",
                    params![story, added.article_id, now],
                )?;
            }
            for s in &revisions {
                import_in(tx, &s.article, &s.version)?;
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                params![SAMPLE_META_KEY, now.to_string()],
            )?;
            Ok(SampleOutcome::Loaded)
        })
    }
}

/// Why the sample is not to be loaded, if it is not: loaded once already, or articles are there.
fn sample_not_needed(conn: &rusqlite::Connection) -> Result<Option<SampleOutcome>> {
    let loaded: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [SAMPLE_META_KEY],
            |r| r.get(0),
        )
        .optional()?;
    if loaded.is_some() {
        return Ok(Some(SampleOutcome::AlreadyLoaded));
    }
    let has_articles: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM article)", [], |r| r.get(0))?;
    Ok(has_articles.then_some(SampleOutcome::NotEmpty))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_times() {
        // Sample times must land on the right instant or the version order would be wrong.
        assert_eq!(parse_utc("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_utc("2000-03-01T00:00:00Z"), Some(951_868_800));
        assert_eq!(parse_utc("2026-03-14T06:10:00Z"), Some(1_773_468_600));
        assert_eq!(parse_utc("2026-13-14T06:10:00Z"), None);
    }
}
