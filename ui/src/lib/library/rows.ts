//! The library list's rows without holding the library: fixed-height rows, the window of rows on screen for a
//! scroll position, and a cache of pages fetched on demand (a page is asked for once, however often it is
//! scrolled past). Pure apart from the fetch function it is given; the list component measures and scrolls.
import type { ArticleSummary, LibraryPage } from "../gen/bindings";

/** Rows per fetched page: a few screens, so scrolling asks rarely and a page answers in well under a frame. */
export const PAGE = 100;

/** The rows to render for a viewport: [start, end) and the blank space above and below them. */
export interface RowWindow {
  start: number;
  end: number;
  before: number;
  after: number;
}

/** Rows on screen (plus `overscan` rows each side) when the list's top is `scrollTop` pixels above the viewport's. */
export function rowWindow(total: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 8): RowWindow {
  if (total <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.min(total - 1, Math.max(0, first - overscan));
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  const end = Math.min(total, Math.max(start + 1, last + overscan));
  return { start, end, before: start * rowHeight, after: (total - end) * rowHeight };
}

/** Pages of one list (one set of filters and one order); a new list starts a new cache. */
export class PageCache {
  private pages = new Map<number, ArticleSummary[]>();
  private pending = new Map<number, Promise<void>>();
  total = 0;

  /** `fetch` gets the page's offset and size, and the id of the row just before it when that row is loaded (the
   * store then reads on from it instead of skipping `offset` rows). */
  constructor(private readonly fetch: (offset: number, limit: number, after: number | null) => Promise<LibraryPage>) {}

  /** The row at index i, or undefined while its page is not loaded. */
  row(i: number): ArticleSummary | undefined {
    return this.pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  }

  /** Loads the pages covering rows [start, end) that are neither loaded nor on their way. */
  async ensure(start: number, end: number): Promise<void> {
    const first = Math.floor(Math.max(0, start) / PAGE);
    const last = Math.floor(Math.max(0, end - 1) / PAGE);
    const waits: Promise<void>[] = [];
    for (let p = first; p <= last; p++) {
      if (this.pages.has(p)) continue;
      let job = this.pending.get(p);
      if (!job) {
        const before = this.pages.get(p - 1);
        job = this.fetch(p * PAGE, PAGE, before?.length === PAGE ? before[PAGE - 1].id : null).then(
          (page) => {
            this.pages.set(p, page.articles);
            this.total = page.total;
          },
        ).finally(() => this.pending.delete(p));
        this.pending.set(p, job);
      }
      waits.push(job);
    }
    await Promise.all(waits);
  }

  /** Keeps a page fetched elsewhere (the first screen's), as if this cache had asked for it. */
  put(page: LibraryPage) {
    if (page.offset % PAGE !== 0) return;
    this.pages.set(page.offset / PAGE, page.articles);
    this.total = page.total;
  }

  /** How many pages are held (the DOM holds only the rows on screen; this bounds the memory behind them). */
  get loadedPages(): number {
    return this.pages.size;
  }
}
