import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import { FRAME_POLICY, OriginalPageState, frameDocument, mayHaveOriginal } from "./original.svelte";

describe("mayHaveOriginal", () => {
  it("offers the original page only where one can have been kept", () => {
    expect(mayHaveOriginal({ sourceKind: "url", sourceRef: "https://example.org/a" })).toBe(true);
    expect(mayHaveOriginal({ sourceKind: "feed", sourceRef: "item-1" })).toBe(true);
    expect(mayHaveOriginal({ sourceKind: "file", sourceRef: "/home/me/Page.HTM" })).toBe(true);
    expect(mayHaveOriginal({ sourceKind: "file", sourceRef: "/home/me/notes.md" })).toBe(false);
    expect(mayHaveOriginal({ sourceKind: "file", sourceRef: null })).toBe(false);
    expect(mayHaveOriginal({ sourceKind: "paste", sourceRef: null })).toBe(false);
    expect(mayHaveOriginal({ sourceKind: "sample", sourceRef: null })).toBe(false);
  });
});

describe("frameDocument", () => {
  it("puts the page behind a policy that loads and runs nothing", () => {
    const doc = frameDocument("<p>Kept text</p>");
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}">`);
    expect(FRAME_POLICY).toContain("default-src 'none'");
    expect(FRAME_POLICY).not.toContain("script-src");
    expect(doc.indexOf("Content-Security-Policy")).toBeLessThan(doc.indexOf("<body>"));
    expect(doc).toContain("<body><p>Kept text</p></body>");
  });
});

describe("OriginalPageState", () => {
  it("shows the kept page, or the backend's reason when none was kept", async () => {
    const asked: number[] = [];
    setBackend(backendFrom(async (cmd, args) => {
      if (cmd !== "original_page") throw new Error(`unexpected ${cmd}`);
      const id = (args as { versionId: number }).versionId;
      asked.push(id);
      if (id === 2) throw { code: "not_found", message: "No original page was kept for this version" };
      return "<p>Kept text</p>" as never;
    }));
    const s = new OriginalPageState();
    await s.show(1);
    expect(asked).toEqual([1]);
    expect(s.open).toBe(true);
    expect(s.loading).toBe(false);
    expect(s.document).toContain("<p>Kept text</p>");
    expect(s.error).toBeNull();

    await s.show(2);
    expect(s.document).toBeNull();
    expect(s.error).toBe("No original page was kept for this version");

    s.close();
    expect(s.open).toBe(false);
    expect(s.error).toBeNull();
  });

  it("ignores an answer that arrives after the panel was closed", async () => {
    let release!: () => void;
    setBackend(backendFrom(async () => {
      await new Promise<void>((r) => (release = r));
      return "<p>Late</p>" as never;
    }));
    const s = new OriginalPageState();
    const pending = s.show(1);
    s.close();
    release();
    await pending;
    expect(s.open).toBe(false);
    expect(s.document).toBeNull();
  });
});
