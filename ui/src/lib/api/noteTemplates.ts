// Note templates, edited in Settings.
import { call } from "./invoke";
import type { NoteTemplateInput, TemplateKey } from "./types";

export const listNoteTemplates = () => call("note_templates_list");

/** Applies to consults booked from now on; notes already written keep their headings. */
export const updateNoteTemplate = (key: TemplateKey, input: NoteTemplateInput) =>
  call("note_templates_update", { key, input });
