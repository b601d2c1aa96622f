//! The reader's highlights: those of the article, resolved on the version shown, and the edits the
//! highlight toolbar and side panel make (colour, note, delete with undo). The backend anchors and
//! resolves; this keeps the list in step with it.
import type { Colour, Highlight, ResolvedHighlight } from "../gen/bindings";
import { backend, errorMessage } from "../backend";

export const COLOURS: Colour[] = ["yellow", "green", "blue", "pink", "purple"];

export class HighlightsState {
  items = $state<ResolvedHighlight[]>([]);
  error = $state<string | null>(null);
  /** The last deleted highlight, until undone or replaced by the next delete. */
  deleted = $state<Highlight | null>(null);
  private articleId = 0;
  private versionId = 0;

  async load(articleId: number, versionId: number) {
    this.articleId = articleId;
    this.versionId = versionId;
    await this.refresh();
  }

  private async refresh() {
    try {
      this.items = await backend().highlightsOn(this.articleId, this.versionId);
      this.error = null;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private async act(f: () => Promise<unknown>): Promise<boolean> {
    try {
      await f();
      await this.refresh();
      return true;
    } catch (e) {
      this.error = errorMessage(e);
      return false;
    }
  }

  /** Highlights `quote` (as selected in paragraph `paragraph`) on the version shown. */
  add(quote: string, colour: Colour, paragraph: number | null, note: string | null = null) {
    return this.act(() => backend().addHighlight(this.articleId, {
      quote, colour, note, versionId: this.versionId, paragraph,
    }));
  }

  setNote(id: number, note: string) {
    return this.act(() => backend().setHighlightNote(id, note.trim() === "" ? null : note));
  }

  setColour(id: number, colour: Colour) {
    return this.act(() => backend().setHighlightColour(id, colour));
  }

  remove(id: number) {
    return this.act(async () => {
      this.deleted = await backend().deleteHighlight(id);
    });
  }

  async undo() {
    const h = this.deleted;
    if (!h) return false;
    const ok = await this.act(() => backend().restoreHighlight(h));
    if (ok) this.deleted = null;
    return ok;
  }

  /** Highlights whose passage this version no longer has: shown as detached notes with the old text. */
  get detached(): ResolvedHighlight[] {
    return this.items.filter((h) => h.resolution.state === "removed");
  }

  /** Highlights made on another version whose passage was edited or removed here. */
  get changed(): ResolvedHighlight[] {
    return this.items.filter((h) => h.onVersionId !== h.highlight.versionId
      && (h.resolution.state === "edited" || h.resolution.state === "removed"));
  }
}
