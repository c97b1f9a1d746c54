// How things read on screen: labels, dates and times in the coach's local time, counts.
import { CLIENT_STATUS_LABELS, CONSULT_KIND_LABELS } from "./api/types";
import type {
  ClientSort,
  ClientStatus,
  ConsultKind,
  ConsultStatus,
  FoodStatus,
  MsType,
  ProtocolStatus,
  TemplateKey,
  TimelineKind,
} from "./api/types";

// The lists and names core defines (generated into api/types.ts), where screens look for them.
export { CLIENT_STATUSES, CONSULT_KINDS } from "./api/types";

export function statusLabel(status: ClientStatus): string {
  return CLIENT_STATUS_LABELS[status];
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
  consult_booked: "Consult booked",
  consult_changed: "Consult changed",
  consult_completed: "Consult completed",
  consult_no_show: "No-show",
  consult_cancelled: "Consult cancelled",
  follow_up_added: "Follow-up added",
  follow_up_done: "Follow-up done",
  handout_given: "Handout given",
  protocol_assigned: "Protocol started",
  protocol_changed: "Protocol updated",
  food_tested: "Reintroduction",
  check_in: "Symptom check-in",
  lab_added: "Lab result",
};

export function timelineKindLabel(kind: TimelineKind): string {
  return TIMELINE_KIND_LABELS[kind];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

// Making an Intl formatter costs far more than using one (a list of 50 clients made 100 of them
// for each key she typed in the search box), so each time zone's is made once.
const partsFormatters = new Map<string | undefined, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock parts of an RFC 3339 timestamp in `timeZone` (default: this computer's zone).
 * Returns null for text that is not a timestamp.
 */
export function localParts(timestamp: string, timeZone?: string): LocalParts | null {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return null;
  const formatter = partsFormatter(timeZone);
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

export function consultKindLabel(kind: ConsultKind): string {
  return CONSULT_KIND_LABELS[kind];
}

export const CONSULT_STATUSES: readonly ConsultStatus[] = [
  "scheduled",
  "completed",
  "no_show",
  "cancelled",
];

const CONSULT_STATUS_LABELS: Record<ConsultStatus, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  no_show: "No-show",
  cancelled: "Cancelled",
};

export function consultStatusLabel(status: ConsultStatus): string {
  return CONSULT_STATUS_LABELS[status];
}

const TEMPLATE_KEY_LABELS: Record<TemplateKey, string> = {
  discovery: "Discovery call",
  coaching: "Coaching session",
};

/** A template's usual name, for when the saved templates have not loaded. */
export function templateKeyLabel(key: TemplateKey): string {
  return TEMPLATE_KEY_LABELS[key];
}

/** "Free consult call with Renée Côté". */
export function consultTitle(kind: ConsultKind, clientName: string): string {
  return `${consultKindLabel(kind)} with ${clientName}`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const LONG_WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The wall-clock time of a timestamp: "14:05". */
export function formatTime(timestamp: string, timeZone?: string): string {
  const parts = localParts(timestamp, timeZone);
  if (parts === null) return timestamp;
  return `${pad2(parts.hour)}:${pad2(parts.minute)}`;
}

/** The local calendar date of a timestamp as ISO "YYYY-MM-DD", or null if it is not one. */
export function localDateOf(timestamp: string, timeZone?: string): string | null {
  const parts = localParts(timestamp, timeZone);
  if (parts === null) return null;
  return `${String(parts.year).padStart(4, "0")}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

/** A timestamp as the values of a date input and a time input, in local time. */
export function toDateTimeInputs(
  timestamp: string,
  timeZone?: string,
): { date: string; time: string } {
  const parts = localParts(timestamp, timeZone);
  if (parts === null) return { date: "", time: "" };
  return {
    date: `${String(parts.year).padStart(4, "0")}-${pad2(parts.month)}-${pad2(parts.day)}`,
    time: `${pad2(parts.hour)}:${pad2(parts.minute)}`,
  };
}

/**
 * A local date input ("2026-11-24") and time input ("14:05") as the UTC instant the backend
 * stores ("2026-11-24T13:05:00.000Z" in Paris). Empty or unreadable inputs give "", which the
 * backend rejects with a message next to the field.
 */
export function fromDateTimeInputs(date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return "";
  const instant = new Date(`${date}T${time}`);
  return Number.isNaN(instant.getTime()) ? "" : instant.toISOString();
}

/**
 * When a consult happens, in local time: "Tue 24 Nov 2026, 14:00–15:00". The end gets its own
 * date when the consult runs past midnight.
 */
export function formatConsultWhen(
  scheduledAt: string,
  durationMinutes: number,
  timeZone?: string,
): string {
  const start = localParts(scheduledAt, timeZone);
  if (start === null) return scheduledAt;
  const startDay = `${WEEKDAYS[weekday(start.year, start.month, start.day)]} ${dayText(start.year, start.month, start.day)}`;
  const startTime = `${pad2(start.hour)}:${pad2(start.minute)}`;
  if (!Number.isFinite(durationMinutes) || durationMinutes <= 0) {
    return `${startDay}, ${startTime}`;
  }
  const endInstant = new Date(new Date(scheduledAt).getTime() + durationMinutes * 60_000);
  const end = localParts(endInstant.toISOString(), timeZone);
  if (end === null) return `${startDay}, ${startTime}`;
  const endTime = `${pad2(end.hour)}:${pad2(end.minute)}`;
  const sameDay = end.year === start.year && end.month === start.month && end.day === start.day;
  if (sameDay) return `${startDay}, ${startTime}–${endTime}`;
  return `${startDay}, ${startTime} – ${dayText(end.year, end.month, end.day)}, ${endTime}`;
}

/** Just the clock range: "14:00–15:00". */
export function formatTimeRange(
  scheduledAt: string,
  durationMinutes: number,
  timeZone?: string,
): string {
  const start = formatTime(scheduledAt, timeZone);
  const startMs = new Date(scheduledAt).getTime();
  if (Number.isNaN(startMs) || !Number.isFinite(durationMinutes) || durationMinutes <= 0) {
    return start;
  }
  const end = formatTime(new Date(startMs + durationMinutes * 60_000).toISOString(), timeZone);
  return `${start}–${end}`;
}

/** "30 min", "1 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A short weekday and date for an ISO calendar date: "Tue 24 Nov". */
export function formatShortDate(date: string): string {
  const parsed = parseIsoDate(date);
  if (parsed === null) return date;
  const { year, month, day } = parsed;
  return `${WEEKDAYS[weekday(year, month, day)]} ${day} ${MONTHS[month - 1] ?? "?"}`;
}

/** An ISO calendar date in full: "Tuesday 24 November 2026". */
export function formatLongDate(date: string): string {
  const parsed = parseIsoDate(date);
  if (parsed === null) return date;
  const { year, month, day } = parsed;
  return `${LONG_WEEKDAYS[weekday(year, month, day)]} ${day} ${LONG_MONTHS[month - 1] ?? "?"} ${year}`;
}

/**
 * How far an ISO date is from `today` (also ISO), in words: "today", "tomorrow", "in 2 days",
 * "yesterday", "3 days ago", "in 2 weeks", "5 weeks ago"; beyond 8 weeks, the date itself.
 */
export function relativeDay(date: string, today: string): string {
  const target = parseIsoDate(date);
  const now = parseIsoDate(today);
  if (target === null || now === null) return date;
  const diff =
    dayNumber(target.year, target.month, target.day) - dayNumber(now.year, now.month, now.day);
  if (diff === 0) return "today";
  if (diff === 1) return "tomorrow";
  if (diff === -1) return "yesterday";
  const days = Math.abs(diff);
  let amount: string;
  if (days < 14) amount = countLabel(days, "day");
  else if (days <= 56) amount = countLabel(Math.round(days / 7), "week");
  else return formatDate(date);
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}

/** A date-only value or a timestamp, shown as a local calendar day: "24 Nov 2026". */
export function formatDateOrDay(value: string): string {
  return parseIsoDate(value) !== null ? formatDate(value) : formatDay(value);
}

/** "Good morning" before noon, "Good afternoon" until six, then "Good evening". */
export function greetingFor(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** The first word of a name, for a friendly greeting: "Marie-Ève Laurent" → "Marie-Ève". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/** Whether text is an ISO calendar date a date input can hold: "2026-11-24". */
export function isIsoDate(date: string): boolean {
  const parsed = parseIsoDate(date);
  if (parsed === null) return false;
  const check = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day));
  return check.getUTCDate() === parsed.day;
}

/** A short day and month for an ISO date, adding the year only when it is not `thisYear`. */
export function formatDayMonth(date: string, thisYear?: number): string {
  const parsed = parseIsoDate(date);
  if (parsed === null) return date;
  const text = `${parsed.day} ${MONTHS[parsed.month - 1] ?? "?"}`;
  return thisYear === parsed.year ? text : `${text} ${parsed.year}`;
}

/** Whole days from one ISO date to another (negative when `to` is earlier), or null. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === null || b === null) return null;
  return dayNumber(b.year, b.month, b.day) - dayNumber(a.year, a.month, a.day);
}

/** A file's size the way a file manager shows it: "812 bytes", "24 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return bytes === 1 ? "1 byte" : `${Math.round(bytes)} bytes`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.6 KB rounds up to "1024 KB"; say "1 MB" instead.
  if (shown >= 1024 && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${shown} ${units[unit]}`;
}

const PROTOCOL_STATUS_LABELS: Record<ProtocolStatus, string> = {
  active: "Active",
  paused: "Paused",
  completed: "Completed",
};

export function protocolStatusLabel(status: ProtocolStatus): string {
  return PROTOCOL_STATUS_LABELS[status];
}

const FOOD_STATUS_LABELS: Record<FoodStatus, string> = {
  untested: "Untested",
  testing: "Testing",
  tolerated: "Tolerated",
  reacted: "Reacted",
  retest_later: "Retest later",
};

export function foodStatusLabel(status: FoodStatus): string {
  return FOOD_STATUS_LABELS[status];
}

/** The outcomes a logged test can have ("untested" is only where every food starts). */
export const LOG_OUTCOMES: readonly FoodStatus[] = [
  "testing",
  "tolerated",
  "reacted",
  "retest_later",
];

const SEVERITY_LABELS = ["None", "Mild", "Moderate", "Severe"];

/** 0 none, 1 mild, 2 moderate, 3 severe. */
export function severityLabel(severity: number): string {
  return SEVERITY_LABELS[severity] ?? String(severity);
}

const STAGE_HINTS = [
  "Least likely to cause a reaction",
  "Fairly well tolerated",
  "More likely to cause a reaction",
  "Most likely to cause a reaction",
];

/** What a reintroduction stage (1–4) means, in a few words. */
export function stageHint(stage: number): string {
  return STAGE_HINTS[stage - 1] ?? "";
}
