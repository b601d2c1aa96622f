//! "View original page": the kept page of a version, fetched on demand and wrapped for a sandboxed frame.
import { backend, errorMessage } from "../backend";
import type { VersionInfo } from "../gen/bindings";

/** Whether a version can have a kept page: fetched pages and HTML files do; pasted text, Markdown and text never. */
export function mayHaveOriginal(info: Pick<VersionInfo, "sourceKind" | "sourceRef">): boolean {
  if (info.sourceKind === "url" || info.sourceKind === "feed") return true;
  if (info.sourceKind !== "file") return false;
  return /\.html?$/i.test(info.sourceRef ?? "");
}

/** A policy inside the frame too, so even a sanitiser slip loads nothing and runs nothing. */
export const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/** The frame's whole document: the app's sanitised page behind its own no-load, no-script policy. */
export function frameDocument(sanitised: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}">` +
    `<style>body{font:16px/1.5 serif;max-width:46rem;margin:1rem auto;padding:0 1rem;color:#222;background:#fff}` +
    `a{color:#1a4f8b}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 4px}</style>` +
    `</head><body>${sanitised}</body></html>`
  );
}

export class OriginalPageState {
  open = $state(false);
  loading = $state(false);
  document = $state<string | null>(null);
  error = $state<string | null>(null);
  #asked = 0;

  /** Opens the panel and loads the kept page of `versionId`; a version without one shows why. */
  async show(versionId: number) {
    const ask = ++this.#asked;
    this.open = true;
    this.loading = true;
    this.document = null;
    this.error = null;
    try {
      const page = await backend().originalPage(versionId);
      if (ask === this.#asked) this.document = frameDocument(page);
    } catch (e) {
      if (ask === this.#asked) this.error = errorMessage(e);
    } finally {
      if (ask === this.#asked) this.loading = false;
    }
  }

  close() {
    this.#asked++;
    this.open = false;
    this.loading = false;
    this.document = null;
    this.error = null;
  }
}
