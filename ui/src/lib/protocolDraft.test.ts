import { describe, expect, it } from "vitest";
import type { ProtocolItem, TemplateVersion } from "./api/types";
import {
  doseAndTiming,
  emptyDraft,
  groupItems,
  hasUnsavedChanges,
  isFormProblem,
  ITEM_KINDS,
  itemGroupLabel,
  itemKindLabel,
  movePhase,
  newItem,
  newPhase,
  phaseHasProblem,
  problemFor,
  problemSummary,
  toDraft,
} from "./protocolDraft";

function item(kind: ProtocolItem["kind"], text: string, extra: Partial<ProtocolItem> = {}) {
  return { ...newItem(kind), text, ...extra };
}

const version: TemplateVersion = {
  templateId: 3,
  version: 4,
  name: "Gut healing 🌿",
  summary: "For Zoë and 李小龙",
  createdAt: "2026-03-01T10:00:00Z",
  isCurrent: true,
  phases: [
    {
      id: 1,
      name: "Remove",
      duration: "30–90 days",
      aims: "Calm things down",
      items: [
        item("food_include", "Bone broth"),
        item("supplement", "L-glutamine", { dose: "5 g", timing: "morning" }),
        item("food_avoid", "Gluten", { notes: "Also hidden in sauces" }),
      ],
    },
    { id: 2, name: "Repair", duration: "", aims: "", items: [] },
  ],
};

describe("item kinds", () => {
  it("have the labels the coach reads", () => {
    expect(ITEM_KINDS.map(itemKindLabel)).toEqual([
      "Foods to enjoy",
      "Foods to avoid",
      "Supplement",
      "Sleep",
      "Stress",
      "Movement",
      "Mindset practice",
    ]);
    expect(itemGroupLabel("supplement")).toBe("Supplements");
    expect(itemGroupLabel("mindset")).toBe("Mindset practice");
  });
});

describe("new drafts", () => {
  it("start empty, with one phase to fill in", () => {
    expect(emptyDraft()).toEqual({
      name: "",
      summary: "",
      phases: [{ id: 0, name: "", duration: "", aims: "", items: [] }],
    });
    expect(newItem()).toEqual({ kind: "food_include", text: "", dose: "", timing: "", notes: "" });
    expect(newItem("sleep").kind).toBe("sleep");
  });

  it("are fresh objects each time", () => {
    const a = newPhase();
    a.items.push(newItem());
    expect(newPhase().items).toEqual([]);
  });
});

describe("toDraft", () => {
  it("copies name, summary and phases, dropping version details", () => {
    const draft = toDraft(version);
    expect(Object.keys(draft).sort()).toEqual(["name", "phases", "summary"]);
    expect(draft.name).toBe("Gut healing 🌿");
    expect(draft.phases[0]?.items[1]).toEqual(version.phases[0]?.items[1]);
  });

  it("is a deep copy: editing it leaves the version alone", () => {
    const draft = toDraft(version);
    draft.phases[0]!.name = "Changed";
    draft.phases[0]!.items[0]!.text = "Changed";
    draft.phases[0]!.items.push(newItem());
    draft.phases.push(newPhase());
    expect(version.phases[0]?.name).toBe("Remove");
    expect(version.phases[0]?.items[0]?.text).toBe("Bone broth");
    expect(version.phases[0]?.items).toHaveLength(3);
    expect(version.phases).toHaveLength(2);
  });
});

describe("movePhase", () => {
  it("moves a phase up or down", () => {
    expect(movePhase(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(movePhase(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
  });

  it("leaves the order alone past either end", () => {
    expect(movePhase(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(movePhase(["a", "b"], 1, 1)).toEqual(["a", "b"]);
    expect(movePhase(["a", "b"], 5, -1)).toEqual(["a", "b"]);
  });

  it("keeps the same phase objects and never changes the list given", () => {
    const phases = [newPhase(), newPhase()];
    const moved = movePhase(phases, 0, 1);
    expect(moved[1]).toBe(phases[0]);
    expect(moved).not.toBe(phases);
  });
});

describe("hasUnsavedChanges", () => {
  it("is false for an untouched copy", () => {
    expect(hasUnsavedChanges(toDraft(version), toDraft(version))).toBe(false);
  });

  it("ignores spaces the backend trims anyway", () => {
    const draft = toDraft(version);
    draft.name = "  Gut healing 🌿 ";
    draft.phases[0]!.items[0]!.notes = " ";
    expect(hasUnsavedChanges(toDraft(version), draft)).toBe(false);
  });

  it("sees edits anywhere in the draft", () => {
    const saved = toDraft(version);
    const kind = toDraft(version);
    kind.phases[0]!.items[0]!.kind = "food_avoid";
    expect(hasUnsavedChanges(saved, kind)).toBe(true);

    const dose = toDraft(version);
    dose.phases[0]!.items[1]!.dose = "10 g";
    expect(hasUnsavedChanges(saved, dose)).toBe(true);

    const added = toDraft(version);
    added.phases[1]!.items.push(newItem());
    expect(hasUnsavedChanges(saved, added)).toBe(true);

    const moved = toDraft(version);
    moved.phases = movePhase(moved.phases, 0, 1);
    expect(hasUnsavedChanges(saved, moved)).toBe(true);
  });
});

describe("groupItems", () => {
  it("groups by kind in the usual order, keeping each item's position", () => {
    const groups = groupItems([
      item("supplement", "Magnesium"),
      item("food_include", "Salmon"),
      item("food_avoid", "Sugar"),
      item("food_include", "Greens"),
    ]);
    expect(groups.map((group) => group.kind)).toEqual(["food_include", "food_avoid", "supplement"]);
    expect(groups[0]?.label).toBe("Foods to enjoy");
    expect(groups[0]?.items.map((entry) => [entry.index, entry.item.text])).toEqual([
      [1, "Salmon"],
      [3, "Greens"],
    ]);
    expect(groups[2]?.label).toBe("Supplements");
  });

  it("has no groups for no items", () => {
    expect(groupItems([])).toEqual([]);
  });
});

describe("doseAndTiming", () => {
  it("joins whichever are given", () => {
    expect(
      doseAndTiming(item("supplement", "D3", { dose: "1 capsule", timing: "with lunch" })),
    ).toBe("1 capsule, with lunch");
    expect(doseAndTiming(item("supplement", "D3", { timing: " bedtime " }))).toBe("bedtime");
    expect(doseAndTiming(item("supplement", "D3"))).toBe("");
  });
});

describe("problems", () => {
  const problems = [
    { field: "name", reason: "Give the protocol a name." },
    { field: "phases.2.name", reason: "Give phase 3 a name." },
    { field: "phases.0.items.3.text", reason: "Item 4 of phase 1 is empty." },
    { field: "draft.phases.0.items.3.text", reason: "Too long." },
    { field: "startDate", reason: "Choose a start date." },
  ];

  it("finds the reasons for one field", () => {
    expect(problemFor(problems, "name")).toBe("Give the protocol a name.");
    expect(problemFor(problems, "phases.0.items.3.text")).toBe(
      "Item 4 of phase 1 is empty. Too long.",
    );
    expect(problemFor(problems, "phases.0.name")).toBeUndefined();
    expect(problemFor(problems, "summary")).toBeUndefined();
  });

  it("knows which phase a problem is in", () => {
    expect(phaseHasProblem(problems, 0)).toBe(true);
    expect(phaseHasProblem(problems, 2)).toBe(true);
    expect(phaseHasProblem(problems, 1)).toBe(false);
    // Phase 1 is not phase 10.
    expect(phaseHasProblem([{ field: "phases.10.name", reason: "x" }], 1)).toBe(false);
  });

  it("tells the form's own fields from the rest", () => {
    expect(isFormProblem({ field: "phases.1.aims", reason: "" })).toBe(true);
    expect(isFormProblem({ field: "phases.1.items.0.dose", reason: "" })).toBe(true);
    expect(isFormProblem({ field: "phases", reason: "" })).toBe(true);
    expect(isFormProblem({ field: "startDate", reason: "" })).toBe(false);
    expect(isFormProblem({ field: "phases.1.items.0.colour", reason: "" })).toBe(false);
  });

  it("sums them up above the form", () => {
    expect(problemSummary(problems, "Refused.")).toBe(
      "Please check the 4 highlighted fields below. Choose a start date.",
    );
    expect(problemSummary(problems.slice(0, 1), "Refused.")).toBe(
      "Please check the highlighted field below.",
    );
    expect(problemSummary([], "Refused.")).toBe("Refused.");
  });
});
