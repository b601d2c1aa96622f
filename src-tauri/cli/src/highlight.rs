//! `parallax highlight add | list | remove`: highlights and notes on the library's articles, each
//! listed with what became of it on the article's newest version. Anchoring and resolution are
//! parallax-ingest's (over the engine); this only parses and prints. Exit code 13: the quote is not
//! in that version's text (nothing is stored).

use std::io::Write;

use parallax_ingest::{Clock, resolve_on_latest};
use parallax_ingest::{QuoteHighlight, ResolvedHighlight, SystemClock, highlight_quote};
use parallax_store::Colour;
use serde::Serialize;

use crate::library::{DataDir, Format, LibraryError, output_error, print_rows};

/// Exit code of `highlight add` when the quote is not in the version's text.
pub const QUOTE_NOT_FOUND: i32 = 13;

#[derive(clap::Args, Debug)]
pub struct HighlightArgs {
    #[command(subcommand)]
    pub command: HighlightCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum HighlightCommand {
    /// Highlight a passage of an article (its newest version unless --version is given).
    Add(AddArgs),
    /// List highlights (of one article, or all), newest first, with their state on the newest version.
    List(ListArgs),
    /// Delete a highlight.
    Remove(RemoveArgs),
}

#[derive(clap::Args, Debug)]
pub struct AddArgs {
    /// The article's id (see `parallax list`).
    pub article_id: i64,
    /// The passage, exactly as it reads in the version (runs of spaces and line breaks may differ).
    pub quote: String,
    /// A note to keep with the highlight.
    #[arg(long)]
    pub note: Option<String>,
    /// yellow, green, blue, pink or purple.
    #[arg(long, default_value = "yellow", value_parser = parse_colour)]
    pub colour: Colour,
    /// The version to highlight in (a version id); the newest by default.
    #[arg(long, value_name = "VERSION_ID")]
    pub version: Option<i64>,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Only this article's highlights.
    pub article_id: Option<i64>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(clap::Args, Debug)]
pub struct RemoveArgs {
    /// The highlight's id (see `parallax highlight list`).
    pub id: i64,
    #[command(flatten)]
    pub data: DataDir,
}

fn parse_colour(s: &str) -> Result<Colour, String> {
    Colour::parse(&s.to_ascii_lowercase()).ok_or_else(|| {
        let names: Vec<&str> = Colour::ALL.iter().map(|c| c.as_str()).collect();
        format!(
            "\"{s}\" is not a highlight colour; use one of {}",
            names.join(", ")
        )
    })
}

pub fn run(args: &HighlightArgs) -> Result<(), LibraryError> {
    match &args.command {
        HighlightCommand::Add(a) => add(a),
        HighlightCommand::List(a) => list(a),
        HighlightCommand::Remove(a) => remove(a),
    }
}

fn add(args: &AddArgs) -> Result<(), LibraryError> {
    let mut lib = args.data.open()?;
    let req = QuoteHighlight {
        quote: args.quote.clone(),
        note: args.note.clone(),
        colour: args.colour,
        version_id: args.version,
        paragraph: None,
    };
    let h = highlight_quote(&mut lib, args.article_id, &req, SystemClock.now())?;
    writeln!(
        std::io::stdout(),
        "{}  highlighted in version {} of article {}: \"{}\"",
        h.id,
        h.version_id,
        args.article_id,
        h.quote
    )
    .map_err(output_error)
}

/// One highlight as `highlight list --format json` prints it.
#[derive(Serialize)]
struct Listed {
    id: i64,
    article_id: i64,
    version_id: i64,
    quote: String,
    note: Option<String>,
    colour: Colour,
    created: i64,
    latest: Latest,
}

#[derive(Serialize)]
struct Latest {
    version_id: i64,
    state: parallax_engine::AnchorState,
    /// The passage as it reads on the newest version; absent when removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// For an edited passage, the change in a few words ("600 → 900 households").
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<String>,
}

fn listed(article_id: i64, r: ResolvedHighlight) -> Listed {
    let h = r.highlight;
    Listed {
        id: h.id,
        article_id,
        version_id: h.version_id,
        quote: h.quote,
        note: h.note,
        colour: h.colour,
        created: h.created,
        latest: Latest {
            version_id: r.on_version_id,
            state: r.resolution.state,
            text: r.resolution.text,
            change: r.resolution.change,
        },
    }
}

fn list(args: &ListArgs) -> Result<(), LibraryError> {
    let lib = args.data.open()?;
    let entries = lib.list_highlights(args.article_id)?;
    let resolved = resolve_on_latest(&lib, &entries)?;
    let rows: Vec<Listed> = entries
        .iter()
        .zip(resolved)
        .map(|(e, r)| listed(e.article_id, r))
        .collect();
    print_rows(args.format, &rows, |out, h| {
        let state = h.latest.state.name();
        let detail = match (&h.latest.change, h.latest.state.name()) {
            (Some(c), _) => format!(" ({c})"),
            (None, "removed") => " (no longer in the article)".to_string(),
            _ => String::new(),
        };
        writeln!(
            out,
            "{:>5}  article {}  [{}] {state}{detail}\n       \"{}\"{}",
            h.id,
            h.article_id,
            h.colour.as_str(),
            h.quote,
            h.note
                .as_deref()
                .map(|n| format!("\n       note: {n}"))
                .unwrap_or_default()
        )
    })
}

fn remove(args: &RemoveArgs) -> Result<(), LibraryError> {
    let mut lib = args.data.open()?;
    lib.delete_highlight(args.id)?;
    writeln!(std::io::stdout(), "removed highlight {}", args.id).map_err(output_error)
}
