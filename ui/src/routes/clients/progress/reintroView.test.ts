import { describe, expect, it } from "vitest";
import type { ClientFood } from "$lib/api/types";
import { awaitingSettle, foodsByStage, statusCounts } from "./reintroView";

function food(foodId: number, stage: number, overrides: Partial<ClientFood> = {}): ClientFood {
  return {
    foodId,
    name: `Food ${foodId}`,
    stage,
    status: "untested",
    settledOn: null,
    lastLoggedOn: null,
    ...overrides,
  };
}

describe("foodsByStage", () => {
  it("lists the four stages in order, keeping the catalogue's order within each", () => {
    const stages = foodsByStage([food(1, 2), food(2, 1), food(3, 2), food(4, 4)]);
    expect(stages.map((s) => s.stage)).toEqual([1, 2, 3, 4]);
    expect(stages.map((s) => s.foods.map((f) => f.foodId))).toEqual([[2], [1, 3], [], [4]]);
  });

  it("keeps a food from an unexpected stage rather than losing it", () => {
    expect(foodsByStage([food(1, 5)]).map((s) => s.stage)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("statusCounts", () => {
  it("counts each tested status and leaves out untested and empty ones", () => {
    const foods = [
      food(1, 1, { status: "tolerated" }),
      food(2, 1, { status: "tolerated" }),
      food(3, 2, { status: "reacted" }),
      food(4, 2),
    ];
    expect(statusCounts(foods)).toEqual([
      { status: "tolerated", count: 2 },
      { status: "reacted", count: 1 },
    ]);
  });
});

describe("awaitingSettle", () => {
  it("is true only for a reaction not yet marked settled", () => {
    expect(awaitingSettle(food(1, 1, { status: "reacted" }))).toBe(true);
    expect(awaitingSettle(food(1, 1, { status: "reacted", settledOn: "2026-11-24" }))).toBe(false);
    expect(awaitingSettle(food(1, 1, { status: "testing" }))).toBe(false);
  });
});
