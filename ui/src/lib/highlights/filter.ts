//! The Highlights view's search and state filter over the library's highlights (pure, so it is tested alone).
import type { HighlightItem } from "../gen/bindings";

export type StateFilter = "all" | "changed" | "unchanged";

/** Case- and accent-insensitive words for matching. */
function fold(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** True when the highlight's passage was edited or removed on its article's newest version. */
export function changedSince(item: HighlightItem): boolean {
  const s = item.latest.resolution.state;
  return s === "edited" || s === "removed";
}

/** Items whose quote, note or article title contain every word of `query`, in the state asked for. */
export function filterHighlights(items: HighlightItem[], query: string, state: StateFilter): HighlightItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (state === "changed" && !changedSince(item)) return false;
    if (state === "unchanged" && changedSince(item)) return false;
    const h = item.entry.highlight;
    const hay = fold(`${h.quote} ${h.note ?? ""} ${item.entry.title} ${item.entry.outlet}`);
    return words.every((w) => hay.includes(w));
  });
}
