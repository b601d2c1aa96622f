//! The `parallax` command line: one module per subcommand over the Parallax crates.
//! Exit codes: 0 ok, 2 usage error (clap), 3 missing or unreadable file, 4 not UTF-8 text,
//! 5 malformed input record, 6 output failed; the library commands add 7 network, 8 library,
//! 9 not a feed (see `library.rs`). Details in ../README.md.

mod align;
mod bench;
mod compare;
mod error;
mod export;
mod input;
mod library;
mod render;
mod story;

use clap::{Parser, Subcommand};

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
        Command::Story(a) => story::run(a),
    };
    if let Err(e) = result {
        eprintln!("parallax: {e}");
        std::process::exit(e.exit_code());
    }
}
