// An import waiting for review (and the library's search), kept while the coach moves around,
// so corrections she made to the found articles are not lost.
import { cardsFrom, type ImportCard } from "$lib/articleImport";
import type { ImportPreview, ImportProblem, LeftOut } from "$lib/api/types";

export const pendingImport = $state<{
  active: boolean;
  cards: ImportCard[];
  problems: ImportProblem[];
  leftOut: LeftOut[];
  showUnpublished: boolean;
}>({ active: false, cards: [], problems: [], leftOut: [], showUnpublished: false });

export const libraryPrefs = $state<{ search: string }>({ search: "" });

/** Starts reviewing `preview`, replacing any import that was waiting. */
export function startImport(preview: ImportPreview): void {
  pendingImport.cards = cardsFrom(preview);
  pendingImport.problems = [...preview.problems];
  pendingImport.leftOut = [...preview.leftOut];
  pendingImport.showUnpublished = false;
  pendingImport.active = true;
}

export function clearImport(): void {
  pendingImport.active = false;
  pendingImport.cards = [];
  pendingImport.problems = [];
  pendingImport.leftOut = [];
  pendingImport.showUnpublished = false;
}
