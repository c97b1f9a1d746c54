// The app's screens as data, and the pure mapping between them and the URL hash.

export type Route =
  | { name: "dashboard" }
  | { name: "clients" }
  | { name: "client-new" }
  | { name: "client"; id: number }
  | { name: "client-edit"; id: number }
  | { name: "client-progress"; id: number }
  | { name: "client-prep"; id: number }
  | { name: "protocols" }
  | { name: "protocol-new" }
  | { name: "protocol"; id: number; version: number | null }
  | { name: "protocol-foods" }
  | { name: "consult"; id: number }
  | { name: "pipeline" }
  | { name: "settings" }
  | { name: "articles" }
  | { name: "article-import" }
  | { name: "article"; id: number }
  | {
      name: "handout-new";
      clientId: number | null;
      articleId: number | null;
      /** One section of that article to start the handout with (a suggestion). */
      sectionId?: number | null;
    }
  | { name: "not-found"; path: string };

function parseId(segment: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(segment)) return null;
  return Number(segment);
}

/** The query string after the path (`?client=3&article=7`) as key → value; the first value wins. */
export function parseQuery(hash: string): Map<string, string> {
  const path = hash.startsWith("#") ? hash.slice(1) : hash;
  const queryAt = path.indexOf("?");
  const result = new Map<string, string>();
  if (queryAt < 0) return result;
  const query = path.slice(queryAt + 1).split("#")[0] ?? "";
  for (const [key, value] of new URLSearchParams(query)) {
    if (!result.has(key)) result.set(key, value);
  }
  return result;
}

/** An optional id in the query: a missing or malformed one is simply not there. */
function queryId(query: Map<string, string>, key: string): number | null {
  const value = query.get(key);
  return value === undefined ? null : parseId(value);
}

/** `#/clients/12/edit` → `{ name: "client-edit", id: 12 }`. Unknown paths become "not-found". */
export function parseHash(hash: string): Route {
  let path = hash.startsWith("#") ? hash.slice(1) : hash;
  const queryAt = path.search(/[?#]/);
  if (queryAt >= 0) path = path.slice(0, queryAt);
  const segments = path.split("/").filter((segment) => segment !== "");

  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) return { name: "not-found", path };
  if (first === undefined) return { name: "dashboard" };
  if (first === "settings" && second === undefined) return { name: "settings" };
  if (first === "pipeline" && second === undefined) return { name: "pipeline" };
  if (first === "articles") {
    if (second === undefined) return { name: "articles" };
    if (third !== undefined) return { name: "not-found", path };
    if (second === "import") return { name: "article-import" };
    const id = parseId(second);
    return id === null ? { name: "not-found", path } : { name: "article", id };
  }
  if (first === "handouts") {
    if (second !== "new" || third !== undefined) return { name: "not-found", path };
    const query = parseQuery(hash);
    const articleId = queryId(query, "article");
    const sectionId = queryId(query, "section");
    return {
      name: "handout-new",
      clientId: queryId(query, "client"),
      articleId,
      ...(articleId !== null && sectionId !== null ? { sectionId } : {}),
    };
  }
  if (first === "protocols") {
    if (second === undefined) return { name: "protocols" };
    if (third !== undefined) return { name: "not-found", path };
    if (second === "new") return { name: "protocol-new" };
    if (second === "foods") return { name: "protocol-foods" };
    const id = parseId(second);
    if (id === null) return { name: "not-found", path };
    return { name: "protocol", id, version: queryId(parseQuery(hash), "version") };
  }
  if (first === "consults") {
    const id = second === undefined ? null : parseId(second);
    if (id === null || third !== undefined) return { name: "not-found", path };
    return { name: "consult", id };
  }
  if (first !== "clients") return { name: "not-found", path };
  if (second === undefined) return { name: "clients" };
  if (second === "new" && third === undefined) return { name: "client-new" };

  const id = parseId(second);
  if (id === null) return { name: "not-found", path };
  if (third === undefined) return { name: "client", id };
  if (third === "edit") return { name: "client-edit", id };
  if (third === "progress") return { name: "client-progress", id };
  if (third === "prep") return { name: "client-prep", id };
  return { name: "not-found", path };
}

/** The hash (with the leading `#`) that shows `route`. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case "dashboard":
      return "#/";
    case "clients":
      return "#/clients";
    case "client-new":
      return "#/clients/new";
    case "client":
      return `#/clients/${route.id}`;
    case "client-edit":
      return `#/clients/${route.id}/edit`;
    case "client-progress":
      return `#/clients/${route.id}/progress`;
    case "client-prep":
      return `#/clients/${route.id}/prep`;
    case "protocols":
      return "#/protocols";
    case "protocol-new":
      return "#/protocols/new";
    case "protocol":
      return route.version === null
        ? `#/protocols/${route.id}`
        : `#/protocols/${route.id}?version=${route.version}`;
    case "protocol-foods":
      return "#/protocols/foods";
    case "consult":
      return `#/consults/${route.id}`;
    case "pipeline":
      return "#/pipeline";
    case "settings":
      return "#/settings";
    case "articles":
      return "#/articles";
    case "article-import":
      return "#/articles/import";
    case "article":
      return `#/articles/${route.id}`;
    case "handout-new": {
      const query = new URLSearchParams();
      if (route.clientId !== null) query.set("client", String(route.clientId));
      if (route.articleId !== null) query.set("article", String(route.articleId));
      if (route.articleId !== null && route.sectionId != null) {
        query.set("section", String(route.sectionId));
      }
      const text = query.toString();
      return text === "" ? "#/handouts/new" : `#/handouts/new?${text}`;
    }
    case "not-found":
      return "#/";
  }
}

export type Section = "dashboard" | "clients" | "pipeline" | "articles" | "protocols" | "settings";

/** Which sidebar section a route belongs to. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case "dashboard":
      return "dashboard";
    case "pipeline":
      return "pipeline";
    case "settings":
      return "settings";
    case "articles":
    case "article-import":
    case "article":
      return "articles";
    case "protocols":
    case "protocol-new":
    case "protocol":
    case "protocol-foods":
      return "protocols";
    case "handout-new":
      // A handout for a client is part of her story; a general one belongs with the articles.
      return route.clientId === null ? "articles" : "clients";
    case "not-found":
      return null;
    default:
      // A consult is part of a client's story.
      return "clients";
  }
}
