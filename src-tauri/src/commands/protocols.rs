//! Protocol templates (versioned) and clients' personal copies.

use coachdesk_core::protocols::{
    self, AssignInput, ClientProtocol, ProtocolDraft, ProtocolStep, TemplateDetail,
    TemplateSummary, TemplateVersion,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn protocols_templates_list(state: State<'_, AppState>) -> CommandResult<Vec<TemplateSummary>> {
    Ok(protocols::list_templates(state.db()?)?)
}

#[tauri::command]
pub fn protocols_template_get(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<TemplateDetail> {
    Ok(protocols::get_template(state.db()?, id)?)
}

#[tauri::command]
pub fn protocols_template_version_get(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> CommandResult<TemplateVersion> {
    Ok(protocols::template_version(state.db()?, id, version)?)
}

#[tauri::command]
pub fn protocols_template_create(
    state: State<'_, AppState>,
    draft: ProtocolDraft,
) -> CommandResult<TemplateDetail> {
    Ok(protocols::create_template(state.db()?, &draft)?)
}

#[tauri::command]
pub fn protocols_template_update(
    state: State<'_, AppState>,
    id: i64,
    draft: ProtocolDraft,
) -> CommandResult<TemplateDetail> {
    Ok(protocols::save_template(state.db()?, id, &draft)?)
}

#[tauri::command]
pub fn protocols_template_archive(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(protocols::archive_template(state.db()?, id)?)
}

#[tauri::command]
pub fn protocols_assign(
    state: State<'_, AppState>,
    input: AssignInput,
) -> CommandResult<ClientProtocol> {
    Ok(protocols::assign(state.db()?, &input)?)
}

#[tauri::command]
pub fn protocols_list(
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Vec<ClientProtocol>> {
    Ok(protocols::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn protocols_update(
    state: State<'_, AppState>,
    id: i64,
    draft: ProtocolDraft,
) -> CommandResult<ClientProtocol> {
    Ok(protocols::save_client_protocol(state.db()?, id, &draft)?)
}

#[tauri::command]
pub fn protocols_step(
    state: State<'_, AppState>,
    id: i64,
    step: ProtocolStep,
    on_date: String,
) -> CommandResult<ClientProtocol> {
    Ok(protocols::step(state.db()?, id, step, &on_date)?)
}
