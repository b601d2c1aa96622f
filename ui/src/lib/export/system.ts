//! The desktop side of exporting: Tauri's save dialog and opener plugins.
import { save } from "@tauri-apps/plugin-dialog";
import { openPath, revealItemInDir } from "@tauri-apps/plugin-opener";
import type { ExportFormat, ExportSystem } from "./export.svelte";

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  pdf: { name: "PDF document", extensions: ["pdf"] },
  html: { name: "Web page", extensions: ["html"] },
  md: { name: "Markdown", extensions: ["md"] },
  json: { name: "JSON", extensions: ["json"] },
};

/**
 * The end-to-end suite cannot click in GTK's native file chooser (WebDriver sees only the web page, and Tauri's
 * IPC entry point is read-only), so it sets this to answer the dialog; everything after the dialog runs for real.
 */
declare global {
  interface Window {
    __PARALLAX_E2E__?: { savePath?: string | null };
  }
}

export const tauriExportSystem: ExportSystem = {
  async save(defaultName, format) {
    const e2e = window.__PARALLAX_E2E__;
    const path = e2e && "savePath" in e2e ? e2e.savePath ?? null
      : await save({ defaultPath: defaultName, filters: [FILTERS[format]] });
    if (!path) return null;
    // GTK's dialog does not add the extension; the export picks its format from it.
    return path.toLowerCase().endsWith(`.${format}`) ? path : `${path}.${format}`;
  },
  open: (path) => openPath(path),
  reveal: (path) => revealItemInDir(path),
};
