//! Light / dark / system theme. "system" follows prefers-color-scheme through CSS; the choice is kept in localStorage.
export type ThemeChoice = "system" | "light" | "dark";

const KEY = "parallax.theme";

class Theme {
  choice = $state<ThemeChoice>("system");

  constructor() {
    if (typeof localStorage !== "undefined") {
      const saved = localStorage.getItem(KEY);
      if (saved === "light" || saved === "dark" || saved === "system") this.choice = saved;
      this.apply();
    }
  }

  cycle() {
    this.choice = this.choice === "system" ? "light" : this.choice === "light" ? "dark" : "system";
    localStorage.setItem(KEY, this.choice);
    this.apply();
  }

  private apply() {
    const root = document.documentElement;
    if (this.choice === "system") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", this.choice);
  }
}

export const theme = new Theme();
