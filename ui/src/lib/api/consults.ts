// Consults: booking, changes, notes with autosave and revisions, and calendar export.
import { call } from "./invoke";
import type { ConsultChange, ConsultInput, NoteSection } from "./types";

export const createConsult = (input: ConsultInput) => call("consults_create", { input });

export const getConsult = (id: number) => call("consults_get", { id });

export const updateConsult = (id: number, change: ConsultChange) =>
  call("consults_update", { id, change });

/** Newest first. */
export const consultsForClient = (clientId: number) => call("consults_list", { clientId });

/**
 * Saves every section. `checkpoint` closes the current revision, so the next typing starts a
 * new one in the history.
 */
export const saveNotes = (id: number, sections: NoteSection[], checkpoint: boolean) =>
  call("consults_notes_update", { id, sections, checkpoint });

/** Newest first; the first is always the current text. */
export const consultRevisions = (id: number) => call("consults_revisions_list", { id });

/** The current text stays in the history, so restoring never loses anything. */
export const restoreRevision = (id: number, revisionId: number) =>
  call("consults_revision_restore", { id, revisionId });

/** Opens the native save dialog (in the backend); the saved path, or `null` if cancelled. */
export const exportConsultIcs = (id: number) => call("consults_ics_export", { id });
