// Symptom check-ins: the symptom list, her check-ins, the trend chart's data, the CSV export
// and the per-client option to hide tracking.
import { call } from "./invoke";
import type { Chart, CheckIn, CheckInInput, Symptom } from "./types";

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
