// The booking form's editable state, its suggested starting values, and its conversion to the
// backend's ConsultInput and ConsultChange. Inputs hold text; the backend validates.
import type {
  ClientStatus,
  ConsultChange,
  ConsultInput,
  ConsultKind,
  ConsultStatus,
  TemplateKey,
} from "./api/types";
import { fromDateTimeInputs } from "./format";

export type ConsultDraft = {
  kind: ConsultKind;
  date: string;
  time: string;
  /** Text, or a number once the number input is edited. */
  duration: string | number;
  template: TemplateKey;
};

/** A lead is usually booked for the free call; everyone else for a follow-up. */
export function suggestedKind(status: ClientStatus): ConsultKind {
  return status === "lead" ? "free_consult" : "follow_up";
}

/** The free call is short; sessions take an hour. */
export function suggestedDuration(kind: ConsultKind): number {
  return kind === "free_consult" ? 30 : 60;
}

/** The free call uses the discovery template; sessions use the coaching one. */
export function suggestedTemplate(kind: ConsultKind): TemplateKey {
  return kind === "free_consult" ? "discovery" : "coaching";
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** The next whole hour from `now`, as local date and time input values. */
export function nextWholeHour(now: Date = new Date()): { date: string; time: string } {
  const next = new Date(now.getTime());
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  return {
    date: `${next.getFullYear()}-${pad2(next.getMonth() + 1)}-${pad2(next.getDate())}`,
    time: `${pad2(next.getHours())}:${pad2(next.getMinutes())}`,
  };
}

export function newConsultDraft(status: ClientStatus, now: Date = new Date()): ConsultDraft {
  const kind = suggestedKind(status);
  const slot = nextWholeHour(now);
  return {
    kind,
    date: slot.date,
    time: slot.time,
    duration: String(suggestedDuration(kind)),
    template: suggestedTemplate(kind),
  };
}

/**
 * The minutes typed into the number input. Anything that is not a number becomes 0, which the
 * backend rejects with a message next to the field (a fraction or a sign would not even reach it).
 */
/**
 * Minutes typed in a form. A number input bound with `bind:value` hands back a number once it
 * has been edited (and a string before), so both are taken.
 */
export function durationFromText(text: string | number): number {
  const trimmed = String(text).trim();
  if (trimmed === "") return 0;
  const minutes = Number(trimmed);
  return Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
}

export function draftToConsultInput(clientId: number, draft: ConsultDraft): ConsultInput {
  return {
    clientId,
    kind: draft.kind,
    scheduledAt: fromDateTimeInputs(draft.date, draft.time),
    durationMinutes: durationFromText(draft.duration),
    template: draft.template,
  };
}

export function toConsultChange(
  kind: ConsultKind,
  date: string,
  time: string,
  duration: string | number,
  status: ConsultStatus,
): ConsultChange {
  return {
    kind,
    scheduledAt: fromDateTimeInputs(date, time),
    durationMinutes: durationFromText(duration),
    status,
  };
}

/** A template's headings typed one per line; blank lines are just spacing. */
export function headingsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function headingsToText(headings: readonly string[]): string {
  return headings.join("\n");
}
