import { describe, expect, it } from "vitest";
import { estimateHeight, Heights, scrollTargetFor } from "./virtual";

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe("Heights", () => {
  it("renders only the rows in and near the viewport of a long list", () => {
    const h = new Heights(keys(10_000), () => 50);
    const w = h.window(100_000, 800, 200);
    expect(w.start).toBe(1996);
    expect(w.end).toBe(2021);
    expect(w.end - w.start).toBeLessThan(30);
    expect(w.before).toBe(1996 * 50);
    expect(w.before + (w.end - w.start) * 50 + w.after).toBe(500_000);
  });

  it("starts at the top and never renders past the end", () => {
    const h = new Heights(keys(5), () => 100);
    expect(h.window(0, 800)).toEqual({ start: 0, end: 5, before: 0, after: 0 });
    expect(new Heights([], () => 1).window(0, 800)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it("updates offsets when a row is measured, and reports the change for scroll correction", () => {
    const h = new Heights(keys(4), () => 50);
    expect(h.measure(1, 80)).toBe(30);
    expect(h.measure(1, 80)).toBe(0);
    expect(h.offset(2)).toBe(130);
    expect(h.total()).toBe(230);
    expect(h.indexAt(129)).toBe(1);
    expect(h.indexAt(130)).toBe(2);
  });

  it("keeps measured heights by key across a rebuilt list (a filter change)", () => {
    const cache = new Map<string, number>();
    const a = new Heights(["x", "y", "z"], () => 50, cache);
    a.measure(2, 120);
    const b = new Heights(["z", "w"], () => 50, cache);
    expect(b.height(0)).toBe(120);
    expect(b.height(1)).toBe(50);
  });

  it("scrolls a target a little below the top, clamped to the list", () => {
    const h = new Heights(keys(100), () => 40);
    expect(scrollTargetFor(h, 50, 400)).toBe(2000 - 100);
    expect(scrollTargetFor(h, 0, 400)).toBe(0);
    expect(scrollTargetFor(h, 99, 400)).toBe(4000 - 400);
  });
});

describe("estimateHeight", () => {
  it("counts wrapped lines of the longest cell", () => {
    expect(estimateHeight(0, 60, 24, 10)).toBe(34);
    expect(estimateHeight(130, 60, 24, 10)).toBe(3 * 24 + 10);
  });
});
