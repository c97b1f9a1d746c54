// Consults: booking, changes, notes with autosave and revisions, and calendar export.
import { call } from "./invoke";
import type {
  Consult,
  ConsultChange,
  ConsultInput,
  ConsultSummary,
  NoteRevision,
  NoteSaved,
  NoteSection,
} from "./types";

export function createConsult(input: ConsultInput): Promise<Consult> {
  return call("consult_create", { input });
}

export function getConsult(id: number): Promise<Consult> {
  return call("consult_get", { id });
}

export function updateConsult(id: number, change: ConsultChange): Promise<Consult> {
  return call("consult_update", { id, change });
}

/** Newest first. */
export function consultsForClient(clientId: number): Promise<ConsultSummary[]> {
  return call("consults_for_client", { clientId });
}

/**
 * Saves every section. `checkpoint` closes the current revision, so the next typing starts a
 * new one in the history.
 */
export function saveNotes(
  id: number,
  sections: NoteSection[],
  checkpoint: boolean,
): Promise<NoteSaved> {
  return call("consult_save_notes", { id, sections, checkpoint });
}

/** Newest first; the first is always the current text. */
export function consultRevisions(id: number): Promise<NoteRevision[]> {
  return call("consult_revisions", { id });
}

/** The current text stays in the history, so restoring never loses anything. */
export function restoreRevision(id: number, revisionId: number): Promise<Consult> {
  return call("consult_restore_revision", { id, revisionId });
}

/** Opens the native save dialog (in the backend); the saved path, or `null` if cancelled. */
export function exportConsultIcs(id: number): Promise<string | null> {
  return call("consult_export_ics", { id });
}
