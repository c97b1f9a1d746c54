// Protocol drafts on screen: item kinds and their labels, new phases and items, moving phases,
// copying a saved version into an editable draft, spotting unsaved changes, and grouping a
// phase's items by kind for reading. What a protocol may contain is the backend's to decide.
import type { FieldProblem, ItemKind, Phase, ProtocolDraft, ProtocolItem } from "./api/types";
import { ITEM_GROUP_LABELS, ITEM_KIND_LABELS, ITEM_KINDS } from "./api/types";
import { refusalSummary } from "./refusal";

// The kinds, their labels and the supplement caution come from core (generated types.ts),
// so the editor, the client's page and the printed handout say the same thing.
export { ITEM_KINDS, SUPPLEMENT_CAUTION } from "./api/types";

/** The kind as the coach reads it in the kind select: "Foods to enjoy", "Supplement"... */
export function itemKindLabel(kind: ItemKind): string {
  return ITEM_KIND_LABELS[kind];
}

/** The heading over a group of items of `kind`: "Foods to enjoy", "Supplements"... */
export function itemGroupLabel(kind: ItemKind): string {
  return ITEM_GROUP_LABELS[kind];
}

export function newItem(kind: ItemKind = "food_include"): ProtocolItem {
  return { kind, text: "", dose: "", timing: "", notes: "" };
}

/** A phase just added: id 0 until saved, when the backend gives it the next number. */
export function newPhase(): Phase {
  return { id: 0, name: "", duration: "", aims: "", items: [] };
}

/** A new protocol starts with one empty phase to fill in. */
export function emptyDraft(): ProtocolDraft {
  return { name: "", summary: "", phases: [newPhase()] };
}

function copyPhase(phase: Phase): Phase {
  return {
    // The id travels with the phase, so reordering keeps her current phase on it.
    id: phase.id,
    name: phase.name,
    duration: phase.duration,
    aims: phase.aims,
    items: phase.items.map((item) => ({
      kind: item.kind,
      text: item.text,
      dose: item.dose,
      timing: item.timing,
      notes: item.notes,
    })),
  };
}

/**
 * An editable draft of a saved protocol (a template version or her copy): a deep copy, so
 * editing it never changes what was loaded.
 */
export function toDraft(saved: {
  name: string;
  summary: string;
  phases: readonly Phase[];
}): ProtocolDraft {
  return { name: saved.name, summary: saved.summary, phases: saved.phases.map(copyPhase) };
}

/** `phases` with the phase at `index` moved `by` places; unchanged if it cannot move. */
export function movePhase<T>(phases: readonly T[], index: number, by: number): T[] {
  const target = index + by;
  const result = [...phases];
  if (index < 0 || index >= phases.length || target < 0 || target >= phases.length) return result;
  const [phase] = result.splice(index, 1);
  if (phase !== undefined) result.splice(target, 0, phase);
  return result;
}

// The backend trims what it saves, so spaces alone are not a change.
function comparable(draft: ProtocolDraft) {
  return {
    name: draft.name.trim(),
    summary: draft.summary.trim(),
    phases: draft.phases.map((phase) => ({
      name: phase.name.trim(),
      duration: phase.duration.trim(),
      aims: phase.aims.trim(),
      items: phase.items.map((item) => ({
        kind: item.kind,
        text: item.text.trim(),
        dose: item.dose.trim(),
        timing: item.timing.trim(),
        notes: item.notes.trim(),
      })),
    })),
  };
}

/** Whether `draft` differs from `saved` in anything that would be saved. */
export function hasUnsavedChanges(saved: ProtocolDraft, draft: ProtocolDraft): boolean {
  return JSON.stringify(comparable(saved)) !== JSON.stringify(comparable(draft));
}

/** An item with its position in the phase (what field errors and test ids count by). */
export type NumberedItem = { index: number; item: ProtocolItem };
export type ItemGroup = { kind: ItemKind; label: string; items: NumberedItem[] };

/**
 * The items of a phase grouped by kind, in the order of `ITEM_KINDS`, each group keeping the
 * items' own order; kinds without items are left out.
 */
export function groupItems(items: readonly ProtocolItem[]): ItemGroup[] {
  return ITEM_KINDS.flatMap((kind) => {
    const found = items.flatMap((item, index) => (item.kind === kind ? [{ index, item }] : []));
    return found.length === 0 ? [] : [{ kind, label: itemGroupLabel(kind), items: found }];
  });
}

/** "1 capsule, with breakfast": a supplement's dose and timing, whichever are given. */
export function doseAndTiming(item: ProtocolItem): string {
  return [item.dose.trim(), item.timing.trim()].filter((part) => part !== "").join(", ");
}

const PLACED =
  /^(name|summary|phases|phases\.\d+\.(name|duration|aims|items)|phases\.\d+\.items\.\d+\.(text|dose|timing|notes))$/;

/** The field name as the protocol form knows it ("draft.phases.0.name" → "phases.0.name"). */
export function problemField(field: string): string {
  return field.replace(/^draft\./, "");
}

/** Whether the protocol form shows this problem beside a field of its own. */
export function isFormProblem(problem: FieldProblem): boolean {
  return PLACED.test(problemField(problem.field));
}

/** The reasons given for `field` ("phases.2.name"), joined, or undefined if none. */
export function problemFor(problems: readonly FieldProblem[], field: string): string | undefined {
  const reasons = problems
    .filter((problem) => problemField(problem.field) === field)
    .map((problem) => problem.reason);
  return reasons.length > 0 ? reasons.join(" ") : undefined;
}

/** Whether any problem is about phase `index` or something inside it. */
export function phaseHasProblem(problems: readonly FieldProblem[], index: number): boolean {
  const prefix = `phases.${index}.`;
  return problems.some((problem) => problemField(problem.field).startsWith(prefix));
}

/**
 * The line above a form the backend refused: how many fields are highlighted below, then any
 * reasons that belong to no field of the form.
 */
export function problemSummary(problems: readonly FieldProblem[], fallback: string): string {
  return refusalSummary(problems, isFormProblem, fallback);
}
