//! Reader state: an article's versions and the one being read.
import type { Version, VersionInfo } from "../gen/bindings";
import { backend, errorMessage } from "../backend";

export class ReaderState {
  versions = $state<VersionInfo[]>([]);
  version = $state<Version | null>(null);
  error = $state<string | null>(null);

  /** Loads the article's versions and shows `versionId`, or the latest when none is given. */
  async load(articleId: number, versionId?: number) {
    try {
      this.versions = await backend().versionsOf(articleId);
      const pick = versionId ?? this.versions[this.versions.length - 1]?.id;
      if (pick == null) throw new Error("This article has no versions.");
      this.version = await backend().getVersion(pick);
      this.error = null;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  /** The version before the one shown, to compare with; none for the first. */
  get previous(): VersionInfo | undefined {
    const i = this.versions.findIndex((v) => v.id === this.version?.info.id);
    return i > 0 ? this.versions[i - 1] : undefined;
  }
}
