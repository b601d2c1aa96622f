//! A consistent single-file copy of the open library, made with SQLite's online backup while
//! the library stays in use (other readers and the one writer carry on between steps). The
//! copy is an ordinary library: `Library::open` on it works. Choosing where it goes is the caller's.

use std::path::Path;
use std::time::Duration;

use crate::Library;
use crate::error::{Error, Result};

/// Pages copied per backup step; between steps the library is free for other work.
const PAGES_PER_STEP: std::ffi::c_int = 256;

impl Library {
    /// Writes a copy of the library to `out`, which must not exist yet (a backup never
    /// overwrites a file, least of all the library itself). Returns the copy's size in bytes.
    pub fn backup_to(&self, out: &Path) -> Result<u64> {
        if out.exists() {
            return Err(Error::InvalidInput(format!(
                "{} already exists; choose a new file name for the backup.",
                out.display()
            )));
        }
        let io = |source| Error::Io {
            path: out.to_path_buf(),
            source,
        };
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
        {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the folder does not exist",
            )));
        }
        let tmp = out.with_extension("partial");
        let result = (|| -> rusqlite::Result<()> {
            let mut dst = rusqlite::Connection::open(&tmp)?;
            {
                let backup = rusqlite::backup::Backup::new(&self.conn, &mut dst)?;
                backup.run_to_completion(PAGES_PER_STEP, Duration::from_millis(5), None)?;
            }
            // One self-contained file: no -wal beside it.
            dst.pragma_update(None, "journal_mode", "DELETE")?;
            Ok(())
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::from_sqlite_at(e, out));
        }
        std::fs::rename(&tmp, out).map_err(io)?;
        Ok(std::fs::metadata(out).map_err(io)?.len())
    }
}
