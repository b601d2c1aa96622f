//! `parallax compare OLD NEW`: compares two plain-text files and prints JSON, a terminal redline or
//! a standalone HTML page. Rendering lives in `render`; the comparison itself in the engine.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use parallax_engine::{CompareOptions, compare_sentences, segment};

use crate::error::CliError;
use crate::input::{ModeArg, read_text};
use crate::render;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
    Html,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// The older text (a plain-text file; paragraphs separated by blank lines).
    pub old: PathBuf,
    /// The newer text, or the other outlet's account.
    pub new: PathBuf,
    /// Alignment regime; `auto` picks one from how much text the two share.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,
    /// Output: `json` (the documented interface), `text` (a redline) or `html` (a standalone page).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Colour in the text redline: `auto` colours only when writing to a terminal.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

pub fn run(args: &CompareArgs) -> Result<(), CliError> {
    let old = read_text(&args.old)?;
    let new = read_text(&args.new)?;
    let options = CompareOptions {
        mode: args.mode.choice(),
        ..CompareOptions::default()
    };
    // The texts are dropped once segmented: at 20 MB each they are a large part of the peak
    // (shadowing them, as this did before, kept both alive to the end).
    let (left, right) = (segment(&old), segment(&new));
    drop((old, new));
    let c = compare_sentences(left, right, &options);
    let stdout = std::io::stdout();
    let colour = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let fail = |e: std::io::Error| CliError::Output(e.to_string());
    let text = match args.format {
        Format::Json => {
            // Streamed, not built as one string: the JSON of two 20 MB texts is several times
            // their size.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            serde_json::to_writer_pretty(&mut out, &c)
                .map_err(|e| CliError::Output(e.to_string()))?;
            return out.write_all(b"\n").and_then(|_| out.flush()).map_err(fail);
        }
        Format::Text => render::text(&c, colour),
        Format::Html => render::html(
            &c,
            &args.old.display().to_string(),
            &args.new.display().to_string(),
        ),
    };
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(fail)
}
