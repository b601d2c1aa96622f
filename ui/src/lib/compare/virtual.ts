//! Virtual scrolling for rows of different heights: estimated heights until a row has been rendered and measured,
//! prefix sums for offsets, and the window of rows to render for a scroll position. Pure; the list component
//! measures and scrolls.

/** Heights of a list of items, by key, so a measured height survives a filter change that rebuilds the list. */
export class Heights {
  private heights: Float64Array;
  private prefix: Float64Array;
  private dirty = true;

  constructor(
    private readonly keys: string[],
    estimate: (i: number) => number,
    private readonly measured: Map<string, number> = new Map(),
  ) {
    this.heights = new Float64Array(keys.length);
    this.prefix = new Float64Array(keys.length + 1);
    keys.forEach((k, i) => (this.heights[i] = measured.get(k) ?? estimate(i)));
  }

  get length(): number {
    return this.keys.length;
  }

  height(i: number): number {
    return this.heights[i];
  }

  /** Records a rendered item's real height; returns the change in pixels (0 when it was known). */
  measure(i: number, px: number): number {
    if (i < 0 || i >= this.heights.length || !(px > 0)) return 0;
    this.measured.set(this.keys[i], px);
    const delta = px - this.heights[i];
    if (Math.abs(delta) < 0.5) return 0;
    this.heights[i] = px;
    this.dirty = true;
    return delta;
  }

  private sums(): Float64Array {
    if (this.dirty) {
      for (let i = 0; i < this.heights.length; i++) this.prefix[i + 1] = this.prefix[i] + this.heights[i];
      this.dirty = false;
    }
    return this.prefix;
  }

  /** Top of item i (i === length: the total height). */
  offset(i: number): number {
    const p = this.sums();
    return p[Math.max(0, Math.min(i, this.heights.length))];
  }

  total(): number {
    return this.offset(this.heights.length);
  }

  /** The item covering pixel y (clamped to the list). */
  indexAt(y: number): number {
    const p = this.sums();
    const n = this.heights.length;
    if (n === 0) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Items to render for a viewport: [start, end) plus the blank space above and below them. */
  window(scrollTop: number, viewport: number, overscan = 400): Window {
    const n = this.heights.length;
    if (n === 0) return { start: 0, end: 0, before: 0, after: 0 };
    const start = this.indexAt(Math.max(0, scrollTop - overscan));
    let end = this.indexAt(scrollTop + viewport + overscan) + 1;
    end = Math.min(n, Math.max(end, start + 1));
    return { start, end, before: this.offset(start), after: this.total() - this.offset(end) };
  }
}

export interface Window {
  start: number;
  end: number;
  /** Pixels of unrendered items above `start` and below `end`. */
  before: number;
  after: number;
}

/** A first guess at a row's height before it is rendered: wrapped lines of its longest cell. */
export function estimateHeight(chars: number, charsPerLine: number, lineHeight: number, padding: number): number {
  const lines = Math.max(1, Math.ceil(chars / Math.max(10, charsPerLine)));
  return lines * lineHeight + padding;
}

/** Where to scroll so item i sits a little below the top of the viewport (a reader keeps some context above). */
export function scrollTargetFor(h: Heights, i: number, viewport: number): number {
  const top = h.offset(i);
  return Math.max(0, Math.min(top - viewport * 0.25, h.total() - viewport));
}
