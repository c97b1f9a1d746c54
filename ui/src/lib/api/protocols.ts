// Protocol templates (every save is a new version) and each client's personal copy.
import { call } from "./invoke";
import type { AssignInput, ProtocolDraft, ProtocolStep } from "./types";

/** Templates that are not archived, by name, with their current version. */
export const listProtocolTemplates = () => call("protocols_templates_list");

/** The current version and the list of all versions (newest first). */
export const getProtocolTemplate = (id: number) => call("protocols_template_get", { id });

/** One version (current or older), read-only. */
export const getProtocolTemplateVersion = (id: number, version: number) =>
  call("protocols_template_version_get", { id, version });

export const createProtocolTemplate = (draft: ProtocolDraft) =>
  call("protocols_template_create", { draft });

/** Saves as a new version (nothing is written when nothing changed). */
export const saveProtocolTemplate = (id: number, draft: ProtocolDraft) =>
  call("protocols_template_update", { id, draft });

/** Hides the template; clients' copies are untouched. */
export const archiveProtocolTemplate = (id: number) => call("protocols_template_archive", { id });

/** Gives her a copy of the template's current version, starting in its first phase. */
export const assignProtocol = (input: AssignInput) => call("protocols_assign", { input });

/** Newest first; at most one is active or paused. */
export const protocolsForClient = (clientId: number) => call("protocols_list", { clientId });

/** Personalises her copy; the template is not changed. */
export const saveClientProtocol = (id: number, draft: ProtocolDraft) =>
  call("protocols_update", { id, draft });

/** Advance to the next phase, pause, resume or complete, on `onDate` (YYYY-MM-DD). */
export const stepClientProtocol = (id: number, step: ProtocolStep, onDate: string) =>
  call("protocols_step", { id, step, onDate });
