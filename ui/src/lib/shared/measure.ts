//! Measuring the rendered rows of a virtualised list: one ResizeObserver records each row's real height (found by
//! its `data-key`) and keeps the reading position steady when a row above the viewport changes height.
import type { Heights } from "../compare/virtual";

export interface MeasureTarget {
  heights: () => Heights;
  indexOf: (key: string) => number | undefined;
  scroller: () => HTMLElement | null;
  /** Pixels inside the scroller above the first row (a sticky header), 0 when none. */
  above?: () => number;
  /** Called once per batch in which some height changed. */
  changed: () => void;
}

/** An attachment for each rendered row: `{@attach measure}`. */
export function rowMeasurer(t: MeasureTarget): (el: HTMLElement) => () => void {
  let observer: ResizeObserver | null = null;
  return (el) => {
    observer ??= new ResizeObserver((entries) => {
      let changed = false;
      const heights = t.heights();
      const scroller = t.scroller();
      for (const e of entries) {
        const i = t.indexOf((e.target as HTMLElement).dataset.key ?? "");
        if (i === undefined) continue;
        const above = heights.offset(i) + heights.height(i) <= (scroller?.scrollTop ?? 0) - (t.above?.() ?? 0);
        const delta = heights.measure(i, (e.target as HTMLElement).offsetHeight);
        if (delta !== 0) {
          changed = true;
          if (above && scroller) scroller.scrollTop += delta;
        }
      }
      if (changed) t.changed();
    });
    observer.observe(el);
    return () => observer?.unobserve(el);
  };
}
