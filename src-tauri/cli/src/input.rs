//! Reading input files for the CLI: existence, binary sniffing and UTF-8 checks with clear errors.
//! Parsing text into sentences is left to the engine.

use std::fs::File;
use std::io::Read;
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

/// The most bytes read from one input of `compare` and `export`, and from one `align` record:
/// the import limit, so anything the library can hold can be compared.
pub const MAX_INPUT_BYTES: u64 = parallax_ingest::MAX_FILE_BYTES;

/// Opens a regular file for reading, with the CLI's errors for a missing one, a folder, and
/// special files (a FIFO or device reports no size, so no limit could be checked up front, and
/// `/dev/zero` never ends). Symbolic links are followed to what they point at.
pub fn open_text(path: &Path) -> Result<File, CliError> {
    // Checked before opening: opening a FIFO waits until something writes to it.
    let meta = std::fs::metadata(path).map_err(|e| CliError::read(path, e))?;
    if meta.is_dir() {
        return Err(CliError::Read {
            path: path.to_path_buf(),
            reason: "it is a directory".into(),
        });
    }
    if !meta.is_file() {
        return Err(CliError::Read {
            path: path.to_path_buf(),
            reason: format!(
                "it is {}, not a regular file; save its contents to a file first",
                special_kind(&meta)
            ),
        });
    }
    File::open(path).map_err(|e| CliError::read(path, e))
}

/// What kind of special file `meta` describes, for messages.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

/// Reads a whole file as UTF-8 text, refusing binary files and other encodings by name, and
/// files over [`MAX_INPUT_BYTES`] (checked before reading and again while reading, in case the
/// file grows).
pub fn read_text(path: &Path) -> Result<String, CliError> {
    decode(path, read_bytes(path)?)
}

/// The bytes of a regular file of at most [`MAX_INPUT_BYTES`] (see [`read_text`]).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    let file = open_text(path)?;
    let too_large = |size: u64| CliError::TooLarge {
        path: path.to_path_buf(),
        size: format_size(size),
        limit: format_size(MAX_INPUT_BYTES),
    };
    let len = file.metadata().map_err(|e| CliError::read(path, e))?.len();
    if len > MAX_INPUT_BYTES {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::read(path, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A size in bytes for messages: "21.0 MB" (MiB), with the exact count when rounding would
/// make it look equal to the limit.
pub fn format_size(bytes: u64) -> String {
    let mb = |b: u64| format!("{:.1} MB", b as f64 / 1_048_576.0);
    let shown = mb(bytes);
    if bytes > MAX_INPUT_BYTES && shown == mb(MAX_INPUT_BYTES) {
        format!("{shown} ({bytes} bytes)")
    } else {
        shown
    }
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
        Err(e) => Err(not_utf8(path, e.as_bytes(), e.utf8_error(), 0)),
    }
}

/// The error for bytes that are not UTF-8; `base` is where `bytes` start in the file, so the
/// offset reported is the file's.
pub fn not_utf8(path: &Path, bytes: &[u8], e: std::str::Utf8Error, base: u64) -> CliError {
    let at = e.valid_up_to();
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let (guess, from) = if utf16 {
        ("UTF-16 text", "utf-16")
    } else {
        ("Latin-1 or Windows-1252 text", "latin1")
    };
    CliError::NotUtf8 {
        path: path.to_path_buf(),
        byte: bytes[at],
        offset: base + at as u64,
        guess: guess.into(),
        from,
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
