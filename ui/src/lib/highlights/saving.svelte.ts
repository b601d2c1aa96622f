//! Saving a highlights export or a reading PDF: ask where (the injected save dialog), write through the
//! backend, report the file or the error. Shared by the reader's "Export PDF…" and the Highlights view.
import type { Exported } from "../gen/bindings";
import { errorMessage } from "../backend";
import { suggestedName, type ExportFormat, type ExportSystem } from "../export/export.svelte";

export class Saving {
  busy = $state(false);
  done = $state<Exported | null>(null);
  error = $state<string | null>(null);

  constructor(private system: ExportSystem) {}

  /** Asks for a path named after `title`, then runs `write(path)`; a cancelled dialog does nothing. */
  async run(title: string, format: ExportFormat, write: (path: string) => Promise<Exported>) {
    this.error = null;
    this.done = null;
    const path = await this.system.save(suggestedName(title, format), format);
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
}
