//! Routes of the app window as URL-like hash strings, so any view (a comparison included) can be reopened.
//! Parsing and formatting only; navigation state lives in router.svelte.ts.

export type Route =
  | { name: "library"; query?: string }
  | { name: "article"; articleId: number; versionId?: number }
  | { name: "compare"; left: number; right: number; mode?: "revision" | "accounts"; at?: number }
  | { name: "highlights" }
  | { name: "story"; storyId: number; versions?: number[] };

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
    const at = params.get("at");
    const atIndex = at !== null && /^\d+$/.test(at) ? Number(at) : undefined;
    if (left && right) return { name: "compare", left, right, mode, ...(atIndex === undefined ? {} : { at: atIndex }) };
  }
  if (parts[0] === "story") {
    const storyId = positiveInt(parts[1]);
    const versions = (params.get("v") ?? "").split(",").map(positiveInt).filter((v) => v !== undefined);
    if (storyId) return versions.length > 0 ? { name: "story", storyId, versions } : { name: "story", storyId };
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
      return `#/compare/${route.left}/${route.right}` + query([
        ["mode", route.mode],
        ["at", route.at === undefined ? undefined : String(route.at)],
      ]);
    case "highlights":
      return "#/highlights";
    case "story":
      return `#/story/${route.storyId}` + (route.versions?.length ? `?v=${route.versions.join(",")}` : "");
  }
}

function query(pairs: [string, string | undefined][]): string {
  const set = pairs.filter((p): p is [string, string] => p[1] !== undefined);
  return set.length ? `?${set.map(([k, v]) => `${k}=${v}`).join("&")}` : "";
}
