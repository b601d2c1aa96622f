//! From the library to the story view: a story's articles, each at the version the reader picked
//! (the latest otherwise), earliest published first, grouped claim by claim by the engine. The
//! grouping is the engine's; rendering and exporting are the app's and the export crate's.

use parallax_engine::story::{Story, story};
use parallax_store::{Library, Version};

use crate::error::{IngestError, Result};
use crate::library::store_error;

/// A story's accounts (in the engine's account order) and their claim rows.
#[derive(Debug, Clone)]
pub struct StoryAccounts {
    pub story_id: i64,
    pub title: String,
    /// One version per article, earliest published (else fetched) first: `story.accounts[k]` is `versions[k]`.
    pub versions: Vec<Version>,
    pub story: Story,
}

/// Loads story `story_id` with, per article, the version in `picks` that belongs to it (the latest
/// when none does) and groups the accounts. A pick that belongs to no article of the story is refused.
pub fn story_accounts(lib: &Library, story_id: i64, picks: &[i64]) -> Result<StoryAccounts> {
    let head = lib.get_story(story_id).map_err(store_error)?;
    if head.articles.len() < 2 {
        return Err(IngestError::TooFewAccounts {
            story_id,
            count: head.articles.len(),
        });
    }
    let mut picked: Vec<Option<Version>> = vec![None; head.articles.len()];
    for &id in picks {
        let v = lib.get_version(id).map_err(store_error)?;
        let Some(k) = head.articles.iter().position(|a| a.id == v.info.article_id) else {
            return Err(IngestError::NotInStory {
                version_id: id,
                story_id,
            });
        };
        picked[k] = Some(v);
    }
    let mut versions = head
        .articles
        .iter()
        .zip(picked)
        .map(|(a, v)| match v {
            Some(v) => Ok(v),
            None => lib.latest_version(a.id).map_err(store_error),
        })
        .collect::<Result<Vec<Version>>>()?;
    versions.sort_by_key(|v| {
        (
            v.info.published.unwrap_or(v.info.fetched),
            v.info.article_id,
        )
    });
    let names = account_names(&versions);
    let bodies: Vec<String> = versions.iter().map(|v| v.paragraphs.join("\n\n")).collect();
    let refs: Vec<(&str, &str)> = names
        .iter()
        .zip(&bodies)
        .map(|(n, b)| (n.as_str(), b.as_str()))
        .collect();
    let mut story = story(&refs);
    let times: Vec<i64> = versions
        .iter()
        .map(|v| v.info.published.unwrap_or(v.info.fetched))
        .collect();
    story.date(&times);
    Ok(StoryAccounts {
        story_id,
        title: head.title,
        story,
        versions,
    })
}

/// Each account named by its outlet; a second account of one outlet gets its number ("Wire (2)").
fn account_names(versions: &[Version]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(versions.len());
    for v in versions {
        let seen = versions
            .iter()
            .take(out.len())
            .filter(|w| w.outlet == v.outlet)
            .count();
        out.push(if seen == 0 {
            v.outlet.clone()
        } else {
            format!("{} ({})", v.outlet, seen + 1)
        });
    }
    out
}

impl StoryAccounts {
    /// The export request of this story: the grouping and every account's provenance.
    pub fn export(&self) -> parallax_export::StoryExport {
        parallax_export::StoryExport {
            title: self.title.clone(),
            accounts: self.versions.iter().map(crate::provenance).collect(),
            story: self.story.clone(),
        }
    }
}
