//! Writing an export to disk so that a reader never sees half a file: write a temporary file in the target
//! folder, flush it, then rename it over the target. Only regular files are written: a symbolic link is
//! followed to the file it names (the link stays), and a device, pipe or socket is refused rather than
//! replaced. Choosing the path (dialogs, overwrite prompts) is the caller's.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Write `bytes` to `path` atomically: either the whole new file is there afterwards, or the old state is
/// untouched (no partial file, no leftover temporary file).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let resolved = follow_links(path);
    let path = resolved.as_path();
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_dir()
        && !meta.is_file()
    {
        return Err(Error::NotARegularFile(path.to_path_buf()));
    }
    if path.is_dir() {
        return Err(Error::TargetIsFolder(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match std::fs::metadata(&folder) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // A parent that is a file also reports NotFound on some paths; tell the two apart.
            return Err(match first_existing_ancestor(&folder) {
                Some(a) if !a.is_dir() => Error::NotAFolder(a),
                _ => Error::MissingFolder(folder),
            });
        }
        Err(e) if e.raw_os_error() == Some(20) => {
            // ENOTDIR: some component of the folder path is a file.
            return Err(Error::NotAFolder(
                first_existing_ancestor(&folder).unwrap_or(folder),
            ));
        }
        Err(source) => return Err(Error::Write { folder, source }),
        Ok(m) if !m.is_dir() => return Err(Error::NotAFolder(folder)),
        Ok(_) => {}
    }
    let write_err = |source| Error::Write {
        folder: folder.clone(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".parallax-export-").suffix(".part");
    // Temporary files are private (0600) by default; an export is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(&folder).map_err(write_err)?;
    tmp.write_all(bytes).map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    // On failure the NamedTempFile inside the error is dropped, which deletes the temporary file.
    tmp.persist(path).map_err(|e| write_err(e.error))?;
    Ok(())
}

/// Where writing `path` really goes: the final target of a chain of symbolic links (a dangling
/// link names the file to create), or `path` itself. Renaming over the link would replace it.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // A bound, like the kernel's, so a link loop ends.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(to) => {
                    p = match p.parent() {
                        Some(dir) if to.is_relative() => dir.join(to),
                        _ => to,
                    };
                }
                Err(_) => return p,
            },
            _ => return p,
        }
    }
    p
}

fn first_existing_ancestor(p: &Path) -> Option<std::path::PathBuf> {
    p.ancestors()
        .find(|a| !a.as_os_str().is_empty() && std::fs::symlink_metadata(a).is_ok())
        .map(Path::to_path_buf)
}
