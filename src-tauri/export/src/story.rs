//! Exports of a story (N accounts of one event, claim by claim): what every format says about each row
//! (disputes in words, who reported the claim first, what each outlet leaves out), and the Markdown and JSON
//! writers. The PDF is `pdf::story`'s; grouping the accounts is the engine's, loading them the caller's.

use std::path::Path;

use parallax_engine::show_hidden;
use parallax_engine::story::{Coverage, Story, StoryClaim};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::format::Format;
use crate::request::ExportSide;

/// Everything a story export needs: the engine's story and where each account came from
/// (`accounts[k]` is `story.accounts[k]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryExport {
    pub title: String,
    pub accounts: Vec<ExportSide>,
    pub story: Story,
}

/// What an account that states a claim others hedge shows as its value (the engine's word).
const UNHEDGED: &str = "(none)";

/// The facet's noun as the app names it ("Source" for attribution).
fn noun(facet: parallax_engine::Facet) -> &'static str {
    use parallax_engine::Facet::*;
    match facet {
        Number => "Number",
        Date => "Date",
        Name => "Name",
        Quote => "Quote",
        Attribution => "Source",
        Negation => "Negation",
        Hedge => "Hedge",
    }
}

impl StoryExport {
    /// The account's name as the loader gave it (a second account of one outlet is numbered), else its outlet.
    pub(crate) fn name(&self, k: usize) -> &str {
        self.story
            .accounts
            .get(k)
            .map(|a| a.name.as_str())
            .filter(|n| !n.is_empty())
            .or_else(|| self.accounts.get(k).map(|a| a.outlet.as_str()))
            .unwrap_or("?")
    }

    /// The story in words, facets named as the app names them: "3 accounts · 24 claims · 9 in every
    /// account · 6 disputed (number 3, source 2) · Northern Wire alone carries 4".
    pub fn header(&self) -> String {
        let s = &self.story.summary;
        let count = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        let mut parts = vec![
            count(s.accounts, "account"),
            count(s.claims, "claim"),
            format!("{} in every account", s.in_all),
        ];
        if s.disputed > 0 {
            let facets: Vec<String> = s
                .disputed_by_facet
                .iter()
                .map(|f| format!("{} {}", noun(f.facet).to_lowercase(), f.rows))
                .collect();
            parts.push(format!("{} disputed ({})", s.disputed, facets.join(", ")));
        }
        let most = (0..s.alone.len())
            .filter(|&k| s.alone[k] > 0)
            .max_by_key(|&k| (s.alone[k], std::cmp::Reverse(k)));
        if let Some(k) = most {
            parts.push(format!("{} alone carries {}", self.name(k), s.alone[k]));
        }
        parts.join(" · ")
    }

    /// Each dispute of claim `c` in words: "Number disputed: 3,400 (Courier) · 2,100 (Wire)".
    pub(crate) fn disputes(&self, c: &StoryClaim) -> Vec<String> {
        c.disputes
            .iter()
            .map(|d| {
                // An account giving several values is named once: "one / three (Wire)".
                let mut by_account: Vec<(usize, Vec<String>)> = Vec::new();
                for v in &d.values {
                    let text = if v.text == UNHEDGED {
                        "stated plainly".to_string()
                    } else {
                        show_hidden(&v.text).into_owned()
                    };
                    match by_account.iter_mut().find(|(k, _)| *k == v.account) {
                        Some((_, list)) if list.contains(&text) => {}
                        Some((_, list)) => list.push(text),
                        None => by_account.push((v.account, vec![text])),
                    }
                }
                let values: Vec<String> = by_account
                    .iter()
                    .map(|(k, texts)| format!("{} ({})", texts.join(" / "), self.name(*k)))
                    .collect();
                format!("{} disputed: {}", noun(d.facet), values.join(" · "))
            })
            .collect()
    }

    /// Accounts carrying claim `c`, in account order.
    pub(crate) fn carriers(c: &StoryClaim) -> Vec<usize> {
        c.cells
            .iter()
            .filter(|x| !x.sentences.is_empty())
            .map(|x| x.account)
            .collect()
    }

    /// "in every account", "in 2 of 3 accounts", "only in Northern Wire".
    pub(crate) fn coverage(&self, c: &StoryClaim) -> String {
        let carriers = Self::carriers(c);
        match c.status {
            Coverage::All => "in every account".to_string(),
            Coverage::One => format!("only in {}", self.name(carriers[0])),
            Coverage::Some => format!("in {} of {} accounts", carriers.len(), self.accounts.len()),
        }
    }

    /// When account `k` was first out (published, else fetched), as RFC 3339 (which sorts as text).
    fn time(&self, k: usize) -> Option<(&str, &'static str)> {
        let a = self.accounts.get(k)?;
        a.published
            .as_deref()
            .map(|t| (t, "published"))
            .or_else(|| a.fetched.as_deref().map(|t| (t, "fetched")))
    }

    /// "Reported first by Northern Wire (published 2026-03-14T07:20:00Z)"; `None` when one account
    /// carries the claim, when times are missing, or when every carrier has the same time.
    pub(crate) fn reported_first(&self, c: &StoryClaim) -> Option<String> {
        let carriers = Self::carriers(c);
        if carriers.len() < 2 {
            return None;
        }
        let times: Vec<(usize, (&str, &str))> = carriers
            .iter()
            .map(|&k| self.time(k).map(|t| (k, t)))
            .collect::<Option<_>>()?;
        let earliest = times.iter().map(|(_, t)| t.0).min()?;
        let first: Vec<&(usize, (&str, &str))> =
            times.iter().filter(|(_, t)| t.0 == earliest).collect();
        if first.len() == times.len() {
            return None;
        }
        let names: Vec<&str> = first.iter().map(|(k, _)| self.name(*k)).collect();
        Some(format!(
            "Reported first by {} ({} {})",
            names.join(" and "),
            first[0].1.1,
            earliest
        ))
    }

    /// Per account, the claims (indices) it leaves out while another account carries them.
    pub(crate) fn omissions(&self) -> Vec<Vec<usize>> {
        (0..self.story.accounts.len())
            .map(|k| {
                self.story
                    .claims
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| {
                        let carriers = Self::carriers(c);
                        !carriers.is_empty() && !carriers.contains(&k)
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect()
    }

    /// The text account `k` gives in claim `c` (its sentences joined), empty when it leaves it out.
    pub(crate) fn cell_text(&self, c: &StoryClaim, k: usize) -> String {
        let sentences = &self.story.accounts[k].sentences;
        c.cells[k]
            .sentences
            .iter()
            .filter_map(|&i| sentences.get(i))
            .map(|s| show_hidden(&s.text).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first carrier's text of claim `c`, cut to `max` characters (for omission lists).
    pub(crate) fn gist(&self, c: &StoryClaim, max: usize) -> String {
        let text = Self::carriers(c)
            .first()
            .map(|&k| self.cell_text(c, k))
            .unwrap_or_default();
        if text.chars().count() <= max {
            return text;
        }
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for ch in t.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The story as CommonMark with GitHub tables: provenance, summary, the claim table, the omissions.
pub fn story_markdown(req: &StoryExport) -> String {
    let n = req.story.accounts.len();
    let mut md = format!(
        "# {}\n\n{}\n\n## Where the accounts come from\n\n",
        escape(&req.title),
        escape(&req.header())
    );
    for (k, a) in req.accounts.iter().enumerate() {
        md.push_str(&format!(
            "- **{}** — {}; URL: {}; published: {}; fetched: {}; {}; content hash `{}`\n",
            escape(req.name(k)),
            escape(&a.title),
            a.url
                .as_deref()
                .map_or("none (imported text)".into(), escape),
            a.published.as_deref().unwrap_or("not recorded"),
            a.fetched.as_deref().unwrap_or("not recorded"),
            a.version_label,
            a.content_hash
        ));
    }
    md.push_str("\n## Claims\n\nEach row is one claim in the reading order of the earliest account; ⚠ marks a disputed value, — an account that leaves the claim out.\n\n");
    let names: Vec<String> = (0..n).map(|k| escape(req.name(k))).collect();
    md.push_str(&format!(
        "| # | {} | Coverage and disputes |\n|---|{}---|\n",
        names.join(" | "),
        "---|".repeat(n)
    ));
    for (i, c) in req.story.claims.iter().enumerate() {
        let cells: Vec<String> = (0..n)
            .map(|k| {
                let t = req.cell_text(c, k);
                if t.is_empty() {
                    "—".to_string()
                } else {
                    escape(&t)
                }
            })
            .collect();
        let mut notes = vec![req.coverage(c)];
        notes.extend(req.reported_first(c));
        notes.extend(req.disputes(c).into_iter().map(|d| format!("⚠ {d}")));
        let notes: Vec<String> = notes.iter().map(|t| escape(t)).collect();
        md.push_str(&format!(
            "| {} | {} | {} |\n",
            i + 1,
            cells.join(" | "),
            notes.join("<br>")
        ));
    }
    md.push_str("\n## What each outlet leaves out\n");
    for (k, list) in req.omissions().iter().enumerate() {
        md.push_str(&format!(
            "\n### {} ({} {})\n\n",
            escape(req.name(k)),
            list.len(),
            if list.len() == 1 { "claim" } else { "claims" }
        ));
        if list.is_empty() {
            md.push_str("Nothing another account carries.\n");
        }
        for &i in list {
            md.push_str(&format!(
                "- Claim {}: {}\n",
                i + 1,
                escape(&req.gist(&req.story.claims[i], 140))
            ));
        }
    }
    md
}

/// The JSON of a story export: `format`, `title`, `accounts` (provenance) and the engine's `story` unchanged.
pub fn story_json(req: &StoryExport) -> Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Doc<'a> {
        format: &'static str,
        #[serde(flatten)]
        export: &'a StoryExport,
    }
    let mut out = serde_json::to_vec_pretty(&Doc {
        format: "parallax-story/1",
        export: req,
    })?;
    out.push(b'\n');
    Ok(out)
}

/// The story rendered in `format`: PDF, Markdown or JSON (a story has no HTML export).
pub fn story_render(req: &StoryExport, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Pdf => crate::pdf::story_pdf(req)?,
        Format::Markdown => story_markdown(req).into_bytes(),
        Format::Json => story_json(req)?,
        Format::Html => return Err(crate::error::Error::Unsupported("HTML")),
    })
}

/// Render and write atomically to `path`; returns the number of bytes written.
pub fn export_story_to_file(req: &StoryExport, format: Format, path: &Path) -> Result<u64> {
    let bytes = story_render(req, format)?;
    crate::write_atomically(path, &bytes)?;
    Ok(bytes.len() as u64)
}

#[cfg(test)]
mod tests {
    use parallax_engine::story::story;

    use super::StoryExport;

    #[test]
    fn an_account_with_two_values_is_named_once_and_a_plain_statement_reads_in_words() {
        let mut req = StoryExport {
            title: "t".into(),
            accounts: vec![],
            story: story(&[
                ("Courier", "Three gates failed."),
                ("Wire", "One gate failed."),
            ]),
        };
        let claim = parallax_engine::story::StoryClaim {
            cells: req.story.claims[0].cells.clone(),
            status: parallax_engine::story::Coverage::All,
            disputes: vec![parallax_engine::story::Dispute {
                facet: parallax_engine::Facet::Number,
                slot: String::new(),
                values: [(0, "three"), (1, "one"), (1, "three"), (1, "one")]
                    .map(|(account, text)| parallax_engine::story::DisputeValue {
                        account,
                        text: text.into(),
                    })
                    .to_vec(),
            }],
            first: Vec::new(),
        };
        assert_eq!(
            req.disputes(&claim),
            ["Number disputed: three (Courier) · one / three (Wire)"]
        );
        let mut hedged = claim.clone();
        hedged.disputes[0].facet = parallax_engine::Facet::Hedge;
        hedged.disputes[0].values.truncate(2);
        hedged.disputes[0].values[1].text = "(none)".into();
        assert_eq!(
            req.disputes(&hedged),
            ["Hedge disputed: three (Courier) · stated plainly (Wire)"]
        );
        req.story.claims[0] = claim;
        assert_eq!(req.name(1), "Wire", "the engine's name for the account");
    }
}
