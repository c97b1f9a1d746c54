import { describe, expect, it } from "vitest";
import type { ClientProtocol, Phase, ProtocolItem } from "$lib/api/types";
import {
  availableSteps,
  completedOn,
  groupPhaseItems,
  lastChangeOn,
  openProtocol,
  pausedSince,
  phaseDates,
} from "./protocolView";

let nextId = 1;
function phase(name: string, items: ProtocolItem[] = []): Phase {
  return { id: nextId++, name, duration: "", aims: "", items };
}

function item(kind: ProtocolItem["kind"], text: string): ProtocolItem {
  return { kind, text, dose: "", timing: "", notes: "" };
}

function protocol(overrides: Partial<ClientProtocol> = {}): ClientProtocol {
  return {
    id: 1,
    clientId: 7,
    templateId: 3,
    templateVersion: 2,
    name: "AIP for Zoë",
    summary: "",
    phases: [phase("Prepare"), phase("Elimination"), phase("Reintroduction")],
    startDate: "2026-01-05",
    currentPhase: 0,
    status: "active",
    history: [{ kind: "phase", phase: 0, onDate: "2026-01-05" }],
    ...overrides,
  };
}

/** Started on 5 January, then completed or paused on `onDate` in its first phase. */
function stoppedOn(status: "completed" | "paused", onDate: string): ClientProtocol {
  return protocol({
    status,
    history: [
      { kind: "phase", phase: 0, onDate: "2026-01-05" },
      { kind: status, phase: 0, onDate },
    ],
  });
}

describe("openProtocol", () => {
  it("finds the active or paused protocol and ignores completed ones", () => {
    const done = protocol({ id: 1, status: "completed" });
    const paused = protocol({ id: 2, status: "paused" });
    expect(openProtocol([paused, done])?.id).toBe(2);
    expect(openProtocol([done])).toBeNull();
    expect(openProtocol([])).toBeNull();
  });
});

describe("phaseDates", () => {
  it("dates each phase from its start to the next phase's start, ignoring pauses", () => {
    const p = protocol({
      currentPhase: 2,
      history: [
        { kind: "phase", phase: 0, onDate: "2026-01-05" },
        { kind: "phase", phase: 1, onDate: "2026-01-19" },
        { kind: "paused", phase: 1, onDate: "2026-02-01" },
        { kind: "resumed", phase: 1, onDate: "2026-02-10" },
        { kind: "phase", phase: 2, onDate: "2026-03-20" },
      ],
    });
    expect(phaseDates(p)).toEqual([
      { from: "2026-01-05", to: "2026-01-19" },
      { from: "2026-01-19", to: "2026-03-20" },
      { from: "2026-03-20", to: null },
    ]);
  });

  it("closes the last phase on completion and leaves unreached phases undated", () => {
    const p = stoppedOn("completed", "2026-01-30");
    expect(phaseDates(p)).toEqual([
      { from: "2026-01-05", to: "2026-01-30" },
      { from: null, to: null },
      { from: null, to: null },
    ]);
    expect(completedOn(p)).toBe("2026-01-30");
    expect(completedOn(protocol())).toBeNull();
  });
});

describe("steps", () => {
  it("offers advancing only while active and not on the last phase", () => {
    expect(availableSteps(protocol())).toEqual(["advance", "pause", "complete"]);
    expect(availableSteps(protocol({ currentPhase: 2 }))).toEqual(["pause", "complete"]);
    expect(availableSteps(protocol({ status: "paused" }))).toEqual(["resume", "complete"]);
    expect(availableSteps(protocol({ status: "completed" }))).toEqual([]);
  });

  it("knows when it was paused and when it last changed", () => {
    const p = stoppedOn("paused", "2026-01-12");
    expect(pausedSince(p)).toBe("2026-01-12");
    expect(pausedSince(protocol())).toBeNull();
    expect(lastChangeOn(p)).toBe("2026-01-12");
    expect(lastChangeOn(protocol({ history: [] }))).toBe("2026-01-05");
  });
});

describe("groupPhaseItems", () => {
  it("groups foods, supplements and lifestyle kinds in handout order", () => {
    const groups = groupPhaseItems(
      phase("Elimination", [
        item("mindset", "Gratitude journal"),
        item("food_include", "Leafy greens 🥬"),
        item("supplement", "Vitamin D"),
        item("food_avoid", "Gluten"),
        item("sleep", "Lights out by 22:30"),
        item("food_include", "Bone broth"),
      ]),
    );
    expect(groups.include.map((i) => i.text)).toEqual(["Leafy greens 🥬", "Bone broth"]);
    expect(groups.avoid.map((i) => i.text)).toEqual(["Gluten"]);
    expect(groups.supplements.map((i) => i.text)).toEqual(["Vitamin D"]);
    expect(groups.lifestyle.map((g) => g.kind)).toEqual(["sleep", "mindset"]);
  });
});
