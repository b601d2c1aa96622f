//! Reading input files for the CLI: existence, binary sniffing and UTF-8 checks with clear errors.
//! Parsing text into sentences is left to the engine.

use std::fs::File;
use std::path::Path;

use parallax_engine::{Mode, ModeChoice};

use crate::error::CliError;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeArg {
    Auto,
    Revision,
    Accounts,
}

impl ModeArg {
    pub fn fixed(self) -> Option<Mode> {
        match self {
            ModeArg::Auto => None,
            ModeArg::Revision => Some(Mode::Revision),
            ModeArg::Accounts => Some(Mode::Accounts),
        }
    }

    pub fn choice(self) -> ModeChoice {
        match self {
            ModeArg::Auto => ModeChoice::Auto,
            ModeArg::Revision => ModeChoice::Revision,
            ModeArg::Accounts => ModeChoice::Accounts,
        }
    }
}

/// Opens a file for streaming reads, with the CLI's error for a missing one.
pub fn open_text(path: &Path) -> Result<File, CliError> {
    if path.is_dir() {
        return Err(CliError::Read {
            path: path.to_path_buf(),
            reason: "it is a directory".into(),
        });
    }
    File::open(path).map_err(|e| CliError::read(path, e))
}

/// Reads a whole file as UTF-8 text, refusing binary files and other encodings by name.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    if path.is_dir() {
        return Err(CliError::Read {
            path: path.to_path_buf(),
            reason: "it is a directory".into(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| CliError::read(path, e))?;
    decode(path, bytes)
}

pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, CliError> {
    if let Some(kind) = sniff(&bytes) {
        return Err(CliError::Binary {
            path: path.to_path_buf(),
            looks_like: kind.to_string(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let byte = bytes[offset];
            let guess = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                "UTF-16 text"
            } else {
                "Latin-1 or Windows-1252 text"
            };
            Err(CliError::NotUtf8 {
                path: path.to_path_buf(),
                byte,
                offset,
                guess: guess.into(),
            })
        }
    }
}

/// Names common binary formats from their first bytes; any NUL byte means "binary data".
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "a program (ELF executable)"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"RIFF", "a RIFF media file (WAV/AVI/WebP)"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
    ];
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(name);
        }
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None; // UTF-16: reported as an encoding problem instead
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        Some("binary data")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        decode(Path::new("story.txt"), bytes.to_vec())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn png_is_named_as_such() {
        let e = err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(
            e.contains("story.txt") && e.contains("looks like a PNG image"),
            "{e}"
        );
    }

    #[test]
    fn latin1_is_not_utf8_and_says_where() {
        let e = err(b"Caf\xe9 au lait");
        assert!(
            e.contains("not UTF-8") && e.contains("offset 3") && e.contains("0xE9"),
            "{e}"
        );
    }

    #[test]
    fn nul_bytes_mean_binary_and_bom_is_dropped() {
        assert!(err(b"abc\0def").contains("binary data"));
        assert_eq!(
            decode(Path::new("x"), b"\xef\xbb\xbfHello".to_vec()).unwrap(),
            "Hello"
        );
    }

    #[test]
    fn missing_file_exit_code_3() {
        let e = read_text(Path::new("/nonexistent/parallax/old.txt")).unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(e.to_string().contains("no such file"));
    }
}
