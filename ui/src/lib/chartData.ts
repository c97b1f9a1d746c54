// The symptom trend chart's data, shaped for uPlot: dates as unix seconds (UTC midnight, so a
// day never shifts with the coach's time zone), phase bands and reintroduction markers as pixel
// ranges, and the small layout sums for their labels. Nothing here touches the DOM.
import type { Chart, FoodMarker, FoodStatus, PhaseBand } from "./api/types";

export const DAY_SECONDS = 86_400;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-24" → unix seconds at 00:00 UTC that day; null when it is not an ISO date. */
export function isoDateToUnix(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** Unix seconds → the ISO date of that UTC day. */
export function unixToIsoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** uPlot's aligned data: x values first, then one array per series (null = not rated). */
export type Aligned = [number[], ...(number | null)[][]];

/** The chart's check-in dates and series as uPlot data. Unreadable dates are dropped. */
export function alignedData(chart: Chart): Aligned {
  const keep: number[] = [];
  const xs: number[] = [];
  chart.dates.forEach((date, i) => {
    const x = isoDateToUnix(date);
    if (x !== null) {
      keep.push(i);
      xs.push(x);
    }
  });
  const series = chart.series.map((s) => keep.map((i) => s.values[i] ?? null));
  return [xs, ...series];
}

/**
 * The stretch of time the chart shows, in unix seconds: every check-in and every
 * reintroduction, with a little room either side so no point sits on the edge. Protocol phases
 * are drawn clipped to it: a phase that began months before the first check-in must not squeeze
 * her ratings into a corner. Null when there are no check-ins to draw.
 */
export function xDomain(chart: Chart): [number, number] | null {
  const checkIns = chart.dates.map(isoDateToUnix).filter((x) => x !== null);
  if (checkIns.length === 0) return null;
  const all = [...checkIns, ...chart.markers.map((m) => isoDateToUnix(m.onDate))].filter(
    (x) => x !== null,
  );
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = Math.max(DAY_SECONDS / 2, Math.round((max - min) * 0.03));
  if (max === min) return [min - 3 * DAY_SECONDS, max + 3 * DAY_SECONDS];
  return [min - pad, max + pad];
}

/** Converts a unix time to a horizontal pixel position (uPlot's valToPos, or a test stand-in). */
export type ToPixel = (seconds: number) => number;

export type BandSpan = { label: string; x0: number; x1: number; index: number };

/**
 * Each protocol phase as a horizontal pixel range clipped to the plot [left, right]. A phase
 * still going on (no end date) runs to the right edge. Phases wholly outside are left out.
 */
export function bandSpans(
  bands: PhaseBand[],
  toPx: ToPixel,
  left: number,
  right: number,
): BandSpan[] {
  const spans: BandSpan[] = [];
  bands.forEach((band, index) => {
    const from = isoDateToUnix(band.from);
    if (from === null) return;
    const to = band.to === null ? null : isoDateToUnix(band.to);
    const x0 = Math.max(left, toPx(from));
    const x1 = Math.min(right, to === null ? right : toPx(to));
    if (x1 - x0 >= 1) spans.push({ label: band.label, x0, x1, index });
  });
  return spans;
}

export type MarkerLine = { x: number; food: string; outcome: FoodStatus; colour: string };

/** Each reintroduction as a vertical line position inside the plot [left, right]. */
export function markerLines(
  markers: FoodMarker[],
  toPx: ToPixel,
  left: number,
  right: number,
): MarkerLine[] {
  const lines: MarkerLine[] = [];
  for (const marker of markers) {
    const at = isoDateToUnix(marker.onDate);
    if (at === null) continue;
    const x = toPx(at);
    if (x < left || x > right) continue;
    lines.push({
      x,
      food: marker.food,
      outcome: marker.outcome,
      colour: outcomeColour(marker.outcome),
    });
  }
  return lines;
}

/**
 * Rows for labels that start at `x` and are `width` wide, so none overlaps another: each label
 * takes the first row whose last label ends at least `gap` before it starts. Returns the row
 * of each label in the order given.
 */
export function stackLabels(items: { x: number; width: number }[], gap: number): number[] {
  const order = items.map((_, i) => i).sort((a, b) => (items[a]?.x ?? 0) - (items[b]?.x ?? 0));
  const rowEnds: number[] = [];
  const rows = new Array<number>(items.length).fill(0);
  for (const i of order) {
    const item = items[i];
    if (item === undefined) continue;
    let row = rowEnds.findIndex((end) => end + gap <= item.x);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = item.x + item.width;
    rows[i] = row;
  }
  return rows;
}

/**
 * `text` cut with an ellipsis to fit `maxWidth` as `measure` reports it; "" when not even the
 * first letter fits. Cuts between whole characters, so emoji and accents stay intact.
 */
export function fitLabel(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  for (let keep = chars.length - 1; keep > 0; keep -= 1) {
    const cut = `${chars.slice(0, keep).join("").trimEnd()}…`;
    if (measure(cut) <= maxWidth) return cut;
  }
  return "";
}

/**
 * Tick positions for the date axis (unix seconds at UTC midnight) between `min` and `max`, at
 * most `maxTicks`: every 1, 2, 3, 7 or 14 days, or on the first of every 1, 2, 3, 6 or 12 months.
 * `monthly` says which, so the labels can read "24 Nov" or "Nov 2026".
 */
export function dateTicks(
  min: number,
  max: number,
  maxTicks: number,
): { ticks: number[]; monthly: boolean } {
  const limit = Math.max(1, Math.floor(maxTicks));
  if (!(max >= min)) return { ticks: [], monthly: false };
  const firstDay = Math.ceil(min / DAY_SECONDS) * DAY_SECONDS;
  const spanDays = (max - firstDay) / DAY_SECONDS;
  for (const step of [1, 2, 3, 7, 14]) {
    if (Math.floor(spanDays / step) + 1 <= limit) {
      const ticks: number[] = [];
      for (let t = firstDay; t <= max; t += step * DAY_SECONDS) ticks.push(t);
      return { ticks, monthly: false };
    }
  }
  const start = new Date(firstDay * 1000);
  const year = start.getUTCFullYear();
  // The first whole month on the axis (12 means January of the next year; Date.UTC rolls over).
  const month = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  for (const step of [1, 2, 3, 6, 12]) {
    const ticks: number[] = [];
    // Line the steps up with the calendar: quarters on Jan/Apr/Jul/Oct, years on January.
    let m = Math.ceil(month / step) * step;
    for (;;) {
      const t = Date.UTC(year, m, 1) / 1000;
      if (t > max) break;
      ticks.push(t);
      m += step;
    }
    if (ticks.length <= limit) return { ticks, monthly: true };
  }
  return { ticks: [], monthly: true };
}

/** A date-axis tick label: "24 Nov" for daily and weekly ticks, "Nov 2026" for monthly ones. */
export function tickLabel(seconds: number, monthly: boolean): string {
  const date = new Date(seconds * 1000);
  const month = MONTHS[date.getUTCMonth()] ?? "";
  return monthly ? `${month} ${date.getUTCFullYear()}` : `${date.getUTCDate()} ${month}`;
}

/** Calm, distinct line colours that read on white; they repeat after ten symptoms. */
const SERIES_COLOURS = [
  "#2f6b66",
  "#b5522b",
  "#5450a8",
  "#b7860f",
  "#8a3f7a",
  "#2f78b0",
  "#5f8a1f",
  "#a8334a",
  "#6b5a48",
  "#1f8a8a",
];

export function seriesColour(index: number): string {
  return (
    SERIES_COLOURS[
      ((index % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length
    ] ?? "#2f6b66"
  );
}

/** Each symptom's line pattern, so lines differ by more than colour (solid, dashes, dots…). */
const SERIES_DASHES: readonly number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [5, 5], [1, 5]];

export function seriesDash(index: number): number[] {
  const n = SERIES_DASHES.length;
  return [...(SERIES_DASHES[((index % n) + n) % n] ?? [])];
}

const OUTCOME_COLOURS: Record<FoodStatus, string> = {
  untested: "#7a7f7e",
  testing: "#2f78b0",
  tolerated: "#2e7d4a",
  reacted: "#b3261e",
  retest_later: "#a86b00",
};

/** The colour a reintroduction is drawn in: green tolerated, red reacted, and so on. */
export function outcomeColour(outcome: FoodStatus): string {
  return OUTCOME_COLOURS[outcome];
}
