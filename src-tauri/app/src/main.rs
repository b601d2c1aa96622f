//! Parallax desktop entry point: opens the library, registers the commands, starts the window.
//! Everything the app does lives in the engine, store, ingest and export crates; this crate only wires them to IPC.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod about;
#[cfg_attr(not(test), allow(dead_code))]
mod bindings;
mod collect;
mod commands;
mod compositing;
mod error;
mod exporting;
mod first_screen;
mod highlights;
mod poller;
mod shelf;
mod startup;
mod state;
mod story;
mod views;

fn main() {
    startup::mark("main");
    let data_dir = parallax_store::default_data_dir();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let state = state::AppState::open(data_dir, now);
    startup::mark("library open");
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .manage(state)
        .setup(|app| {
            startup::mark("window setup");
            draw_main_window(app);
            // The sample loads while WebKit starts; the first command that needs the library waits for it.
            let handle = tauri::Manager::app_handle(app).clone();
            std::thread::spawn(move || {
                tauri::Manager::state::<state::AppState>(&handle).load_sample();
                startup::mark("sample checked");
                shelf::after_start(&tauri::Manager::state::<state::AppState>(&handle));
            });
            let poller = poller::setup(app);
            startup::mark("setup done");
            poller
        })
        .on_page_load(|_, load| {
            if load.event() == tauri::webview::PageLoadEvent::Finished {
                startup::mark("page loaded");
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::library_status,
            commands::list_articles,
            commands::list_stories,
            commands::list_outlets,
            commands::versions_of,
            commands::get_version,
            commands::search,
            commands::compare_versions,
            commands::export_comparison,
            collect::import_paste,
            collect::import_file,
            collect::import_url,
            collect::check_for_updates,
            collect::list_feeds,
            collect::subscribe_feed,
            collect::poll_feed_now,
            collect::remove_feed,
            collect::create_story,
            collect::add_to_story,
            collect::remove_from_story,
            collect::story_suggestions,
            highlights::add_highlight,
            highlights::highlights_on,
            highlights::set_highlight_note,
            highlights::set_highlight_colour,
            highlights::delete_highlight,
            highlights::restore_highlight,
            highlights::list_highlights,
            highlights::highlight_notice,
            highlights::export_highlights,
            highlights::export_article,
            commands::about,
            collect::dismiss_suggestion,
            shelf::library_page,
            shelf::library_count,
            shelf::story_heads,
            shelf::mark_read,
            shelf::set_archived,
            shelf::trash_articles,
            shelf::restore_articles,
            shelf::trash_version,
            shelf::restore_version,
            shelf::empty_trash,
            shelf::rename_outlet,
            shelf::merge_outlets,
            shelf::undo_merge_outlets,
            shelf::rename_story,
            shelf::backup_library,
            commands::original_page,
            first_screen::first_screen,
            story::story_view,
            story::export_story,
        ])
        .build(tauri::generate_context!("../../tauri.conf.json"))
        .expect("error while starting Parallax")
        .run(poller::on_run_event);
}

/// Applies [`compositing::for_this_machine`] to the main window's webview (created from the config just before
/// `setup`; its page has not painted yet, the web process is still starting).
fn draw_main_window(app: &tauri::App) {
    let (drawing, reason) = compositing::for_this_machine();
    startup::note(&format!("drawing {drawing:?} ({reason:?})"));
    if drawing != compositing::Drawing::Direct {
        return;
    }
    let Some(window) = tauri::Manager::get_webview_window(app, "main") else {
        return;
    };
    #[cfg(target_os = "linux")]
    let applied = window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let applied: tauri::Result<()> = Ok(());
    if let Err(e) = applied {
        eprintln!("parallax: could not set how the window is drawn ({e}); WebKit's default stays");
    }
}
