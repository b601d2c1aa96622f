//! The app's state: the library, opened once at start. When it cannot be opened the app still starts and every
//! command answers with the reason, so the window can explain it instead of crashing. The sample library is
//! loaded into an empty library once, off the start path: a background thread starts it while the window opens,
//! and a command that needs the library before it is done waits for it (never loads it twice).

use std::path::PathBuf;
use std::sync::{Mutex, Once, OnceLock};

use parallax_store::{ErrorKind, Library};

use crate::error::{ErrorCode, IpcError, IpcResult};

pub struct AppState {
    pub data_dir: PathBuf,
    library: Result<Mutex<Library>, IpcError>,
    now: i64,
    sample: Once,
    /// Why the sample could not be loaded (a read-only or full disk): the library is then unusable too.
    sample_error: OnceLock<IpcError>,
}

impl AppState {
    /// Opens (creating if needed) the library in `data_dir`; the sample is loaded later, see [`AppState::load_sample`].
    pub fn open(data_dir: Result<PathBuf, parallax_store::Error>, now: i64) -> Self {
        let (data_dir, library) = match data_dir {
            Ok(dir) => {
                let library = Library::open_in_dir(&dir)
                    .map(Mutex::new)
                    .map_err(store_error);
                (dir, library)
            }
            Err(e) => (PathBuf::new(), Err(store_error(e))),
        };
        if let Err(e) = &library {
            eprintln!("parallax: {}", e.message);
        }
        Self {
            data_dir,
            library,
            now,
            sample: Once::new(),
            sample_error: OnceLock::new(),
        }
    }

    /// Loads the sample into an empty library, once; callers arriving while it runs wait for it.
    pub fn load_sample(&self) {
        self.sample.call_once(|| {
            let Ok(lock) = &self.library else { return };
            let mut library = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Err(e) = library.load_sample_if_empty(self.now) {
                let e = store_error(e);
                eprintln!("parallax: {}", e.message);
                let _ = self.sample_error.set(e);
            }
        });
    }

    /// Runs the check of every page that the library owes before its first write on a connection of its own, so the
    /// library stays free for commands meanwhile (seconds at 100,000 articles). When it fails, nothing is recorded and
    /// the first write checks again and reports the damage.
    pub fn check_pages_apart(&self) {
        let Ok(Some(check)) = self.with(|lib| Ok(lib.page_check())) else {
            return;
        };
        match check.run() {
            Ok(passed) => {
                let _ = self.with(|lib| {
                    lib.pages_passed(passed);
                    Ok(())
                });
            }
            Err(e) => eprintln!("parallax: {e}"),
        }
    }

    /// Why the library could not be opened, without waiting for the sample (the start-up hook asks this).
    pub fn open_error(&self) -> Option<IpcError> {
        self.library.as_ref().err().cloned()
    }

    /// Why the library cannot be used, once the sample is in: what the window's status banner shows.
    pub fn status_error(&self) -> Option<IpcError> {
        self.load_sample();
        self.open_error()
            .or_else(|| self.sample_error.get().cloned())
    }

    fn lock(&self) -> IpcResult<std::sync::MutexGuard<'_, Library>> {
        self.load_sample();
        if let Some(e) = self.sample_error.get() {
            return Err(e.clone());
        }
        let lock = self.library.as_ref().map_err(Clone::clone)?;
        Ok(lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Runs `f` with the library, mapping store errors to IPC errors.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Library) -> Result<T, parallax_store::Error>,
    ) -> IpcResult<T> {
        f(&mut *self.lock()?).map_err(store_error)
    }

    /// Like [`AppState::with`] for work that already speaks in IPC errors.
    pub fn with_ipc<T>(&self, f: impl FnOnce(&mut Library) -> IpcResult<T>) -> IpcResult<T> {
        f(&mut *self.lock()?)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_loads_once_and_only_when_the_library_is_first_used() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(Ok(dir.path().to_path_buf()), 1_700_000_000);
        // Opening did not load it: the start path stays short.
        let opened = Library::open_in_dir(dir.path()).unwrap();
        assert!(opened.list_articles().unwrap().is_empty());
        drop(opened);
        // Two threads asking at once (the background loader and the window's first command) load it once.
        std::thread::scope(|s| {
            s.spawn(|| state.load_sample());
            s.spawn(|| state.load_sample());
        });
        let articles = state.with(|lib| lib.list_articles()).unwrap();
        assert!(
            articles.len() >= 4,
            "the sample's articles: {}",
            articles.len()
        );
        assert_eq!(state.status_error().map(|e| e.message), None);
        // A later launch on the same folder finds it there and adds nothing, without the page check a write owes
        // (which the upkeep thread runs apart, leaving none owed).
        let again = AppState::open(Ok(dir.path().to_path_buf()), 1_700_000_500);
        assert_eq!(
            again.with(|lib| lib.list_articles()).unwrap().len(),
            articles.len()
        );
        assert!(again.with(|lib| Ok(lib.page_check().is_some())).unwrap());
        again.check_pages_apart();
        assert!(again.with(|lib| Ok(lib.page_check().is_none())).unwrap());
    }
}
