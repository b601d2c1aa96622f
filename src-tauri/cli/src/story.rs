//! `parallax story FILE FILE [FILE…]` or `parallax story --story ID`: every account of one event
//! (files, or a library story's articles), claim by claim, as JSON (the documented interface), a
//! terminal listing or a Markdown table. The grouping is the engine's.

use std::io::Write;
use std::path::{Path, PathBuf};

use parallax_engine::story::{Coverage, Story, story};
use parallax_export::{ExportSide, StoryExport};
use sha2::{Digest, Sha256};

use crate::error::CliError;
use crate::input::read_text;
use crate::library::{DataDir, LibraryError};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
    Md,
}

#[derive(clap::Args, Debug)]
pub struct StoryArgs {
    /// Two or more plain-text accounts of one event, earliest first. A header of `key: value`
    /// lines ended by a `---` line is skipped; its `outlet:` names the account.
    #[arg(num_args = 2.., required_unless_present = "story", conflicts_with = "story")]
    pub files: Vec<PathBuf>,
    /// A story of the library instead of files: its articles (latest versions), earliest
    /// published first, each named by its outlet.
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// With `--story`: take version N of article ARTICLE (numbered from 1, oldest first) instead
    /// of its latest; repeat for several articles.
    #[arg(long = "version", value_name = "ARTICLE=N", value_parser = parse_pick)]
    pub versions: Vec<(i64, i64)>,
    #[command(flatten)]
    pub data: DataDir,
    /// Output: `json` (the documented interface), `text` or `md` (a Markdown table).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The accounts' names, comma-separated, one per file (default: the header's outlet, else
    /// the file name).
    #[arg(long, value_delimiter = ',')]
    pub names: Option<Vec<String>>,
    /// Also write the story as a PDF to this file: the claim table (landscape for three or more
    /// accounts) with the disputes in words, what each outlet leaves out, every account's provenance.
    #[arg(long, value_name = "OUT")]
    pub pdf: Option<PathBuf>,
    /// Also write the story's Markdown export (provenance, claim table, omissions) to this file.
    #[arg(long, value_name = "OUT")]
    pub md: Option<PathBuf>,
}

pub fn run(args: &StoryArgs) -> Result<(), CliError> {
    if !args.versions.is_empty() && args.story.is_none() {
        return Err(CliError::Usage(
            "--version picks the version of an article of a library story: give --story ID too."
                .to_string(),
        ));
    }
    let (mut accounts, sides, title, times): Accounts = match args.story {
        Some(id) => match library_accounts(&args.data, id, &args.versions) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("parallax: {e}");
                std::process::exit(e.code);
            }
        },
        None => file_accounts(&args.files)?,
    };
    if let Some(names) = &args.names {
        if names.len() != accounts.len() {
            return Err(CliError::Usage(format!(
                "--names gives {} names for {} accounts. Give one name per account, comma-separated.",
                names.len(),
                accounts.len()
            )));
        }
        for (a, n) in accounts.iter_mut().zip(names) {
            a.0 = n.trim().to_string();
        }
    }
    let refs: Vec<(&str, &str)> = accounts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let mut s = story(&refs);
    if let Some(times) = &times {
        s.date(times);
    }
    write_exports(args, &s, sides, title)?;
    let out = match args.format {
        Format::Json => {
            serde_json::to_string_pretty(&s).map_err(|e| CliError::Output(e.to_string()))?
        }
        Format::Text => text(&s),
        Format::Md => markdown(&s),
    };
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    writeln!(w, "{}", out.trim_end()).map_err(|e| CliError::Output(e.to_string()))
}

/// (name, body) of each file (the header's outlet, else the file name), each file's provenance, and
/// the export title.
fn file_accounts(files: &[PathBuf]) -> Result<Accounts, CliError> {
    let mut accounts = Vec::new();
    let mut sides = Vec::new();
    for path in files {
        let text = read_text(path)?;
        let (outlet, body) = split_header(&text);
        let name = outlet.unwrap_or_else(|| file_name(path));
        let hash = Sha256::digest(std::fs::read(path).unwrap_or_default());
        let mut side = crate::export::side(path, body, &hash, "file");
        side.outlet = name.clone();
        accounts.push((name, body.to_string()));
        sides.push(side);
    }
    let title = format!("Story of {} accounts", files.len());
    Ok((accounts, sides, title, None))
}

/// `ARTICLE=N` of `--version`: an article id and a version number.
fn parse_pick(s: &str) -> Result<(i64, i64), String> {
    let parsed = s
        .split_once('=')
        .and_then(|(a, n)| Some((a.trim().parse().ok()?, n.trim().parse().ok()?)));
    match parsed {
        Some((a, n)) if n >= 1 => Ok((a, n)),
        _ => Err(format!(
            "expected ARTICLE=N (an article id and a version number from 1), e.g. 3=2; got {s:?}"
        )),
    }
}

/// The version id of each `(article, number)` pick.
fn pick_versions(
    lib: &parallax_store::Library,
    picks: &[(i64, i64)],
) -> Result<Vec<i64>, LibraryError> {
    picks
        .iter()
        .map(|&(article, n)| {
            let versions = lib.versions_of(article)?;
            versions
                .iter()
                .find(|v| v.number == n)
                .map(|v| v.id)
                .ok_or_else(|| LibraryError {
                    message: format!(
                        "Article {article} has {} version(s); pick one from 1 to {}.",
                        versions.len(),
                        versions.len()
                    ),
                    code: 8,
                })
        })
        .collect()
}

/// (outlet, text) of each article of a library story at the picked version (else its latest),
/// earliest published (else fetched) first, with each version's provenance and the story's title.
fn library_accounts(
    data: &DataDir,
    id: i64,
    picks: &[(i64, i64)],
) -> Result<Accounts, LibraryError> {
    let lib = data.open()?;
    let versions = pick_versions(&lib, picks)?;
    let loaded = parallax_ingest::story_accounts(&lib, id, &versions)?;
    let accounts = loaded
        .story
        .accounts
        .iter()
        .zip(&loaded.versions)
        .map(|(a, v)| (a.name.clone(), v.paragraphs.join("\n\n")))
        .collect();
    let sides = loaded
        .versions
        .iter()
        .map(parallax_ingest::provenance)
        .collect();
    let times = loaded
        .versions
        .iter()
        .map(|v| v.info.published.unwrap_or(v.info.fetched))
        .collect();
    Ok((accounts, sides, loaded.title, Some(times)))
}

/// Accounts as (name, text), their provenance, the story's title, and when each account came
/// out (published, else fetched) where the library knows it.
type Accounts = (
    Vec<(String, String)>,
    Vec<ExportSide>,
    String,
    Option<Vec<i64>>,
);

/// `--pdf` and `--md`: the story's exports, written atomically.
fn write_exports(
    args: &StoryArgs,
    s: &Story,
    accounts: Vec<ExportSide>,
    title: String,
) -> Result<(), CliError> {
    if args.pdf.is_none() && args.md.is_none() {
        return Ok(());
    }
    let req = StoryExport {
        title,
        accounts,
        story: s.clone(),
    };
    for (path, format) in [
        (&args.pdf, parallax_export::Format::Pdf),
        (&args.md, parallax_export::Format::Markdown),
    ] {
        let Some(path) = path else { continue };
        let bytes = parallax_export::export_story_to_file(&req, format, path)
            .map_err(|e| CliError::Output(e.to_string()))?;
        eprintln!("wrote {} ({} KB)", path.display(), bytes.div_ceil(1024));
    }
    Ok(())
}

/// A leading block of `key: value` lines ended by `---`: the outlet it names and the body after.
fn split_header(text: &str) -> (Option<String>, &str) {
    let Some((head, body)) = text.split_once("\n---\n") else {
        return (None, text);
    };
    let is_header = head.lines().all(|l| {
        l.split_once(':')
            .is_some_and(|(k, _)| !k.is_empty() && !k.contains(' '))
    });
    if !is_header {
        return (None, text);
    }
    let outlet = head
        .lines()
        .find_map(|l| l.strip_prefix("outlet:"))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    (outlet, body)
}

fn file_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn coverage(c: Coverage) -> &'static str {
    match c {
        Coverage::All => "in every account",
        Coverage::Some => "in some accounts",
        Coverage::One => "in one account",
    }
}

/// Each dispute in words: "number: 3,400 residents (Courier) / 2,100 people (Wire)".
fn disputes(s: &Story, claim: usize) -> Vec<String> {
    s.claims[claim]
        .disputes
        .iter()
        .map(|d| {
            let values: Vec<String> = d
                .values
                .iter()
                .map(|v| format!("{} ({})", v.text, s.accounts[v.account].name))
                .collect();
            format!("{}: {}", d.facet.name(), values.join(" / "))
        })
        .collect()
}

fn text(s: &Story) -> String {
    let mut out = format!("{}\n", s.summary.text);
    for (r, c) in s.claims.iter().enumerate() {
        out.push_str(&format!("\nClaim {} · {}\n", r + 1, coverage(c.status)));
        for d in disputes(s, r) {
            out.push_str(&format!("  disputed {d}\n"));
        }
        if !c.first.is_empty() {
            let names: Vec<&str> = c
                .first
                .iter()
                .map(|&k| s.accounts[k].name.as_str())
                .collect();
            out.push_str(&format!("  reported first by {}\n", names.join(" and ")));
        }
        for cell in &c.cells {
            let a = &s.accounts[cell.account];
            if cell.sentences.is_empty() {
                out.push_str(&format!("  {}: (leaves it out)\n", a.name));
            }
            for &i in &cell.sentences {
                out.push_str(&format!("  {}: {}\n", a.name, a.sentences[i].text));
            }
        }
    }
    out
}

fn cell_md(t: &str) -> String {
    t.replace('|', "\\|")
}

fn markdown(s: &Story) -> String {
    let names: Vec<String> = s.accounts.iter().map(|a| cell_md(&a.name)).collect();
    let mut out = format!(
        "{}\n\n| # | {} | Disputed |\n",
        s.summary.text,
        names.join(" | ")
    );
    out.push_str(&format!("|---|{}---|\n", "---|".repeat(names.len())));
    for (r, c) in s.claims.iter().enumerate() {
        let cells: Vec<String> = c
            .cells
            .iter()
            .map(|cell| {
                let sents = &s.accounts[cell.account].sentences;
                let t: Vec<String> = cell
                    .sentences
                    .iter()
                    .map(|&i| cell_md(&sents[i].text))
                    .collect();
                if t.is_empty() {
                    "—".to_string()
                } else {
                    t.join(" ")
                }
            })
            .collect();
        let d: Vec<String> = disputes(s, r).iter().map(|d| cell_md(d)).collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            r + 1,
            cells.join(" | "),
            d.join("; ")
        ));
    }
    out
}
