// Exporting one handout for several clients: which clients the filter shows, the selection,
// and the words for the progress and the outcome. The writing itself is the backend's.
import type { BulkExport, BulkProgress, ClientSummary } from "./api/types";
import { countLabel } from "./format";

/** Lower case without accents, so "renee" finds Renée and "cote" finds Côté. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The clients whose name, preferred name or email holds every word of `filter`, in their own
 * order; an empty filter shows them all.
 */
export function filterClients<T extends Pick<ClientSummary, "name" | "preferredName" | "email">>(
  clients: readonly T[],
  filter: string,
): T[] {
  const words = foldText(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...clients];
  return clients.filter((client) => {
    const haystack = foldText(`${client.name} ${client.preferredName} ${client.email}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** The selection with `id` ticked or unticked. */
export function toggleSelected(
  selected: ReadonlySet<number>,
  id: number,
  checked: boolean,
): Set<number> {
  const next = new Set(selected);
  if (checked) next.add(id);
  else next.delete(id);
  return next;
}

/** "Select all shown": adds every shown client, keeping those ticked earlier under another filter. */
export function selectShown(
  selected: ReadonlySet<number>,
  shown: readonly Pick<ClientSummary, "id">[],
): Set<number> {
  const next = new Set(selected);
  for (const client of shown) next.add(client.id);
  return next;
}

/** The ticked clients' ids in list order, leaving out any no longer listed. */
export function selectedIds(
  clients: readonly Pick<ClientSummary, "id">[],
  selected: ReadonlySet<number>,
): number[] {
  return clients.filter((client) => selected.has(client.id)).map((client) => client.id);
}

/** How many ticked clients the filter hides right now. */
export function hiddenSelectedCount(
  selected: ReadonlySet<number>,
  shown: readonly Pick<ClientSummary, "id">[],
): number {
  const shownIds = new Set(shown.map((client) => client.id));
  let hidden = 0;
  for (const id of selected) if (!shownIds.has(id)) hidden += 1;
  return hidden;
}

/** The start button: "Export 1 handout", "Export 12 handouts". */
export function startLabel(count: number): string {
  return count === 0 ? "Export handouts" : `Export ${countLabel(count, "handout")}`;
}

/** "12 of 40 · Renée Côté": how far it got and whose handout was written last. */
export function progressText(progress: BulkProgress): string {
  const counted = `${progress.done} of ${progress.total}`;
  const name = progress.clientName.trim();
  return name === "" ? counted : `${counted} · ${name}`;
}

/** Whole percent done, for the bar's width; 0 when there is nothing to do. */
export function progressPercent(progress: BulkProgress): number {
  if (progress.total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((progress.done / progress.total) * 100)));
}

/** "Saved 40 handouts to <folder>", or "Stopped after 12 of 40 — saved to <folder>". */
export function resultText(result: BulkExport): string {
  if (result.cancelled && result.written < result.total) {
    return `Stopped after ${result.written} of ${result.total} — saved to ${result.folder}`;
  }
  return `Saved ${countLabel(result.written, "handout")} to ${result.folder}`;
}
