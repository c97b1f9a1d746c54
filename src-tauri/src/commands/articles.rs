//! The article library: import (files or pasted text, through a preview), list, view, edit.

use coachdesk_core::articles::{self, Article, ArticleSummary, ImportPreview};
use coachdesk_core::import::ArticleDraft;
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

/// Opens the native multi-select dialog off the main thread, then reads the files into a
/// preview (nothing stored yet). None if the coach cancelled.
#[tauri::command]
pub async fn articles_import_pick<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<ImportPreview>> {
    let db = state.db()?;
    let Some(paths) = dialog::pick_articles(&app) else {
        return Ok(None);
    };
    Ok(Some(articles::preview_paths(db, &paths)?))
}

#[tauri::command]
pub fn articles_import_paste(
    state: State<'_, AppState>,
    text: String,
) -> CommandResult<ImportPreview> {
    Ok(articles::preview_pasted(state.db()?, &text)?)
}

#[tauri::command]
pub fn articles_import_commit(
    state: State<'_, AppState>,
    drafts: Vec<ArticleDraft>,
) -> CommandResult<Vec<ArticleSummary>> {
    Ok(articles::commit(state.db()?, &drafts)?)
}

#[tauri::command]
pub fn articles_list(
    state: State<'_, AppState>,
    search: String,
) -> CommandResult<Vec<ArticleSummary>> {
    Ok(articles::list(state.db()?, &search)?)
}

#[tauri::command]
pub fn articles_get(state: State<'_, AppState>, id: i64) -> CommandResult<Article> {
    Ok(articles::get(state.db()?, id)?)
}

#[tauri::command]
pub fn articles_update(
    state: State<'_, AppState>,
    id: i64,
    input: ArticleDraft,
) -> CommandResult<Article> {
    Ok(articles::update(state.db()?, id, &input)?)
}

#[tauri::command]
pub fn articles_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(articles::delete(state.db()?, id)?)
}
