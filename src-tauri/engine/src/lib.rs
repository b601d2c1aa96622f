//! The comparison engine: text → sentences → alignment → word diff → claim labels → [`Comparison`].
//! Pure: no I/O, no clock, no Tauri. Callers (CLI, app, export) read files and render results.

mod comparison;

pub use comparison::*;
