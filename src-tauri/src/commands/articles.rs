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

db_commands! {
    fn articles_import_paste(text: String) -> ImportPreview = articles::preview_pasted(&text);

    fn articles_import_commit(drafts: Vec<ArticleDraft>) -> Vec<ArticleSummary> =
        articles::commit(&drafts);

    fn articles_list(search: String) -> Vec<ArticleSummary> = articles::list(&search);

    fn articles_get(id: i64) -> Article = articles::get(id);

    fn articles_update(id: i64, input: ArticleDraft) -> Article = articles::update(id, &input);

    fn articles_delete(id: i64) -> () = articles::delete(id);
}
