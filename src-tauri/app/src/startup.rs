//! Start-up timing: with `PARALLAX_STARTUP_LOG=1` the app prints when each stage of its launch was reached (to
//! stderr, wall-clock milliseconds since the epoch), for `tests/perf/firstpaint.sh`. Off, it costs one lookup.

use std::sync::{Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PARALLAX_STARTUP_LOG").is_some_and(|v| v != "0"))
}

/// Records the first time `stage` is reached; later calls for the same stage print nothing.
pub fn mark(stage: &'static str) {
    if !enabled() {
        return;
    }
    static SEEN: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|p| p.into_inner());
    if seen.contains(&stage) {
        return;
    }
    seen.push(stage);
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    eprintln!("parallax startup: {stage} at {ms}");
}

/// Prints a fact about this launch (how the window is drawn) when the start-up log is on.
pub fn note(fact: &str) {
    if enabled() {
        eprintln!("parallax startup: {fact}");
    }
}
