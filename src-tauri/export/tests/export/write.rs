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

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_followed_and_stays_a_link() {
    // Renaming over the link would replace it with a file and leave its target stale.
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.html");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink("real.html", &link).unwrap();
    write_atomically(&link, b"new").unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&real).unwrap(), b"new");
    // A dangling link names the file to create.
    let dangling = dir.path().join("later.html");
    std::os::unix::fs::symlink("made.html", &dangling).unwrap();
    write_atomically(&dangling, b"made").unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("made.html")).unwrap(),
        b"made"
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_or_device_is_refused_not_replaced() {
    // As root, renaming over /dev/full replaced the device node with a JSON file.
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let err = write_atomically(&fifo, b"{}").unwrap_err();
    assert!(matches!(err, Error::NotARegularFile(_)), "{err:?}");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // Through a link too.
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    assert!(matches!(
        write_atomically(&link, b"{}"),
        Err(Error::NotARegularFile(_))
    ));
    assert_eq!(leftovers(dir.path()).len(), 2);
}
