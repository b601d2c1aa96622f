//! Writing exports to disk: whole file or nothing, and errors that say what to do.

use parallax_export::{Error, write_atomically};

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn writes_and_replaces_a_file_without_leaving_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.pdf");
    write_atomically(&target, b"first").unwrap();
    write_atomically(&target, b"second, longer").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"second, longer");
    assert_eq!(leftovers(dir.path()), vec!["out.pdf".to_string()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "an export is an ordinary readable document");
    }
}

#[test]
fn missing_folder_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-folder").join("out.pdf");
    let err = write_atomically(&target, b"data").unwrap_err();
    assert!(matches!(err, Error::MissingFolder(_)), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("no-such-folder") && msg.contains("does not exist"),
        "{msg}"
    );
    assert!(!target.exists());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_file_in_place_of_the_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    let err = write_atomically(&file.join("out.pdf"), b"data").unwrap_err();
    assert!(matches!(err, Error::NotAFolder(_)), "{err:?}");
    assert!(err.to_string().contains("is not a folder"));
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_folder_as_target_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_atomically(dir.path(), b"data").unwrap_err();
    assert!(matches!(err, Error::TargetIsFolder(_)), "{err:?}");
    assert!(err.to_string().contains("Give a file name"));
}

#[cfg(unix)]
#[test]
fn unwritable_folder_is_a_clear_error_and_leaves_no_partial_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permission bits; then a read-only folder cannot be simulated this way. Try the
    // pseudo-filesystem /proc instead, where nobody can create files.
    let probe = locked.join("probe");
    let target = if std::fs::write(&probe, b"").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        std::path::PathBuf::from("/proc/parallax-export-test.pdf")
    } else {
        locked.join("out.pdf")
    };
    let err = write_atomically(&target, b"data").unwrap_err();
    assert!(matches!(err, Error::Write { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("Could not write the export")
            && msg.contains("Choose a folder you can write to"),
        "{msg}"
    );
    assert!(!target.exists());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(
        leftovers(&locked).is_empty(),
        "no partial or temporary file"
    );
}
