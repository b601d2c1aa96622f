//! State of one open comparison: the loaded view, the filter, the fold state, the inline toggle and the current
//! change. The layout, filtering and navigation rules are the pure modules beside it; the components render.
import { SvelteSet } from "svelte/reactivity";
import type { ComparisonView, Facet, Mode, ResolvedHighlight, RowKind } from "../gen/bindings";
import { backend, errorMessage } from "../backend";
import { countChanges, defaultFilter, visibleItems, type Filter } from "./filter";
import { layoutBands } from "./layout";
import { changeStops, nextStop, prevStop } from "./navigation";
import { bandMarks } from "./highlights";

export class CompareState {
  view = $state.raw<ComparisonView | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  filter = $state<Filter>({ ...defaultFilter });
  /** Start bands of folds the reader opened. */
  expanded = new SvelteSet<number>();
  inline = $state(false);
  /** In accounts mode, show every word only one account uses (off: only the claim marks and notes). */
  wordRedline = $state(false);
  /** Band index of the change `n`/`p` last went to (-1: none yet). */
  current = $state(-1);
  /** Band at the top of the viewport, reported by the row list, so `n` continues from where the reader is. */
  topBand = $state(0);
  /** Bands currently rendered by the row list: [start, end) in band indices. */
  rendered = $state<[number, number]>([0, 0]);
  /** A request for the row list to scroll to a band; `seq` makes a repeated request for the same band count. */
  scrollRequest = $state<{ band: number; seq: number } | null>(null);
  /** The article's highlights resolved on each side (empty between two articles or before they load). */
  highlights = $state.raw<{ left: ResolvedHighlight[]; right: ResolvedHighlight[] }>({ left: [], right: [] });
  highlightsError = $state<string | null>(null);

  bands = $derived(this.view ? layoutBands(this.view.comparison) : []);
  items = $derived(visibleItems(this.bands, this.filter, this.expanded));
  stops = $derived(changeStops(this.bands, this.filter));
  counts = $derived(countChanges(this.bands));
  marks = $derived(
    this.view
      ? bandMarks(
          this.bands,
          { versionId: this.view.left.info.id, highlights: this.highlights.left },
          { versionId: this.view.right.info.id, highlights: this.highlights.right },
        )
      : new Map(),
  );

  private seq = 0;

  /** Loads a comparison; a slower, older request never overwrites a newer one. */
  async load(left: number, right: number, mode: Mode | null): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    this.error = null;
    try {
      const view = await backend().compareVersions(left, right, mode);
      if (seq !== this.seq) return;
      // With "parallax:compare-rendered" (CompareView) this splits the first-screen time into engine+IPC and render.
      globalThis.performance?.mark?.("parallax:compare-loaded");
      this.view = view;
      this.current = -1;
      this.expanded.clear();
      void this.loadHighlights(view, seq);
    } catch (e) {
      if (seq !== this.seq) return;
      this.error = errorMessage(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** After the rows are on screen: the article's highlights as they stand on each side (`highlights_on`). */
  private async loadHighlights(view: ComparisonView, seq: number): Promise<void> {
    this.highlights = { left: [], right: [] };
    this.highlightsError = null;
    const { left, right } = view;
    if (left.info.articleId !== right.info.articleId) return;
    try {
      const [l, r] = await Promise.all([
        backend().highlightsOn(left.info.articleId, left.info.id),
        backend().highlightsOn(right.info.articleId, right.info.id),
      ]);
      if (seq === this.seq) this.highlights = { left: l, right: r };
    } catch (e) {
      if (seq === this.seq) this.highlightsError = `Highlights could not be shown: ${errorMessage(e)}`;
    }
  }

  toggleSubstantive() {
    this.filter.substantiveOnly = !this.filter.substantiveOnly;
  }

  toggleCollapse() {
    this.filter.collapseUnchanged = !this.filter.collapseUnchanged;
    this.expanded.clear();
  }

  /** Summary bar: picking the picked kind (or facet) again clears it. */
  pickKind(kind: RowKind | null) {
    this.filter.kind = this.filter.kind === kind ? null : kind;
    this.filter.facet = null;
  }

  pickFacet(facet: Facet | null) {
    this.filter.facet = this.filter.facet === facet ? null : facet;
    this.filter.kind = null;
  }

  toggleInline() {
    this.inline = !this.inline;
  }

  toggleWordRedline() {
    this.wordRedline = !this.wordRedline;
  }

  expand(start: number) {
    this.expanded.add(start);
  }

  /** Where `n`/`p` continue from: the current change while it is on screen, else the top of the viewport. */
  private from(): number {
    const [start, end] = this.rendered;
    if (this.current >= 0 && this.current >= start && this.current < end) return this.current;
    return this.topBand - 1;
  }

  next(): number | null {
    return this.goTo(nextStop(this.stops, this.from()));
  }

  prev(): number | null {
    const from = this.current >= 0 && this.current >= this.rendered[0] && this.current < this.rendered[1]
      ? this.current
      : this.topBand + 1;
    return this.goTo(prevStop(this.stops, from));
  }

  /** Makes a band current and asks the list to show it (opening the fold that hides it, if any). */
  goTo(band: number | null): number | null {
    if (band === null || band < 0 || band >= this.bands.length) return null;
    for (const item of this.items) {
      if (item.type === "fold" && band >= item.start && band < item.end) this.expanded.add(item.start);
    }
    if (!this.bands[band].ghost && this.bands[band].kind !== "unchanged") this.current = band;
    this.scrollRequest = { band, seq: (this.scrollRequest?.seq ?? 0) + 1 };
    return band;
  }
}
