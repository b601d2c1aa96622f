//! `parallax reextract [--article ID] [--apply]`: re-runs extraction over the pages kept with
//! each version and prints which versions' text would change; with `--apply` a changed text
//! is stored as a new version (existing versions are never rewritten). Logic in
//! parallax-ingest ([`parallax_ingest::reextract`]).

use std::io::Write;

use parallax_ingest::{Reextraction, reextract};

use crate::library::{DataDir, Format, LibraryError};

#[derive(clap::Args, Debug)]
pub struct ReextractArgs {
    /// Only this article's versions (default: every version with a kept page).
    #[arg(long, value_name = "ID")]
    pub article: Option<i64>,
    /// Store each changed text as a new version (default: only report).
    #[arg(long)]
    pub apply: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn run(args: &ReextractArgs) -> Result<(), LibraryError> {
    let mut lib = args.data.open()?;
    let reports = reextract(&mut lib, args.article, args.apply)?;
    let mut out = std::io::stdout().lock();
    let fail = |e: std::io::Error| LibraryError {
        message: format!("cannot write the output ({e})."),
        code: 6,
    };
    if args.format == Format::Json {
        let json = serde_json::to_string_pretty(&reports).expect("reports serialise");
        return writeln!(out, "{json}").map_err(fail);
    }
    for r in &reports {
        writeln!(out, "{}", r.line()).map_err(fail)?;
    }
    let count = |f: fn(&Reextraction) -> bool| reports.iter().filter(|r| f(&r.result)).count();
    let changed = count(|r| matches!(r, Reextraction::WouldChange { .. }));
    let stored = count(|r| matches!(r, Reextraction::Stored { .. }));
    let summary = if reports.is_empty() {
        "no kept pages to re-extract (pages are kept for HTML imported from now on)".to_string()
    } else if args.apply {
        format!(
            "{} versions re-extracted, {stored} new versions stored",
            reports.len()
        )
    } else {
        format!(
            "{} versions re-extracted, {changed} would change (run with --apply to store them)",
            reports.len()
        )
    };
    writeln!(out, "{summary}").map_err(fail)
}
