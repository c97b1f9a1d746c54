// Handouts: the live preview of a composed handout, PDF export, and the handouts given to a
// client.
import { call } from "./invoke";
import type { GivenHandout, HandoutDraft, HandoutPreview } from "./types";

/** The resolved text of every block, as the PDF will print it. */
export function previewHandout(draft: HandoutDraft): Promise<HandoutPreview> {
  return call<HandoutPreview>("handout_preview", { draft });
}

/**
 * Opens the native save dialog (in the backend) and writes the PDF; with a client, it is recorded
 * on her timeline. Resolves to the saved path, or `null` if the coach cancelled.
 */
export function exportHandout(draft: HandoutDraft): Promise<string | null> {
  return call<string | null>("handout_export", { draft });
}

/** Newest first. */
export function handoutsForClient(clientId: number): Promise<GivenHandout[]> {
  return call<GivenHandout[]>("handouts_for_client", { clientId });
}

/** Writes the same PDF again from the stored snapshot; `null` if the coach cancelled. */
export function reexportHandout(id: number): Promise<string | null> {
  return call<string | null>("handout_reexport", { id });
}

/**
 * Saves a printable summary of the client (profile, open follow-ups, consult history with
 * notes) through the native save dialog; `null` if the coach cancelled.
 */
export function exportClientSummary(clientId: number): Promise<string | null> {
  return call<string | null>("client_summary_export", { clientId });
}
