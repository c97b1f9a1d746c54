// Protocol templates (every save is a new version) and each client's personal copy.
import { call } from "./invoke";
import type {
  AssignInput,
  ClientProtocol,
  ProtocolDraft,
  ProtocolStep,
  TemplateDetail,
  TemplateSummary,
  TemplateVersion,
} from "./types";

/** Templates that are not archived, by name, with their current version. */
export function listProtocolTemplates(): Promise<TemplateSummary[]> {
  return call("protocols_templates_list");
}

/** The current version and the list of all versions (newest first). */
export function getProtocolTemplate(id: number): Promise<TemplateDetail> {
  return call("protocols_template_get", { id });
}

/** One version (current or older), read-only. */
export function getProtocolTemplateVersion(id: number, version: number): Promise<TemplateVersion> {
  return call("protocols_template_version_get", { id, version });
}

export function createProtocolTemplate(draft: ProtocolDraft): Promise<TemplateDetail> {
  return call("protocols_template_create", { draft });
}

/** Saves as a new version (nothing is written when nothing changed). */
export function saveProtocolTemplate(id: number, draft: ProtocolDraft): Promise<TemplateDetail> {
  return call("protocols_template_update", { id, draft });
}

/** Hides the template; clients' copies are untouched. */
export function archiveProtocolTemplate(id: number): Promise<null> {
  return call("protocols_template_archive", { id });
}

/** Gives her a copy of the template's current version, starting in its first phase. */
export function assignProtocol(input: AssignInput): Promise<ClientProtocol> {
  return call("protocols_assign", { input });
}

/** Newest first; at most one is active or paused. */
export function protocolsForClient(clientId: number): Promise<ClientProtocol[]> {
  return call("protocols_list", { clientId });
}

/** Personalises her copy; the template is not changed. */
export function saveClientProtocol(id: number, draft: ProtocolDraft): Promise<ClientProtocol> {
  return call("protocols_update", { id, draft });
}

/** Advance to the next phase, pause, resume or complete, on `onDate` (YYYY-MM-DD). */
export function stepClientProtocol(
  id: number,
  step: ProtocolStep,
  onDate: string,
): Promise<ClientProtocol> {
  return call("protocols_step", { id, step, onDate });
}
