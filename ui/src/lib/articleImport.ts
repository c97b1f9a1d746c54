// Reviewing an import before it is saved: one card per article found, which ones are included,
// and which card a backend field error (`drafts[i].…`, by position among those sent) belongs to.
import type { ArticleDraft, DuplicateOf, FieldProblem, ImportPreview } from "./api/types";

export type ImportCard = { draft: ArticleDraft; duplicateOf: DuplicateOf | null; include: boolean };

/** Every article found becomes a card; likely duplicates start left out. */
export function cardsFrom(preview: ImportPreview): ImportCard[] {
  return preview.drafts.map((found) => ({
    draft: structuredClone(found.draft),
    duplicateOf: found.duplicateOf,
    include: found.duplicateOf === null,
  }));
}

/** What to send: the included drafts in card order, and each one's card index. */
export function includedDrafts(cards: readonly ImportCard[]): {
  drafts: ArticleDraft[];
  cardIndex: number[];
} {
  const drafts: ArticleDraft[] = [];
  const cardIndex: number[] = [];
  cards.forEach((card, index) => {
    if (!card.include) return;
    drafts.push(card.draft);
    cardIndex.push(index);
  });
  return { drafts, cardIndex };
}

/**
 * Rewrites `drafts[k]…` (k counts the drafts sent) as `drafts[i]…` (i is the card), so errors
 * land next to the right card's inputs. Other fields are kept as they are.
 */
export function remapDraftFields(
  fields: readonly FieldProblem[],
  cardIndex: readonly number[],
): FieldProblem[] {
  return fields.map((problem) => {
    const match = /^drafts\[(\d+)\]/.exec(problem.field);
    if (match === null) return { ...problem };
    const card = cardIndex[Number(match[1])];
    if (card === undefined) return { ...problem };
    return { ...problem, field: `drafts[${card}]${problem.field.slice(match[0].length)}` };
  });
}

/** The fields of one card: `drafts[2].sections[1].heading` → `sections[1].heading` for card 2. */
export function cardFields(fields: readonly FieldProblem[], card: number): FieldProblem[] {
  const prefix = `drafts[${card}]`;
  return fields.flatMap((problem) =>
    problem.field.startsWith(`${prefix}.`) || problem.field === prefix
      ? [{ ...problem, field: problem.field.slice(prefix.length).replace(/^\./, "") }]
      : [],
  );
}
