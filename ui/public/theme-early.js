// Sets the saved theme before the first paint, as theme.svelte.ts will ("system" follows prefers-color-scheme).
(function () {
  var saved = null;
  try { saved = localStorage.getItem("parallax.theme"); } catch (e) { /* storage off: the system theme */ }
  var dark = saved === "dark" || (saved !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
})();
