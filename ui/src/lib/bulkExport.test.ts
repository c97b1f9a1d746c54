import { describe, expect, it } from "vitest";
import {
  filterClients,
  foldText,
  hiddenSelectedCount,
  progressPercent,
  progressText,
  resultText,
  selectedIds,
  selectShown,
  startLabel,
  toggleSelected,
} from "./bulkExport";

const clients = [
  { id: 1, name: "Renée Côté", preferredName: "", email: "renee@example.com" },
  { id: 2, name: "Margaret Olsen", preferredName: "Maggie", email: "mo@example.com" },
  { id: 3, name: "Ana Lucía Pérez", preferredName: "", email: "" },
];

describe("foldText", () => {
  it("drops case and accents", () => {
    expect(foldText("Renée CÔTÉ")).toBe("renee cote");
    expect(foldText("Zoë Ångström")).toBe("zoe angstrom");
  });
});

describe("filterClients", () => {
  it("shows everyone for an empty or blank filter", () => {
    expect(filterClients(clients, "")).toEqual(clients);
    expect(filterClients(clients, "   ")).toEqual(clients);
  });

  it("matches without regard to accents or case, in either direction", () => {
    expect(filterClients(clients, "renee").map((c) => c.id)).toEqual([1]);
    expect(filterClients(clients, "CÔTE").map((c) => c.id)).toEqual([1]);
    expect(filterClients(clients, "lucia perez").map((c) => c.id)).toEqual([3]);
  });

  it("looks at the preferred name and email too", () => {
    expect(filterClients(clients, "maggie").map((c) => c.id)).toEqual([2]);
    expect(filterClients(clients, "mo@").map((c) => c.id)).toEqual([2]);
  });

  it("needs every word to match", () => {
    expect(filterClients(clients, "ana olsen")).toEqual([]);
  });

  it("never changes the list it was given", () => {
    const original = [...clients];
    filterClients(clients, "a");
    expect(clients).toEqual(original);
  });
});

describe("selection", () => {
  it("ticks and unticks one client without touching the original", () => {
    const selected = new Set([1]);
    expect([...toggleSelected(selected, 2, true)]).toEqual([1, 2]);
    expect([...toggleSelected(selected, 1, false)]).toEqual([]);
    expect([...toggleSelected(selected, 1, true)]).toEqual([1]);
    expect([...selected]).toEqual([1]);
  });

  it("adds the shown clients to those ticked before", () => {
    const shown = filterClients(clients, "a");
    expect([...selectShown(new Set([1]), shown)].sort()).toEqual([1, 2, 3]);
    expect([...selectShown(new Set([1]), [])]).toEqual([1]);
  });

  it("lists the ticked ids in list order and leaves out unknown ones", () => {
    expect(selectedIds(clients, new Set([3, 1, 99]))).toEqual([1, 3]);
  });

  it("counts ticked clients the filter hides", () => {
    const shown = filterClients(clients, "maggie");
    expect(hiddenSelectedCount(new Set([1, 2, 3]), shown)).toBe(2);
    expect(hiddenSelectedCount(new Set([2]), shown)).toBe(0);
  });
});

describe("labels", () => {
  it("counts handouts on the start button", () => {
    expect(startLabel(0)).toBe("Export handouts");
    expect(startLabel(1)).toBe("Export 1 handout");
    expect(startLabel(40)).toBe("Export 40 handouts");
  });

  it("says how far it got and whose handout was last", () => {
    expect(progressText({ done: 12, total: 40, clientName: "Renée Côté" })).toBe(
      "12 of 40 · Renée Côté",
    );
    expect(progressText({ done: 0, total: 40, clientName: "" })).toBe("0 of 40");
  });

  it("turns progress into a bounded percentage", () => {
    expect(progressPercent({ done: 12, total: 40, clientName: "" })).toBe(30);
    expect(progressPercent({ done: 1, total: 3, clientName: "" })).toBe(33);
    expect(progressPercent({ done: 0, total: 0, clientName: "" })).toBe(0);
    expect(progressPercent({ done: 5, total: 4, clientName: "" })).toBe(100);
  });

  // What the export ended with: into which folder, how many of how many, stopped or not.
  const result = (folder: string, written: number, total: number, cancelled: boolean) =>
    resultText({ folder, written, total, cancelled });

  it("describes a finished export", () => {
    const folder = "/Users/kim/Handouts";
    expect(result(folder, 40, 40, false)).toBe("Saved 40 handouts to /Users/kim/Handouts");
    expect(result(folder, 1, 1, false)).toBe("Saved 1 handout to /Users/kim/Handouts");
  });

  it("describes a stopped export, unless the stop came after the last one", () => {
    const folder = "C:\\Handouts";
    expect(result(folder, 12, 40, true)).toBe("Stopped after 12 of 40 — saved to C:\\Handouts");
    expect(result(folder, 40, 40, true)).toBe("Saved 40 handouts to C:\\Handouts");
  });
});
