// How things read on screen: labels, dates and times in the coach's local time, counts.
import type { ClientSort, ClientStatus, MsType, TimelineKind } from "./api/types";

export const CLIENT_STATUSES: readonly ClientStatus[] = [
  "lead",
  "consult_booked",
  "active",
  "paused",
  "alumni",
  "not_a_fit",
];

const STATUS_LABELS: Record<ClientStatus, string> = {
  lead: "Lead",
  consult_booked: "Consult booked",
  active: "Active",
  paused: "Paused",
  alumni: "Alumni",
  not_a_fit: "Not a fit",
};

export function statusLabel(status: ClientStatus): string {
  return STATUS_LABELS[status];
}

export const MS_TYPES: readonly MsType[] = ["unknown", "rrms", "spms", "ppms", "cis"];

const MS_TYPE_LABELS: Record<MsType, string> = {
  unknown: "Unknown",
  rrms: "RRMS",
  spms: "SPMS",
  ppms: "PPMS",
  cis: "CIS",
};

const MS_TYPE_DESCRIPTIONS: Record<MsType, string> = {
  unknown: "Unknown",
  rrms: "RRMS (relapsing-remitting)",
  spms: "SPMS (secondary progressive)",
  ppms: "PPMS (primary progressive)",
  cis: "CIS (clinically isolated syndrome)",
};

export function msTypeLabel(type: MsType): string {
  return MS_TYPE_LABELS[type];
}

/** The longer form used in select options. */
export function msTypeDescription(type: MsType): string {
  return MS_TYPE_DESCRIPTIONS[type];
}

export const CLIENT_SORTS: readonly { value: ClientSort; label: string }[] = [
  { value: "name", label: "Name A–Z" },
  { value: "recent", label: "Recently updated" },
  { value: "created", label: "Newest first" },
];

const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  created: "Added",
  status_changed: "Status changed",
  archived: "Archived",
  restored: "Restored",
  edited: "Edited",
};

export function timelineKindLabel(kind: TimelineKind): string {
  return TIMELINE_KIND_LABELS[kind];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

/**
 * The wall-clock parts of an RFC 3339 timestamp in `timeZone` (default: this computer's zone).
 * Returns null for text that is not a timestamp.
 */
export function localParts(timestamp: string, timeZone?: string): LocalParts | null {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return null;
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  });
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines write midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

function dayText(year: number, month: number, day: number): string {
  return `${day} ${MONTHS[month - 1] ?? "?"} ${year}`;
}

/** "2026-11-24T13:05:00Z" → "24 Nov 2026, 14:05" (in the local zone, here Europe/Paris). */
export function formatDateTime(timestamp: string, timeZone?: string): string {
  const parts = localParts(timestamp, timeZone);
  if (parts === null) return timestamp;
  return `${dayText(parts.year, parts.month, parts.day)}, ${pad2(parts.hour)}:${pad2(parts.minute)}`;
}

/** The local calendar day of a timestamp: "24 Nov 2026". */
export function formatDay(timestamp: string, timeZone?: string): string {
  const parts = localParts(timestamp, timeZone);
  if (parts === null) return timestamp;
  return dayText(parts.year, parts.month, parts.day);
}

function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const [, year, month, day] = match;
  const parsed = { year: Number(year), month: Number(month), day: Number(day) };
  if (parsed.month < 1 || parsed.month > 12 || parsed.day < 1 || parsed.day > 31) return null;
  return parsed;
}

/** An ISO calendar date "2026-11-24" → "24 Nov 2026" (no time zone involved). */
export function formatDate(date: string): string {
  const parsed = parseIsoDate(date);
  if (parsed === null) return date;
  return dayText(parsed.year, parsed.month, parsed.day);
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/**
 * A short "last changed" text for lists: "Today, 14:05", "Yesterday, 09:30" or "24 Nov 2026".
 */
export function formatUpdated(
  timestamp: string,
  now: Date = new Date(),
  timeZone?: string,
): string {
  const parts = localParts(timestamp, timeZone);
  const today = localParts(now.toISOString(), timeZone);
  if (parts === null || today === null) return timestamp;
  const time = `${pad2(parts.hour)}:${pad2(parts.minute)}`;
  const diff =
    dayNumber(today.year, today.month, today.day) - dayNumber(parts.year, parts.month, parts.day);
  if (diff === 0) return `Today, ${time}`;
  if (diff === 1) return `Yesterday, ${time}`;
  return dayText(parts.year, parts.month, parts.day);
}

/** Whole years between an ISO birth date and `today` (an ISO date), or null if unknown. */
export function ageOn(birthDate: string, today: string): number | null {
  const birth = parseIsoDate(birthDate);
  const now = parseIsoDate(today);
  if (birth === null || now === null) return null;
  let age = now.year - birth.year;
  if (now.month < birth.month || (now.month === birth.month && now.day < birth.day)) age -= 1;
  return age >= 0 ? age : null;
}

/** Today's local date as ISO "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** "1 client", "3 clients". */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
