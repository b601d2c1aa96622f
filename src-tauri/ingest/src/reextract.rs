//! Re-extraction over kept pages: runs today's extractor on the raw page each version was
//! extracted from and says which versions' text would change. With `apply`, a changed text is
//! stored as a new version of the article (with the original's fetch time, so it sorts right
//! after it); an existing version is never rewritten.

use parallax_store::{AddOutcome, Library, NewVersion, content_hash};
use serde::Serialize;

use crate::article::{Capture, Origin, capture_html};
use crate::error::Result;
use crate::library::{store_error, to_store};
use crate::revision::summarise_changes;

/// What re-extracting one version's kept page gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum Reextraction {
    /// Today's extractor gives the same text.
    Unchanged,
    /// The text would change; `description` says how ("1 substantive change: a number").
    WouldChange { description: String },
    /// The new text is already stored, as version `version_id` of the same article.
    AlreadyStored { version_id: i64 },
    /// The new text was stored as version `version_id` (`apply` only).
    Stored {
        version_id: i64,
        description: String,
    },
    /// Today's extractor refuses the page; the stored version stays as it is.
    Failed { message: String },
}

/// One version's line in a re-extraction report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReextractReport {
    pub article_id: i64,
    pub version_id: i64,
    pub title: String,
    #[serde(flatten)]
    pub result: Reextraction,
}

impl ReextractReport {
    /// One line for a terminal: "article 3, version 7 "Title": would change (...)".
    pub fn line(&self) -> String {
        let what = match &self.result {
            Reextraction::Unchanged => "unchanged".to_string(),
            Reextraction::WouldChange { description } => format!("would change ({description})"),
            Reextraction::AlreadyStored { version_id } => {
                format!("the new text is already version {version_id}")
            }
            Reextraction::Stored {
                version_id,
                description,
            } => format!("stored as new version {version_id} ({description})"),
            Reextraction::Failed { message } => format!("not re-extracted: {message}"),
        };
        format!(
            "article {}, version {} \"{}\": {what}",
            self.article_id, self.version_id, self.title
        )
    }
}

/// Re-extracts every kept page (of `article_id` only, when given), oldest first. With `apply`
/// each changed text becomes a new version, its page kept with it.
pub fn reextract(
    lib: &mut Library,
    article_id: Option<i64>,
    apply: bool,
) -> Result<Vec<ReextractReport>> {
    if let Some(id) = article_id {
        lib.get_article(id).map_err(store_error)?;
    }
    let ids = lib
        .versions_with_raw_page(article_id)
        .map_err(store_error)?;
    let mut reports = Vec::with_capacity(ids.len());
    for version_id in ids {
        let Some(page) = lib.raw_page(version_id).map_err(store_error)? else {
            continue;
        };
        let old = lib.get_version(version_id).map_err(store_error)?;
        let origin = match old.info.source_kind {
            parallax_store::SourceKind::Feed => Origin::Feed,
            parallax_store::SourceKind::Url => Origin::Url,
            _ => Origin::File,
        };
        let source_ref = old.info.source_ref.clone().unwrap_or_default();
        let result = match capture_html(
            &page.html,
            page.url.as_deref(),
            origin,
            &source_ref,
            old.info.fetched,
        ) {
            Err(e) => Reextraction::Failed {
                message: e.to_string(),
            },
            Ok(capture) => compare(lib, &old, &capture, apply)?,
        };
        reports.push(ReextractReport {
            article_id: old.info.article_id,
            version_id,
            title: old.info.title.clone(),
            result,
        });
    }
    Ok(reports)
}

fn compare(
    lib: &mut Library,
    old: &parallax_store::Version,
    capture: &Capture,
    apply: bool,
) -> Result<Reextraction> {
    let (_, new): (_, NewVersion) = to_store(capture);
    let hash = content_hash(
        new.title.trim(),
        &parallax_store::clean_paragraphs(&new.paragraphs),
    );
    if hash == old.info.content_hash {
        return Ok(Reextraction::Unchanged);
    }
    let article = old.info.article_id;
    if let Some(same) = lib
        .versions_of(article)
        .map_err(store_error)?
        .into_iter()
        .find(|v| v.content_hash == hash)
    {
        return Ok(Reextraction::AlreadyStored {
            version_id: same.id,
        });
    }
    let description = summarise_changes(&old.paragraphs, &capture.paragraphs).describe();
    let description = if old.info.title != capture.title {
        format!("title now \"{}\"; {description}", capture.title)
    } else {
        description
    };
    if !apply {
        return Ok(Reextraction::WouldChange { description });
    }
    let added = lib.add_version(article, &new).map_err(store_error)?;
    if added.outcome == AddOutcome::Duplicate {
        return Ok(Reextraction::AlreadyStored {
            version_id: added.version_id,
        });
    }
    if let Some(html) = &capture.raw_html {
        let url = lib
            .raw_page(old.info.id)
            .map_err(store_error)?
            .and_then(|p| p.url);
        lib.keep_raw_page(added.version_id, url.as_deref(), html)
            .map_err(store_error)?;
    }
    Ok(Reextraction::Stored {
        version_id: added.version_id,
        description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_store::{NewArticle, SourceKind};

    const PAGE: &str = "<html><head><title>Ferry returns | Harbour Courier</title>\
        <meta property=\"og:site_name\" content=\"Harbour Courier\"></head><body><article>\
        <h1>Ferry returns</h1><p>Updated 09:00, Thu, Apr 2, 2026</p>\
        <p>The ferry to Merrow Point sails again from Monday, eight months after the slipway \
        collapsed, the harbour board said on Thursday.</p>\
        <p>Crews rebuilt the slip with steel piles and the first sailing is fully booked.</p>\
        </article></body></html>";

    /// An article whose one version was extracted by an older extractor that kept the
    /// "Updated" line, with the page kept.
    fn library_with_old_extraction() -> (Library, i64, i64) {
        let mut lib = Library::open_in_memory().unwrap();
        let article = NewArticle {
            outlet_name: "Harbour Courier".into(),
            outlet_domain: None,
            url: None,
        };
        let version = NewVersion {
            title: "Ferry returns".into(),
            byline: None,
            published: None,
            fetched: 100,
            paragraphs: vec![
                "Updated 09:00, Thu, Apr 2, 2026".into(),
                "The ferry to Merrow Point sails again from Monday, eight months after the slipway collapsed, the harbour board said on Thursday.".into(),
                "Crews rebuilt the slip with steel piles and the first sailing is fully booked.".into(),
            ],
            html: None,
            source_kind: SourceKind::File,
            source_ref: Some("ferry.html".into()),
        };
        let added = lib.add_article(&article, &version).unwrap();
        lib.keep_raw_page(added.version_id, None, PAGE).unwrap();
        (lib, added.article_id, added.version_id)
    }

    #[test]
    fn reports_without_apply_and_stores_a_new_version_with_it() {
        let (mut lib, article, old) = library_with_old_extraction();
        let reports = reextract(&mut lib, Some(article), false).unwrap();
        assert_eq!(reports.len(), 1);
        assert!(
            matches!(reports[0].result, Reextraction::WouldChange { .. }),
            "{reports:?}"
        );
        assert_eq!(lib.versions_of(article).unwrap().len(), 1, "report only");

        let reports = reextract(&mut lib, None, true).unwrap();
        let Reextraction::Stored { version_id, .. } = reports[0].result.clone() else {
            panic!("{reports:?}");
        };
        let new = lib.get_version(version_id).unwrap();
        assert_eq!(new.paragraphs.len(), 2);
        assert_eq!(
            new.info.fetched, 100,
            "sorts beside the version it re-reads"
        );
        assert_eq!(
            lib.get_version(old).unwrap().paragraphs.len(),
            3,
            "never rewritten"
        );
        assert!(lib.raw_page(version_id).unwrap().is_some());

        // Again: the old version's new text is already stored; the new one is unchanged.
        let again: Vec<Reextraction> = reextract(&mut lib, None, true)
            .unwrap()
            .into_iter()
            .map(|r| r.result)
            .collect();
        assert_eq!(
            again,
            vec![
                Reextraction::AlreadyStored { version_id },
                Reextraction::Unchanged
            ]
        );
    }

    #[test]
    fn an_unknown_article_is_an_error() {
        let (mut lib, article, _) = library_with_old_extraction();
        let e = reextract(&mut lib, Some(article + 50), false).unwrap_err();
        assert!(e.to_string().contains("No article with id"), "{e}");
    }

    #[test]
    fn an_imported_html_file_keeps_its_page() {
        let mut lib = Library::open_in_memory().unwrap();
        let imported = crate::import_bytes(&mut lib, "ferry.html", PAGE.as_bytes(), 5).unwrap();
        let page = lib.raw_page(imported.version_id).unwrap().unwrap();
        assert_eq!(page.html, PAGE);
        let reports = reextract(&mut lib, None, false).unwrap();
        assert_eq!(reports[0].result, Reextraction::Unchanged);
    }
}
