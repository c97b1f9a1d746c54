// Her reintroduction board as the screen lists it: foods by stage, and a count per status.
import type { ClientFood, FoodStatus } from "$lib/api/types";

export type Stage = { stage: number; foods: ClientFood[] };

/** Stages 1–4 in order (each shown even when empty), then any other stage the catalogue has. */
export function foodsByStage(foods: ClientFood[]): Stage[] {
  const stages = new Map<number, ClientFood[]>([1, 2, 3, 4].map((stage) => [stage, []]));
  for (const food of foods) {
    const list = stages.get(food.stage);
    if (list === undefined) stages.set(food.stage, [food]);
    else list.push(food);
  }
  return [...stages.entries()]
    .sort(([a], [b]) => a - b)
    .map(([stage, list]) => ({ stage, foods: list }));
}

/** How many foods have each status other than untested, in the order the coach reads them. */
export function statusCounts(foods: ClientFood[]): { status: FoodStatus; count: number }[] {
  const order: FoodStatus[] = ["testing", "tolerated", "reacted", "retest_later"];
  return order
    .map((status) => ({ status, count: foods.filter((food) => food.status === status).length }))
    .filter((entry) => entry.count > 0);
}

/** A reaction she is still waiting to settle: the coach can mark it settled. */
export function awaitingSettle(food: ClientFood): boolean {
  return food.status === "reacted" && food.settledOn === null;
}
