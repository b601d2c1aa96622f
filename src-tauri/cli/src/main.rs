//! The `parallax` command line: one module per subcommand over the Parallax crates.
//! Exit codes: 0 ok, 2 usage error (clap), 3 missing or unreadable file, 4 not UTF-8 text,
//! 5 malformed input record, 6 output failed; the library commands add 7 network, 8 library,
//! 9 not a feed (see `library.rs`); `highlight add` adds 13, quote not in that version. Details in ../README.md.

mod align;
mod article;
mod batch;
mod bench;
mod compare;
mod error;
mod export;
mod fiction;
mod genlib;
mod highlight;
mod input;
mod library;
mod progress;
mod record;
mod reextract;
mod render;
mod stats;
mod story;

use clap::{Parser, Subcommand};

/// mimalloc: a comparison allocates and frees many small vectors and strings, and glibc's
/// allocator took a fifth of `batch`'s instructions (issue 17).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "parallax",
    version,
    about = "Compare article revisions and outlets' accounts, claim by claim."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compare two plain-text files sentence by sentence and print a redline, HTML or JSON.
    Compare(compare::CompareArgs),
    /// Align pre-split sentence records (JSONL) and print predicted groups, one line per record.
    Align(align::AlignArgs),
    /// Time the engine on a synthetic article pair or on two files.
    Bench(bench::BenchArgs),
    /// Compare two plain-text files and write a highlighted PDF, HTML, Markdown or JSON.
    Export(export::ExportArgs),
    /// Import files (.txt, .md, .html) and URLs into the library; duplicates are reported.
    Import(library::ImportArgs),
    /// List the library's articles (JSON: [{id, title, outlet, url, versions}]).
    List(library::ListArgs),
    /// Search every version of every article, saying when a match was removed later.
    Search(library::SearchArgs),
    /// Subscribe to an RSS/Atom feed and poll it (once with --once).
    Watch(library::WatchArgs),
    /// Compare a JSONL corpus of version pairs on all cores, one result line per record, in order.
    Batch(batch::BatchArgs),
    /// Corpus statistics over `batch` output: edits per facet, cosmetic-only share, most edited articles.
    Stats(stats::StatsArgs),
    /// Highlight passages of articles, list highlights with what became of them, remove them.
    Highlight(highlight::HighlightArgs),
    /// Write one version of an article as a reading PDF with its highlights and notes.
    ExportArticle(article::ExportArticleArgs),
    /// Write a benchmark library of fictional news (outlets, events, revisions, stories).
    GenLibrary(genlib::GenArgs),
    /// Time the library queries the app runs: pages, search p50/p99, suggestion update per import.
    BenchLibrary(genlib::BenchLibraryArgs),
    /// Write a consistent single-file copy of the library, even while the app uses it.
    Backup(genlib::BackupArgs),
    /// Re-run extraction over kept pages; report (or, with --apply, store) changed texts.
    Reextract(reextract::ReextractArgs),
    /// Group two or more accounts of one event claim by claim (JSON, text or Markdown).
    Story(story::StoryArgs),
}

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Compare(a) => compare::run(a),
        Command::Align(a) => align::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Export(a) => export::run(a),
        Command::Import(a) => library::exit_on_error(library::import(a)),
        Command::List(a) => library::exit_on_error(library::list(a)),
        Command::Search(a) => library::exit_on_error(library::search(a)),
        Command::Watch(a) => library::exit_on_error(library::watch(a)),
        Command::Batch(a) => batch::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Highlight(a) => library::exit_on_error(highlight::run(a)),
        Command::ExportArticle(a) => library::exit_on_error(article::run(a)),
        Command::GenLibrary(a) => library::exit_on_error(genlib::generate(a)),
        Command::BenchLibrary(a) => library::exit_on_error(genlib::bench(a)),
        Command::Backup(a) => library::exit_on_error(genlib::backup(a)),
        Command::Reextract(a) => library::exit_on_error(reextract::run(a)),
        Command::Story(a) => story::run(a),
    };
    if let Err(e) = result {
        eprintln!("parallax: {e}");
        std::process::exit(e.exit_code());
    }
}
