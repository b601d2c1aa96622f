import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import { CollectState } from "./collect.svelte";

const ok = (source: string, id: number) => ({
  source,
  imported: { outcome: "newArticle", articleId: id, versionId: id * 10, title: `T${id}`, outlet: "O", notes: [] },
  error: null,
});

describe("CollectState", () => {
  it("imports files one at a time, with progress and a result line each, and tells the library", async () => {
    const seen: string[] = [];
    const progress: string[] = [];
    let state!: CollectState;
    setBackend(backendFrom(async (cmd, args) => {
      expect(cmd).toBe("import_file");
      const path = String(args.path);
      seen.push(path);
      progress.push(`${state.done}/${state.total} ${state.current}`);
      if (path.endsWith("bad.txt")) {
        return { source: path, imported: null, error: { code: "empty", message: "The file is empty: there is no text to import." } } as never;
      }
      return ok(path, seen.length) as never;
    }));
    state = new CollectState();
    await state.importFiles(["/a/one.txt", "/a/bad.txt", "/a/three.md"]);
    expect(seen).toEqual(["/a/one.txt", "/a/bad.txt", "/a/three.md"]);
    // While each file ran, the state said which one and how many were done.
    expect(progress).toEqual(["0/3 /a/one.txt", "1/3 /a/bad.txt", "2/3 /a/three.md"]);
    expect(state.lines.map((l) => [l.source, l.ok])).toEqual([["one.txt", true], ["bad.txt", false], ["three.md", true]]);
    expect(state.lines[1].text).toBe("The file is empty: there is no text to import.");
    expect(state.failed).toBe(1);
    expect(state.busy).toBe(false);
    expect(state.changes).toBe(2);
  });

  it("offers \"Import anyway\" only for a page with no article, and replaces that line with the stored result", async () => {
    const calls: [string, unknown][] = [];
    setBackend(backendFrom(async (cmd, args) => {
      calls.push([cmd, args.anyway]);
      const url = String(args.url);
      if (url.endsWith("/gone")) return { source: url, imported: null, error: { code: "http_status", message: "404" } } as never;
      if (!args.anyway) {
        return { source: url, imported: null, error: { code: "no_article", message: "No article text was found in this page (it looks like a home page)." } } as never;
      }
      return ok(url, 4) as never;
    }));
    const state = new CollectState();
    await state.importUrls(["http://127.0.0.1:9/", "http://127.0.0.1:9/gone"]);
    expect(state.lines.map((l) => l.anyway)).toEqual(["http://127.0.0.1:9/", undefined]);
    expect(state.changes).toBe(0);
    await state.importAnyway(0);
    expect(calls).toEqual([["import_url", null], ["import_url", null], ["import_url", true]]);
    expect(state.lines[0]).toMatchObject({ ok: true, articleId: 4 });
    expect(state.lines[0].anyway).toBeUndefined();
    expect(state.lines[1].text).toBe("404");
    expect(state.changes).toBe(1);
  });

  it("keeps going when the library itself refuses, with the reason on the line", async () => {
    setBackend(backendFrom(async () => {
      throw { code: "library_unavailable", message: "The library is locked by another Parallax window." };
    }));
    const state = new CollectState();
    await state.importUrls(["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"]);
    expect(state.lines.map((l) => l.text)).toEqual([
      "The library is locked by another Parallax window.",
      "The library is locked by another Parallax window.",
    ]);
    expect(state.changes).toBe(0);
  });

  it("runs a second batch after the first, not interleaved", async () => {
    const order: string[] = [];
    setBackend(backendFrom(async (_cmd, args) => {
      order.push(String(args.path));
      await new Promise((r) => setTimeout(r, 5));
      return ok(String(args.path), 1) as never;
    }));
    const state = new CollectState();
    const first = state.importFiles(["/1", "/2"]);
    const second = state.importFiles(["/3"]);
    await Promise.all([first, second]);
    expect(order).toEqual(["/1", "/2", "/3"]);
    expect(state.total).toBe(1);
  });

  it("turns a revision found by the poller into a toast linking the comparison", () => {
    setBackend(backendFrom(async () => [] as never));
    const state = new CollectState();
    state.onFeedEvent({
      kind: "revised", feed_id: 1, article_id: 2, old_version_id: 5, new_version_id: 6, title: "Ferry returns",
      summary: { substantive: 1, cosmetic: 0, facets: ["a number"] }, description: "1 substantive change: a number",
    });
    expect(state.toasts).toHaveLength(1);
    expect(state.toasts[0].text).toBe("“Ferry returns” was revised: 1 substantive change: a number.");
    expect(state.toasts[0].compare).toEqual({ left: 5, right: 6 });
    expect(state.changes).toBe(1);
  });

  it("tells the reader when the poller's new version changed a highlighted passage", () => {
    setBackend(backendFrom(async () => [] as never));
    const state = new CollectState();
    state.onFeedEvent({
      kind: "highlightsChanged", feed_id: 1, article_id: 2, old_version_id: 5, new_version_id: 6,
      title: "Ferry returns", notice: "A passage you highlighted in “Ferry returns” changed.",
    });
    expect(state.toasts.map((t) => t.text)).toEqual(["A passage you highlighted in “Ferry returns” changed."]);
    expect(state.toasts[0].compare).toEqual({ left: 5, right: 6 });
  });
});
