import { describe, expect, it } from "vitest";
import { formatRoute, parseHash, parseQuery, sectionOf, type Route } from "./routes";

describe("parseHash", () => {
  it("treats an empty hash and the root as the dashboard", () => {
    expect(parseHash("")).toEqual({ name: "dashboard" });
    expect(parseHash("#")).toEqual({ name: "dashboard" });
    expect(parseHash("#/")).toEqual({ name: "dashboard" });
  });

  it("parses the client routes", () => {
    expect(parseHash("#/clients")).toEqual({ name: "clients" });
    expect(parseHash("#/clients/new")).toEqual({ name: "client-new" });
    expect(parseHash("#/clients/42")).toEqual({ name: "client", id: 42 });
    expect(parseHash("#/clients/42/edit")).toEqual({ name: "client-edit", id: 42 });
    expect(parseHash("#/settings")).toEqual({ name: "settings" });
  });

  it("parses the pipeline and consult routes", () => {
    expect(parseHash("#/pipeline")).toEqual({ name: "pipeline" });
    expect(parseHash("#/consults/9")).toEqual({ name: "consult", id: 9 });
    expect(parseHash("#/consults/9/")).toEqual({ name: "consult", id: 9 });
  });

  it("tolerates trailing slashes and query strings", () => {
    expect(parseHash("#/clients/")).toEqual({ name: "clients" });
    expect(parseHash("#/clients/7/")).toEqual({ name: "client", id: 7 });
    expect(parseHash("#/settings/")).toEqual({ name: "settings" });
    expect(parseHash("#/clients/7?tab=notes")).toEqual({ name: "client", id: 7 });
  });
});

describe("paths that lead nowhere", () => {
  it.each([
    // Ids that are not positive whole numbers.
    "/clients/0",
    "/clients/-3",
    "/clients/abc",
    "/clients/1.5",
    "/clients/007",
    "/consults/0",
    "/consults/x",
    "/articles/0",
    "/protocols/x",
    // Paths no screen has.
    "/nowhere",
    "/clients/3/delete",
    "/clients/3/edit/more",
    "/settings/extra",
    "/pipeline/extra",
    "/consults",
    "/consults/4/edit",
    "/articles/14/edit",
    "/handouts",
    "/handouts/3",
    "/protocols/3/edit",
  ])("marks %s as not found", (path) => {
    expect(parseHash(`#${path}`)).toEqual({ name: "not-found", path });
  });

  it("names the path without its query", () => {
    expect(parseHash("#/handouts/new/x?client=1")).toEqual({
      name: "not-found",
      path: "/handouts/new/x",
    });
  });
});

describe("articles and handouts", () => {
  it("parses the article routes", () => {
    expect(parseHash("#/articles")).toEqual({ name: "articles" });
    expect(parseHash("#/articles/")).toEqual({ name: "articles" });
    expect(parseHash("#/articles/import")).toEqual({ name: "article-import" });
    expect(parseHash("#/articles/14")).toEqual({ name: "article", id: 14 });
  });

  it("parses a new handout with and without a client or article", () => {
    expect(parseHash("#/handouts/new")).toEqual({
      name: "handout-new",
      clientId: null,
      articleId: null,
    });
    expect(parseHash("#/handouts/new?client=12")).toEqual({
      name: "handout-new",
      clientId: 12,
      articleId: null,
    });
    expect(parseHash("#/handouts/new/?article=3&client=5")).toEqual({
      name: "handout-new",
      clientId: 5,
      articleId: 3,
    });
  });

  it("parses a new handout that starts with one section of an article", () => {
    expect(parseHash("#/handouts/new?client=5&article=3&section=41")).toEqual({
      name: "handout-new",
      clientId: 5,
      articleId: 3,
      sectionId: 41,
    });
    // A section means nothing without its article.
    expect(parseHash("#/handouts/new?client=5&section=41")).toEqual({
      name: "handout-new",
      clientId: 5,
      articleId: null,
    });
  });

  it("ignores malformed or unknown query values", () => {
    const blank = { name: "handout-new", clientId: null, articleId: null };
    expect(parseHash("#/handouts/new?client=abc")).toEqual(blank);
    expect(parseHash("#/handouts/new?client=0")).toEqual(blank);
    expect(parseHash("#/handouts/new?client=")).toEqual(blank);
    expect(parseHash("#/handouts/new?colour=red")).toEqual(blank);
    expect(parseHash("#/handouts/new?client=4&client=9")).toEqual({ ...blank, clientId: 4 });
  });
});

describe("protocols and progress", () => {
  it("parses the protocol routes, with an optional version", () => {
    expect(parseHash("#/protocols")).toEqual({ name: "protocols" });
    expect(parseHash("#/protocols/new")).toEqual({ name: "protocol-new" });
    expect(parseHash("#/protocols/foods")).toEqual({ name: "protocol-foods" });
    expect(parseHash("#/protocols/3")).toEqual({ name: "protocol", id: 3, version: null });
    expect(parseHash("#/protocols/3?version=2")).toEqual({ name: "protocol", id: 3, version: 2 });
    expect(parseHash("#/protocols/3?version=zero")).toEqual({
      name: "protocol",
      id: 3,
      version: null,
    });
  });

  it("parses a client's progress page and round-trips every new route", () => {
    expect(parseHash("#/clients/5/progress")).toEqual({ name: "client-progress", id: 5 });
    expect(parseHash("#/clients/5/prep")).toEqual({ name: "client-prep", id: 5 });
    const routes: Route[] = [
      { name: "client-progress", id: 5 },
      { name: "client-prep", id: 5 },
      { name: "protocols" },
      { name: "protocol-new" },
      { name: "protocol-foods" },
      { name: "protocol", id: 3, version: null },
      { name: "protocol", id: 3, version: 7 },
    ];
    for (const route of routes) expect(parseHash(formatRoute(route))).toEqual(route);
    expect(sectionOf({ name: "protocol", id: 3, version: null })).toBe("protocols");
    expect(sectionOf({ name: "client-progress", id: 5 })).toBe("clients");
  });
});

describe("parseQuery", () => {
  it("reads the query after the path", () => {
    expect(parseQuery("#/handouts/new?client=3&article=7")).toEqual(
      new Map([
        ["client", "3"],
        ["article", "7"],
      ]),
    );
    expect(parseQuery("#/handouts/new")).toEqual(new Map());
    expect(parseQuery("#/x?name=Ren%C3%A9e")).toEqual(new Map([["name", "Renée"]]));
  });
});

describe("formatRoute", () => {
  const routes: Route[] = [
    { name: "dashboard" },
    { name: "clients" },
    { name: "client-new" },
    { name: "client", id: 12 },
    { name: "client-edit", id: 12 },
    { name: "consult", id: 5 },
    { name: "pipeline" },
    { name: "settings" },
    { name: "articles" },
    { name: "article-import" },
    { name: "article", id: 8 },
    { name: "handout-new", clientId: null, articleId: null },
    { name: "handout-new", clientId: 4, articleId: null },
    { name: "handout-new", clientId: 4, articleId: 9 },
    { name: "handout-new", clientId: 4, articleId: 9, sectionId: 30 },
  ];

  it("writes the expected hashes", () => {
    expect(routes.map(formatRoute)).toEqual([
      "#/",
      "#/clients",
      "#/clients/new",
      "#/clients/12",
      "#/clients/12/edit",
      "#/consults/5",
      "#/pipeline",
      "#/settings",
      "#/articles",
      "#/articles/import",
      "#/articles/8",
      "#/handouts/new",
      "#/handouts/new?client=4",
      "#/handouts/new?client=4&article=9",
      "#/handouts/new?client=4&article=9&section=30",
    ]);
  });

  it("round-trips through parseHash", () => {
    for (const route of routes) {
      expect(parseHash(formatRoute(route))).toEqual(route);
    }
  });

  it("sends not-found back to the dashboard", () => {
    expect(formatRoute({ name: "not-found", path: "/x" })).toBe("#/");
  });
});

describe("sectionOf", () => {
  it("highlights the right sidebar link", () => {
    expect(sectionOf({ name: "dashboard" })).toBe("dashboard");
    expect(sectionOf({ name: "clients" })).toBe("clients");
    expect(sectionOf({ name: "client-edit", id: 1 })).toBe("clients");
    expect(sectionOf({ name: "consult", id: 1 })).toBe("clients");
    expect(sectionOf({ name: "pipeline" })).toBe("pipeline");
    expect(sectionOf({ name: "settings" })).toBe("settings");
    expect(sectionOf({ name: "articles" })).toBe("articles");
    expect(sectionOf({ name: "article-import" })).toBe("articles");
    expect(sectionOf({ name: "article", id: 2 })).toBe("articles");
    expect(sectionOf({ name: "handout-new", clientId: null, articleId: 2 })).toBe("articles");
    expect(sectionOf({ name: "handout-new", clientId: 3, articleId: null })).toBe("clients");
    expect(sectionOf({ name: "not-found", path: "/x" })).toBeNull();
  });
});
