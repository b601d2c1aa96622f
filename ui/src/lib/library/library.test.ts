import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import { LibraryState } from "./library.svelte";

function article(id: number, title: string) {
  return {
    id, title, outletId: 1, outlet: "The Test Courier", url: null, firstSeen: 0, versionCount: 1,
    latestVersionId: id * 10, latestFetched: 0, published: null,
  };
}

describe("LibraryState", () => {
  it("lists articles outside any story as loose, so none is shown twice", async () => {
    setBackend(backendFrom(async (cmd) => {
      if (cmd === "list_articles") return [article(1, "A"), article(2, "B"), article(3, "C")] as never;
      if (cmd === "list_stories") return [{ id: 1, title: "S", created: 0, articles: [article(2, "B")] }] as never;
      if (cmd === "list_outlets") return [] as never;
      throw new Error(`unexpected ${cmd}`);
    }));
    const lib = new LibraryState();
    await lib.load();
    expect(lib.loose.map((a) => a.id)).toEqual([1, 3]);
    expect(lib.error).toBeNull();
  });

  it("filters stories and loose articles by outlet", async () => {
    const a = (id: number, outletId: number) => ({ ...article(id, `T${id}`), outletId });
    setBackend(backendFrom(async (cmd) => {
      if (cmd === "list_articles") return [a(1, 1), a(2, 2), a(3, 1), a(4, 2)] as never;
      if (cmd === "list_stories") return [{ id: 9, title: "S", created: 0, articles: [a(1, 1), a(2, 2)] }] as never;
      return [] as never;
    }));
    const lib = new LibraryState();
    await lib.load();
    lib.outletFilter = 2;
    expect(lib.loose.map((x) => x.id)).toEqual([4]);
    expect(lib.storyArticles(lib.stories[0]).map((x) => x.id)).toEqual([2]);
    lib.outletFilter = null;
    expect(lib.loose.map((x) => x.id)).toEqual([3, 4]);
  });

  it("keeps the newest search when an older one answers late", async () => {
    const pending: Record<string, (v: unknown) => void> = {};
    setBackend(backendFrom((cmd, args) => new Promise((resolve) => {
      pending[String(args.query)] = resolve as (v: unknown) => void;
    }) as never));
    const lib = new LibraryState();
    const slow = lib.search("old");
    const fast = lib.search("new");
    pending["new"]([{ articleId: 2 }]);
    await fast;
    pending["old"]([{ articleId: 1 }]);
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

  it("clears the results when the query is emptied", async () => {
    setBackend(backendFrom(async () => [] as never));
    const lib = new LibraryState();
    await lib.search("x");
    expect(lib.hits).toEqual([]);
    await lib.search("   ");
    expect(lib.hits).toBeNull();
  });
});
