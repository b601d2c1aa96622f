//! Collecting state shared by the import panel, the feeds panel and the library: the running file batch with its
//! per-file results, the feeds list, and a change counter the library watches to reload after anything came in.
//! Talks to the Backend only; the Tauri-only parts (file dialog, drag-drop, feed events) live in tauri-hooks.ts.
import type { Feed, FeedEvent, ImportResult } from "../gen/bindings";
import { backend, errorMessage } from "../backend";
import { resultLine, type ResultLine } from "./words";

export type Toast = { id: number; text: string; compare?: { left: number; right: number }; articleId?: number };

export class CollectState {
  /** Bumped whenever something may have been added; views that list articles reload on change. */
  changes = $state(0);
  panel = $state<"import" | "feeds" | null>(null);

  /** The file/URL batch: what is queued, which one runs, and a line per finished input. */
  total = $state(0);
  done = $state(0);
  current = $state<string | null>(null);
  lines = $state<ResultLine[]>([]);
  /** What the running or last batch holds, for its summary line. */
  noun = $state<"file" | "page">("file");

  feeds = $state<Feed[]>([]);
  feedsError = $state<string | null>(null);
  toasts = $state<Toast[]>([]);
  private toastSeq = 0;
  private queue: Promise<void> = Promise.resolve();

  get busy(): boolean {
    return this.current !== null;
  }

  get failed(): number {
    return this.lines.filter((l) => !l.ok).length;
  }

  /** Imports files one by one (so each shows progress and its own result). Batches queue behind each other. */
  importFiles(paths: string[]): Promise<void> {
    return this.run(paths, "file", (p) => backend().importFile(p, null));
  }

  /** Imports web pages one by one, like files. */
  importUrls(urls: string[]): Promise<void> {
    return this.run(urls, "page", (u) => backend().importUrl(u, null));
  }

  /** "Import anyway" on a line refused as having no article: stores the page's visible text, and the line says so. */
  importAnyway(index: number): Promise<void> {
    this.queue = this.queue.then(async () => {
      const input = this.lines[index]?.anyway;
      if (input === undefined) return;
      this.current = input;
      let result: ImportResult;
      try {
        result = await (this.noun === "page" ? backend().importUrl(input, true) : backend().importFile(input, true));
      } catch (e) {
        result = { source: input, imported: null, error: { code: "library", message: errorMessage(e) } };
      }
      const line = resultLine(result);
      delete line.anyway; // already tried: a second refusal is final
      this.lines = this.lines.map((l, i) => (i === index ? line : l));
      if (result.imported) this.changes += 1;
      this.current = null;
    });
    return this.queue;
  }

  private run(inputs: string[], noun: "file" | "page", one: (input: string) => Promise<ImportResult>): Promise<void> {
    if (inputs.length === 0) return this.queue;
    this.queue = this.queue.then(async () => {
      this.noun = noun;
      this.total = inputs.length;
      this.done = 0;
      this.lines = [];
      for (const input of inputs) {
        this.current = input;
        let result: ImportResult;
        try {
          result = await one(input);
        } catch (e) {
          // The library itself failed (not this input): say so on the line and go on with the rest.
          result = { source: input, imported: null, error: { code: "library", message: errorMessage(e) } };
        }
        this.lines = [...this.lines, resultLine(result)];
        this.done += 1;
        if (result.imported) this.changes += 1;
      }
      this.current = null;
    });
    return this.queue;
  }

  async loadFeeds() {
    try {
      this.feeds = await backend().listFeeds();
      this.feedsError = null;
    } catch (e) {
      this.feedsError = errorMessage(e);
    }
  }

  /** What the background poller reports: new articles reload the library, revisions and changed highlights
   *  (even by a cosmetic edit) also get a toast linking the comparison. */
  onFeedEvent(event: FeedEvent) {
    if (event.kind === "newArticle") this.changes += 1;
    if (event.kind === "revised") {
      this.changes += 1;
      this.toast(`“${event.title}” was revised: ${event.description}.`, {
        compare: { left: event.old_version_id, right: event.new_version_id },
      });
    }
    if (event.kind === "highlightsChanged") {
      this.changes += 1;
      this.toast(event.notice, { compare: { left: event.old_version_id, right: event.new_version_id } });
    }
    if (this.panel === "feeds" || event.kind === "feedError") void this.loadFeeds();
  }

  toast(text: string, extra: Omit<Toast, "id" | "text"> = {}) {
    this.toasts = [...this.toasts, { id: ++this.toastSeq, text, ...extra }].slice(-4);
  }

  dismiss(id: number) {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}

export const collect = new CollectState();
