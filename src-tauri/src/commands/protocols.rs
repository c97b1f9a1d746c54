//! Protocol templates (versioned) and clients' personal copies.

use coachdesk_core::protocols::{
    self, AssignInput, ClientProtocol, ProtocolDraft, ProtocolStep, TemplateDetail,
    TemplateSummary, TemplateVersion,
};

db_commands! {
    fn protocols_templates_list() -> Vec<TemplateSummary> = protocols::list_templates();

    fn protocols_template_get(id: i64) -> TemplateDetail = protocols::get_template(id);

    fn protocols_template_version_get(id: i64, version: i64) -> TemplateVersion =
        protocols::template_version(id, version);

    fn protocols_template_create(draft: ProtocolDraft) -> TemplateDetail =
        protocols::create_template(&draft);

    fn protocols_template_update(id: i64, draft: ProtocolDraft) -> TemplateDetail =
        protocols::save_template(id, &draft);

    fn protocols_template_archive(id: i64) -> () = protocols::archive_template(id);

    fn protocols_assign(input: AssignInput) -> ClientProtocol = protocols::assign(&input);

    fn protocols_list(client_id: i64) -> Vec<ClientProtocol> = protocols::for_client(client_id);

    fn protocols_update(id: i64, draft: ProtocolDraft) -> ClientProtocol =
        protocols::save_client_protocol(id, &draft);

    fn protocols_step(id: i64, step: ProtocolStep, on_date: String) -> ClientProtocol =
        protocols::step(id, step, &on_date);
}
