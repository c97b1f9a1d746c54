// The consult prep sheet: what the coach reads in the five minutes before a call.
import { call } from "./invoke";

/** Her prep sheet as of today. */
export const getPrep = (clientId: number) => call("prep_get", { clientId });

/** Saves the prep sheet as a one-page PDF; null if the coach cancelled. */
export const exportPrep = (clientId: number) => call("prep_export", { clientId });

/** Prints the prep sheet (the print dialog); false if cancelled. */
export const printPrep = (clientId: number) => call("prep_print", { clientId });
