//! Finding and opening the library file, refusing anything that is not ours to change:
//! another program's file, a newer schema, a read-only file, a file locked by another
//! writer. Nothing here writes to a file before it has been recognised as a Parallax
//! library (or as a new, empty one).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::Library;
use crate::error::{Error, Result, is_read_only};
use crate::migrate::{APPLICATION_ID, SCHEMA_VERSION, migrate, user_version};

/// The library's file name inside the data directory.
pub const LIBRARY_FILE_NAME: &str = "library.sqlite3";

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How to open a library.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another writer before giving up with [`Error::Locked`].
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// The data directory: `$PARALLAX_DATA_DIR` when set and not empty, else the platform's
/// data directory plus `parallax` (e.g. `~/.local/share/parallax` on Linux).
pub fn default_data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("PARALLAX_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("parallax"))
        .ok_or_else(|| Error::Io {
            path: PathBuf::from("(data directory)"),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "this system has no user data directory; set PARALLAX_DATA_DIR",
            ),
        })
}

impl Library {
    /// Opens the library in [`default_data_dir`] (`$PARALLAX_DATA_DIR` or the platform's).
    pub fn open_default() -> Result<Library> {
        Library::open_in_dir(&default_data_dir()?)
    }

    /// Opens (creating if needed) `dir/library.sqlite3`, creating `dir` first.
    pub fn open_in_dir(dir: &Path) -> Result<Library> {
        std::fs::create_dir_all(dir).map_err(|source| io_error(dir, source))?;
        Library::open(&dir.join(LIBRARY_FILE_NAME))
    }

    /// Opens the library at `path`, creating an empty one if the file does not exist.
    pub fn open(path: &Path) -> Result<Library> {
        Library::open_with(path, &OpenOptions::default())
    }

    /// Opens the library at `path` with explicit options. See the module doc for what is
    /// refused; in every refusal the file is left exactly as it was.
    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<Library> {
        let header = check_file(path)?;
        if header.is_some() && is_read_only(path) {
            // Not even a read-only SQLite connection: on a WAL library it would leave -wal
            // and -shm files behind. The header holds what we need to say why we refuse.
            return Err(refuse_read_only(path, &header.unwrap_or_default()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let sqlite = |e: rusqlite::Error| Error::from_sqlite_at(e, path);
        let mut conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
        conn.busy_timeout(options.busy_timeout).map_err(sqlite)?;

        // Two programs creating one new library race for its first locks, and SQLite answers
        // some of those races "busy" at once instead of waiting; every step below is safe to
        // repeat, so a busy answer is retried until the busy timeout.
        let started = std::time::Instant::now();
        loop {
            match set_up(&mut conn, path) {
                Err(Error::Locked { .. }) if started.elapsed() < options.busy_timeout => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                done => break done?,
            }
        }
        Ok(Library {
            conn,
            path: Some(path.to_path_buf()),
            in_batch: false,
            checked: false,
        })
    }

    /// An empty library in memory (tests, previews). Same schema and foreign keys.
    pub fn open_in_memory() -> Result<Library> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrate(&mut conn)?;
        Ok(Library {
            conn,
            path: None,
            in_batch: false,
            checked: true,
        })
    }
}

impl Library {
    /// Refuses to write into a file whose pages are damaged (a bad copy, a disk error): the
    /// header checks at open pass, and a write that only touches intact pages would succeed
    /// while the rest stays unreadable. SQLite's `quick_check` reads every page once, so it
    /// runs before a connection's first write, not at open: reading stays as fast as before
    /// and works on whatever is intact. A caller that shares the library behind a lock can run
    /// it beforehand without holding the lock ([`Library::page_check`]).
    pub(crate) fn check_pages(&self) -> Result<()> {
        match &self.path {
            Some(path) => quick_check(&self.conn, path),
            None => Ok(()),
        }
    }

    /// The page check this connection still owes before its first write, to be run apart
    /// ([`PageCheck::run`], on its own connection) and handed back with
    /// [`Library::pages_passed`]; `None` when it is done or the library is in memory. At
    /// 100,000 articles the check reads about a gigabyte, seconds that the app spends after
    /// its first screen instead of inside the first command that writes.
    pub fn page_check(&self) -> Option<PageCheck> {
        match (&self.path, self.checked) {
            (Some(path), false) => Some(PageCheck { path: path.clone() }),
            _ => None,
        }
    }

    /// Takes a passed page check of this library's file: later writes do not check again.
    /// A check of another file is ignored.
    pub fn pages_passed(&mut self, passed: PagesPassed) {
        if self.path.as_deref() == Some(passed.path.as_path()) {
            self.checked = true;
        }
    }
}

/// The check of every page of a library file, run on a read-only connection of its own.
#[derive(Debug, Clone)]
pub struct PageCheck {
    path: PathBuf,
}

/// Proof that a file's pages passed [`PageCheck::run`] (only a passed check makes one).
#[derive(Debug)]
pub struct PagesPassed {
    path: PathBuf,
}

impl PageCheck {
    /// Reads every page; a damaged file is [`Error::Damaged`], as the write it guards would be.
    pub fn run(self) -> Result<PagesPassed> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)
            .map_err(|e| Error::from_sqlite_at(e, &self.path))?;
        quick_check(&conn, &self.path)?;
        Ok(PagesPassed { path: self.path })
    }
}

fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let found: rusqlite::Result<String> = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0));
    let detail = match found {
        Ok(ok) if ok == "ok" => return Ok(()),
        Ok(problem) => problem,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            e.to_string()
        }
        Err(e) => return Err(Error::from_sqlite_at(e, path)),
    };
    Err(Error::Damaged {
        path: path.to_path_buf(),
        detail: crate::normalise::cap_chars(&detail.replace('\n', "; "), 200),
    })
}

/// Recognises the file, then switches it to WAL and migrates it (nothing is written before the
/// file is known to be a Parallax library or a new one).
fn set_up(conn: &mut Connection, path: &Path) -> Result<()> {
    let sqlite = |e: rusqlite::Error| Error::from_sqlite_at(e, path);
    // Recognise the file before anything writes to it.
    let found = inspect(conn).map_err(sqlite)?;
    if let Some(detail) = found.foreign {
        return Err(Error::NotALibrary {
            path: path.to_path_buf(),
            detail: detail.into(),
        });
    }
    if found.version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: found.version,
            supported: SCHEMA_VERSION,
        });
    }

    // WAL lets the reader view keep reading while an import writes.
    // (A file system without shared memory answers with another mode; that still works.)
    let _mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(sqlite)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sqlite)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sqlite)?;
    migrate(conn).map_err(sqlite)?;
    Ok(())
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    if source.kind() == std::io::ErrorKind::PermissionDenied {
        Error::ReadOnly {
            path: path.to_path_buf(),
        }
    } else {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The first bytes of an SQLite file: enough for the header fields we read.
const HEADER_LEN: usize = 100;

/// Checks what is at `path` without writing: `None` when no file exists, else the file's
/// header (empty for an empty file); refuses a folder or a non-SQLite file. An empty file
/// counts as a new library (SQLite does too).
fn check_file(path: &Path) -> Result<Option<Vec<u8>>> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            if let Some(parent) = parent
                && !parent.is_dir()
            {
                return Err(Error::Io {
                    path: parent.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "the folder does not exist",
                    ),
                });
            }
            return Ok(None);
        }
        Err(e) => return Err(io_error(path, e)),
    };
    if meta.is_dir() {
        return Err(Error::NotALibrary {
            path: path.to_path_buf(),
            detail: "it is a folder, not a file".into(),
        });
    }
    if meta.len() == 0 {
        return Ok(Some(Vec::new()));
    }
    let mut header = Vec::with_capacity(HEADER_LEN);
    std::fs::File::open(path)
        .and_then(|f| f.take(HEADER_LEN as u64).read_to_end(&mut header))
        .map_err(|e| io_error(path, e))?;
    if !header.starts_with(SQLITE_HEADER) {
        return Err(Error::NotALibrary {
            path: path.to_path_buf(),
            detail: describe_foreign(&header[..header.len().min(16)]).into(),
        });
    }
    Ok(Some(header))
}

/// A big-endian 32-bit header field (SQLite stores user_version at 60, application_id at 68).
fn header_field(header: &[u8], offset: usize) -> i64 {
    header
        .get(offset..offset + 4)
        .map(|b| i64::from(i32::from_be_bytes([b[0], b[1], b[2], b[3]])))
        .unwrap_or(0)
}

/// The error for a read-only file, from its header: another program's file or a newer
/// schema say so first, because "make it writable" would not help with those.
fn refuse_read_only(path: &Path, header: &[u8]) -> Error {
    let (version, app_id) = (header_field(header, 60), header_field(header, 68));
    let path = path.to_path_buf();
    if (app_id != 0 && app_id != APPLICATION_ID) || (app_id == 0 && version != 0) {
        Error::NotALibrary {
            path,
            detail: "it is another program's SQLite database".into(),
        }
    } else if version > SCHEMA_VERSION {
        Error::NewerSchema {
            path,
            found: version,
            supported: SCHEMA_VERSION,
        }
    } else {
        Error::ReadOnly { path }
    }
}

/// A short human description of a non-SQLite file from its first bytes.
fn describe_foreign(head: &[u8]) -> &'static str {
    if head.starts_with(b"\x89PNG") {
        "it looks like a PNG image"
    } else if head.starts_with(b"%PDF") {
        "it looks like a PDF document"
    } else if head.starts_with(b"PK\x03\x04") {
        "it looks like a ZIP archive"
    } else if std::str::from_utf8(head).is_ok() {
        "it looks like a text file, not an SQLite database"
    } else {
        "it is not an SQLite database"
    }
}

struct Inspection {
    version: i64,
    /// Why the file is someone else's database, if it is.
    foreign: Option<&'static str>,
}

/// Reads identity and schema version; touches nothing. The three reads share one read
/// transaction: read one by one, another program's first migration could commit between them,
/// and its tables would look like a stranger's database without our application id.
fn inspect(conn: &Connection) -> rusqlite::Result<Inspection> {
    let read = conn.unchecked_transaction()?;
    let app_id: i64 = read.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = user_version(&read)?;
    let objects: i64 = read.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
        [],
        |r| r.get(0),
    )?;
    read.commit()?;
    let foreign = if app_id != 0 && app_id != APPLICATION_ID {
        Some("it is another program's SQLite database")
    } else if app_id == 0 && (version != 0 || objects > 0) {
        Some("it is an SQLite database made by another program")
    } else {
        None
    };
    Ok(Inspection { version, foreign })
}
