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
  return call("consults_create", { input });
}

export function getConsult(id: number): Promise<Consult> {
  return call("consults_get", { id });
}

export function updateConsult(id: number, change: ConsultChange): Promise<Consult> {
  return call("consults_update", { id, change });
}

/** Newest first. */
export function consultsForClient(clientId: number): Promise<ConsultSummary[]> {
  return call("consults_list", { clientId });
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
  return call("consults_notes_update", { id, sections, checkpoint });
}

/** Newest first; the first is always the current text. */
export function consultRevisions(id: number): Promise<NoteRevision[]> {
  return call("consults_revisions_list", { id });
}

/** The current text stays in the history, so restoring never loses anything. */
export function restoreRevision(id: number, revisionId: number): Promise<Consult> {
  return call("consults_revision_restore", { id, revisionId });
}

/** Opens the native save dialog (in the backend); the saved path, or `null` if cancelled. */
export function exportConsultIcs(id: number): Promise<string | null> {
  return call("consults_ics_export", { id });
}
