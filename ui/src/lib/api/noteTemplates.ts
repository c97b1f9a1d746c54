// Note templates, edited in Settings.
import { call } from "./invoke";
import type { NoteTemplate, NoteTemplateInput, TemplateKey } from "./types";

export function listNoteTemplates(): Promise<NoteTemplate[]> {
  return call("note_templates_list");
}

/** Applies to consults booked from now on; notes already written keep their headings. */
export function updateNoteTemplate(
  key: TemplateKey,
  input: NoteTemplateInput,
): Promise<NoteTemplate> {
  return call("note_templates_update", { key, input });
}
