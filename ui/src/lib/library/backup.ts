//! "Back up library…": asks where (Tauri's save dialog; the end-to-end suite answers it through
//! `window.__PARALLAX_E2E__.savePath`, as for exports) and has the store write a copy while the app runs.
import { save } from "@tauri-apps/plugin-dialog";
import { backend } from "../backend";

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Returns a sentence for the reader, or null when the dialog was cancelled. Rejects with the store's message. */
export async function backUpLibrary(): Promise<string | null> {
  const e2e = window.__PARALLAX_E2E__;
  const path = e2e && "savePath" in e2e ? e2e.savePath ?? null
    : await save({ defaultPath: `parallax-library-${today()}.sqlite3`, filters: [{ name: "Parallax library", extensions: ["sqlite3"] }] });
  if (!path) return null;
  const bytes = await backend().backupLibrary(path);
  return `Backed up the library to ${path} (${(bytes / 1e6).toFixed(1)} MB). Open it by pointing PARALLAX_DATA_DIR at a folder holding it as library.sqlite3.`;
}
