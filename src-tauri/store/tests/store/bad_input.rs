//! Issue 2 "Bad input": a library file that is not SQLite, from a newer schema, read-only
//! or locked gives a typed error with a clear message, and the file is never changed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use parallax_store::{Error, ErrorKind, Library, OpenOptions, SCHEMA_VERSION};
use rusqlite::Connection;

fn quick() -> OpenOptions {
    OpenOptions {
        busy_timeout: Duration::from_millis(150),
    }
}

/// The file's length and a hash of its bytes, plus whether SQLite side files exist:
/// "never overwritten" means all of these are the same after a refused open.
fn snapshot(path: &Path) -> (usize, u64, bool, bool) {
    use std::hash::{Hash, Hasher};
    let side = |ext: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        PathBuf::from(p).exists()
    };
    let bytes = std::fs::read(path).unwrap();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    (bytes.len(), h.finish(), side("-wal"), side("-shm"))
}

fn refused(path: &Path, kind: ErrorKind) -> Error {
    let before = snapshot(path);
    let err = match Library::open_with(path, &quick()) {
        Ok(_) => panic!("{} should be refused with {kind:?}", path.display()),
        Err(e) => e,
    };
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(
        snapshot(path),
        before,
        "a refused open must leave the file untouched"
    );
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "the message names the file: {err}"
    );
    err
}

#[test]
fn a_text_file_is_not_a_library() {
    // A user pointing PARALLAX_DATA_DIR at the wrong folder must not have a file turned into
    // a database.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    std::fs::write(&path, "Shopping list\n- milk\n- bread\n").unwrap();
    let err = refused(&path, ErrorKind::NotALibrary);
    assert!(err.to_string().contains("text file"), "{err}");
    assert!(err.to_string().contains("has not changed it"), "{err}");
}

#[test]
fn an_image_is_not_a_library() {
    // Binary files get a recognisable description, not "file is not a database".
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let err = refused(&path, ErrorKind::NotALibrary);
    assert!(err.to_string().contains("PNG"), "{err}");
}

#[test]
fn a_short_garbage_file_is_not_a_library() {
    // Shorter than the SQLite header: still refused, not treated as empty.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    std::fs::write(&path, [0xffu8, 0x00, 0x13]).unwrap();
    refused(&path, ErrorKind::NotALibrary);
}

#[test]
fn a_damaged_library_is_refused_untouched() {
    // A file with an SQLite header but garbage pages (a bad copy, a disk error) must not be
    // "repaired" by writing a fresh schema over it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(&path, &bytes).unwrap();
    let err = refused(&path, ErrorKind::NotALibrary);
    assert!(err.to_string().contains("has not changed it"), "{err}");
}

#[test]
fn another_programs_sqlite_database_is_not_migrated() {
    // Adding our tables to someone else's database would corrupt their data model.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        .unwrap();
    drop(conn);
    let err = refused(&path, ErrorKind::NotALibrary);
    assert!(err.to_string().contains("another program"), "{err}");
}

#[test]
fn a_newer_schema_is_refused_and_untouched() {
    // Opening a library from a newer Parallax with an older one must not "migrate" it down
    // or write to it; the user updates instead.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut lib = Library::open(&path).unwrap();
    lib.load_sample_if_empty(1).unwrap();
    drop(lib);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 3)
        .unwrap();
    drop(conn); // the last connection checkpoints the WAL and removes the side files
    let err = refused(&path, ErrorKind::NewerSchema);
    match err {
        Error::NewerSchema {
            found, supported, ..
        } => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 3, SCHEMA_VERSION));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_read_only_file_is_refused_with_its_own_kind() {
    // Permission bits are checked by the store itself, so the refusal also holds for root
    // (which SQLite would let write) and the user's wish for a read-only file is respected.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut lib = Library::open(&path).unwrap();
    lib.load_sample_if_empty(1).unwrap();
    drop(lib);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms.clone()).unwrap();
    let err = refused(&path, ErrorKind::ReadOnly);
    assert!(
        err.to_string().contains("writable"),
        "the message says what to do: {err}"
    );
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).unwrap();
    assert!(
        Library::open(&path).is_ok(),
        "writable again: opens normally"
    );
}

#[test]
fn a_read_only_newer_library_reports_the_schema_first() {
    // Both problems at once: "update Parallax" is the more useful message.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    drop(Library::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    refused(&path, ErrorKind::NewerSchema);
}

#[test]
fn a_library_locked_by_another_writer_is_refused() {
    // Two Parallax instances (or the CLI and the app) must not both write; the second one
    // says so instead of hanging or failing obscurely.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    drop(Library::open(&path).unwrap());
    let holder = Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN EXCLUSIVE; INSERT INTO meta VALUES ('held', 'yes');")
        .unwrap();

    let err = Library::open_with(&path, &quick())
        .err()
        .expect("locked library must be refused");
    assert_eq!(err.kind(), ErrorKind::Locked, "{err}");
    assert!(err.to_string().contains("Close the other one"), "{err}");

    holder.execute_batch("ROLLBACK").unwrap();
    assert!(
        Library::open_with(&path, &quick()).is_ok(),
        "free again once the other writer is done"
    );
}

#[test]
fn a_write_while_another_writer_holds_the_lock_is_locked_not_a_crash() {
    // The lock can also be taken after we opened (e.g. the CLI importing while the app runs).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut lib = Library::open_with(&path, &quick()).unwrap();
    let holder = Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN EXCLUSIVE; INSERT INTO meta VALUES ('held', 'yes');")
        .unwrap();
    let err = lib.set_meta("k", "v").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Locked, "{err}");
    // Reads still work in WAL mode while another connection writes.
    assert!(lib.list_articles().unwrap().is_empty());
    holder.execute_batch("ROLLBACK").unwrap();
    lib.set_meta("k", "v").unwrap();
}

#[test]
fn folders_and_missing_folders_are_clear_errors() {
    // A path that is a folder, or whose folder is missing, is a setup mistake to explain.
    let dir = tempfile::tempdir().unwrap();
    let err = Library::open(dir.path()).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::NotALibrary, "{err}");
    let err = Library::open(&dir.path().join("missing/library.sqlite3"))
        .err()
        .unwrap();
    assert_eq!(err.kind(), ErrorKind::Io, "{err}");
    assert!(
        !dir.path().join("missing").exists(),
        "open() does not create folders"
    );
}

#[test]
fn an_empty_file_becomes_a_new_library() {
    // A zero-byte file holds no data (SQLite treats it as a new database); refusing it would
    // strand users whose first launch was interrupted.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), SCHEMA_VERSION);
}

/// Runs this test binary's `data_dir_probe` in a child with the given environment and
/// returns the data dir it resolved (the env is process-wide, and edition 2024 makes
/// `set_var` unsafe, which the crate forbids).
fn data_dir_in_child(env: Option<&str>) -> PathBuf {
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "bad_input::data_dir_probe",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("PARALLAX_STORE_DATA_DIR_PROBE", "1");
    match env {
        Some(v) => cmd.env("PARALLAX_DATA_DIR", v),
        None => cmd.env_remove("PARALLAX_DATA_DIR"),
    };
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("DATA_DIR=").map(|(_, dir)| dir))
        .expect("probe output");
    PathBuf::from(line)
}

#[test]
fn data_dir_probe() {
    // Helper for the test below; does nothing unless run as its child.
    if std::env::var_os("PARALLAX_STORE_DATA_DIR_PROBE").is_some() {
        println!(
            "DATA_DIR={}",
            parallax_store::default_data_dir().unwrap().display()
        );
    }
}

#[test]
fn data_dir_honours_the_environment() {
    // The tests and the E2E suite point the app at a temp folder with PARALLAX_DATA_DIR;
    // without it the library goes to the platform data dir.
    assert_eq!(
        data_dir_in_child(Some("/tmp/parallax-probe-dir")),
        PathBuf::from("/tmp/parallax-probe-dir")
    );
    let fallback = data_dir_in_child(None);
    assert!(fallback.ends_with("parallax"), "{}", fallback.display());
    assert_eq!(
        data_dir_in_child(Some("")),
        fallback,
        "an empty variable counts as unset"
    );
}

/// One more write into a damaged library is refused as damaged, and the file stays as it was.
fn refuses_a_write_untouched(mut lib: Library, path: &Path, before: (usize, u64, bool, bool)) {
    use crate::common::{article, text};
    let err = lib
        .add_article(
            &article("Quay Gazette", None),
            &text("Another", &["Words."], 9_001),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Damaged { .. }), "{err}");
    drop(lib);
    let after = snapshot(path);
    assert_eq!(
        (after.0, after.1),
        (before.0, before.1),
        "the file was changed"
    );
}

/// A library of 150 articles whose pages two thirds into the file are overwritten (header
/// intact), as a bad copy or a failing disk leaves it.
fn damaged_library(dir: &Path) -> PathBuf {
    use crate::common::{article, text};
    let path = dir.join("library.sqlite3");
    {
        let mut lib = Library::open(&path).unwrap();
        for k in 0..150 {
            let body = format!("Harbour council item {k}: the ferry pier plan number {k} passed. ")
                .repeat(12);
            lib.add_article(
                &article("Quay Gazette", Some(&format!("https://quay.example/{k}"))),
                &text(&format!("Pier plan {k}"), &[&body], 1_000 + k),
            )
            .unwrap();
        }
    }
    let len = std::fs::metadata(&path).unwrap().len();
    let pages = len / 4096;
    assert!(pages > 40, "the library is {len} bytes");
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        for p in pages * 2 / 3..pages * 2 / 3 + 4 {
            f.seek(SeekFrom::Start(p * 4096 + 100)).unwrap();
            f.write_all(&[0xA5; 2000]).unwrap();
        }
    }
    path
}

#[test]
fn a_library_with_damaged_pages_is_read_but_never_written() {
    // Issue 15 (F15): pages overwritten in the middle of the file, header intact. The open
    // succeeds (what is intact stays readable); the first write is refused and the file kept.
    use crate::common::{article, text};
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_library(dir.path());
    let before = snapshot(&path);
    let mut lib = Library::open_with(&path, &quick()).expect("a damaged library opens for reading");
    let err = lib
        .add_article(
            &article("Quay Gazette", Some("https://quay.example/new")),
            &text(
                "New pier plan",
                &["The council met again on Friday."],
                9_000,
            ),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Damaged { .. }), "{err}");
    assert_eq!(err.kind(), ErrorKind::Database);
    let msg = err.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(
        msg.contains("will not save") && msg.contains("parallax backup"),
        "{msg}"
    );
    // Every later write is refused the same way.
    refuses_a_write_untouched(lib, &path, before);
}

#[test]
fn asking_for_the_sample_reads_without_checking_every_page() {
    // Issue 11: the app asks at every launch; at 100,000 articles a page check costs seconds
    // before the first rows. The question is answered by reading, so even a damaged library
    // answers it (and still refuses the write that follows).
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_library(dir.path());
    let before = snapshot(&path);
    let mut lib = Library::open_with(&path, &quick()).unwrap();
    assert_eq!(
        lib.load_sample_if_empty(9_000).unwrap(),
        parallax_store::SampleOutcome::NotEmpty
    );
    assert!(lib.page_check().is_some(), "the check is still owed");
    refuses_a_write_untouched(lib, &path, before);
}

#[test]
fn the_page_check_runs_apart_from_the_library_and_finds_the_same_damage() {
    use crate::common::{article, text};
    // Damaged: the check run on its own connection fails as the write would, and handing
    // nothing back leaves every write refused.
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_library(dir.path());
    let mut lib = Library::open_with(&path, &quick()).unwrap();
    let check = lib.page_check().expect("not checked yet");
    let err = check.run().unwrap_err();
    assert!(matches!(err, Error::Damaged { .. }), "{err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert!(matches!(
        lib.add_article(
            &article("Quay Gazette", None),
            &text("New", &["Words."], 9_001)
        ),
        Err(Error::Damaged { .. })
    ));

    // Intact: a passed check is taken, so none is owed and writes go ahead; the library
    // stays usable (its own connection was never closed) while the check runs.
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open_in_dir(dir.path()).unwrap();
    lib.load_sample_if_empty(9_000).unwrap();
    drop(lib);
    let mut lib = Library::open_in_dir(dir.path()).unwrap();
    let check = lib.page_check().expect("a new connection owes the check");
    let running = std::thread::spawn(move || check.run());
    assert!(!lib.list_articles().unwrap().is_empty());
    lib.pages_passed(running.join().unwrap().unwrap());
    assert!(lib.page_check().is_none());
    lib.add_article(
        &article("Quay Gazette", None),
        &text("New", &["Words."], 9_001),
    )
    .unwrap();

    // A passed check of another file does not count for this one.
    let other = tempfile::tempdir().unwrap();
    let passed = Library::open_in_dir(other.path())
        .unwrap()
        .page_check()
        .unwrap()
        .run()
        .unwrap();
    let mut fresh = Library::open_in_dir(dir.path()).unwrap();
    fresh.pages_passed(passed);
    assert!(fresh.page_check().is_some());
    assert!(Library::open_in_memory().unwrap().page_check().is_none());
}

#[test]
fn an_intact_library_is_checked_once_and_written() {
    use crate::common::{article, text};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut lib = Library::open(&path).unwrap();
    for k in 0..3 {
        lib.add_article(
            &article("Quay Gazette", None),
            &text(&format!("Plan {k}"), &[&format!("The plan {k} passed.")], k),
        )
        .unwrap();
    }
    assert_eq!(lib.list_articles().unwrap().len(), 3);
}

#[test]
fn programs_racing_to_create_one_library_all_open_it() {
    // Issue 15 (F17): two imports started at once on a new data folder; one used to be told
    // the library was in use.
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        let opened: Vec<Result<(), String>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| Library::open(&path).map(drop).map_err(|e| e.to_string())))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for r in opened {
            assert!(r.is_ok(), "round {round}: {r:?}");
        }
        assert_eq!(
            Library::open(&path).unwrap().list_articles().unwrap().len(),
            0
        );
    }
}
