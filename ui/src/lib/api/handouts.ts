// Handouts: the live preview of a composed handout, PDF export, and the handouts given to a
// client, and one personalised handout for each of several clients.
import { listen } from "@tauri-apps/api/event";
import { call, toUserError } from "./invoke";
import type { BulkExport, BulkProgress, HandoutDraft } from "./types";

/** The resolved text of every block, as the PDF will print it. */
export const previewHandout = (draft: HandoutDraft) => call("handouts_preview", { draft });

/**
 * Opens the native save dialog (in the backend) and writes the PDF; with a client, it is recorded
 * on her timeline. Resolves to the saved path, or `null` if the coach cancelled.
 */
export const exportHandout = (draft: HandoutDraft) => call("handouts_export", { draft });

/** Newest first. */
export const handoutsForClient = (clientId: number) => call("handouts_list", { clientId });

/** Writes the same PDF again from the stored snapshot; `null` if the coach cancelled. */
export const reexportHandout = (id: number) => call("handouts_reexport", { id });

/** The event the backend sends after each client of a bulk export. */
export const BULK_PROGRESS_EVENT = "handout-bulk-progress";

/**
 * Asks for a folder (native dialog, in the backend), then writes one handout per client into it,
 * each printed "Prepared for" her and kept on her timeline; the draft's own client is ignored.
 * `onProgress` hears after each client. Resolves to how it ended, or `null` if the coach
 * cancelled the folder dialog.
 */
export async function bulkExport(
  draft: HandoutDraft,
  clientIds: number[],
  onProgress: (progress: BulkProgress) => void,
): Promise<BulkExport | null> {
  // Listen first, so not even the first client's progress can slip past.
  let unlisten: () => void;
  try {
    unlisten = await listen<BulkProgress>(BULK_PROGRESS_EVENT, (event) =>
      onProgress(event.payload),
    );
  } catch (raw: unknown) {
    console.error("Couldn't listen for bulk export progress", raw);
    throw toUserError(raw);
  }
  try {
    return await call("handouts_bulk_export", { draft, clientIds });
  } finally {
    unlisten();
  }
}

/** Asks a running bulk export to stop once the current client's handout is written. */
export const cancelBulkExport = () => call("handouts_bulk_cancel");

/** Prints a composed handout (the print dialog), recorded for her as an export is; false if cancelled. */
export const printHandout = (draft: HandoutDraft) => call("handouts_print", { draft });

/** Prints a handout given earlier again, from its snapshot; false if cancelled. */
export const reprintHandout = (id: number) => call("handouts_reprint", { id });
