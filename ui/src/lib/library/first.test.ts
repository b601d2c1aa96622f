import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import type { FirstScreen, LibraryQuery } from "../gen/bindings";
import { loadFirstScreen } from "./first";
import { LibraryState, STORIES_SHOWN, STORY_ROWS } from "./library.svelte";

function article(id: number) {
  return {
    id, title: `T${id}`, outletId: 1, outlet: "The Harbour Ledger", url: null, firstSeen: 0, versionCount: 1,
    latestVersionId: id * 10, latestFetched: 0, published: null, read: false, archived: false,
  };
}

const screen: FirstScreen = {
  status: { dataDir: "/tmp/lib", error: null },
  outlets: [{ id: 1, name: "The Harbour Ledger", domain: null, articleCount: 3 } as never],
  stories: [{ id: 7, title: "Bridge closure", created: 0, articleCount: 2 }],
  page: { total: 1, offset: 0, articles: [article(3)] },
  totalExact: true,
  storyRows: [{ storyId: 7, page: { total: 2, offset: 0, articles: [article(1), article(2)] } }],
};

/** A backend answering the first screen and pages, recording every command it was asked. */
function fake(first: FirstScreen = screen) {
  const calls: string[] = [];
  setBackend(backendFrom(async (cmd, args) => {
    calls.push(cmd);
    if (cmd === "first_screen") return first as never;
    if (cmd === "library_page") {
      const q = args.query as LibraryQuery;
      return { total: 1, offset: q.offset, articles: [article(9)] } as never;
    }
    if (cmd === "story_heads" || cmd === "list_outlets") return [] as never;
    if (cmd === "library_count") return 4321 as never;
    throw new Error(`unexpected ${cmd}`);
  }));
  return calls;
}

describe("the first screen", () => {
  it("comes in one call and the library view shows it without asking again", async () => {
    const calls = fake();
    const status = await loadFirstScreen(LibraryState.firstQuery(), STORIES_SHOWN, STORY_ROWS);
    expect(status.dataDir).toBe("/tmp/lib");
    const lib = new LibraryState();
    await lib.loadFirst();
    expect(calls).toEqual(["first_screen"]);
    expect(lib.loading).toBe(false);
    expect(lib.total).toBe(1);
    expect(lib.cache.row(0)?.id).toBe(3);
    expect(lib.shownStories.map((s) => s.id)).toEqual([7]);
    expect(lib.storyRows[7].map((a) => a.id)).toEqual([1, 2]);
    expect(lib.outlets).toHaveLength(1);
    // Scrolling past the first page still asks the store for the next one.
    await lib.ensure(100, 120);
    expect(calls).toEqual(["first_screen", "library_page"]);
  });

  it("shows a big list's first count at once and asks for the exact count after", async () => {
    const calls = fake({ ...screen, page: { total: 1000, offset: 0, articles: [article(3)] }, totalExact: false });
    await loadFirstScreen(LibraryState.firstQuery(), STORIES_SHOWN, STORY_ROWS);
    const lib = new LibraryState();
    const shown = lib.loadFirst();
    expect([lib.total, lib.totalExact]).toEqual([1000, false]);
    await shown;
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(["first_screen", "library_count"]);
    expect([lib.total, lib.totalExact, lib.cache.total]).toEqual([4321, true, 4321]);
  });

  it("is taken once: a second library view loads as usual", async () => {
    const calls = fake();
    await loadFirstScreen(LibraryState.firstQuery(), STORIES_SHOWN, STORY_ROWS);
    await new LibraryState().loadFirst();
    const again = new LibraryState();
    await again.loadFirst();
    expect(calls.filter((c) => c === "library_page").length).toBeGreaterThan(0);
    expect(again.cache.row(0)?.id).toBe(9);
  });

  it("is not used for another list, nor kept when the library could not be opened", async () => {
    let calls = fake();
    await loadFirstScreen({ ...LibraryState.firstQuery(), unreadOnly: true }, STORIES_SHOWN, STORY_ROWS);
    const other = new LibraryState();
    await other.loadFirst();
    expect(calls).toContain("library_page");
    expect(other.cache.row(0)?.id).toBe(9);

    const unavailable = { ...screen, status: { dataDir: "/tmp/lib", error: { code: "library_unavailable", message: "locked" } } };
    calls = fake(unavailable as FirstScreen);
    const status = await loadFirstScreen(LibraryState.firstQuery(), STORIES_SHOWN, STORY_ROWS);
    expect(status.error?.message).toBe("locked");
    const lib = new LibraryState();
    await lib.loadFirst();
    expect(calls).toContain("library_page");
  });
});
