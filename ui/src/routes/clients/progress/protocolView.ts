// How her protocol reads on screen: when each phase ran, which steps make sense now, and a
// phase's items grouped the way the printed handout groups them.
import type { ClientProtocol, ItemKind, Phase, ProtocolItem, ProtocolStep } from "$lib/api/types";
import { ALLOWED_STEPS, LIFESTYLE_KINDS } from "$lib/api/types";

/** The open protocol (active or paused), if she has one: there is at most one. */
export function openProtocol(protocols: ClientProtocol[]): ClientProtocol | null {
  return protocols.find((p) => p.status !== "completed") ?? null;
}

export type PhaseDates = { from: string | null; to: string | null };

/**
 * When she was last in each phase: from the day she moved into it until the day she moved on
 * (or the protocol was completed). Phases she has not reached have no dates.
 */
export function phaseDates(protocol: ClientProtocol): PhaseDates[] {
  const dates: PhaseDates[] = protocol.phases.map(() => ({ from: null, to: null }));
  let open: number | null = null;
  for (const event of protocol.history) {
    if (event.kind === "phase") {
      const previous = open === null ? undefined : dates[open];
      if (previous !== undefined) previous.to = event.onDate;
      const entry = dates[event.phase];
      if (entry !== undefined) {
        entry.from = event.onDate;
        entry.to = null;
      }
      open = event.phase;
    } else if (event.kind === "completed") {
      const previous = open === null ? undefined : dates[open];
      if (previous !== undefined) previous.to = event.onDate;
      open = null;
    }
  }
  return dates;
}

/** The day the protocol was completed, or null. */
export function completedOn(protocol: ClientProtocol): string | null {
  for (let i = protocol.history.length - 1; i >= 0; i -= 1) {
    const event = protocol.history[i];
    if (event?.kind === "completed") return event.onDate;
  }
  return null;
}

/** Since when a paused protocol has been paused, or null. */
export function pausedSince(protocol: ClientProtocol): string | null {
  if (protocol.status !== "paused") return null;
  for (let i = protocol.history.length - 1; i >= 0; i -= 1) {
    const event = protocol.history[i];
    if (event?.kind === "paused") return event.onDate;
  }
  return null;
}

/** The date of the last change; a new step cannot be dated before it. */
export function lastChangeOn(protocol: ClientProtocol): string {
  return protocol.history.at(-1)?.onDate ?? protocol.startDate;
}

/** The steps the backend accepts for the protocol's status and phase (core's rule). */
export function availableSteps(protocol: ClientProtocol): ProtocolStep[] {
  const allowed = ALLOWED_STEPS[protocol.status];
  return protocol.currentPhase >= protocol.phases.length - 1
    ? allowed.lastPhase
    : allowed.otherPhase;
}

export type ItemGroups = {
  include: ProtocolItem[];
  avoid: ProtocolItem[];
  supplements: ProtocolItem[];
  lifestyle: { kind: ItemKind; items: ProtocolItem[] }[];
};

/** A phase's items: foods to enjoy and avoid, supplements, and lifestyle kinds in order. */
export function groupPhaseItems(phase: Phase): ItemGroups {
  const of = (kind: ItemKind) => phase.items.filter((item) => item.kind === kind);
  return {
    include: of("food_include"),
    avoid: of("food_avoid"),
    supplements: of("supplement"),
    lifestyle: LIFESTYLE_KINDS.map((kind) => ({ kind, items: of(kind) })).filter(
      (group) => group.items.length > 0,
    ),
  };
}
