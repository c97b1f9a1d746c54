// The article library: importing the coach's blog posts (files or pasted text), then listing,
// reading, correcting and deleting them.
import { call } from "./invoke";
import type { ArticleDraft } from "./types";

/** Opens the native multi-select file dialog (in the backend); `null` if the coach cancelled. */
export const pickArticleFiles = () => call("articles_import_pick");

export const previewPastedArticle = (text: string) => call("articles_import_paste", { text });

/** All or nothing; field errors name `drafts[i].…` by position in `drafts`. */
export const commitImport = (drafts: ArticleDraft[]) => call("articles_import_commit", { drafts });

export const listArticles = (search: string) => call("articles_list", { search });

export const getArticle = (id: number) => call("articles_get", { id });

export const updateArticle = (id: number, input: ArticleDraft) =>
  call("articles_update", { id, input });

export const deleteArticle = (id: number) => call("articles_delete", { id });
