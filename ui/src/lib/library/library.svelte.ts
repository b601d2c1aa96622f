//! Library state: articles, stories and search results, loaded through the Backend.
import type { ArticleSummary, Outlet, SearchHit, Story } from "../gen/bindings";
import { backend, errorMessage } from "../backend";

export class LibraryState {
  articles = $state<ArticleSummary[]>([]);
  stories = $state<Story[]>([]);
  outlets = $state<Outlet[]>([]);
  /** Show only this outlet's articles (null: all). */
  outletFilter = $state<number | null>(null);
  hits = $state<SearchHit[] | null>(null);
  query = $state("");
  loading = $state(true);
  error = $state<string | null>(null);
  private searchSeq = 0;

  async load() {
    this.loading = true;
    try {
      const [articles, stories, outlets] = await Promise.all([
        backend().listArticles(), backend().listStories(), backend().listOutlets(),
      ]);
      this.articles = articles;
      this.stories = stories;
      this.outlets = outlets;
      this.error = null;
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.loading = false;
    }
  }

  /** Runs a search; a newer search wins over a slower older one. An empty query shows the library again. */
  async search(query: string) {
    this.query = query;
    const q = query.trim();
    const seq = ++this.searchSeq;
    if (!q) {
      this.hits = null;
      return;
    }
    try {
      const hits = await backend().search(q);
      if (seq === this.searchSeq) {
        this.hits = hits;
        this.error = null;
      }
    } catch (e) {
      if (seq === this.searchSeq) this.error = errorMessage(e);
    }
  }

  private shown = (a: ArticleSummary) => this.outletFilter === null || a.outletId === this.outletFilter;

  /** Articles that belong to no story, for the "other articles" list. */
  get loose(): ArticleSummary[] {
    const inStory = new Set(this.stories.flatMap((s) => s.articles.map((a) => a.id)));
    return this.articles.filter((a) => !inStory.has(a.id) && this.shown(a));
  }

  /** A story's articles under the outlet filter. */
  storyArticles(story: Story): ArticleSummary[] {
    return story.articles.filter(this.shown);
  }
}
