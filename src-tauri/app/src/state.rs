//! The app's state: the library, opened once at start. When it cannot be opened the app still starts and every
//! command answers with the reason, so the window can explain it instead of crashing.

use std::path::PathBuf;
use std::sync::Mutex;

use parallax_store::{ErrorKind, Library};

use crate::error::{ErrorCode, IpcError, IpcResult};

pub struct AppState {
    pub data_dir: PathBuf,
    library: Result<Mutex<Library>, IpcError>,
}

impl AppState {
    /// Opens (creating if needed) the library in `data_dir` and loads the sample into an empty one.
    pub fn open(data_dir: Result<PathBuf, parallax_store::Error>, now: i64) -> Self {
        let (data_dir, library) = match data_dir {
            Ok(dir) => {
                let library = open_library(&dir, now).map(Mutex::new);
                (dir, library)
            }
            Err(e) => (PathBuf::new(), Err(store_error(e))),
        };
        if let Err(e) = &library {
            eprintln!("parallax: {}", e.message);
        }
        Self { data_dir, library }
    }

    pub fn open_error(&self) -> Option<IpcError> {
        self.library.as_ref().err().cloned()
    }

    /// Runs `f` with the library, mapping store errors to IPC errors.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Library) -> Result<T, parallax_store::Error>,
    ) -> IpcResult<T> {
        let lock = self.library.as_ref().map_err(Clone::clone)?;
        let mut library = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut library).map_err(store_error)
    }

    /// Like [`AppState::with`] for work that already speaks in IPC errors.
    pub fn with_ipc<T>(&self, f: impl FnOnce(&mut Library) -> IpcResult<T>) -> IpcResult<T> {
        let lock = self.library.as_ref().map_err(Clone::clone)?;
        let mut library = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut library)
    }
}

fn open_library(data_dir: &std::path::Path, now: i64) -> IpcResult<Library> {
    let mut library = Library::open_in_dir(data_dir).map_err(store_error)?;
    library.load_sample_if_empty(now).map_err(store_error)?;
    Ok(library)
}

pub fn store_error(e: parallax_store::Error) -> IpcError {
    let code = match e.kind() {
        ErrorKind::NotALibrary
        | ErrorKind::NewerSchema
        | ErrorKind::ReadOnly
        | ErrorKind::Locked => ErrorCode::LibraryUnavailable,
        ErrorKind::NotFound => ErrorCode::NotFound,
        ErrorKind::InvalidInput => ErrorCode::InvalidInput,
        _ => ErrorCode::Internal,
    };
    IpcError::new(code, e.to_string())
}
