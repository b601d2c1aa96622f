import { describe, expect, it } from "vitest";
import { defaultFilter } from "./filter";
import { revision } from "./fixtures";
import { layoutBands } from "./layout";
import { changeStops, keyAction, nextStop, prevStop } from "./navigation";

describe("change stops", () => {
  const bands = layoutBands(revision());

  it("stops at each change once, at a moved sentence's new place rather than its ghost", () => {
    expect(changeStops(bands, defaultFilter).map((i) => bands[i].key)).toEqual(["r0", "r2", "r3", "r5"]);
  });

  it("skips what the filter hides", () => {
    const stops = changeStops(bands, { ...defaultFilter, substantiveOnly: true });
    expect(stops.map((i) => bands[i].key)).toEqual(["r0", "r3"]);
  });

  it("steps forward and back, and stops at the ends", () => {
    const stops = [1, 3, 4, 6];
    expect(nextStop(stops, -1)).toBe(1);
    expect(nextStop(stops, 1)).toBe(3);
    expect(nextStop(stops, 2)).toBe(3);
    expect(nextStop(stops, 6)).toBeNull();
    expect(prevStop(stops, 4)).toBe(3);
    expect(prevStop(stops, 1)).toBeNull();
  });
});

describe("keyAction", () => {
  it("maps n, p, f, i and Escape", () => {
    expect(keyAction({ key: "n" })).toBe("next");
    expect(keyAction({ key: "p" })).toBe("prev");
    expect(keyAction({ key: "f" })).toBe("filter");
    expect(keyAction({ key: "i" })).toBe("inline");
    expect(keyAction({ key: "Escape" })).toBe("back");
    expect(keyAction({ key: "x" })).toBeNull();
  });

  it("leaves typing in a field and shortcuts with modifiers alone", () => {
    expect(keyAction({ key: "n", target: { tagName: "INPUT" } })).toBeNull();
    expect(keyAction({ key: "Escape", target: { tagName: "select" } })).toBeNull();
    expect(keyAction({ key: "f", ctrlKey: true })).toBeNull();
    expect(keyAction({ key: "n", target: { tagName: "DIV", isContentEditable: true } })).toBeNull();
  });
});
