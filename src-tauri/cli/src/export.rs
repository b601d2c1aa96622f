//! `parallax export OLD NEW --pdf OUT.pdf [--html …] [--md …] [--json …]`: compares two plain-text files and
//! writes the comparison as a highlighted PDF, standalone HTML, Markdown or JSON. Layout and drawing are the
//! export crate's; this module only reads the files, records where they came from, and writes the results.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use parallax_engine::{CompareOptions, Mode, compare};
use parallax_export::{ExportRequest, ExportSide, Layout};
use sha2::{Digest, Sha256};

use crate::error::CliError;
use crate::input::{ModeArg, decode, read_bytes};

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
    /// Write a highlighted PDF here (`-`: standard output, as for the other formats).
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
    /// Between two accounts, also mark the words that differ (the full word redline); by default only the claims
    /// are marked there. Revisions always carry their word redline.
    #[arg(long)]
    pub word_redline: bool,
    /// Alignment regime; `auto` picks one from how much text the two share.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,
    /// Document title (default: the two file names).
    #[arg(long)]
    pub title: Option<String>,
}

pub fn run(args: &ExportArgs) -> Result<(), CliError> {
    let outputs: Vec<(&Path, &str)> = [
        (&args.pdf, "the PDF output"),
        (&args.html, "the HTML output"),
        (&args.md, "the Markdown output"),
        (&args.json, "the JSON output"),
    ]
    .into_iter()
    .filter_map(|(p, what)| p.as_deref().map(|p| (p, what)))
    .collect();
    check_outputs(
        &[
            (&args.old, "the older input"),
            (&args.new, "the newer input"),
        ],
        &outputs,
    )?;
    let old_bytes = read_bytes(&args.old)?;
    let new_bytes = read_bytes(&args.new)?;
    let old_hash = Sha256::digest(&old_bytes);
    let new_hash = Sha256::digest(&new_bytes);
    let old = decode(&args.old, old_bytes)?;
    let new = decode(&args.new, new_bytes)?;
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
        left: side(&args.old, &old, &old_hash, l),
        right: side(&args.new, &new, &new_hash, r),
        // One line, no control characters, a label's length: as the library stores titles.
        title: parallax_store::clean_label(
            &args
                .title
                .clone()
                .unwrap_or_else(|| format!("{} → {}", file_name(&args.old), file_name(&args.new))),
        ),
        comparison,
        highlights: Vec::new(),
        layout: match args.layout {
            LayoutArg::SideBySide => Layout::SideBySide,
            LayoutArg::Inline => Layout::Inline,
        },
        substantive_only: args.substantive_only,
        word_redline: args.word_redline,
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

/// Refuses an output path that is one of the inputs or another output (after following links,
/// and for existing files by identity, so a hard link counts too): writing it would destroy the
/// input or the earlier output. `-` (standard output) never clashes.
fn check_outputs(inputs: &[(&Path, &str)], outputs: &[(&Path, &str)]) -> Result<(), CliError> {
    for (k, &(out, what)) in outputs.iter().enumerate() {
        if out == Path::new("-") {
            continue;
        }
        let earlier = inputs.iter().chain(&outputs[..k]);
        if let Some(&(_, other)) = earlier.clone().find(|(p, _)| same_file(out, p)) {
            return Err(CliError::Clash {
                path: out.to_path_buf(),
                what: what.to_string(),
                other: other.to_string(),
            });
        }
    }
    Ok(())
}

/// Whether writing `a` would write the file `b` names.
fn same_file(a: &Path, b: &Path) -> bool {
    let (a, b) = (
        parallax_export::follow_links(a),
        parallax_export::follow_links(b),
    );
    #[cfg(unix)]
    if let (Ok(x), Ok(y)) = (std::fs::metadata(&a), std::fs::metadata(&b)) {
        use std::os::unix::fs::MetadataExt;
        return (x.dev(), x.ino()) == (y.dev(), y.ino());
    }
    absolute(&a) == absolute(&b)
}

/// `p` made absolute with its folder resolved (the file itself may not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    p.file_name().map_or(dir.clone(), |n| dir.join(n))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    if path == Path::new("-") {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| CliError::Output(e.to_string()));
    }
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
pub(crate) fn side(path: &Path, text: &str, hash: &[u8], label: &str) -> ExportSide {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let title: String = first.chars().take(120).collect();
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
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
