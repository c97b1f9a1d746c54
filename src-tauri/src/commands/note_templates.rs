//! Note templates, edited in Settings.

use coachdesk_core::note_templates::{self, NoteTemplate, NoteTemplateInput, TemplateKey};

db_commands! {
    fn note_templates_list() -> Vec<NoteTemplate> = note_templates::list();

    fn note_templates_update(key: TemplateKey, input: NoteTemplateInput) -> NoteTemplate =
        note_templates::update(key, &input);
}
