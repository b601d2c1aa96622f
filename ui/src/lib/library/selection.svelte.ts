//! The reader's selection in the library list: articles picked by click or keyboard (Space toggles, Shift+arrows
//! select the rows passed over), kept across pages and scrolling, and the keyboard cursor.
import type { ArticleSummary } from "../gen/bindings";

export class Selection {
  items = $state<ArticleSummary[]>([]);
  /** Index of the row the keyboard is on, in the list's order. */
  cursor = $state(0);

  has(id: number): boolean {
    return this.items.some((a) => a.id === id);
  }

  get ids(): number[] {
    return this.items.map((a) => a.id);
  }

  toggle(a: ArticleSummary, on = !this.has(a.id)) {
    this.items = on ? [...this.items.filter((s) => s.id !== a.id), a] : this.items.filter((s) => s.id !== a.id);
  }

  /** Moves the cursor by `delta` rows within [0, total); with `extend` (Shift), the rows left and reached are selected. */
  move(delta: number, total: number, rowAt: (i: number) => ArticleSummary | undefined, extend = false) {
    if (total <= 0) return;
    const from = Math.min(this.cursor, total - 1);
    const to = Math.max(0, Math.min(total - 1, from + delta));
    if (extend) {
      const step = to >= from ? 1 : -1;
      for (let i = from; i !== to + step; i += step) {
        const a = rowAt(i);
        if (a && !this.has(a.id)) this.items = [...this.items, a];
      }
    }
    this.cursor = to;
  }

  clear() {
    this.items = [];
  }
}
