//! The `parallax` command line: one module per subcommand over the Parallax crates.
//! Exit codes: 0 ok, 2 usage error (clap), 3 missing or unreadable file, 4 not UTF-8 text,
//! 5 malformed input record, 6 output failed. Details in ../README.md.

mod align;
mod error;
mod export;
mod input;

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
    /// Align pre-split sentence records (JSONL) and print predicted groups, one line per record.
    Align(align::AlignArgs),
    /// Compare two plain-text files and write a highlighted PDF, HTML, Markdown or JSON.
    Export(export::ExportArgs),
}

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Align(a) => align::run(a),
        Command::Export(a) => export::run(a),
    };
    if let Err(e) = result {
        eprintln!("parallax: {e}");
        std::process::exit(e.exit_code());
    }
}
