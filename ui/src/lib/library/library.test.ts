import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import type { LibraryQuery } from "../gen/bindings";
import { LibraryState, SEARCH_PAGE } from "./library.svelte";
import { PAGE, PageCache, rowWindow } from "./rows";
import { Selection } from "./selection.svelte";

function article(id: number, title = `T${id}`, outletId = 1) {
  return {
    id, title, outletId, outlet: "The Test Courier", url: null, firstSeen: 0, versionCount: 1,
    latestVersionId: id * 10, latestFetched: 0, published: null, read: false, archived: false,
  };
}

/** A fake store of `n` articles answering pages, recording every query it got. */
function fakeStore(n: number, stories: { id: number; title: string; ids: number[] }[] = []) {
  const queries: LibraryQuery[] = [];
  setBackend(backendFrom(async (cmd, args) => {
    if (cmd === "library_page") {
      const q = args.query as LibraryQuery;
      queries.push(q);
      let ids = Array.from({ length: n }, (_, i) => i + 1);
      if (q.storyId !== null) ids = stories.find((s) => s.id === q.storyId)?.ids ?? [];
      else if (q.looseOnly) ids = ids.filter((id) => !stories.some((s) => s.ids.includes(id)));
      if (q.outletId !== null) ids = ids.filter((id) => id % 2 === q.outletId);
      return { total: ids.length, offset: q.offset, articles: ids.slice(q.offset, q.offset + q.limit).map((id) => article(id)) } as never;
    }
    if (cmd === "story_heads") return stories.map((s) => ({ id: s.id, title: s.title, created: 0, articleCount: s.ids.length })) as never;
    if (cmd === "list_outlets") return [] as never;
    throw new Error(`unexpected ${cmd}`);
  }));
  return queries;
}

describe("rowWindow", () => {
  it("renders only the rows on screen plus overscan, with spacers for the rest", () => {
    // 100,000 rows of 44 px: the DOM must hold a screenful, not the library.
    const w = rowWindow(100_000, 44, 44 * 5000, 880, 8);
    expect(w.start).toBe(4992);
    expect(w.end).toBe(5028);
    expect(w.before).toBe(4992 * 44);
    expect(w.before + (w.end - w.start) * 44 + w.after).toBe(100_000 * 44);
  });

  it("clamps at both ends and handles an empty list", () => {
    expect(rowWindow(0, 44, 0, 800)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
    expect(rowWindow(3, 44, -50, 800)).toMatchObject({ start: 0, end: 3, after: 0 });
    const last = rowWindow(10, 44, 10_000, 800);
    expect(last.end).toBe(10);
    expect(last.start).toBeLessThan(10);
  });
});

describe("PageCache", () => {
  it("asks for each page once, however often it is scrolled past", async () => {
    const asked: number[] = [];
    const cache = new PageCache(async (offset, limit) => {
      asked.push(offset);
      return { total: 1000, offset, articles: Array.from({ length: limit }, (_, i) => article(offset + i + 1)) };
    });
    await Promise.all([cache.ensure(0, 30), cache.ensure(10, 120)]);
    await cache.ensure(50, 150);
    expect(asked).toEqual([0, PAGE]);
    expect(cache.row(150)?.id).toBe(151);
    expect(cache.row(250)).toBeUndefined();
    expect(cache.total).toBe(1000);
  });

  it("reads on from the row before a page when that page is loaded, else by offset", async () => {
    const asked: [number, number | null][] = [];
    const cache = new PageCache(async (offset, limit, after) => {
      asked.push([offset, after]);
      return { total: 1000, offset, articles: Array.from({ length: limit }, (_, i) => article(offset + i + 1)) };
    });
    await cache.ensure(0, 10);
    await cache.ensure(PAGE, PAGE + 10);
    await cache.ensure(5 * PAGE, 5 * PAGE + 10);
    expect(asked).toEqual([[0, null], [PAGE, PAGE], [5 * PAGE, null]]);
  });
});

describe("Selection", () => {
  it("Space-style toggles and Shift+arrows select the rows passed over", () => {
    const rows = [1, 2, 3, 4, 5].map((id) => article(id));
    const s = new Selection();
    s.move(1, 5, (i) => rows[i]);
    s.toggle(rows[s.cursor]);
    expect(s.ids).toEqual([2]);
    s.move(2, 5, (i) => rows[i], true);
    expect(s.ids).toEqual([2, 3, 4]);
    s.move(10, 5, (i) => rows[i]);
    expect(s.cursor).toBe(4);
    s.toggle(rows[2], false);
    expect(s.ids).toEqual([2, 4]);
    s.clear();
    expect(s.ids).toEqual([]);
  });
});

describe("LibraryState", () => {
  it("loads one page and the counts, not the library", async () => {
    const queries = fakeStore(100_000);
    const lib = new LibraryState();
    await lib.load();
    expect(lib.total).toBe(100_000);
    expect(queries).toHaveLength(1);
    expect(queries[0].limit).toBe(PAGE);
    expect(lib.cache.row(0)?.id).toBe(1);
    await lib.ensure(5000, 5030);
    expect(lib.cache.row(5010)?.id).toBe(5011);
    expect(lib.cache.loadedPages).toBe(2);
  });

  it("lists story articles with their story and the rest apart, under the outlet filter", async () => {
    fakeStore(6, [{ id: 9, title: "S", ids: [1, 2] }]);
    const lib = new LibraryState();
    await lib.load();
    expect(lib.storyRows[9].map((a) => a.id)).toEqual([1, 2]);
    expect(lib.total).toBe(4);
    await lib.set({ outletId: 0 });
    expect(lib.storyRows[9].map((a) => a.id)).toEqual([2]);
    expect(lib.total).toBe(2);
    await lib.set({ storyId: 9, outletId: null });
    expect(lib.storiesApart).toBe(false);
    expect(lib.total).toBe(2);
  });

  it("keeps the newest search when an older one answers late", async () => {
    const pending: Record<string, (v: unknown) => void> = {};
    setBackend(backendFrom((cmd, args) => new Promise((resolve) => {
      pending[String(args.query)] = resolve as (v: unknown) => void;
    }) as never));
    const lib = new LibraryState();
    const slow = lib.search("old");
    const fast = lib.search("new");
    pending["new"]({ total: 1, offset: 0, hits: [{ articleId: 2 }] });
    await fast;
    pending["old"]({ total: 1, offset: 0, hits: [{ articleId: 1 }] });
    await slow;
    expect(lib.hits?.map((h) => h.articleId)).toEqual([2]);
  });

  it("shows the error message the backend gives and stays usable", async () => {
    setBackend(backendFrom(async () => {
      throw { code: "library_unavailable", message: "The library is locked by another Parallax window." };
    }));
    const lib = new LibraryState();
    await lib.load();
    expect(lib.error).toBe("The library is locked by another Parallax window.");
    expect(lib.loading).toBe(false);
  });

  it("asks for one page of hits at a time and keeps the total for the pager", async () => {
    const asked: unknown[] = [];
    setBackend(backendFrom(async (cmd, args) => {
      asked.push([cmd, args.query, args.offset, args.limit]);
      const offset = Number(args.offset);
      const hits = Array.from({ length: Math.min(Number(args.limit), 60 - offset) }, (_, i) => ({ articleId: offset + i }));
      return { total: 60, offset, hits } as never;
    }));
    const lib = new LibraryState();
    await lib.search(" tide ");
    expect([lib.hitsTotal, lib.hitsOffset, lib.hits?.length]).toEqual([60, 0, SEARCH_PAGE]);
    await lib.searchPage(50);
    expect([lib.hitsOffset, lib.hits?.map((h) => h.articleId)]).toEqual([50, [50, 51, 52, 53, 54, 55, 56, 57, 58, 59]]);
    expect(asked).toEqual([["search", "tide", 0, SEARCH_PAGE], ["search", "tide", 50, SEARCH_PAGE]]);
  });

  it("clears the results when the query is emptied", async () => {
    setBackend(backendFrom(async () => ({ total: 0, offset: 0, hits: [] }) as never));
    const lib = new LibraryState();
    await lib.search("x");
    expect(lib.hits).toEqual([]);
    await lib.search("   ");
    expect(lib.hits).toBeNull();
  });
});
