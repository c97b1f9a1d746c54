import { describe, expect, it } from "vitest";
import { formatRoute, parseHash, sectionOf, type Route } from "./routes";

describe("parseHash", () => {
  it("treats an empty hash and the root as the clients list", () => {
    expect(parseHash("")).toEqual({ name: "clients" });
    expect(parseHash("#")).toEqual({ name: "clients" });
    expect(parseHash("#/")).toEqual({ name: "clients" });
    expect(parseHash("#/clients")).toEqual({ name: "clients" });
  });

  it("parses the client routes", () => {
    expect(parseHash("#/clients/new")).toEqual({ name: "client-new" });
    expect(parseHash("#/clients/42")).toEqual({ name: "client", id: 42 });
    expect(parseHash("#/clients/42/edit")).toEqual({ name: "client-edit", id: 42 });
    expect(parseHash("#/settings")).toEqual({ name: "settings" });
  });

  it("tolerates trailing slashes and query strings", () => {
    expect(parseHash("#/clients/7/")).toEqual({ name: "client", id: 7 });
    expect(parseHash("#/settings/")).toEqual({ name: "settings" });
    expect(parseHash("#/clients/7?tab=notes")).toEqual({ name: "client", id: 7 });
  });

  it("rejects ids that are not positive whole numbers", () => {
    expect(parseHash("#/clients/0")).toEqual({ name: "not-found", path: "/clients/0" });
    expect(parseHash("#/clients/-3")).toEqual({ name: "not-found", path: "/clients/-3" });
    expect(parseHash("#/clients/abc")).toEqual({ name: "not-found", path: "/clients/abc" });
    expect(parseHash("#/clients/1.5")).toEqual({ name: "not-found", path: "/clients/1.5" });
    expect(parseHash("#/clients/007")).toEqual({ name: "not-found", path: "/clients/007" });
  });

  it("marks unknown paths as not found", () => {
    expect(parseHash("#/nowhere")).toEqual({ name: "not-found", path: "/nowhere" });
    expect(parseHash("#/clients/3/delete")).toEqual({
      name: "not-found",
      path: "/clients/3/delete",
    });
    expect(parseHash("#/clients/3/edit/more")).toEqual({
      name: "not-found",
      path: "/clients/3/edit/more",
    });
    expect(parseHash("#/settings/extra")).toEqual({ name: "not-found", path: "/settings/extra" });
  });
});

describe("formatRoute", () => {
  const routes: Route[] = [
    { name: "clients" },
    { name: "client-new" },
    { name: "client", id: 12 },
    { name: "client-edit", id: 12 },
    { name: "settings" },
  ];

  it("writes the expected hashes", () => {
    expect(routes.map(formatRoute)).toEqual([
      "#/",
      "#/clients/new",
      "#/clients/12",
      "#/clients/12/edit",
      "#/settings",
    ]);
  });

  it("round-trips through parseHash", () => {
    for (const route of routes) {
      expect(parseHash(formatRoute(route))).toEqual(route);
    }
  });

  it("sends not-found back to the list", () => {
    expect(formatRoute({ name: "not-found", path: "/x" })).toBe("#/");
  });
});

describe("sectionOf", () => {
  it("highlights the right sidebar link", () => {
    expect(sectionOf({ name: "client-edit", id: 1 })).toBe("clients");
    expect(sectionOf({ name: "settings" })).toBe("settings");
    expect(sectionOf({ name: "not-found", path: "/x" })).toBeNull();
  });
});
