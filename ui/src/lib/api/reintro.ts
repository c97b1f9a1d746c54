// The AIP reintroduction tracker: the food catalogue, her board and log, timing warnings,
// and her food lists as a PDF.
import { call } from "./invoke";
import type { Food, FoodInput, LogInput, LogResult, Preview, ReintroBoard } from "./types";

/** The practice's reintroduction food catalogue, by stage then name. */
export function listReintroFoods(): Promise<Food[]> {
  return call("reintro_foods_list");
}

export function createReintroFood(input: FoodInput): Promise<Food> {
  return call("reintro_foods_create", { input });
}

export function updateReintroFood(id: number, input: FoodInput): Promise<Food> {
  return call("reintro_foods_update", { id, input });
}

export function archiveReintroFood(id: number): Promise<null> {
  return call("reintro_foods_archive", { id });
}

/** Every food with her status, and her log (newest first). */
export function reintroBoard(clientId: number): Promise<ReintroBoard> {
  return call("reintro_board_get", { clientId });
}

/** Why starting this food on this date may be too soon (empty when it is fine). */
export function reintroWarnings(
  clientId: number,
  foodId: number,
  onDate: string,
): Promise<string[]> {
  return call("reintro_warnings_list", { clientId, foodId, onDate });
}

/** Records a test; the warnings about its timing come back with the new board. */
export function logReintro(input: LogInput): Promise<LogResult> {
  return call("reintro_log", { input });
}

/** Marks her reaction to a food as settled, so new foods can start. */
export function settleReaction(
  clientId: number,
  foodId: number,
  onDate: string,
): Promise<ReintroBoard> {
  return call("reintro_settle", { clientId, foodId, onDate });
}

/** Her "tolerated" and "to retry" lists as the PDF will print them. */
export function previewReintroLists(clientId: number): Promise<Preview> {
  return call("reintro_lists_preview", { clientId });
}

/** Saves the lists as a PDF through the save dialog; `null` if the coach cancelled. */
export function exportReintroLists(clientId: number): Promise<string | null> {
  return call("reintro_lists_export", { clientId });
}

/** Prints her tolerated and to-retry food lists; false if cancelled. */
export function printReintroLists(clientId: number): Promise<boolean> {
  return call("reintro_lists_print", { clientId });
}
