import { describe, expect, it } from "vitest";
import type { ComparisonView, VersionInfo } from "../gen/bindings";
import { backendFrom, setBackend } from "../backend";
import { CompareState } from "./compare.svelte";
import { comparison, revision, row } from "./fixtures";
import { HistoryState } from "./history.svelte";

function info(id: number, number: number, articleId = 1): VersionInfo {
  return {
    id, articleId, number, title: `v${number}`, byline: null, published: null, fetched: number * 60,
    contentHash: `h${id}`, sourceKind: "sample", sourceRef: null,
  };
}

function view(left: VersionInfo, right: VersionInfo, c = revision()): ComparisonView {
  const side = (i: VersionInfo) => ({ info: i, outlet: "The Test Courier", url: null, versionCount: 3 });
  return { left: side(left), right: side(right), comparison: c };
}

describe("CompareState", () => {
  it("loads a comparison with the mode asked for, and keeps the newest when an older answer comes late", async () => {
    const pending: ((v: unknown) => void)[] = [];
    const asked: unknown[] = [];
    setBackend(backendFrom((cmd, args) => {
      asked.push([cmd, args]);
      return new Promise((resolve) => pending.push(resolve as (v: unknown) => void)) as never;
    }));
    const s = new CompareState();
    const old = s.load(1, 2, null);
    const fresh = s.load(1, 2, "accounts");
    expect(asked[1]).toEqual(["compare_versions", { leftVersionId: 1, rightVersionId: 2, mode: "accounts" }]);
    pending[1](view(info(1, 1), info(2, 2)));
    await fresh;
    pending[0](view(info(1, 1), info(2, 2), comparison([["x."]], [["x."]], [row("unchanged", [0], [0])])));
    await old;
    expect(s.bands).toHaveLength(7);
    expect(s.loading).toBe(false);
  });

  it("shows the backend's message when the comparison fails", async () => {
    setBackend(backendFrom(async () => Promise.reject({ code: "notFound", message: "That version is gone." })));
    const s = new CompareState();
    await s.load(1, 2, null);
    expect(s.error).toBe("That version is gone.");
  });

  it("steps n/p through the changes, skipping what 'substantive only' hides", async () => {
    setBackend(backendFrom(async () => view(info(1, 1), info(2, 2)) as never));
    const s = new CompareState();
    await s.load(1, 2, null);
    s.rendered = [0, s.bands.length];
    const key = () => s.bands[s.current].key;
    s.next();
    expect(key()).toBe("r0");
    s.next();
    expect(key()).toBe("r2");
    s.toggleSubstantive();
    s.prev();
    expect(key()).toBe("r0");
    s.next();
    expect(key()).toBe("r3");
    expect(s.next()).toBeNull();
    expect(s.scrollRequest?.band).toBe(s.current);
  });

  it("opens the fold that hides a band it jumps to", async () => {
    const text = Array.from({ length: 8 }, (_, i) => `S${i}.`);
    const c = comparison([text], [text], text.map((_, i) => row(i === 7 ? "edited" : "unchanged", [i], [i])));
    setBackend(backendFrom(async () => view(info(1, 1), info(2, 2), c) as never));
    const s = new CompareState();
    await s.load(1, 2, null);
    s.toggleCollapse();
    expect(s.items[0].type).toBe("fold");
    s.goTo(2);
    expect(s.items.every((it) => it.type === "band")).toBe(true);
  });

  it("filters from the summary bar, and picking again clears the pick", async () => {
    setBackend(backendFrom(async () => view(info(1, 1), info(2, 2)) as never));
    const s = new CompareState();
    await s.load(1, 2, null);
    s.pickFacet("number");
    expect(s.stops.map((b) => s.bands[b].key)).toEqual(["r0"]);
    s.pickKind("added");
    expect(s.filter.facet).toBeNull();
    expect(s.stops.map((b) => s.bands[b].key)).toEqual(["r3"]);
    s.pickKind("added");
    expect(s.stops).toHaveLength(4);
  });
});

describe("HistoryState", () => {
  it("compares consecutive versions up to the newer side and dates each sentence, reusing the view's comparison", async () => {
    const calls: string[] = [];
    const v1 = info(11, 1), v2 = info(12, 2), v3 = info(13, 3);
    const step12 = comparison([["a."]], [["a.", "b."]], [row("unchanged", [0], [0]), row("added", [], [1])]);
    const step23 = comparison([["a.", "b."]], [["b.", "a."]], [row("moved", [1], [0]), row("unchanged", [0], [1])]);
    setBackend(backendFrom(async (cmd, args) => {
      calls.push(`${cmd} ${JSON.stringify(args)}`);
      if (cmd === "versions_of") return [v1, v2, v3] as never;
      if (cmd === "compare_versions") return view(v1, v2, step12) as never;
      throw new Error(cmd);
    }));
    const h = new HistoryState();
    await h.load(view(v2, v3, step23));
    expect(calls).toEqual([
      'versions_of {"articleId":1}',
      'compare_versions {"leftVersionId":11,"rightVersionId":12,"mode":"revision"}',
    ]);
    expect(h.of(3, 0)).toEqual({ firstSeen: 2, changed: null });
    expect(h.of(3, 1)).toEqual({ firstSeen: 1, changed: null });
  });

  it("has no history for two different articles", async () => {
    setBackend(backendFrom(async () => { throw new Error("no call expected"); }));
    const h = new HistoryState();
    await h.load(view(info(1, 1, 1), info(2, 1, 2)));
    expect(h.versions).toEqual([]);
    expect(h.error).toBeNull();
  });
});
