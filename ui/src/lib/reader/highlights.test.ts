import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import type { Highlight, ResolvedHighlight } from "../gen/bindings";
import { HighlightsState } from "./highlights.svelte";

/** A fake backend that keeps highlights in memory and resolves every one as intact on its own version. */
function fakeStore() {
  const rows: Highlight[] = [];
  let next = 1;
  const calls: string[] = [];
  const resolved = (h: Highlight): ResolvedHighlight => ({
    highlight: h, onVersionId: 7, paragraph: 0, madeOnNumber: 1,
    resolution: { state: h.versionId === 7 ? "intact" : "removed", text: h.quote, sentences: [0], segments: [], change: null },
  });
  setBackend(backendFrom(async (cmd, args) => {
    calls.push(cmd);
    const a = args as Record<string, any>;
    switch (cmd) {
      case "highlights_on": return rows.map(resolved) as never;
      case "add_highlight": {
        if (a.request.quote === "missing") throw { code: "invalid_input", message: "\"missing\" is not in version 1 of 1" };
        const h: Highlight = { id: next++, versionId: a.request.versionId, quote: a.request.quote, prefix: "", suffix: "",
          sentenceIndex: 0, colour: a.request.colour, note: a.request.note, created: next };
        rows.push(h);
        return h as never;
      }
      case "set_highlight_note": { const h = rows.find((r) => r.id === a.highlightId)!; h.note = a.note; return h as never; }
      case "set_highlight_colour": { const h = rows.find((r) => r.id === a.highlightId)!; h.colour = a.colour; return h as never; }
      case "delete_highlight": { const i = rows.findIndex((r) => r.id === a.highlightId); return rows.splice(i, 1)[0] as never; }
      case "restore_highlight": rows.push(a.highlight); return a.highlight as never;
    }
    throw new Error(`unexpected ${cmd}`);
  }));
  return { rows, calls };
}

describe("HighlightsState", () => {
  it("adds, edits, deletes and undoes, reloading from the backend each time", async () => {
    const store = fakeStore();
    const s = new HighlightsState();
    await s.load(3, 7);
    expect(await s.add("sails at noon", "green", 0)).toBe(true);
    expect(s.items.map((i) => i.highlight.quote)).toEqual(["sails at noon"]);
    const id = s.items[0].highlight.id;
    await s.setNote(id, "check the timetable");
    await s.setColour(id, "purple");
    expect(s.items[0].highlight.note).toBe("check the timetable");
    expect(s.items[0].highlight.colour).toBe("purple");
    await s.setNote(id, "   ");
    expect(s.items[0].highlight.note).toBeNull();

    await s.remove(id);
    expect(s.items).toEqual([]);
    expect(s.deleted?.id).toBe(id);
    expect(await s.undo()).toBe(true);
    expect(s.items.map((i) => i.highlight.id)).toEqual([id]);
    expect(s.deleted).toBeNull();
    expect(await s.undo()).toBe(false);
    expect(store.calls.filter((c) => c === "restore_highlight")).toHaveLength(1);
  });

  it("shows the backend's message when a quote cannot be highlighted and keeps the list", async () => {
    fakeStore();
    const s = new HighlightsState();
    await s.load(3, 7);
    await s.add("kept", "yellow", null);
    expect(await s.add("missing", "yellow", null)).toBe(false);
    expect(s.error).toContain("not in version 1");
    expect(s.items).toHaveLength(1);
  });
});
