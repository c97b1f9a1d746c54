// The current route as reactive state, kept in step with `location.hash`.
import { formatRoute, parseHash, type Route } from "./routes";

export const router = $state<{ route: Route }>({ route: { name: "dashboard" } });

let started = false;

/** Starts following the hash; call once at start-up. */
export function startRouter(): void {
  if (started) return;
  started = true;
  router.route = parseHash(window.location.hash);
  window.addEventListener("hashchange", () => {
    router.route = parseHash(window.location.hash);
  });
}

/** Shows `route`; `replace` leaves no history entry (e.g. after saving a form). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  if (options.replace) {
    history.replaceState(history.state, "", hash);
  } else if (window.location.hash !== hash) {
    window.location.hash = hash;
    return;
  }
  // replaceState and same-hash navigation fire no hashchange, so update directly.
  router.route = parseHash(hash);
}

export { formatRoute as href };
