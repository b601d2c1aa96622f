//! Routes of the app window as URL-like hash strings, so any view (a comparison included) can be reopened.
//! Parsing and formatting only; navigation state lives in router.svelte.ts.

export type Route =
  | { name: "library"; query?: string }
  | { name: "article"; articleId: number; versionId?: number }
  | { name: "compare"; left: number; right: number; mode?: "revision" | "accounts" }
  | { name: "highlights" };

function positiveInt(s: string | undefined | null): number | undefined {
  if (!s || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** Parses `#/…` (or the part after `#`) into a route; anything unknown goes to the library. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [path, queryString = ""] = raw.split("?", 2);
  const params = new URLSearchParams(queryString);
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "article") {
    const articleId = positiveInt(parts[1]);
    if (articleId) return { name: "article", articleId, versionId: positiveInt(params.get("v")) };
  }
  if (parts[0] === "compare") {
    const left = positiveInt(parts[1]);
    const right = positiveInt(parts[2]);
    const m = params.get("mode");
    const mode = m === "revision" || m === "accounts" ? m : undefined;
    if (left && right) return { name: "compare", left, right, mode };
  }
  if (parts[0] === "highlights") return { name: "highlights" };
  const q = params.get("q");
  return q ? { name: "library", query: q } : { name: "library" };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case "library":
      return route.query ? `#/?q=${encodeURIComponent(route.query)}` : "#/";
    case "article":
      return `#/article/${route.articleId}` + (route.versionId ? `?v=${route.versionId}` : "");
    case "compare":
      return `#/compare/${route.left}/${route.right}` + (route.mode ? `?mode=${route.mode}` : "");
    case "highlights":
      return "#/highlights";
  }
}
