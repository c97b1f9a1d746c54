// The article library: importing the coach's blog posts (files or pasted text), then listing,
// reading, correcting and deleting them.
import { call } from "./invoke";
import type { Article, ArticleDraft, ArticleSummary, ImportPreview } from "./types";

/** Opens the native multi-select file dialog (in the backend); `null` if the coach cancelled. */
export function pickArticleFiles(): Promise<ImportPreview | null> {
  return call("articles_import_pick");
}

export function previewPastedArticle(text: string): Promise<ImportPreview> {
  return call("articles_import_paste", { text });
}

/** All or nothing; field errors name `drafts[i].…` by position in `drafts`. */
export function commitImport(drafts: ArticleDraft[]): Promise<ArticleSummary[]> {
  return call("articles_import_commit", { drafts });
}

export function listArticles(search: string): Promise<ArticleSummary[]> {
  return call("articles_list", { search });
}

export function getArticle(id: number): Promise<Article> {
  return call("articles_get", { id });
}

export function updateArticle(id: number, input: ArticleDraft): Promise<Article> {
  return call("articles_update", { id, input });
}

export function deleteArticle(id: number): Promise<null> {
  return call("articles_delete", { id });
}
