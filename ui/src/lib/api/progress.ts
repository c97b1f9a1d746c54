// Progress tracking: the AIP reintroduction tracker, symptom check-ins, the trend chart's data
// and the CSV export, and the per-client option to hide tracking.
import { call } from "./invoke";
import type {
  Chart,
  CheckIn,
  CheckInInput,
  Food,
  FoodInput,
  Printable,
  LogInput,
  LogResult,
  ReintroBoard,
  Symptom,
} from "./types";

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
export function previewReintroLists(clientId: number): Promise<Printable> {
  return call("reintro_lists_preview", { clientId });
}

/** Saves the lists as a PDF through the save dialog; `null` if the coach cancelled. */
export function exportReintroLists(clientId: number): Promise<string | null> {
  return call("reintro_lists_export", { clientId });
}

/** The practice's symptom list in order (archived ones only when asked). */
export function listSymptoms(includeArchived: boolean): Promise<Symptom[]> {
  return call("checkins_symptoms_list", { includeArchived });
}

/** Each of these returns the whole list (archived included) after the change. */
export function addSymptom(name: string): Promise<Symptom[]> {
  return call("checkins_symptoms_create", { name });
}

export function renameSymptom(id: number, name: string): Promise<Symptom[]> {
  return call("checkins_symptoms_rename", { id, name });
}

export function setSymptomArchived(id: number, archived: boolean): Promise<Symptom[]> {
  return call("checkins_symptoms_set_archived", { id, archived });
}

/** `by` is -1 (up) or 1 (down). */
export function moveSymptom(id: number, by: number): Promise<Symptom[]> {
  return call("checkins_symptoms_move", { id, by });
}

export function addCheckIn(input: CheckInInput): Promise<CheckIn> {
  return call("checkins_create", { input });
}

export function updateCheckIn(id: number, input: CheckInInput): Promise<CheckIn> {
  return call("checkins_update", { id, input });
}

export function deleteCheckIn(id: number): Promise<null> {
  return call("checkins_delete", { id });
}

/** Newest first. */
export function checkInsForClient(clientId: number): Promise<CheckIn[]> {
  return call("checkins_list", { clientId });
}

/** Dates (oldest first), one series per symptom, phase bands and reintroduction markers. */
export function checkInChart(clientId: number): Promise<Chart> {
  return call("checkins_chart", { clientId });
}

/** Saves her check-ins as CSV through the save dialog; `null` if the coach cancelled. */
export function exportCheckInsCsv(clientId: number): Promise<string | null> {
  return call("checkins_csv_export", { clientId });
}

export function trackingHidden(clientId: number): Promise<boolean> {
  return call("checkins_tracking_hidden", { clientId });
}

export function setTrackingHidden(clientId: number, hidden: boolean): Promise<boolean> {
  return call("checkins_tracking_set_hidden", { clientId, hidden });
}

/** Prints her tolerated and to-retry food lists; false if cancelled. */
export function printReintroLists(clientId: number): Promise<boolean> {
  return call("reintro_lists_print", { clientId });
}
