//! `parallax import | list | search | watch`: the library commands, over parallax-store and
//! parallax-ingest, on the same library as the app (`--data-dir`, else `PARALLAX_DATA_DIR`,
//! else the platform data folder). Every failure prints one line on stderr and exits non-zero:
//! 3 file missing or unreadable, 4 not usable text (binary, empty, too large, no article),
//! 7 network or HTTP failure, 8 library cannot be opened or written, 9 not a feed.
//! Extraction, storage and polling logic live in the crates; this only parses and prints.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use parallax_ingest::{
    Clock, FeedEvent, FetchOptions, Fetcher, IngestError, PollStatus, Poller, PollerConfig,
    SystemClock, import_sources_with,
};
use parallax_store::{Library, SearchHit};
use serde::Serialize;

/// A library command's failure: its one-line message and exit code.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct LibraryError {
    pub message: String,
    pub code: i32,
}

impl From<IngestError> for LibraryError {
    fn from(e: IngestError) -> Self {
        let code = match e.code() {
            "io" => 3,
            "binary"
            | "empty"
            | "too_large"
            | "undecodable"
            | "unsupported_file_type"
            | "no_article"
            | "too_many_elements" => 4,
            "store" | "wrong_article" | "too_few_accounts" | "not_in_story" => 8,
            "quote_not_found" => crate::highlight::QUOTE_NOT_FOUND,
            "not_a_feed" | "malformed_feed" => 9,
            _ => 7,
        };
        LibraryError {
            message: e.to_string(),
            code,
        }
    }
}

impl From<parallax_store::Error> for LibraryError {
    fn from(e: parallax_store::Error) -> Self {
        LibraryError {
            message: e.to_string(),
            code: 8,
        }
    }
}

/// Prints `rows` as one pretty JSON array, or as text, each row written by `line`.
pub(crate) fn print_rows<T: Serialize>(
    format: Format,
    rows: &[T],
    mut line: impl FnMut(&mut dyn Write, &T) -> std::io::Result<()>,
) -> Result<(), LibraryError> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(rows).unwrap_or_default()
        ),
        Format::Text => rows.iter().try_for_each(|r| line(&mut out, r)),
    }
    .map_err(output_error)
}

pub(crate) fn output_error(e: std::io::Error) -> LibraryError {
    LibraryError {
        message: format!("cannot write the output ({e})."),
        code: 6,
    }
}

/// `text` safe to print on one terminal line: control characters (which the terminal would
/// obey: ESC starts escape sequences), bidi controls and line breaks become labelled marks.
/// Libraries written before titles were cleaned on import may still hold them.
pub fn one_line(text: &str) -> String {
    parallax_engine::show_hidden(text).replace('\n', "‹U+000A›")
}

/// Prints the error and exits with its code; lets `main` keep its own error type.
pub fn exit_on_error<E>(result: Result<(), LibraryError>) -> Result<(), E> {
    if let Err(e) = result {
        eprintln!("parallax: {}", one_line(&e.to_string()));
        std::process::exit(e.code);
    }
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct DataDir {
    /// The library's folder (default: $PARALLAX_DATA_DIR, else the platform data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl DataDir {
    pub fn open(&self) -> Result<Library, LibraryError> {
        let dir = match &self.data_dir {
            Some(d) => d.clone(),
            None => parallax_store::default_data_dir()?,
        };
        Ok(Library::open_in_dir(&dir)?)
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// Files (.txt, .md, .html) and http(s) URLs to import.
    #[arg(required = true, value_name = "FILE|URL")]
    pub inputs: Vec<String>,
    /// Store a page refused as having no article (a home page, a paywall stub, a cookie wall)
    /// as all its visible text instead.
    #[arg(long)]
    pub anyway: bool,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Words to find, in any version of any article.
    pub query: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// At most this many articles.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(clap::Args, Debug)]
pub struct WatchArgs {
    /// The RSS or Atom feed's address.
    pub feed_url: String,
    /// Poll once (subscribing first if needed) and exit.
    #[arg(long)]
    pub once: bool,
    /// Minutes between polls for a new subscription.
    #[arg(long, default_value_t = 30)]
    pub interval_minutes: i64,
    #[command(flatten)]
    pub data: DataDir,
}

fn runtime() -> Result<tokio::runtime::Runtime, LibraryError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| LibraryError {
            message: format!("cannot start the network runtime ({e})."),
            code: 7,
        })
}

fn fetcher() -> Result<Fetcher, LibraryError> {
    Ok(Fetcher::new(FetchOptions::default())?)
}

/// `parallax import FILE|URL...`: one line per input; fails (with the first failure's code)
/// if any input could not be imported. Duplicates are reported, not failures.
pub fn import(args: &ImportArgs) -> Result<(), LibraryError> {
    let mut lib = args.data.open()?;
    let fetcher = fetcher()?;
    let now = SystemClock.now();
    let rt = runtime()?;
    let mut out = std::io::stdout().lock();
    let mut errors: Vec<LibraryError> = Vec::new();
    // One input at a time, each line printed and flushed as soon as it is stored: a run that
    // is stopped still says what it imported.
    for input in &args.inputs {
        let reports = rt.block_on(import_sources_with(
            &mut lib,
            &fetcher,
            std::slice::from_ref(input),
            now,
            args.anyway,
            |_, _, _| {},
        ));
        let Some(report) = reports.into_iter().next() else {
            continue;
        };
        match report.result {
            Ok(_) => writeln!(out, "{}", one_line(&report.line()))
                .and_then(|()| out.flush())
                .map_err(output_error)?,
            Err(e) => {
                // The app offers a button; here the way to take the offer is a flag.
                let hint = if e.code() == "no_article" && !args.anyway {
                    " To import it anyway, run again with --anyway."
                } else {
                    ""
                };
                let mut error = LibraryError::from(e);
                error.message = format!("{}: {}{hint}", report.source, error.message);
                errors.push(error);
            }
        }
    }
    match errors.len() {
        0 => Ok(()),
        1 if args.inputs.len() == 1 => Err(errors.remove(0)),
        failed => {
            for e in &errors {
                eprintln!("parallax: {}", one_line(&e.to_string()));
            }
            let code = errors[0].code;
            Err(LibraryError {
                message: format!(
                    "{failed} of {} inputs could not be imported.",
                    args.inputs.len()
                ),
                code,
            })
        }
    }
}

#[derive(Serialize)]
struct ListedArticle {
    id: i64,
    title: String,
    outlet: String,
    url: Option<String>,
    versions: i64,
}

/// `parallax list [--format json]`: JSON is an array of `{id, title, outlet, url, versions}`.
pub fn list(args: &ListArgs) -> Result<(), LibraryError> {
    let lib = args.data.open()?;
    let articles: Vec<ListedArticle> = lib
        .list_articles()?
        .into_iter()
        .map(|a| ListedArticle {
            id: a.id,
            title: a.title,
            outlet: a.outlet,
            url: a.url,
            versions: a.version_count,
        })
        .collect();
    print_rows(args.format, &articles, |out, a| {
        let plural = if a.versions == 1 { "" } else { "s" };
        writeln!(
            out,
            "{:>5}  {}  ({}, {} version{plural}){}",
            a.id,
            one_line(&a.title),
            one_line(&a.outlet),
            a.versions,
            a.url
                .as_deref()
                .map(|u| format!("  {}", one_line(u)))
                .unwrap_or_default()
        )
    })
}

fn snippet_text(hit: &SearchHit) -> String {
    hit.snippet
        .iter()
        .map(|p| {
            if p.hit {
                format!("[{}]", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect()
}

/// `parallax search QUERY [--format json]`: matches in every version, saying when the text
/// was removed later.
pub fn search(args: &SearchArgs) -> Result<(), LibraryError> {
    let lib = args.data.open()?;
    let hits = lib.search(&args.query, args.limit)?;
    // Text output says so when nothing matched (stderr, so scripts reading hits see none).
    if hits.is_empty() && args.format == Format::Text {
        if args.query.split_whitespace().next().is_none() {
            eprintln!("parallax: the search has no words; give one or more words to look for.");
        } else {
            eprintln!("no matches for {:?}", one_line(&args.query));
        }
        return Ok(());
    }
    print_rows(args.format, &hits, |out, h| {
        let removed = if h.removed_later {
            "  (removed later)"
        } else {
            ""
        };
        writeln!(
            out,
            "{:>5}  {} ({}), version {} of {}{removed}\n       {}",
            h.article_id,
            one_line(&h.title),
            one_line(&h.outlet),
            h.version_number,
            h.version_count,
            one_line(&snippet_text(h))
        )
    })
}

fn describe(event: &FeedEvent) -> String {
    match event {
        FeedEvent::NewArticle {
            title,
            outlet,
            article_id,
            ..
        } => format!("new: \"{title}\" ({outlet}), article {article_id}"),
        FeedEvent::Revised {
            title,
            description,
            article_id,
            ..
        } => format!("revised: \"{title}\", article {article_id}: {description}"),
        FeedEvent::HighlightsChanged {
            notice, article_id, ..
        } => format!("highlights: article {article_id}: {notice}"),
        FeedEvent::FeedError { message, .. } => format!("feed error: {message}"),
    }
}

/// `parallax watch FEED_URL [--once]`: subscribes if needed, then polls this feed (once, or
/// whenever it is due until interrupted), printing new and revised articles.
pub fn watch(args: &WatchArgs) -> Result<(), LibraryError> {
    if args.interval_minutes < 1 {
        return Err(LibraryError {
            message: "--interval-minutes must be at least 1.".into(),
            code: 2,
        });
    }
    let lib = args.data.open()?;
    let url = parallax_ingest::parse_url(&args.feed_url)?.to_string();
    let existing = lib
        .list_feeds()?
        .into_iter()
        .find(|f| f.url == url || f.url == args.feed_url.trim())
        .map(|f| f.id);
    let lib = Arc::new(Mutex::new(lib));
    let poller = Poller::new(
        lib.clone(),
        fetcher()?,
        Arc::new(SystemClock),
        PollerConfig::default(),
        |e| println!("{}", one_line(&describe(&e))),
    );
    runtime()?.block_on(async {
        let first = match existing {
            Some(id) => poller.poll_feed(id).await,
            None => poller.subscribe(&url, args.interval_minutes * 60).await?,
        };
        let summary = match &first.status {
            PollStatus::Failed { message } => {
                return Err(LibraryError {
                    message: message.clone(),
                    code: 7,
                });
            }
            PollStatus::Skipped => "another poll of this feed is running; skipped".to_string(),
            PollStatus::NotModified => "feed not modified".to_string(),
            PollStatus::Fetched => "feed read".to_string(),
        };
        let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let failed = match first.item_errors.len() {
            0 => String::new(),
            n => format!(
                ", {} (tried again at the next poll)",
                count(n, "failed item")
            ),
        };
        println!(
            "{}: {summary}; {}, {}{failed}",
            one_line(&url),
            count(first.new_articles, "new article"),
            count(first.new_versions, "new version")
        );
        for e in &first.item_errors {
            eprintln!("parallax: {}", one_line(e));
        }
        if args.once {
            return Ok(());
        }
        // Only this feed: wait until it is due (interval, or backoff after errors), poll, repeat.
        loop {
            let next = lib
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_feed(first.feed_id)?
                .next_poll;
            let wait = (next - SystemClock.now()).clamp(1, 24 * 3600) as u64;
            tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
            let report = poller.poll_feed(first.feed_id).await;
            if let PollStatus::Failed { message } = &report.status {
                eprintln!("parallax: {}", one_line(message));
            }
            for e in &report.item_errors {
                eprintln!("parallax: {}", one_line(e));
            }
        }
    })
}
