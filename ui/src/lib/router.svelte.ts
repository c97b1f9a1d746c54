// The current route as reactive state, kept in step with `location.hash`.
import { formatRoute, parseHash, type Route } from "./routes";

export const router = $state<{ route: Route }>({ route: { name: "dashboard" } });

/** A move away from a page with unsaved changes, waiting for her answer. */
export const leaving = $state<{ to: Route | null }>({ to: null });

let started = false;
let hasUnsavedChanges: (() => boolean) | null = null;

/**
 * While `check` says there are unsaved changes, moving to another page asks first (the
 * LeaveDialog in App shows the question). Returns the function that stops guarding.
 */
export function guardUnsavedChanges(check: () => boolean): () => void {
  hasUnsavedChanges = check;
  return () => {
    if (hasUnsavedChanges === check) hasUnsavedChanges = null;
  };
}

/** Starts following the hash; call once at start-up. */
export function startRouter(): void {
  if (started) return;
  started = true;
  router.route = parseHash(window.location.hash);
  window.addEventListener("hashchange", () => {
    const to = parseHash(window.location.hash);
    if (hasUnsavedChanges?.()) {
      // Stay on the page (the address goes back without a new history entry) and ask.
      history.replaceState(history.state, "", formatRoute(router.route));
      leaving.to = to;
      return;
    }
    router.route = to;
  });
}

/** Her answer to "Leave without saving?". */
export function answerLeaving(leave: boolean): void {
  const to = leaving.to;
  leaving.to = null;
  if (!leave || to === null) return;
  hasUnsavedChanges = null;
  navigate(to);
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
