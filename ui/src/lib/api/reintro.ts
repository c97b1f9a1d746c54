// The AIP reintroduction tracker: the food catalogue, her board and log, timing warnings,
// and her food lists as a PDF.
import { call } from "./invoke";
import type { FoodInput, LogInput } from "./types";

/** The practice's reintroduction food catalogue, by stage then name. */
export const listReintroFoods = () => call("reintro_foods_list");

export const createReintroFood = (input: FoodInput) => call("reintro_foods_create", { input });

export const updateReintroFood = (id: number, input: FoodInput) =>
  call("reintro_foods_update", { id, input });

export const archiveReintroFood = (id: number) => call("reintro_foods_archive", { id });

/** Every food with her status, and her log (newest first). */
export const reintroBoard = (clientId: number) => call("reintro_board_get", { clientId });

/** Why starting this food on this date may be too soon (empty when it is fine). */
export const reintroWarnings = (clientId: number, foodId: number, onDate: string) =>
  call("reintro_warnings_list", { clientId, foodId, onDate });

/** Records a test; the warnings about its timing come back with the new board. */
export const logReintro = (input: LogInput) => call("reintro_log", { input });

/** Marks her reaction to a food as settled, so new foods can start. */
export const settleReaction = (clientId: number, foodId: number, onDate: string) =>
  call("reintro_settle", { clientId, foodId, onDate });

/** Her "tolerated" and "to retry" lists as the PDF will print them. */
export const previewReintroLists = (clientId: number) =>
  call("reintro_lists_preview", { clientId });

/** Saves the lists as a PDF through the save dialog; `null` if the coach cancelled. */
export const exportReintroLists = (clientId: number) => call("reintro_lists_export", { clientId });

/** Prints her tolerated and to-retry food lists; false if cancelled. */
export const printReintroLists = (clientId: number) => call("reintro_lists_print", { clientId });
