//! Parallax desktop entry point: opens the library, registers the commands, starts the window.
//! Everything the app does lives in the engine, store, ingest and export crates; this crate only wires them to IPC.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg_attr(not(test), allow(dead_code))]
mod bindings;
mod commands;
mod error;
mod state;
mod views;

fn main() {
    let data_dir = parallax_store::default_data_dir();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let state = state::AppState::open(data_dir, now);
    tauri::Builder::default()
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::library_status,
            commands::list_articles,
            commands::list_stories,
            commands::list_outlets,
            commands::versions_of,
            commands::get_version,
            commands::search,
            commands::compare_versions,
        ])
        .run(tauri::generate_context!("../../tauri.conf.json"))
        .expect("error while running Parallax");
}
