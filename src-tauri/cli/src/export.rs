//! `parallax export OLD NEW --pdf OUT.pdf [--html …] [--md …] [--json …]`: compares two plain-text files and
//! writes the comparison as a highlighted PDF, standalone HTML, Markdown or JSON. Layout and drawing are the
//! export crate's; this module only reads the files, records where they came from, and writes the results.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use parallax_engine::{CompareOptions, Mode, compare};
use parallax_export::{ExportRequest, ExportSide, Layout};
use sha2::{Digest, Sha256};

use crate::error::CliError;
use crate::input::{ModeArg, read_text};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutArg {
    /// Two aligned columns, old text left, new text right.
    SideBySide,
    /// One column, removed words struck and added words underlined.
    Inline,
}

#[derive(clap::Args, Debug)]
#[command(group = clap::ArgGroup::new("output").required(true).multiple(true).args(["pdf", "html", "md", "json"]))]
pub struct ExportArgs {
    /// The older text (a plain-text file; paragraphs separated by blank lines).
    pub old: PathBuf,
    /// The newer text, or the other outlet's account.
    pub new: PathBuf,
    /// Write a highlighted PDF here.
    #[arg(long, value_name = "OUT.pdf")]
    pub pdf: Option<PathBuf>,
    /// Write a standalone HTML page here.
    #[arg(long, value_name = "OUT.html")]
    pub html: Option<PathBuf>,
    /// Write Markdown (~~removed~~, **added**) here.
    #[arg(long, value_name = "OUT.md")]
    pub md: Option<PathBuf>,
    /// Write the comparison as JSON here (with the provenance of both files).
    #[arg(long, value_name = "OUT.json")]
    pub json: Option<PathBuf>,
    /// Layout of the PDF, HTML and Markdown.
    #[arg(long, value_enum, default_value_t = LayoutArg::SideBySide)]
    pub layout: LayoutArg,
    /// Show only rows whose change is substantive (numbers, names, quotes, claims).
    #[arg(long)]
    pub substantive_only: bool,
    /// Alignment regime; `auto` picks one from how much text the two share.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,
    /// Document title (default: the two file names).
    #[arg(long)]
    pub title: Option<String>,
}

pub fn run(args: &ExportArgs) -> Result<(), CliError> {
    let old = read_text(&args.old)?;
    let new = read_text(&args.new)?;
    let options = CompareOptions {
        mode: args.mode.choice(),
        ..CompareOptions::default()
    };
    let comparison = compare(&old, &new, &options);
    let (l, r) = match comparison.mode {
        Mode::Revision => ("older file", "newer file"),
        Mode::Accounts => ("first account", "second account"),
    };
    let req = ExportRequest {
        left: side(&args.old, &old, l),
        right: side(&args.new, &new, r),
        title: args
            .title
            .clone()
            .unwrap_or_else(|| format!("{} → {}", file_name(&args.old), file_name(&args.new))),
        comparison,
        highlights: Vec::new(),
        layout: match args.layout {
            LayoutArg::SideBySide => Layout::SideBySide,
            LayoutArg::Inline => Layout::Inline,
        },
        substantive_only: args.substantive_only,
    };
    let fail = |e: parallax_export::Error| CliError::Output(e.to_string());
    if let Some(p) = &args.pdf {
        write(p, &parallax_export::to_pdf(&req).map_err(fail)?)?;
    }
    if let Some(p) = &args.html {
        write(p, parallax_export::to_html(&req).as_bytes())?;
    }
    if let Some(p) = &args.md {
        write(p, parallax_export::to_markdown(&req).as_bytes())?;
    }
    if let Some(p) = &args.json {
        write(p, &parallax_export::to_json(&req).map_err(fail)?)?;
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    parallax_export::write_atomically(path, bytes).map_err(|e| CliError::Output(e.to_string()))?;
    eprintln!(
        "wrote {} ({} KB)",
        path.display(),
        bytes.len().div_ceil(1024)
    );
    Ok(())
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Provenance of a plain file: its name, first line, modification time and the SHA-256 of its bytes
/// (checkable with `sha256sum`).
fn side(path: &Path, text: &str, label: &str) -> ExportSide {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let title: String = first.chars().take(120).collect();
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let hash = Sha256::digest(std::fs::read(path).unwrap_or_else(|_| text.as_bytes().to_vec()));
    ExportSide {
        outlet: file_name(path),
        title,
        url: None,
        published: None,
        fetched: modified.map(|t| format!("{} (file modified)", rfc3339(t))),
        content_hash: format!(
            "sha256:{}",
            hash.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ),
        version_label: label.to_string(),
    }
}

/// A file time as RFC 3339 in UTC.
fn rfc3339(t: SystemTime) -> String {
    parallax_export::rfc3339_utc(t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn rfc3339_formats_known_instants() {
        let at = |s| rfc3339(UNIX_EPOCH + Duration::from_secs(s));
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z"); // a leap day in a century leap year
        assert_eq!(at(1_795_849_509), "2026-11-28T07:05:09Z");
    }
}
