//! History of the compared article, loaded after the comparison itself is on screen: its versions (for the
//! timeline) and the comparisons of consecutive versions up to the newer compared one (for "first seen" marks).
import type { ComparisonView, VersionInfo } from "../gen/bindings";
import { backend, errorMessage } from "../backend";
import { chainPairs, sentenceHistories, type SentenceHistory, type Step } from "./history";

export class HistoryState {
  versions = $state.raw<VersionInfo[]>([]);
  /** Sentence histories by version number. */
  histories = $state.raw<Map<number, SentenceHistory[]>>(new Map());
  error = $state<string | null>(null);
  private seq = 0;

  /** Loads the history behind `view` when both sides are versions of one article; clears it otherwise. */
  async load(view: ComparisonView): Promise<void> {
    const seq = ++this.seq;
    const { left, right } = view;
    this.error = null;
    if (left.info.articleId !== right.info.articleId) {
      this.versions = [];
      this.histories = new Map();
      return;
    }
    try {
      const versions = await backend().versionsOf(right.info.articleId);
      if (seq !== this.seq) return;
      this.versions = versions;
      const upTo = Math.max(left.info.number, right.info.number);
      const steps: Step[] = await Promise.all(
        chainPairs(versions, upTo).map(async ([a, b]) => {
          // The comparison on screen is one of the steps when it compares consecutive versions: reuse it.
          const comparison = a.id === left.info.id && b.id === right.info.id && view.comparison.mode === "revision"
            ? view.comparison
            : (await backend().compareVersions(a.id, b.id, "revision")).comparison;
          return { from: a.number, to: b.number, comparison };
        }),
      );
      if (seq !== this.seq) return;
      this.histories = sentenceHistories(steps);
    } catch (e) {
      if (seq === this.seq) this.error = errorMessage(e);
    }
  }

  /** The history of sentence `index` of version number `version`, when known. */
  of(version: number, index: number): SentenceHistory | null {
    return this.histories.get(version)?.[index] ?? null;
  }
}
