// Reviewing an import before it is saved: one card per article found, which ones are included,
// and which card a backend field error (`drafts[i].…`, by position among those sent) belongs to.
import type {
  ArticleDraft,
  DuplicateOf,
  FieldProblem,
  ImportPreview,
  PostStatus,
} from "./api/types";

export type ImportCard = { draft: ArticleDraft; duplicateOf: DuplicateOf | null; include: boolean };

/**
 * Every article found becomes a card. Likely duplicates start left out, and so do posts that
 * were not published on her blog (drafts, private, scheduled), which stay hidden until she asks.
 */
export function cardsFrom(preview: ImportPreview): ImportCard[] {
  return preview.drafts.map((found) => ({
    draft: structuredClone(found.draft),
    duplicateOf: found.duplicateOf,
    include: found.duplicateOf === null && found.draft.status === "published",
  }));
}

export function isUnpublished(card: ImportCard): boolean {
  return card.draft.status !== "published";
}

/** A card she should look at before importing: a likely duplicate, or a note to check. */
export function hasProblems(card: ImportCard): boolean {
  return card.duplicateOf !== null || card.draft.notes.some((note) => note.kind === "check");
}

/** The cards on show: unpublished posts only when she asked for them. */
export function visibleCards(
  cards: readonly ImportCard[],
  showUnpublished: boolean,
): { card: ImportCard; index: number }[] {
  return cards.flatMap((card, index) =>
    showUnpublished || !isUnpublished(card) ? [{ card, index }] : [],
  );
}

/** Hiding unpublished posts again leaves them out of the import. */
export function hideUnpublished(cards: ImportCard[]): void {
  for (const card of cards) if (isUnpublished(card)) card.include = false;
}

/** Leaves out every card with problems; returns how many were left out. */
export function leaveOutProblems(cards: ImportCard[]): number {
  let count = 0;
  for (const card of cards) {
    if (card.include && hasProblems(card)) {
      card.include = false;
      count += 1;
    }
  }
  return count;
}

const STATUS_LABELS: Record<PostStatus, string> = {
  published: "Published",
  draft: "Draft",
  private: "Private",
  pending: "Pending review",
  scheduled: "Scheduled",
};

export function postStatusLabel(status: PostStatus): string {
  return STATUS_LABELS[status];
}

/** "2 drafts and 1 scheduled post": the unpublished posts found, by kind. */
export function unpublishedSummary(cards: readonly ImportCard[]): string {
  const counts = new Map<PostStatus, number>();
  for (const card of cards) {
    if (isUnpublished(card))
      counts.set(card.draft.status, (counts.get(card.draft.status) ?? 0) + 1);
  }
  // Always in the same order: drafts, private, pending, scheduled.
  const order = Object.keys(STATUS_LABELS) as PostStatus[];
  const parts = order.flatMap((status) => {
    const n = counts.get(status) ?? 0;
    if (n === 0) return [];
    const label = STATUS_LABELS[status].toLowerCase();
    if (status === "draft") return [n === 1 ? "1 draft" : `${n} drafts`];
    return [n === 1 ? `1 ${label} post` : `${n} ${label} posts`];
  });
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
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
