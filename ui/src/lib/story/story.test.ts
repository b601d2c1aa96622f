import { describe, expect, it } from "vitest";
import { backendFrom, setBackend } from "../backend";
import { StoryState } from "./story.svelte";
import { storyView } from "./fixtures";

describe("StoryState", () => {
  it("loads the story with the picked versions and steps n/p through the disputed rows shown", async () => {
    const asked: unknown[] = [];
    setBackend(backendFrom(async (cmd, args) => {
      asked.push([cmd, args]);
      return storyView() as never;
    }));
    const s = new StoryState();
    await s.load(7, [12]);
    expect(asked).toEqual([["story_view", { storyId: 7, versions: [12] }]]);
    expect(s.rows.length).toBe(5);
    // Disputed rows are 0 and 4; from the top, n goes to 0, then 4, then stays (null) at the end.
    expect(s.next()).toBe(0);
    expect(s.next()).toBe(4);
    expect(s.next()).toBeNull();
    expect(s.current).toBe(4);
    expect(s.prev()).toBe(0);
    expect(s.scrollRequest?.row).toBe(0);
    // With "disputed only" the positions are those of the shown rows.
    s.setFilter({ disputedOnly: true });
    expect(s.shown.map((r) => r.index)).toEqual([0, 4]);
    expect(s.current).toBe(-1);
    expect(s.next()).toBe(0);
    expect(s.next()).toBe(1);
    expect(s.missing.map((l) => l.length)).toEqual([1, 2, 1]);
  });

  it("shows the reason when a story cannot be opened, and keeps the view up", async () => {
    setBackend(backendFrom(async () => {
      throw { code: "invalid_input", message: "Story 9 holds 1 article(s); a story view needs at least two." };
    }));
    const s = new StoryState();
    await s.load(9, undefined);
    expect(s.view).toBeNull();
    expect(s.error).toContain("needs at least two");
    expect(s.loading).toBe(false);
  });
});
