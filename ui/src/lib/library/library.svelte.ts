//! Library state: outlets, story heads, a page cache of the article list, search results and the reader's
//! selection, loaded through the Backend. Nothing here holds the whole library: the list asks for the pages on
//! screen, stories show their first rows, and filters and orders run in the store's SQL.
import type {
  ArticleSummary, LibraryPage, LibraryQuery, LibrarySort, Outlet, SearchHit, Shelf, StoryHead,
} from "../gen/bindings";
import { backend, errorMessage } from "../backend";
import { PAGE, PageCache } from "./rows";
import { takeFirstScreen } from "./first";

/** Stories shown above the list, newest first, and rows shown per story; the rest is one filter away. */
export const STORIES_SHOWN = 12;
export const STORY_ROWS = 50;
/** Search hits shown at once; the next page is one click away (snippets are made only for the page shown). */
export const SEARCH_PAGE = 25;

export interface Filters {
  shelf: Shelf;
  sort: LibrarySort;
  outletId: number | null;
  storyId: number | null;
  revisedOnly: boolean;
  unreadOnly: boolean;
  substantiveOnly: boolean;
}

export const NO_FILTERS: Filters = {
  shelf: "library", sort: "newest", outletId: null, storyId: null, revisedOnly: false, unreadOnly: false,
  substantiveOnly: false,
};

export class LibraryState {
  outlets = $state<Outlet[]>([]);
  stories = $state<StoryHead[]>([]);
  /** The first rows of each shown story, under the outlet filter. */
  storyRows = $state<Record<number, ArticleSummary[]>>({});
  filters = $state<Filters>({ ...NO_FILTERS });
  /** Rows in the list under the filters (the scrollbar's length). */
  total = $state(0);
  /** False while `total` is the first screen's count so far (the list has at least that many rows). */
  totalExact = $state(true);
  /** Bumped when a page arrives, so the rows on screen re-read the cache. */
  pagesSeen = $state(0);
  /** The page of search hits shown, or null when the library (not a search) is shown. */
  hits = $state<SearchHit[] | null>(null);
  /** Articles matching the search, and where the shown page starts. */
  hitsTotal = $state(0);
  hitsOffset = $state(0);
  query = $state("");
  loading = $state(true);
  error = $state<string | null>(null);
  cache: PageCache = new PageCache(() => Promise.reject(new Error("not loaded")));
  private searchSeq = 0;
  private loadSeq = 0;

  /** Stories are listed apart on the main shelf; elsewhere (archive, trash, one story) the list is everything. */
  get storiesApart(): boolean {
    return this.filters.shelf === "library" && this.filters.storyId === null;
  }

  pageQuery(offset: number, limit: number, extra: Partial<LibraryQuery> = {}): LibraryQuery {
    const f = this.filters;
    return {
      shelf: f.shelf, sort: f.sort, outletId: f.outletId, storyId: f.storyId, looseOnly: this.storiesApart,
      revisedOnly: f.revisedOnly, unreadOnly: f.unreadOnly, substantiveOnly: f.substantiveOnly, offset, limit, after: null,
      ...extra,
    };
  }

  /** A page cache of the list under the current filters. */
  private newCache(): PageCache {
    return new PageCache((offset, limit, after) => backend().libraryPage(this.pageQuery(offset, limit, { after })));
  }

  /** Reloads everything the screen shows: outlets, stories, and the first page of the list. */
  async load() {
    const seq = ++this.loadSeq;
    this.loading = true;
    try {
      const cache = this.newCache();
      const [outlets, stories] = await Promise.all([
        backend().listOutlets(), backend().storyHeads(), cache.ensure(0, 1),
      ]);
      const shown = this.storiesApart ? stories.filter((s) => s.articleCount > 0).slice(0, STORIES_SHOWN) : [];
      const pages = await Promise.all(shown.map((s) =>
        backend().libraryPage(this.pageQuery(0, STORY_ROWS, { storyId: s.id, looseOnly: false }))));
      if (seq !== this.loadSeq) return;
      this.outlets = outlets;
      this.stories = stories;
      this.storyRows = Object.fromEntries(shown.map((s, i) => [s.id, pages[i].articles]));
      this.cache = cache;
      this.total = cache.total;
      this.totalExact = true;
      this.pagesSeen += 1;
      this.error = null;
    } catch (e) {
      if (seq === this.loadSeq) this.error = errorMessage(e);
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  /** Shows the first screen fetched with the window's status when it answers this list; else loads as usual. */
  async loadFirst() {
    const first = takeFirstScreen(this.pageQuery(0, PAGE));
    if (!first) return this.load();
    const cache = this.newCache();
    cache.put(first.page);
    this.outlets = first.outlets;
    this.stories = first.stories;
    this.storyRows = Object.fromEntries(first.storyRows.map((r) => [r.storyId, r.page.articles]));
    this.cache = cache;
    this.total = cache.total;
    this.totalExact = first.totalExact;
    this.pagesSeen += 1;
    this.error = null;
    this.loading = false;
    if (!first.totalExact) void this.countAfterPaint(cache);
  }

  /** The exact count of the first screen's list, asked for once its rows are painted (counting a big library's list
   * takes longer than showing its first rows). */
  private async countAfterPaint(cache: PageCache) {
    await afterPaint();
    try {
      const total = await backend().libraryCount(this.pageQuery(0, PAGE));
      if (cache !== this.cache) return;
      cache.total = total;
      this.total = total;
      this.totalExact = true;
    } catch (e) {
      if (cache === this.cache) this.error = errorMessage(e);
    }
  }

  /** The query of the first screen's list: the list under no filters, with its first stories' rows. */
  static firstQuery(): LibraryQuery {
    return new LibraryState().pageQuery(0, PAGE);
  }

  /** Makes sure rows [start, end) are loaded (the list calls this as it scrolls). */
  async ensure(start: number, end: number) {
    const cache = this.cache;
    try {
      await cache.ensure(start, end);
      if (cache === this.cache) {
        this.total = cache.total;
        this.pagesSeen += 1;
      }
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  /** Changes filters and reloads from the top. */
  async set(change: Partial<Filters>) {
    this.filters = { ...this.filters, ...change };
    await this.load();
  }

  /** Stories listed above the list: shown ones with rows under the filters. */
  get shownStories(): StoryHead[] {
    return this.stories.filter((s) => (this.storyRows[s.id]?.length ?? 0) > 0);
  }

  /** Runs a search from its first page; a newer search wins over a slower older one. An empty query shows the
   * library again. */
  async search(query: string) {
    this.query = query;
    if (!query.trim()) {
      ++this.searchSeq;
      this.hits = null;
      return;
    }
    await this.searchPage(0);
  }

  /** Shows the page of the current search's hits starting at `offset`. */
  async searchPage(offset: number) {
    const q = this.query.trim();
    const seq = ++this.searchSeq;
    if (!q) return;
    try {
      const page = await backend().search(q, Math.max(0, offset), SEARCH_PAGE);
      if (seq === this.searchSeq) {
        this.hits = page.hits;
        this.hitsTotal = page.total;
        this.hitsOffset = page.offset;
        this.error = null;
      }
    } catch (e) {
      if (seq === this.searchSeq) this.error = errorMessage(e);
    }
  }
}

/** Resolves after the next frame is painted (at once where there are no frames, as in tests). */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== "function") return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export type { LibraryPage };
