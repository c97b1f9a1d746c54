// Handout drafts kept while CoachDesk runs: leaving the composer (to look something up on her
// page, say) and coming back finds the handout as she left it. Kept in memory only, never on
// disk: a draft may hold a client's name and words, and those live in the practice file alone.
import type { ComposerBlock } from "$lib/handoutBlocks";

export type KeptDraft = { title: string; clientValue: string; blocks: ComposerBlock[] };

const kept = new Map<string, KeptDraft>();

/** The key of a composer opened from a client's page, an article (or one of its sections), or neither. */
export function draftKey(
  clientId: number | null,
  articleId: number | null,
  sectionId: number | null = null,
): string {
  const key = `${clientId ?? ""}/${articleId ?? ""}`;
  return sectionId === null ? key : `${key}/${sectionId}`;
}

export function keepDraft(key: string, draft: KeptDraft): void {
  kept.set(key, structuredClone(draft));
}

/** The draft kept under `key`, if any; it is handed back once. */
export function takeDraft(key: string): KeptDraft | null {
  const draft = kept.get(key) ?? null;
  kept.delete(key);
  return draft;
}

export function dropDraft(key: string): void {
  kept.delete(key);
}
