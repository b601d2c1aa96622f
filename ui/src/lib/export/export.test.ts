import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import { ExportState, suggestedName, type ExportSystem } from "./export.svelte";

function system(path: string | null, log: string[] = []): ExportSystem {
  return {
    save: async (name) => { log.push(`save ${name}`); return path; },
    open: async (p) => { log.push(`open ${p}`); },
    reveal: async (p) => { log.push(`reveal ${p}`); },
  };
}
const target = { left: 3, right: 7, mode: null, title: "Orrin Dam: version 1 → 2" };

describe("export", () => {
  it("names the file after the comparison, without characters file systems reject", () => {
    expect(suggestedName("Orrin Dam: version 1 → 2", "pdf")).toBe("orrin-dam-version-1-2.pdf");
    expect(suggestedName("Ça déborde / «quote»", "md")).toBe("ca-deborde-quote.md");
    expect(suggestedName("→→", "json")).toBe("comparison.json");
  });

  it("sends the chosen layout and filter to the backend and offers Open and Show in folder", async () => {
    const calls: unknown[] = [];
    setBackend(backendFrom(async (cmd, args) => {
      calls.push([cmd, args]);
      return { path: String(args.path), bytes: 2048, format: "pdf" } as never;
    }));
    const log: string[] = [];
    const s = new ExportState(system("/tmp/out.pdf", log));
    s.layout = "inline";
    await s.run(target, true);
    expect(calls).toEqual([["export_comparison", {
      leftVersionId: 3, rightVersionId: 7, mode: null,
      options: { layout: "inline", substantiveOnly: true, wordRedline: false }, path: "/tmp/out.pdf",
    }]]);
    expect(s.done?.path).toBe("/tmp/out.pdf");
    await s.open();
    await s.reveal();
    expect(log).toEqual(["save orrin-dam-version-1-2.pdf", "open /tmp/out.pdf", "reveal /tmp/out.pdf"]);
  });

  it("sends the word-redline choice, so an accounts export can keep the full word redline", async () => {
    const calls: Record<string, unknown>[] = [];
    setBackend(backendFrom(async (_cmd, args) => {
      calls.push(args);
      return { path: String(args.path), bytes: 10, format: "md" } as never;
    }));
    const s = new ExportState(system("/tmp/out.md"));
    s.wordRedline = true;
    await s.run(target, false);
    expect(calls[0].options).toEqual({ layout: "side-by-side", substantiveOnly: false, wordRedline: true });
  });

  it("does nothing when the save dialog is cancelled", async () => {
    setBackend(backendFrom(async () => { throw new Error("must not be called"); }));
    const s = new ExportState(system(null));
    await s.run(target, false);
    expect(s.done).toBeNull();
    expect(s.error).toBeNull();
  });

  it("shows the backend's message when writing fails, and is ready to try again", async () => {
    setBackend(backendFrom(async () => {
      throw { code: "export", message: "The folder /nope does not exist; choose another folder." };
    }));
    const s = new ExportState(system("/nope/x.pdf"));
    await s.run(target, false);
    expect(s.error).toBe("The folder /nope does not exist; choose another folder.");
    expect(s.busy).toBe(false);
  });
});
