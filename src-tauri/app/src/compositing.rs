//! Whether WebKit draws the window through its GL compositor. On a machine without a GPU render node
//! (`/dev/dri/renderD*`: virtual machines, containers, remote desktops) that GL runs on Mesa's software rasteriser,
//! and it was the largest single cost between launch and the first screen (issue 16: ~0.5 s of ~1.5 s). There the
//! window is drawn without compositing. Under WebDriver automation the default stays, because WebKitWebDriver's
//! screenshots stopped answering when compositing was off. Deciding is pure and tested here; applying the choice
//! to a webview is the shell's (`main.rs`).

use std::ffi::OsString;
use std::path::Path;

/// How the webview's pages are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawing {
    /// WebKit's own choice (GL compositing where it thinks it can).
    Default,
    /// No accelerated compositing: pages drawn on the CPU straight into the window.
    Direct,
}

/// Why [`choose`] picked what it did, for the start-up log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// `PARALLAX_COMPOSITING=on|off` said so.
    Asked,
    /// `WEBKIT_DISABLE_COMPOSITING_MODE` is set: WebKit applies it itself.
    WebKitVariable,
    /// tauri-driver launched the app (`TAURI_WEBVIEW_AUTOMATION=true`).
    Automation,
    /// A GPU render node exists, so GL compositing is hardware accelerated.
    RenderNode,
    /// No render node: GL would run in software.
    NoRenderNode,
}

/// Picks how to draw from the environment (`var` looks a variable up) and whether a render node exists.
/// `PARALLAX_COMPOSITING=on` keeps WebKit's default and `off` draws directly, whatever else holds (for measuring).
pub fn choose(var: impl Fn(&str) -> Option<OsString>, has_render_node: bool) -> (Drawing, Reason) {
    match var("PARALLAX_COMPOSITING")
        .as_deref()
        .and_then(|v| v.to_str())
    {
        Some("on") => return (Drawing::Default, Reason::Asked),
        Some("off") => return (Drawing::Direct, Reason::Asked),
        _ => {}
    }
    if var("WEBKIT_DISABLE_COMPOSITING_MODE").is_some() {
        return (Drawing::Default, Reason::WebKitVariable);
    }
    if var("TAURI_WEBVIEW_AUTOMATION").is_some_and(|v| v == "true") {
        return (Drawing::Default, Reason::Automation);
    }
    if has_render_node {
        (Drawing::Default, Reason::RenderNode)
    } else {
        (Drawing::Direct, Reason::NoRenderNode)
    }
}

/// Whether `dri` (normally `/dev/dri`) holds a render node (`renderD128`, …) this process may open.
pub fn has_render_node(dri: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry.file_name().to_string_lossy().starts_with("renderD")
            && std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(entry.path())
                .is_ok()
    })
}

/// The choice for this process.
pub fn for_this_machine() -> (Drawing, Reason) {
    choose(
        |name| std::env::var_os(name),
        has_render_node(Path::new("/dev/dri")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, OsString)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn software_gl_is_avoided_only_without_a_render_node() {
        assert_eq!(
            choose(env(&[]), false),
            (Drawing::Direct, Reason::NoRenderNode)
        );
        assert_eq!(
            choose(env(&[]), true),
            (Drawing::Default, Reason::RenderNode)
        );
    }

    #[test]
    fn webdriver_runs_keep_compositing_so_screenshots_answer() {
        let driven = env(&[("TAURI_WEBVIEW_AUTOMATION", "true")]);
        assert_eq!(
            choose(driven, false),
            (Drawing::Default, Reason::Automation)
        );
        // Only tauri-driver's exact value counts.
        let other = env(&[("TAURI_WEBVIEW_AUTOMATION", "false")]);
        assert_eq!(choose(other, false).0, Drawing::Direct);
    }

    #[test]
    fn an_explicit_choice_wins_and_webkits_own_variable_is_left_to_webkit() {
        let on = env(&[("PARALLAX_COMPOSITING", "on")]);
        assert_eq!(choose(on, false), (Drawing::Default, Reason::Asked));
        let off = env(&[
            ("PARALLAX_COMPOSITING", "off"),
            ("TAURI_WEBVIEW_AUTOMATION", "true"),
        ]);
        assert_eq!(choose(off, true), (Drawing::Direct, Reason::Asked));
        let webkit = env(&[("WEBKIT_DISABLE_COMPOSITING_MODE", "1")]);
        assert_eq!(
            choose(webkit, false),
            (Drawing::Default, Reason::WebKitVariable)
        );
        // Anything else in PARALLAX_COMPOSITING is ignored rather than guessed at.
        let odd = env(&[("PARALLAX_COMPOSITING", "maybe")]);
        assert_eq!(choose(odd, false), (Drawing::Direct, Reason::NoRenderNode));
    }

    #[test]
    fn render_nodes_are_found_by_name_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        assert!(
            !has_render_node(dir.path()),
            "a card node alone is not a render node"
        );
        std::fs::write(dir.path().join("renderD128"), b"").unwrap();
        assert!(has_render_node(dir.path()));
        assert!(!has_render_node(&dir.path().join("missing")));
    }
}
