// The composer's list of handout blocks: what a new block starts as, where it goes, moving and
// removing blocks, and the draft sent to the backend. What the blocks print is the backend's.
import type { HandoutBlock, HandoutDraft } from "./api/types";

export type BlockKind = HandoutBlock["kind"];

/** A block with a key that stays with it while it moves, so the screen can follow it. */
export type ComposerBlock = { key: number; block: HandoutBlock };

const LABELS: Record<BlockKind, string> = {
  article_section: "Article section",
  intro: "Personal intro",
  free_text: "Free text",
  next_steps: "Next steps",
  protocol_phase: "Protocol phase",
  call_to_action: "Call to action",
  disclaimer: "Disclaimer",
};

export function blockLabel(kind: BlockKind): string {
  return LABELS[kind];
}

export const NEXT_STEPS_TITLE = "Your next steps";

/** A fresh block of `kind` (article sections come from the picker instead). */
export function newBlock(kind: Exclude<BlockKind, "article_section">): HandoutBlock {
  switch (kind) {
    case "intro":
      return { kind: "intro", text: "" };
    case "free_text":
      return { kind: "free_text", text: "" };
    case "next_steps":
      return { kind: "next_steps", title: NEXT_STEPS_TITLE, items: [""] };
    case "protocol_phase":
      return { kind: "protocol_phase", clientProtocolId: null, templateId: null, phase: 0 };
    case "call_to_action":
      return { kind: "call_to_action" };
    case "disclaimer":
      return { kind: "disclaimer" };
  }
}

/** A new handout starts with a personal intro and ends with the disclaimer. */
export function initialBlocks(): HandoutBlock[] {
  return [newBlock("intro"), newBlock("disclaimer")];
}

/**
 * Where a new block of `kind` goes: at the end, but before the closing call to action and
 * disclaimer, so those stay last. A call to action still goes before a closing disclaimer.
 */
export function insertionIndex(blocks: readonly HandoutBlock[], kind: BlockKind): number {
  if (kind === "disclaimer") return blocks.length;
  const closing: ReadonlySet<BlockKind> =
    kind === "call_to_action" ? new Set(["disclaimer"]) : new Set(["call_to_action", "disclaimer"]);
  let index = blocks.length;
  while (index > 0) {
    const before = blocks[index - 1];
    if (before === undefined || !closing.has(before.kind)) break;
    index -= 1;
  }
  return index;
}

/** `list` with the item at `index` moved `delta` places; unchanged if it cannot move. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const result = [...list];
  const [item] = result.splice(index, 1);
  if (item !== undefined) result.splice(target, 0, item);
  return result;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function insertItems<T>(list: readonly T[], index: number, items: readonly T[]): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), ...items, ...list.slice(at)];
}

function copyBlock(block: HandoutBlock): HandoutBlock {
  return block.kind === "next_steps" ? { ...block, items: [...block.items] } : { ...block };
}

/** The draft as the backend takes it: plain data, in screen order. */
export function toHandoutDraft(
  title: string,
  clientId: number | null,
  blocks: readonly ComposerBlock[],
): HandoutDraft {
  return { title, clientId, blocks: blocks.map((entry) => copyBlock(entry.block)) };
}

/** A protocol phase block. */
export type ProtocolPhaseBlock = Extract<HandoutBlock, { kind: "protocol_phase" }>;

/**
 * The value of a protocol block's source select: "copy:12" for her own copy, "template:3" for a
 * template's current version, "" while none is chosen.
 */
export function protocolSourceValue(block: ProtocolPhaseBlock): string {
  if (block.clientProtocolId !== null) return `copy:${block.clientProtocolId}`;
  if (block.templateId !== null) return `template:${block.templateId}`;
  return "";
}

/** The block pointed at the source chosen in the select, at `phase` (0 with no source). */
export function withProtocolSource(value: string, phase: number): ProtocolPhaseBlock {
  const match = /^(copy|template):(\d+)$/.exec(value);
  const id = match === null ? null : Number(match[2]);
  return {
    kind: "protocol_phase",
    clientProtocolId: match?.[1] === "copy" ? id : null,
    templateId: match?.[1] === "template" ? id : null,
    phase: id === null ? 0 : Math.max(0, Math.trunc(phase)),
  };
}

function isUnchosenProtocol(block: HandoutBlock): boolean {
  return (
    block.kind === "protocol_phase" && block.clientProtocolId === null && block.templateId === null
  );
}

/**
 * The draft the live preview shows: a protocol block whose protocol is not chosen yet is left
 * out, so the rest of the handout still shows while she chooses. Export sends the whole draft.
 */
export function previewDraft(draft: HandoutDraft): HandoutDraft {
  return { ...draft, blocks: draft.blocks.filter((block) => !isUnchosenProtocol(block)) };
}

/** Whether any block shows one client's own protocol copy (which no other client should get). */
export function usesClientCopy(blocks: readonly HandoutBlock[]): boolean {
  return blocks.some((block) => block.kind === "protocol_phase" && block.clientProtocolId !== null);
}

/**
 * The blocks once the handout's client changes: a block showing the last client's own copy
 * shows the template that copy came from instead (`templateOf`), or nothing chosen.
 */
export function withoutClientCopies<T extends { block: HandoutBlock }>(
  entries: readonly T[],
  templateOf: (clientProtocolId: number) => number | null,
): T[] {
  return entries.map((entry) => {
    const block = entry.block;
    if (block.kind !== "protocol_phase" || block.clientProtocolId === null) return entry;
    const templateId = templateOf(block.clientProtocolId);
    return {
      ...entry,
      block: {
        ...block,
        clientProtocolId: null,
        templateId,
        phase: templateId === null ? 0 : block.phase,
      },
    };
  });
}

/**
 * Splits the backend's field errors for a handout into the title's, each block's (by position)
 * and the rest: `blocks[2].items[0]` belongs to block 2.
 */
export function handoutFieldErrors(fields: readonly { field: string; reason: string }[]): {
  title: string | undefined;
  blocks: Map<number, string[]>;
  other: string[];
} {
  let title: string | undefined;
  const blocks = new Map<number, string[]>();
  const other: string[] = [];
  for (const { field, reason } of fields) {
    const name = field.replace(/^draft\./, "");
    const match = /^blocks\[(\d+)\]/.exec(name);
    if (name === "title") title ??= reason;
    else if (match !== null) {
      const index = Number(match[1]);
      blocks.set(index, [...(blocks.get(index) ?? []), reason]);
    } else other.push(reason);
  }
  return { title, blocks, other };
}
