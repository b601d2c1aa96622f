//! About and diagnostics: the versions, the system and where the library lives, as the About panel shows them
//! and as plain text a user can paste into a problem report. Reading the facts is here; showing them is the UI's.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

/// What the About panel shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub app_version: String,
    /// The WebKitGTK the window runs on, as the library itself reports it ("2.48.3"), or why it is unknown.
    pub webkit_version: String,
    /// The library schema this build reads and writes.
    pub schema_version: i64,
    /// The operating system ("Debian GNU/Linux 12 (bookworm), linux x86_64, kernel 6.1.0").
    pub os: String,
    pub data_dir: String,
    /// The library file's path, and its size with SQLite's write-ahead log beside it.
    pub library_file: String,
    pub library_bytes: Option<u64>,
    /// Why the library could not be opened, when it could not.
    pub library_error: Option<String>,
    /// Everything above as plain text, for "Copy diagnostics".
    pub diagnostics: String,
}

impl About {
    /// Gathers the facts; `webkit_version` comes from the shell (it asks the webview).
    pub fn gather(data_dir: &Path, webkit_version: String, library_error: Option<String>) -> Self {
        let library_file = data_dir.join(parallax_store::LIBRARY_FILE_NAME);
        let mut about = About {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            webkit_version,
            schema_version: parallax_store::SCHEMA_VERSION,
            os: os_description(
                std::fs::read_to_string("/etc/os-release").ok().as_deref(),
                std::fs::read_to_string("/proc/sys/kernel/osrelease")
                    .ok()
                    .as_deref(),
            ),
            data_dir: data_dir.display().to_string(),
            library_bytes: library_size(&library_file),
            library_file: library_file.display().to_string(),
            library_error,
            diagnostics: String::new(),
        };
        about.diagnostics = diagnostics(&about);
        about
    }
}

/// The library file plus its `-wal` and `-shm` companions (a WAL library's recent writes live in the log),
/// or `None` when the file does not exist.
pub fn library_size(file: &Path) -> Option<u64> {
    let main = std::fs::metadata(file).ok()?.len();
    let companion = |suffix: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        std::fs::metadata(Path::new(&name)).map_or(0, |m| m.len())
    };
    Some(main + companion("-wal") + companion("-shm"))
}

/// "Name (version), os arch, kernel K" from the contents of /etc/os-release and the kernel release.
pub fn os_description(os_release: Option<&str>, kernel: Option<&str>) -> String {
    let pretty = os_release.and_then(|text| {
        text.lines().find_map(|line| {
            let value = line.strip_prefix("PRETTY_NAME=")?;
            Some(value.trim().trim_matches('"').to_string())
        })
    });
    let mut out = pretty.unwrap_or_else(|| "unknown distribution".to_string());
    out.push_str(&format!(
        ", {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    ));
    if let Some(k) = kernel.map(str::trim).filter(|k| !k.is_empty()) {
        out.push_str(&format!(", kernel {k}"));
    }
    out
}

/// The text "Copy diagnostics" puts on the clipboard: one fact a line, nothing from the user's articles.
pub fn diagnostics(a: &About) -> String {
    let size = a
        .library_bytes
        .map_or_else(|| "no library file yet".to_string(), human_size);
    let mut out = format!(
        "Parallax {}\nWebKitGTK {}\nLibrary schema version {}\nOS {}\nLibrary {} ({})\n",
        a.app_version, a.webkit_version, a.schema_version, a.os, a.library_file, size
    );
    if let Some(e) = &a.library_error {
        out.push_str(&format!("Library error: {e}\n"));
    }
    out
}

/// Bytes for people: "812 B", "4.2 KB", "37.0 MB".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_size_counts_the_write_ahead_log() {
        // A WAL library keeps recent writes in library.sqlite3-wal: leaving it out under-reports the size.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("library.sqlite3");
        assert_eq!(library_size(&file), None, "no file, no size");
        std::fs::write(&file, vec![0u8; 4096]).unwrap();
        assert_eq!(library_size(&file), Some(4096));
        std::fs::write(dir.path().join("library.sqlite3-wal"), vec![0u8; 1000]).unwrap();
        assert_eq!(library_size(&file), Some(5096));
    }

    #[test]
    fn the_os_line_names_the_distribution_and_kernel() {
        let release = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n";
        let os = os_description(Some(release), Some("6.1.0-18-amd64\n"));
        assert!(os.starts_with("Debian GNU/Linux 12 (bookworm), "), "{os}");
        assert!(os.ends_with(", kernel 6.1.0-18-amd64"), "{os}");
        let unknown = os_description(None, None);
        assert!(unknown.starts_with("unknown distribution, "), "{unknown}");
    }

    #[test]
    fn diagnostics_carry_every_version_and_the_library_size() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("library.sqlite3"),
            vec![0u8; 3 * 1024 * 1024],
        )
        .unwrap();
        let about = About::gather(dir.path(), "2.48.3".to_string(), None);
        let text = &about.diagnostics;
        assert!(text.contains(&format!("Parallax {}", env!("CARGO_PKG_VERSION"))));
        assert!(text.contains("WebKitGTK 2.48.3"));
        assert!(text.contains(&format!(
            "Library schema version {}",
            parallax_store::SCHEMA_VERSION
        )));
        assert!(text.contains("(3.0 MB)"), "{text}");
        assert!(!text.contains("Library error"));
        let broken = About::gather(dir.path(), "2.48.3".into(), Some("not a library".into()));
        assert!(broken.diagnostics.contains("Library error: not a library"));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(4300), "4.2 KB");
        assert_eq!(human_size(37 * 1024 * 1024), "37.0 MB");
    }
}
