import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import type { About } from "../gen/bindings";
import { AboutState } from "./about.svelte";

const facts: About = {
  appVersion: "0.1.0",
  webkitVersion: "2.48.3",
  schemaVersion: 1,
  os: "Debian GNU/Linux 12 (bookworm), linux x86_64",
  dataDir: "/home/ada/.local/share/parallax",
  libraryFile: "/home/ada/.local/share/parallax/library.sqlite3",
  libraryBytes: 123456,
  libraryError: null,
  diagnostics: "Parallax 0.1.0\nWebKitGTK 2.48.3\n",
};

describe("AboutState", () => {
  it("reads the facts when opened and copies exactly the diagnostics text", async () => {
    let calls = 0;
    setBackend(backendFrom(async (cmd) => {
      expect(cmd).toBe("about");
      calls += 1;
      return facts as never;
    }));
    const copied: string[] = [];
    const state = new AboutState(async (t) => { copied.push(t); });
    await state.show();
    expect(state.open).toBe(true);
    expect(state.info?.webkitVersion).toBe("2.48.3");
    await state.copy();
    expect(copied).toEqual([facts.diagnostics]);
    expect(state.copyStatus).toMatch(/^Copied/);
    // Opening again re-reads: the library grows while the app runs.
    await state.show();
    expect(calls).toBe(2);
    expect(state.copyStatus).toBeNull();
  });

  it("says what to do when the clipboard refuses, and keeps the panel usable", async () => {
    setBackend(backendFrom(async () => facts as never));
    const state = new AboutState(async () => { throw new Error("no clipboard here"); });
    await state.show();
    await state.copy();
    expect(state.copyStatus).toMatch(/Could not copy \(no clipboard here\): select the text below/);
    expect(state.open).toBe(true);
  });

  it("shows the backend's message when the facts cannot be read", async () => {
    setBackend(backendFrom(async () => { throw { code: "internal", message: "The app is shutting down." }; }));
    const state = new AboutState(async () => {});
    await state.show();
    expect(state.error).toBe("The app is shutting down.");
    expect(state.info).toBeNull();
  });
});
