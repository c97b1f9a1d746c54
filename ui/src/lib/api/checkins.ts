// Symptom check-ins: the symptom list, her check-ins, the trend chart's data, the CSV export
// and the per-client option to hide tracking.
import { call } from "./invoke";
import type { CheckInInput } from "./types";

/** The practice's symptom list in order (archived ones only when asked). */
export const listSymptoms = (includeArchived: boolean) =>
  call("checkins_symptoms_list", { includeArchived });

/** Each of these returns the whole list (archived included) after the change. */
export const addSymptom = (name: string) => call("checkins_symptoms_create", { name });

export const renameSymptom = (id: number, name: string) =>
  call("checkins_symptoms_rename", { id, name });

export const setSymptomArchived = (id: number, archived: boolean) =>
  call("checkins_symptoms_set_archived", { id, archived });

/** `by` is -1 (up) or 1 (down). */
export const moveSymptom = (id: number, by: number) => call("checkins_symptoms_move", { id, by });

export const addCheckIn = (input: CheckInInput) => call("checkins_create", { input });

export const updateCheckIn = (id: number, input: CheckInInput) =>
  call("checkins_update", { id, input });

export const deleteCheckIn = (id: number) => call("checkins_delete", { id });

/** Newest first. */
export const checkInsForClient = (clientId: number) => call("checkins_list", { clientId });

/** Dates (oldest first), one series per symptom, phase bands and reintroduction markers. */
export const checkInChart = (clientId: number) => call("checkins_chart", { clientId });

/** Saves her check-ins as CSV through the save dialog; `null` if the coach cancelled. */
export const exportCheckInsCsv = (clientId: number) => call("checkins_csv_export", { clientId });

export const trackingHidden = (clientId: number) => call("checkins_tracking_hidden", { clientId });

export const setTrackingHidden = (clientId: number, hidden: boolean) =>
  call("checkins_tracking_set_hidden", { clientId, hidden });
