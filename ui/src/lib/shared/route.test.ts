import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "./route";

describe("routes", () => {
  it("round-trips every route kind, so a window can reopen a comparison from its URL", () => {
    const routes: Route[] = [
      { name: "library" },
      { name: "library", query: "spillway gate & \"level\"" },
      { name: "article", articleId: 3 },
      { name: "article", articleId: 3, versionId: 9 },
      { name: "compare", left: 4, right: 5 },
      { name: "compare", left: 4, right: 5, mode: "accounts" },
      { name: "compare", left: 4, right: 5, mode: "accounts", at: 0 },
      { name: "compare", left: 4, right: 5, at: 12 },
      { name: "story", storyId: 2 },
      { name: "story", storyId: 2, versions: [7, 9] },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it("sends malformed or hostile hashes to the library instead of throwing", () => {
    for (const h of ["", "#", "#/article/", "#/article/-1", "#/article/1e3", "#/compare/1", "#/nope", "#/compare/0/2"]) {
      expect(parseRoute(h).name).toBe("library");
    }
    expect(parseRoute("#/compare/1/2?mode=bogus")).toEqual({ name: "compare", left: 1, right: 2 });
  });
  it("opens a story view, dropping version picks that are not ids", () => {
    expect(parseRoute("#/story/3?v=4,x,-2,5")).toEqual({ name: "story", storyId: 3, versions: [4, 5] });
    expect(parseRoute("#/story/0").name).toBe("library");
    expect(parseRoute("#/compare/1/2?at=-1")).toEqual({ name: "compare", left: 1, right: 2 });
  });
  it("opens the library-wide Highlights view", () => {
    expect(parseRoute("#/highlights")).toEqual({ name: "highlights" });
    expect(formatRoute({ name: "highlights" })).toBe("#/highlights");
  });
});
