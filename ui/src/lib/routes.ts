// The app's screens as data, and the pure mapping between them and the URL hash.

export type Route =
  | { name: "clients" }
  | { name: "client-new" }
  | { name: "client"; id: number }
  | { name: "client-edit"; id: number }
  | { name: "settings" }
  | { name: "not-found"; path: string };

function parseId(segment: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(segment)) return null;
  return Number(segment);
}

/** `#/clients/12/edit` → `{ name: "client-edit", id: 12 }`. Unknown paths become "not-found". */
export function parseHash(hash: string): Route {
  let path = hash.startsWith("#") ? hash.slice(1) : hash;
  const queryAt = path.search(/[?#]/);
  if (queryAt >= 0) path = path.slice(0, queryAt);
  const segments = path.split("/").filter((segment) => segment !== "");

  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) return { name: "not-found", path };
  if (first === undefined) return { name: "clients" };
  if (first === "settings" && second === undefined) return { name: "settings" };
  if (first !== "clients") return { name: "not-found", path };
  if (second === undefined) return { name: "clients" };
  if (second === "new" && third === undefined) return { name: "client-new" };

  const id = parseId(second);
  if (id === null) return { name: "not-found", path };
  if (third === undefined) return { name: "client", id };
  if (third === "edit") return { name: "client-edit", id };
  return { name: "not-found", path };
}

/** The hash (with the leading `#`) that shows `route`. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case "clients":
      return "#/";
    case "client-new":
      return "#/clients/new";
    case "client":
      return `#/clients/${route.id}`;
    case "client-edit":
      return `#/clients/${route.id}/edit`;
    case "settings":
      return "#/settings";
    case "not-found":
      return "#/";
  }
}

/** Which sidebar section a route belongs to. */
export function sectionOf(route: Route): "clients" | "settings" | null {
  switch (route.name) {
    case "settings":
      return "settings";
    case "not-found":
      return null;
    default:
      return "clients";
  }
}
