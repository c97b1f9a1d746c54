// The consult prep sheet: what the coach reads in the five minutes before a call.
import { call } from "./invoke";
import type { PrepSheet } from "./types";

/** Her prep sheet as of today. */
export function getPrep(clientId: number): Promise<PrepSheet> {
  return call("prep_get", { clientId });
}

/** Saves the prep sheet as a one-page PDF; null if the coach cancelled. */
export function exportPrep(clientId: number): Promise<string | null> {
  return call("prep_export", { clientId });
}

/** Prints the prep sheet (the print dialog); false if cancelled. */
export function printPrep(clientId: number): Promise<boolean> {
  return call("prep_print", { clientId });
}
