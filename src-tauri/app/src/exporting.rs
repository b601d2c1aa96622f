//! Builds an export of a comparison from two stored versions: provenance from the store, the comparison from the
//! engine, highlights of both versions for the appendix. Rendering and writing belong to the export crate.

use std::path::Path;

use parallax_engine::{CompareOptions, Comparison, Mode, ModeChoice};
use parallax_export::{
    ExportHighlight, ExportOptions, ExportRequest, ExportSide, Format, HighlightSide,
};
use parallax_store::{Library, Version};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{ErrorCode, IpcError, IpcResult};
use crate::state::store_error;

/// What an export wrote, for the "Open" / "Show in folder" prompt.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub path: String,
    pub bytes: u64,
    pub format: Format,
}

/// Loads both versions and compares them; shared by the compare view and the export.
pub fn load_comparison(
    lib: &Library,
    left_version_id: i64,
    right_version_id: i64,
    mode: Option<Mode>,
) -> Result<(Version, Version, Comparison), parallax_store::Error> {
    let left = lib.get_version(left_version_id)?;
    let right = lib.get_version(right_version_id)?;
    let mode = match mode {
        None => ModeChoice::Auto,
        Some(Mode::Revision) => ModeChoice::Revision,
        Some(Mode::Accounts) => ModeChoice::Accounts,
    };
    let options = CompareOptions {
        mode,
        ..Default::default()
    };
    let comparison =
        parallax_engine::compare_paragraphs(&left.paragraphs, &right.paragraphs, &options);
    Ok((left, right, comparison))
}

fn side(v: &Version) -> ExportSide {
    parallax_ingest::provenance(v)
}

/// The export request for two stored versions, with the highlights and notes of both.
pub fn request(
    lib: &Library,
    left_version_id: i64,
    right_version_id: i64,
    mode: Option<Mode>,
    options: ExportOptions,
) -> IpcResult<ExportRequest> {
    let (left, right, comparison) =
        load_comparison(lib, left_version_id, right_version_id, mode).map_err(store_error)?;
    // Each highlight's state on the right version (only within one article's versions).
    let states: std::collections::HashMap<i64, String> =
        if left.info.article_id == right.info.article_id {
            parallax_ingest::resolve_highlights(lib, right.info.article_id, Some(right.info.id))
                .map_err(crate::collect::ingest_error)?
                .into_iter()
                .map(|r| {
                    let line = r
                        .state_line()
                        .unwrap_or_else(|| "intact (highlighted on this version)".to_string());
                    (r.highlight.id, line)
                })
                .collect()
        } else {
            Default::default()
        };
    let mut highlights = Vec::new();
    for (v, which) in [(&left, HighlightSide::Left), (&right, HighlightSide::Right)] {
        for h in lib.highlights_of(v.info.id).map_err(store_error)? {
            highlights.push(ExportHighlight {
                side: which,
                state: states.get(&h.id).cloned(),
                quote: h.quote,
                note: h.note.unwrap_or_default(),
            });
        }
    }
    let title = if left.info.article_id == right.info.article_id {
        format!(
            "{}: version {} → {}",
            right.info.title, left.info.number, right.info.number
        )
    } else {
        format!("{} vs {}", left.outlet, right.outlet)
    };
    Ok(ExportRequest {
        comparison,
        left: side(&left),
        right: side(&right),
        highlights,
        layout: options.layout,
        substantive_only: options.substantive_only,
        word_redline: options.word_redline,
        title,
    })
}

/// Renders in the format the file name asks for and writes it atomically.
pub fn write(req: &ExportRequest, path: &Path) -> IpcResult<Exported> {
    let format = Format::from_path(path).ok_or_else(|| {
        IpcError::new(
            ErrorCode::InvalidInput,
            format!(
                "Parallax exports .pdf, .html, .md and .json files; “{}” has none of those endings.",
                path.display()
            ),
        )
    })?;
    let bytes = parallax_export::export_to_file(req, format, path)
        .map_err(|e| IpcError::new(ErrorCode::Export, e.to_string()))?;
    Ok(Exported {
        path: path.display().to_string(),
        bytes,
        format,
    })
}

#[cfg(test)]
mod tests {
    use parallax_export::ExportOptions;
    use parallax_ingest::{QuoteHighlight, highlight_quote};
    use parallax_store::{Colour, Library};

    #[test]
    fn the_appendix_gives_each_highlights_state_on_the_right_version() {
        let mut lib = Library::open_in_memory().unwrap();
        lib.load_sample_if_empty(1_773_600_000).unwrap();
        let article = lib
            .list_articles()
            .unwrap()
            .into_iter()
            .find(|a| a.version_count == 5)
            .unwrap();
        let v: Vec<i64> = lib
            .versions_of(article.id)
            .unwrap()
            .iter()
            .map(|v| v.id)
            .collect();
        let on = |version_id: i64, quote: &str| QuoteHighlight {
            quote: quote.into(),
            note: None,
            colour: Colour::Yellow,
            version_id: Some(version_id),
            paragraph: None,
        };
        highlight_quote(&mut lib, article.id, &on(v[0], "about 600 households"), 1).unwrap();
        highlight_quote(&mut lib, article.id, &on(v[4], "Orrin Dam"), 2).unwrap();
        let req = super::request(&lib, v[0], v[4], None, ExportOptions::default()).unwrap();
        let states: Vec<_> = req.highlights.iter().map(|h| h.state.as_deref()).collect();
        assert_eq!(
            states,
            [
                Some("edited: 600 → 900 households (highlighted in version 1)"),
                Some("intact (highlighted on this version)"),
            ],
            "{:?}",
            req.highlights
        );
    }
}
