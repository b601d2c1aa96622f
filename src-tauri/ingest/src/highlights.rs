//! Highlights that follow an article through its revisions: anchoring a quote in a stored version,
//! and saying what became of each highlight in any other version (through the engine's comparison
//! of the two). Storage is parallax-store's, the matching parallax-engine's; presenting is the
//! callers' (app, CLI, exports).

use std::collections::HashMap;

use parallax_engine::{
    AnchorState, CompareOptions, Comparison, Resolution, Resolver, compare_paragraphs,
};
use parallax_store::{Colour, Highlight, HighlightEntry, Library, NewHighlight, Version};
use serde::{Deserialize, Serialize};

use crate::error::{IngestError, Result};
use crate::library::store_error;

/// A highlight to make from a quote (the CLI's and the reader's request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct QuoteHighlight {
    pub quote: String,
    pub note: Option<String>,
    pub colour: Colour,
    /// The version to anchor in; the article's newest when `None`.
    pub version_id: Option<i64>,
    /// The paragraph (0-based) the selection was made in, to pick among repeated occurrences.
    pub paragraph: Option<i64>,
}

/// A highlight as it stands on one version of its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ResolvedHighlight {
    pub highlight: Highlight,
    /// The version it was resolved on (its own version gives `intact`).
    pub on_version_id: i64,
    /// The paragraph (0-based) of that version holding the passage; `None` when removed.
    pub paragraph: Option<i64>,
    /// The number (1-based) of the version the highlight was made on.
    pub made_on_number: i64,
    pub resolution: Resolution,
}

impl ResolvedHighlight {
    /// What became of it, in words, when it was made on another version: "edited: 600 → 900
    /// households (highlighted in version 1)"; `None` on its own version.
    pub fn state_line(&self) -> Option<String> {
        if self.on_version_id == self.highlight.version_id {
            return None;
        }
        let r = &self.resolution;
        let what = match (&r.change, r.state) {
            (Some(c), AnchorState::Edited) => format!("edited: {c}"),
            (_, AnchorState::Removed) => "removed: this version no longer has the passage".into(),
            (_, AnchorState::Moved) => "moved: same words, elsewhere in the text".into(),
            (_, state) => state.name().to_string(),
        };
        Some(format!(
            "{what} (highlighted in version {})",
            self.made_on_number
        ))
    }
}

fn version_of_article(lib: &Library, article_id: i64, version_id: Option<i64>) -> Result<Version> {
    let v = match version_id {
        Some(id) => lib.get_version(id).map_err(store_error)?,
        None => lib.latest_version(article_id).map_err(store_error)?,
    };
    if v.info.article_id != article_id {
        return Err(IngestError::WrongArticle {
            version_id: v.info.id,
            article_id,
        });
    }
    Ok(v)
}

fn compare_versions(a: &Version, b: &Version) -> Comparison {
    compare_paragraphs(&a.paragraphs, &b.paragraphs, &CompareOptions::default())
}

/// Anchors `req.quote` in a version of the article and stores the highlight. A quote the version
/// does not contain is refused with [`IngestError::QuoteNotFound`]; nothing is stored then.
pub fn highlight_quote(
    lib: &mut Library,
    article_id: i64,
    req: &QuoteHighlight,
    now: i64,
) -> Result<Highlight> {
    let v = version_of_article(lib, article_id, req.version_id)?;
    // The version compared with itself: its sentences as the engine numbers them.
    let c = compare_versions(&v, &v);
    // The paragraph hint becomes the index of its first sentence, which the anchor search prefers.
    let near = req
        .paragraph
        .and_then(|p| usize::try_from(p).ok())
        .and_then(|p| c.left.iter().position(|s| s.paragraph >= p));
    let anchor =
        Resolver::new(&c)
            .anchor(&req.quote, near)
            .ok_or_else(|| IngestError::QuoteNotFound {
                quote: preview(&req.quote),
                version_number: v.info.number,
                version_count: v.version_count,
            })?;
    let new = NewHighlight {
        version_id: v.info.id,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        sentence_index: anchor.sentence_index.map(|i| i as i64),
        colour: req.colour,
        note: req.note.clone(),
    };
    lib.add_highlight(&new, now).map_err(store_error)
}

fn preview(q: &str) -> String {
    let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
    if q.chars().count() > 60 {
        format!("{}…", q.chars().take(60).collect::<String>())
    } else {
        q
    }
}

fn anchor_of(h: &Highlight) -> parallax_engine::Anchor {
    parallax_engine::Anchor {
        quote: h.quote.clone(),
        prefix: h.prefix.clone(),
        suffix: h.suffix.clone(),
        sentence_index: h.sentence_index.and_then(|i| usize::try_from(i).ok()),
    }
}

/// Resolves highlights (each made on some version of `target`'s article) on `target`, comparing
/// each origin version with the target once however many highlights it holds.
fn resolve_all(
    lib: &Library,
    highlights: Vec<Highlight>,
    target: &Version,
) -> Result<Vec<ResolvedHighlight>> {
    let mut by_origin: HashMap<i64, (i64, Comparison)> = HashMap::new();
    for h in &highlights {
        if let std::collections::hash_map::Entry::Vacant(slot) = by_origin.entry(h.version_id) {
            let origin = lib.get_version(h.version_id).map_err(store_error)?;
            slot.insert((origin.info.number, compare_versions(&origin, target)));
        }
    }
    let resolvers: HashMap<i64, Resolver<'_>> = by_origin
        .iter()
        .map(|(&id, (_, c))| (id, Resolver::new(c)))
        .collect();
    Ok(highlights
        .into_iter()
        .map(|h| {
            let (made_on_number, c) = &by_origin[&h.version_id];
            let resolution = resolvers[&h.version_id].resolve(&anchor_of(&h));
            let paragraph = resolution
                .sentences
                .first()
                .and_then(|&j| c.right.get(j))
                .map(|s| s.paragraph as i64);
            ResolvedHighlight {
                highlight: h,
                on_version_id: target.info.id,
                paragraph,
                made_on_number: *made_on_number,
                resolution,
            }
        })
        .collect())
}

/// Every highlight of the article (made on any of its versions), as it stands on `version_id`
/// (the newest version when `None`), in creation order.
pub fn resolve_highlights(
    lib: &Library,
    article_id: i64,
    version_id: Option<i64>,
) -> Result<Vec<ResolvedHighlight>> {
    let target = version_of_article(lib, article_id, version_id)?;
    let highlights = lib.highlights_of_article(article_id).map_err(store_error)?;
    resolve_all(lib, highlights, &target)
}

/// Library-wide entries (see [`Library::list_highlights`]) each resolved on its article's newest
/// version, in the entries' order.
pub fn resolve_on_latest(
    lib: &Library,
    entries: &[HighlightEntry],
) -> Result<Vec<ResolvedHighlight>> {
    let mut out: Vec<Option<ResolvedHighlight>> = vec![None; entries.len()];
    let mut by_article: HashMap<i64, Vec<usize>> = HashMap::new();
    for (k, e) in entries.iter().enumerate() {
        by_article.entry(e.article_id).or_default().push(k);
    }
    for (article_id, idx) in by_article {
        let target = lib.latest_version(article_id).map_err(store_error)?;
        let hs = idx.iter().map(|&k| entries[k].highlight.clone()).collect();
        for (k, r) in idx.into_iter().zip(resolve_all(lib, hs, &target)?) {
            out[k] = Some(r);
        }
    }
    Ok(out.into_iter().flatten().collect())
}

/// The highlights that a new version changed: readable (intact or moved) on `old_version_id` but
/// edited or removed on `new_version_id`. What "A passage you highlighted in … changed" is built on.
pub fn highlights_changed(
    lib: &Library,
    article_id: i64,
    old_version_id: i64,
    new_version_id: i64,
) -> Result<Vec<ResolvedHighlight>> {
    let before = resolve_highlights(lib, article_id, Some(old_version_id))?;
    let after = resolve_highlights(lib, article_id, Some(new_version_id))?;
    Ok(after
        .into_iter()
        .zip(before)
        .filter(|(a, b)| a.resolution.state.is_changed() && !b.resolution.state.is_changed())
        .map(|(a, _)| a)
        .collect())
}

/// "A passage you highlighted in “Title” changed" (or "3 passages ..."): the notice for
/// [`highlights_changed`], or `None` when nothing highlighted changed.
pub fn changed_notice(title: &str, changed: &[ResolvedHighlight]) -> Option<String> {
    let removed = changed
        .iter()
        .filter(|h| h.resolution.state == AnchorState::Removed)
        .count();
    let detail = match (changed.len() - removed, removed) {
        (_, 0) => String::new(),
        (0, _) => " (removed)".to_string(),
        (e, r) => format!(" ({e} edited, {r} removed)"),
    };
    match changed.len() {
        0 => None,
        1 => Some(format!(
            "A passage you highlighted in “{title}” changed{detail}."
        )),
        n => Some(format!(
            "{n} passages you highlighted in “{title}” changed{detail}."
        )),
    }
}
