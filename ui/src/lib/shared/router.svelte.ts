//! The current route, kept in sync with location.hash. Views read `router.route`; links use `href={formatRoute(..)}`.
import { formatRoute, parseRoute, type Route } from "./route";

class Router {
  route = $state<Route>(parseRoute(typeof location === "undefined" ? "" : location.hash));

  constructor() {
    if (typeof window !== "undefined") {
      window.addEventListener("hashchange", () => (this.route = parseRoute(location.hash)));
    }
  }

  go(route: Route) {
    const hash = formatRoute(route);
    if (location.hash !== hash) location.hash = hash;
    else this.route = route;
  }

  back() {
    if (history.length > 1) history.back();
    else this.go({ name: "library" });
  }
}

export const router = new Router();
