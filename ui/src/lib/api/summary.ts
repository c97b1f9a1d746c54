// The client summary PDF, for the coach's own files.
import { call } from "./invoke";

/**
 * Saves a printable summary of the client (profile, open follow-ups, consult history with
 * notes) through the native save dialog; `null` if the coach cancelled.
 */
export const exportClientSummary = (clientId: number) => call("summary_export", { clientId });

/** Prints the client summary; false if cancelled. */
export const printClientSummary = (clientId: number) => call("summary_print", { clientId });
