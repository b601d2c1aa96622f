//! Ingest into the store: captures become articles and versions (one transaction each, via
//! parallax-store), duplicates are reported rather than stored, and "check for updates"
//! re-fetches an article and says what changed. The app and the CLI call these; presenting
//! the results is theirs.

use std::path::{Path, PathBuf};

use parallax_store::{AddOutcome, Library, NewArticle, NewVersion, SourceKind};
use serde::Serialize;

use crate::article::{Capture, Origin};
use crate::error::{IngestError, Result};
use crate::fetch::Fetcher;
use crate::revision::{ChangeSummary, summarise_changes};

/// Where a capture landed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub outcome: AddOutcome,
    pub article_id: i64,
    pub version_id: i64,
    pub title: String,
    pub outlet: String,
    pub notes: Vec<String>,
}

/// One input's result in a batch import (a file path or a URL).
#[derive(Debug)]
pub struct ImportReport {
    pub source: String,
    pub result: Result<Imported>,
}

/// An ingest error as it crosses IPC: a stable code to branch on and the message to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ErrorInfo {
    pub code: String,
    pub message: String,
}

impl From<&IngestError> for ErrorInfo {
    fn from(e: &IngestError) -> Self {
        ErrorInfo {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}

/// [`ImportReport`] in serialisable form, for the app's progress list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    pub source: String,
    pub imported: Option<Imported>,
    pub error: Option<ErrorInfo>,
}

impl From<&ImportReport> for ImportResult {
    fn from(r: &ImportReport) -> Self {
        ImportResult {
            source: r.source.clone(),
            imported: r.result.as_ref().ok().cloned(),
            error: r.result.as_ref().err().map(ErrorInfo::from),
        }
    }
}

impl ImportReport {
    /// One line for a terminal or a toast: what happened to this input.
    pub fn line(&self) -> String {
        match &self.result {
            Ok(i) => {
                let what = match i.outcome {
                    AddOutcome::NewArticle => "imported",
                    AddOutcome::NewVersion => "new version of",
                    AddOutcome::Duplicate => "already in the library:",
                };
                let mut line = format!(
                    "{}: {what} \"{}\" ({}), article {}",
                    self.source, i.title, i.outlet, i.article_id
                );
                for note in &i.notes {
                    line += &format!("; {note}");
                }
                line
            }
            Err(e) => format!("{}: {e}", self.source),
        }
    }
}

fn source_kind(origin: Origin) -> SourceKind {
    match origin {
        Origin::Paste => SourceKind::Paste,
        Origin::File => SourceKind::File,
        Origin::Url => SourceKind::Url,
        Origin::Feed => SourceKind::Feed,
    }
}

/// The store's view of a capture.
pub fn to_store(c: &Capture) -> (NewArticle, NewVersion) {
    let article = NewArticle {
        outlet_name: c.outlet.name.clone(),
        outlet_domain: c.outlet.domain.clone(),
        url: c.url.clone(),
    };
    let version = NewVersion {
        title: c.title.clone(),
        byline: c.byline.clone(),
        published: c.published,
        fetched: c.fetched,
        paragraphs: c.paragraphs.clone(),
        html: c.html.clone(),
        source_kind: source_kind(c.origin),
        source_ref: Some(c.source_ref.clone()),
    };
    (article, version)
}

/// Keeps the page a capture was extracted from with its version (a duplicate keeps the page
/// only when its version had none).
fn keep_raw_page(lib: &mut Library, version_id: i64, c: &Capture) -> Result<()> {
    if let Some(html) = &c.raw_html {
        let url = matches!(c.origin, Origin::Url | Origin::Feed).then_some(c.source_ref.as_str());
        lib.keep_raw_page(version_id, url, html)
            .map_err(store_error)?;
    }
    Ok(())
}

pub(crate) fn store_error(e: parallax_store::Error) -> IngestError {
    IngestError::Store(e.to_string())
}

/// Stores a capture (one transaction): a new article, a new version of the article with the
/// same URL, or a duplicate that is recognised and not stored again.
pub fn store_capture(lib: &mut Library, c: &Capture) -> Result<Imported> {
    let (article, version) = to_store(c);
    let added = lib.add_article(&article, &version).map_err(store_error)?;
    keep_raw_page(lib, added.version_id, c)?;
    index_for_suggestions(lib, &added);
    Ok(Imported {
        outcome: added.outcome,
        article_id: added.article_id,
        version_id: added.version_id,
        // As stored: no control characters reach whoever prints this.
        title: parallax_store::clean_label(&c.title),
        outlet: parallax_store::clean_label(&c.outlet.name),
        notes: c.notes.clone(),
    })
}

/// Keeps the same-event suggestions current after an import. The import is already stored; if
/// indexing fails the article stays unindexed and [`crate::index_pending`] picks it up later,
/// so the error does not turn a good import into a reported failure.
fn index_for_suggestions(lib: &mut Library, added: &parallax_store::Added) {
    if added.outcome != AddOutcome::Duplicate {
        let _ = crate::same_event::index_article(lib, added.article_id, crate::DEFAULT_THRESHOLD);
    }
    // Likewise "has substantive changes": left unknown on failure, checked later.
    if added.outcome == AddOutcome::NewVersion {
        let _ = crate::revision::check_substantive(lib, added.article_id);
    }
}

/// Pasted text (title, outlet, body) → stored article. An empty body is refused.
pub fn import_paste(
    lib: &mut Library,
    title: &str,
    outlet: &str,
    body: &str,
    now: i64,
) -> Result<Imported> {
    let capture =
        crate::article::capture_paste(title, outlet, body, now).ok_or(IngestError::Empty)?;
    store_capture(lib, &capture)
}

/// A file's bytes (dropped on the window, read by the UI) → stored article. `name` gives the
/// kind by its extension (`story.html`) and is kept as the source reference.
pub fn import_bytes(lib: &mut Library, name: &str, bytes: &[u8], now: i64) -> Result<Imported> {
    let capture = crate::files::read_bytes(bytes, Path::new(name), now)?;
    store_capture(lib, &capture)
}

/// The latest version of every article as input for [`crate::suggest_same_event`].
pub fn story_texts(lib: &Library) -> Result<Vec<crate::StoryText>> {
    let articles = lib.list_articles().map_err(store_error)?;
    articles
        .into_iter()
        .map(|a| {
            let v = lib.get_version(a.latest_version_id).map_err(store_error)?;
            Ok(crate::StoryText {
                id: a.id,
                outlet: a.outlet,
                title: a.title,
                body: v.paragraphs.join("\n\n"),
            })
        })
        .collect()
}

/// True when an input names a web address rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.contains("://")
}

/// Imports files and URLs, one report each, calling `progress(done, total, source)` after
/// each. Inputs with a scheme (`https://...`) are fetched; the rest are read as files.
pub async fn import_sources(
    lib: &mut Library,
    fetcher: &Fetcher,
    inputs: &[String],
    now: i64,
    progress: impl FnMut(usize, usize, &str),
) -> Vec<ImportReport> {
    import_sources_with(lib, fetcher, inputs, now, false, progress).await
}

/// [`import_sources`]; with `anyway`, a page with no article is stored as its visible text
/// ("import anyway") instead of refused.
pub async fn import_sources_with(
    lib: &mut Library,
    fetcher: &Fetcher,
    inputs: &[String],
    now: i64,
    anyway: bool,
    mut progress: impl FnMut(usize, usize, &str),
) -> Vec<ImportReport> {
    let mut reports = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        let capture = if is_url(input) {
            fetcher
                .fetch_article_with(input.trim(), Origin::Url, now, anyway)
                .await
        } else {
            crate::files::read_file_with(Path::new(input), now, anyway)
        };
        let result = capture.and_then(|c| store_capture(lib, &c));
        progress(i + 1, inputs.len(), input);
        reports.push(ImportReport {
            source: input.clone(),
            result,
        });
    }
    reports
}

/// Imports files only (no network), one report each, calling `progress(done, total, path)`
/// after each.
pub fn import_files(
    lib: &mut Library,
    paths: &[PathBuf],
    now: i64,
    progress: impl FnMut(usize, usize, &Path),
) -> Vec<ImportReport> {
    import_files_with(lib, paths, now, false, progress)
}

/// [`import_files`]; with `anyway`, an HTML file with no article is stored as its visible text.
pub fn import_files_with(
    lib: &mut Library,
    paths: &[PathBuf],
    now: i64,
    anyway: bool,
    mut progress: impl FnMut(usize, usize, &Path),
) -> Vec<ImportReport> {
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let result =
                crate::files::read_file_with(p, now, anyway).and_then(|c| store_capture(lib, &c));
            progress(i + 1, paths.len(), p);
            ImportReport {
                source: p.display().to_string(),
                result,
            }
        })
        .collect()
}

/// What "check for updates" found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum UpdateCheck {
    /// The page's article text is the same as the latest stored version (furniture ignored).
    Unchanged { version_id: i64 },
    /// A new version was stored; `summary` says what changed against the previous one.
    NewVersion {
        old_version_id: i64,
        new_version_id: i64,
        summary: ChangeSummary,
        description: String,
    },
}

/// Stores a fresh capture of an existing article as a new version when its text changed, and
/// summarises the change. The capture is usually from [`Fetcher::fetch_article`].
pub fn store_revision(
    lib: &mut Library,
    article_id: i64,
    capture: &Capture,
) -> Result<UpdateCheck> {
    let previous = lib.latest_version(article_id).map_err(store_error)?;
    let (_, version) = to_store(capture);
    let added = lib.add_version(article_id, &version).map_err(store_error)?;
    keep_raw_page(lib, added.version_id, capture)?;
    index_for_suggestions(lib, &added);
    if added.outcome == AddOutcome::Duplicate {
        return Ok(UpdateCheck::Unchanged {
            version_id: added.version_id,
        });
    }
    let summary = summarise_changes(&previous.paragraphs, &capture.paragraphs);
    Ok(UpdateCheck::NewVersion {
        old_version_id: previous.info.id,
        new_version_id: added.version_id,
        description: summary.describe(),
        summary,
    })
}

/// The URL to re-fetch for an article, or an error saying it has none (pasted text, files).
pub fn article_url(lib: &Library, article_id: i64) -> Result<String> {
    lib.get_article(article_id)
        .map_err(store_error)?
        .url
        .ok_or_else(|| IngestError::InvalidUrl {
            input: format!("article {article_id}"),
            reason: "it was pasted or opened from a file, so there is no page to check".into(),
        })
}

/// "Check for updates" in one call, for callers that own the library (the CLI). The app
/// should fetch without holding its library lock: [`article_url`], then
/// [`Fetcher::fetch_article`], then [`store_revision`].
pub async fn check_for_updates(
    lib: &mut Library,
    fetcher: &Fetcher,
    article_id: i64,
    now: i64,
) -> Result<UpdateCheck> {
    let url = article_url(lib, article_id)?;
    let capture = fetcher.fetch_article(&url, Origin::Url, now).await?;
    store_revision(lib, article_id, &capture)
}
