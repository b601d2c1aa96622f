//! State of one open story view: the loaded story, the filter, the current disputed row and the per-article
//! version lists for the pickers. The row rules are rows.ts; the components render.
import type { StoryView, VersionInfo } from "../gen/bindings";
import { backend, errorMessage } from "../backend";
import { nextStop, prevStop } from "../compare/navigation";
import { buildRows, disputedStops, filterRows, noFilter, omissions, type StoryFilter } from "./rows";

export class StoryState {
  view = $state.raw<StoryView | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  filter = $state<StoryFilter>({ ...noFilter });
  /** Position in `shown` of the row `n`/`p` last went to (-1: none yet). */
  current = $state(-1);
  /** Row position at the top of the viewport, reported by the list, so `n` continues from the screen. */
  topRow = $state(0);
  /** A request for the list to scroll to a shown row; `seq` makes a repeated request count. */
  scrollRequest = $state<{ row: number; seq: number } | null>(null);
  /** Versions of each account's article (by article id), for the version pickers; loaded on demand. */
  versions = $state.raw<Record<number, VersionInfo[]>>({});

  rows = $derived(this.view ? buildRows(this.view) : []);
  shown = $derived(filterRows(this.rows, this.filter));
  stops = $derived(disputedStops(this.shown));
  missing = $derived(this.view ? omissions(this.rows, this.view.accounts.length) : []);

  private seq = 0;

  /** Loads a story; a slower, older request never overwrites a newer one. */
  async load(storyId: number, versions: number[] | undefined): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    this.error = null;
    try {
      const view = await backend().storyView(storyId, versions ?? null);
      if (seq !== this.seq) return;
      this.view = view;
      this.current = -1;
      void this.loadVersions(view, seq);
    } catch (e) {
      if (seq === this.seq) this.error = errorMessage(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** The version lists of articles with more than one version (the others need no picker). */
  private async loadVersions(view: StoryView, seq: number): Promise<void> {
    const many = view.accounts.filter((a) => a.versionCount > 1);
    const lists = await Promise.all(many.map((a) => backend().versionsOf(a.info.articleId).catch(() => [])));
    if (seq !== this.seq) return;
    const out: Record<number, VersionInfo[]> = {};
    many.forEach((a, i) => (out[a.info.articleId] = lists[i]));
    this.versions = out;
  }

  setFilter(f: Partial<StoryFilter>) {
    this.filter = { ...this.filter, ...f };
    this.current = -1;
  }

  next(): number | null {
    const from = this.current >= 0 ? this.current : this.topRow - 1;
    return this.goTo(nextStop(this.stops, from));
  }

  prev(): number | null {
    const from = this.current >= 0 ? this.current : this.topRow + 1;
    return this.goTo(prevStop(this.stops, from));
  }

  goTo(pos: number | null): number | null {
    if (pos === null || pos < 0 || pos >= this.shown.length) return null;
    this.current = pos;
    this.scrollRequest = { row: pos, seq: (this.scrollRequest?.seq ?? 0) + 1 };
    return pos;
  }
}
