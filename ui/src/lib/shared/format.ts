//! Formatting of times and counts for display. Times are unix seconds (UTC) from the store.

export function formatTime(unixSeconds: number | null | undefined, now: Date = new Date()): string {
  if (unixSeconds == null) return "";
  const d = new Date(unixSeconds * 1000);
  const sameYear = d.getFullYear() === now.getFullYear();
  return d.toLocaleString(undefined, {
    year: sameYear ? undefined : "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
