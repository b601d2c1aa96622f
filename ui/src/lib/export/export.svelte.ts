//! Export of the open comparison: pick a file (save dialog), export, then offer "Open" and "Show in folder".
//! The dialog and the opener are injected so the flow is testable without Tauri.
import type { Exported, Layout, Mode } from "../gen/bindings";
import { backend, errorMessage } from "../backend";

export type ExportFormat = "pdf" | "html" | "md" | "json";

export interface ExportSystem {
  /** Asks where to save; resolves null when the user cancels. */
  save(defaultName: string, format: ExportFormat): Promise<string | null>;
  open(path: string): Promise<void>;
  reveal(path: string): Promise<void>;
}

export interface ExportTarget {
  left: number;
  right: number;
  mode: Mode | null;
  title: string;
}

/** A file name for the export, safe on every platform. */
export function suggestedName(title: string, format: ExportFormat): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .toLowerCase();
  return `${base || "comparison"}.${format}`;
}

export class ExportState {
  format = $state<ExportFormat>("pdf");
  layout = $state<Layout>("side-by-side");
  /** Between two accounts, keep the full word redline (else only claims are marked); the panel starts it from
   * what the compare view shows. Revisions always carry their word redline. */
  wordRedline = $state(false);
  busy = $state(false);
  done = $state<Exported | null>(null);
  error = $state<string | null>(null);

  constructor(private system: ExportSystem) {}

  async run(target: ExportTarget, substantiveOnly: boolean): Promise<void> {
    await this.exportTo(suggestedName(target.title, this.format), (path) =>
      backend().exportComparison(
        target.left,
        target.right,
        target.mode,
        { layout: this.layout, substantiveOnly, wordRedline: this.wordRedline },
        path,
      ),
    );
  }

  /** Asks where to save (suggesting `defaultName`), then lets `write` export there; shared by every export. */
  async exportTo(defaultName: string, write: (path: string) => Promise<Exported>): Promise<void> {
    this.error = null;
    this.done = null;
    const path = await this.system.save(defaultName, this.format);
    if (!path) return;
    this.busy = true;
    try {
      this.done = await write(path);
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  async open() {
    if (this.done) await this.system.open(this.done.path).catch((e) => (this.error = errorMessage(e)));
  }

  async reveal() {
    if (this.done) await this.system.reveal(this.done.path).catch((e) => (this.error = errorMessage(e)));
  }
}
