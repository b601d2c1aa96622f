//! From the library to the export crate's highlight exports: one stored version with its article's
//! highlights as a reading-PDF request, and the library's highlights as Markdown/JSON records, each
//! with what became of it. Laying out and writing are parallax-export's; the app and CLI call these.

use parallax_export::{
    ExportSide, HighlightColour, HighlightRecord, ReadingHighlight, ReadingRequest, rfc3339_utc,
};
use parallax_store::{Colour, HighlightEntry, Library, Version};

use crate::error::Result;
use crate::highlights::{ResolvedHighlight, resolve_highlights, resolve_on_latest};
use crate::library::store_error;

/// Where a stored version came from, as every export prints it.
pub fn provenance(v: &Version) -> ExportSide {
    ExportSide {
        outlet: v.outlet.clone(),
        title: v.info.title.clone(),
        url: v.url.clone(),
        published: v.info.published.map(rfc3339_utc),
        fetched: Some(rfc3339_utc(v.info.fetched)),
        content_hash: format!("sha256:{}", v.info.content_hash),
        version_label: format!("version {} of {}", v.info.number, v.version_count),
    }
}

fn colour(c: Colour) -> HighlightColour {
    match c {
        Colour::Yellow => HighlightColour::Yellow,
        Colour::Green => HighlightColour::Green,
        Colour::Blue => HighlightColour::Blue,
        Colour::Pink => HighlightColour::Pink,
        Colour::Purple => HighlightColour::Purple,
    }
}

/// The reading PDF request for one version (the newest when `None`) of an article, with all the
/// article's highlights resolved on it.
pub fn reading_request(
    lib: &Library,
    article_id: i64,
    version_id: Option<i64>,
) -> Result<ReadingRequest> {
    let resolved = resolve_highlights(lib, article_id, version_id)?;
    let v = match version_id {
        Some(id) => lib.get_version(id),
        None => lib.latest_version(article_id),
    }
    .map_err(store_error)?;
    Ok(ReadingRequest {
        title: v.info.title.clone(),
        byline: v.info.byline.clone(),
        provenance: provenance(&v),
        paragraphs: v.paragraphs.clone(),
        highlights: resolved
            .iter()
            .map(|r| ReadingHighlight {
                quote: r.highlight.quote.clone(),
                note: r.highlight.note.clone(),
                colour: colour(r.highlight.colour),
                paragraph: r.paragraph.and_then(|p| usize::try_from(p).ok()),
                text: r.resolution.text.clone(),
                state: r.state_line(),
            })
            .collect(),
    })
}

/// A library highlight with its state on its article's newest version.
pub fn record(entry: &HighlightEntry, latest: &ResolvedHighlight) -> HighlightRecord {
    let h = &entry.highlight;
    HighlightRecord {
        quote: h.quote.clone(),
        note: h.note.clone(),
        colour: colour(h.colour),
        title: entry.title.clone(),
        outlet: entry.outlet.clone(),
        url: entry.url.clone(),
        version_number: entry.version_number,
        version_fetched: rfc3339_utc(entry.version_fetched),
        created: rfc3339_utc(h.created),
        state: latest.resolution.state.name().to_string(),
        latest_text: latest.resolution.text.clone(),
        change: latest.resolution.change.clone(),
    }
}

/// Every highlight of the library (or of one article), newest first, ready for Markdown or JSON.
pub fn highlight_records(lib: &Library, article_id: Option<i64>) -> Result<Vec<HighlightRecord>> {
    let entries = lib.list_highlights(article_id).map_err(store_error)?;
    let latest = resolve_on_latest(lib, &entries)?;
    Ok(entries
        .iter()
        .zip(&latest)
        .map(|(e, r)| record(e, r))
        .collect())
}
