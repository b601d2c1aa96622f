//! Light / dark / system theme. "system" follows prefers-color-scheme (and its changes); the choice is kept in
//! localStorage. The resolved theme is set as data-theme on <html>, which app.css keys its palettes on.
export type ThemeChoice = "system" | "light" | "dark";

const KEY = "parallax.theme";

function systemPrefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

class Theme {
  choice = $state<ThemeChoice>("system");

  constructor() {
    if (typeof localStorage !== "undefined") {
      const saved = localStorage.getItem(KEY);
      if (saved === "light" || saved === "dark" || saved === "system") this.choice = saved;
      this.apply();
      if (typeof matchMedia === "function") {
        matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => this.apply());
      }
    }
  }

  cycle() {
    this.choice = this.choice === "system" ? "light" : this.choice === "light" ? "dark" : "system";
    localStorage.setItem(KEY, this.choice);
    this.apply();
  }

  private apply() {
    const dark = this.choice === "dark" || (this.choice === "system" && systemPrefersDark());
    document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
  }
}

export const theme = new Theme();
