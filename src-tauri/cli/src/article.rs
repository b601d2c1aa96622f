//! `parallax export-article ARTICLE_ID [--version V] --pdf OUT.pdf`: one stored version as a reading
//! PDF with the reader's highlights (resolved on that version by parallax-ingest), notes as
//! numbered endnotes and a provenance block. Layout is the export crate's; this writes the file.

use std::path::PathBuf;

use crate::library::{DataDir, LibraryError};

#[derive(clap::Args, Debug)]
pub struct ExportArticleArgs {
    /// The article's id (see `parallax list`).
    pub article_id: i64,
    /// The version to export (a version id); the newest by default.
    #[arg(long, value_name = "VERSION_ID")]
    pub version: Option<i64>,
    /// Write the reading PDF here.
    #[arg(long, value_name = "OUT.pdf", required = true)]
    pub pdf: PathBuf,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn run(args: &ExportArticleArgs) -> Result<(), LibraryError> {
    let lib = args.data.open()?;
    let req = parallax_ingest::reading_request(&lib, args.article_id, args.version)?;
    let fail = |e: parallax_export::Error| LibraryError {
        message: e.to_string(),
        code: 6,
    };
    let bytes = parallax_export::reading_pdf(&req).map_err(fail)?;
    parallax_export::write_atomically(&args.pdf, &bytes).map_err(fail)?;
    let n = req.highlights.len();
    eprintln!(
        "wrote {} ({} KB, {n} highlight{})",
        args.pdf.display(),
        bytes.len().div_ceil(1024),
        if n == 1 { "" } else { "s" }
    );
    Ok(())
}
