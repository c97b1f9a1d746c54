import { describe, expect, it } from "vitest";
import type { Chart } from "./api/types";
import {
  seriesDash,
  alignedData,
  bandSpans,
  DAY_SECONDS,
  dateTicks,
  fitLabel,
  isoDateToUnix,
  markerLines,
  outcomeColour,
  seriesColour,
  stackLabels,
  tickLabel,
  unixToIsoDate,
  xDomain,
} from "./chartData";

const NOV_1 = Date.UTC(2026, 10, 1) / 1000;

function chart(overrides: Partial<Chart> = {}): Chart {
  return {
    dates: ["2026-11-01", "2026-11-08", "2026-11-15"],
    series: [
      { symptomId: 1, name: "Fatigue", values: [7, null, 4] },
      { symptomId: 2, name: "Brain fog 🌫", values: [null, 5, 3] },
    ],
    bands: [],
    markers: [],
    ...overrides,
  };
}

/** A plot 0–300 px wide showing 1–31 Nov 2026, 10 px a day. */
const toPx = (seconds: number) => ((seconds - NOV_1) / DAY_SECONDS) * 10;

describe("dates as unix seconds", () => {
  it("uses UTC midnight, whatever the computer's zone", () => {
    expect(isoDateToUnix("2026-11-01")).toBe(NOV_1);
    expect(isoDateToUnix("1970-01-02")).toBe(DAY_SECONDS);
    expect(unixToIsoDate(NOV_1)).toBe("2026-11-01");
    expect(unixToIsoDate(NOV_1 + DAY_SECONDS - 1)).toBe("2026-11-01");
  });

  it("rejects text that is not an ISO date", () => {
    expect(isoDateToUnix("1 Nov 2026")).toBeNull();
    expect(isoDateToUnix("")).toBeNull();
  });
});

describe("alignedData", () => {
  it("puts the dates first and keeps unrated days as gaps", () => {
    expect(alignedData(chart())).toEqual([
      [NOV_1, NOV_1 + 7 * DAY_SECONDS, NOV_1 + 14 * DAY_SECONDS],
      [7, null, 4],
      [null, 5, 3],
    ]);
  });

  it("drops an unreadable date together with its values", () => {
    const data = alignedData(chart({ dates: ["2026-11-01", "oops", "2026-11-15"] }));
    expect(data[0]).toHaveLength(2);
    expect(data[1]).toEqual([7, 4]);
    expect(data[2]).toEqual([null, 3]);
  });

  it("gives just an empty x axis when there are no check-ins", () => {
    expect(alignedData(chart({ dates: [], series: [] }))).toEqual([[]]);
  });
});

describe("xDomain", () => {
  it("is null with nothing to draw", () => {
    expect(xDomain(chart({ dates: [] }))).toBeNull();
  });

  it("covers check-ins and reintroductions with a margin, not whole phases", () => {
    const [min, max] = xDomain(
      chart({
        bands: [{ label: "Elimination", from: "2026-06-20", to: "2026-11-10" }],
        markers: [{ onDate: "2026-11-20", food: "Egg yolk", outcome: "tolerated" }],
      }),
    ) ?? [0, 0];
    expect(min).toBeLessThan(isoDateToUnix("2026-11-01") ?? 0);
    expect(min).toBeGreaterThan(isoDateToUnix("2026-10-25") ?? 0);
    expect(max).toBeGreaterThan(isoDateToUnix("2026-11-20") ?? 0);
    expect(max - min).toBeLessThan(25 * DAY_SECONDS);
  });

  it("widens a single day to a week so the point sits in the middle", () => {
    const domain = xDomain(chart({ dates: ["2026-11-01"], series: [] }));
    expect(domain).toEqual([NOV_1 - 3 * DAY_SECONDS, NOV_1 + 3 * DAY_SECONDS]);
  });
});

describe("bandSpans", () => {
  it("turns phases into pixel ranges, an open phase running to the edge", () => {
    const spans = bandSpans(
      [
        { label: "Elimination", from: "2026-11-01", to: "2026-11-11" },
        { label: "Reintroduction", from: "2026-11-11", to: null },
      ],
      toPx,
      0,
      300,
    );
    expect(spans).toEqual([
      { label: "Elimination", x0: 0, x1: 100, index: 0 },
      { label: "Reintroduction", x0: 100, x1: 300, index: 1 },
    ]);
  });

  it("clips phases at the plot edges and leaves out those outside", () => {
    const spans = bandSpans(
      [
        { label: "Before", from: "2026-09-01", to: "2026-10-01" },
        { label: "Straddling", from: "2026-10-25", to: "2026-11-06" },
        { label: "After", from: "2026-12-15", to: null },
      ],
      toPx,
      0,
      300,
    );
    expect(spans).toEqual([{ label: "Straddling", x0: 0, x1: 50, index: 1 }]);
  });

  it("skips a phase with an unreadable start", () => {
    expect(bandSpans([{ label: "?", from: "", to: null }], toPx, 0, 300)).toEqual([]);
  });
});

describe("markerLines", () => {
  it("places reintroductions inside the plot, coloured by outcome", () => {
    const lines = markerLines(
      [
        { onDate: "2026-11-03", food: "Ghee", outcome: "tolerated" },
        { onDate: "2026-11-21", food: "Eggs 🥚", outcome: "reacted" },
        { onDate: "2027-01-01", food: "Later", outcome: "testing" },
      ],
      toPx,
      0,
      300,
    );
    expect(lines).toEqual([
      { x: 20, food: "Ghee", outcome: "tolerated", colour: outcomeColour("tolerated") },
      { x: 200, food: "Eggs 🥚", outcome: "reacted", colour: outcomeColour("reacted") },
    ]);
    expect(outcomeColour("tolerated")).not.toBe(outcomeColour("reacted"));
  });
});

describe("stackLabels", () => {
  it("keeps labels on one row when they do not touch", () => {
    expect(
      stackLabels(
        [
          { x: 0, width: 40 },
          { x: 50, width: 40 },
        ],
        4,
      ),
    ).toEqual([0, 0]);
  });

  it("moves overlapping labels to the next free row, in any input order", () => {
    expect(
      stackLabels(
        [
          { x: 30, width: 40 },
          { x: 0, width: 40 },
          { x: 42, width: 40 },
          { x: 100, width: 10 },
        ],
        4,
      ),
    ).toEqual([1, 0, 2, 0]);
  });
});

describe("fitLabel", () => {
  const measure = (s: string) => Array.from(s).length * 10;

  it("keeps text that fits", () => {
    expect(fitLabel("Elimination", 200, measure)).toBe("Elimination");
  });

  it("cuts with an ellipsis between whole characters", () => {
    expect(fitLabel("Elimination", 60, measure)).toBe("Elimi…");
    expect(fitLabel("Zoë 李小龙 🌿", 40, measure)).toBe("Zoë…");
    expect(fitLabel("🌿🌿🌿🌿", 30, measure)).toBe("🌿🌿…");
  });

  it("gives nothing when even one letter does not fit", () => {
    expect(fitLabel("Elimination", 15, measure)).toBe("");
  });
});

describe("dateTicks", () => {
  const day = (iso: string) => isoDateToUnix(iso) ?? 0;

  it.each([
    {
      about: "ticks every day over a short span",
      span: [NOV_1 - 3600, NOV_1 + 4 * DAY_SECONDS, 10],
      monthly: false,
      ticks: ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"],
    },
    {
      about: "steps out to weeks when days would crowd",
      span: [NOV_1, NOV_1 + 30 * DAY_SECONDS, 6],
      monthly: false,
      ticks: ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"],
    },
    {
      about: "uses the first of each month over long spans",
      span: [day("2026-01-15"), day("2026-07-20"), 8],
      monthly: true,
      ticks: ["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01"],
    },
    {
      about: "steps out to quarters when months would crowd",
      span: [day("2026-01-15"), day("2026-07-20"), 2],
      monthly: true,
      ticks: ["2026-04-01", "2026-07-01"],
    },
    {
      about: "crosses into the next year",
      span: [day("2026-11-20"), day("2027-03-10"), 5],
      monthly: true,
      ticks: ["2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01"],
    },
  ] as const)("$about", ({ span: [min, max, most], monthly, ticks }) => {
    const found = dateTicks(min, max, most);
    expect(found.monthly).toBe(monthly);
    expect(found.ticks.map(unixToIsoDate)).toEqual(ticks);
  });

  it("labels ticks as days or months", () => {
    expect(tickLabel(NOV_1, false)).toBe("1 Nov");
    expect(tickLabel(NOV_1, true)).toBe("Nov 2026");
  });
});

describe("small helpers", () => {
  it("gives each symptom its own colour and repeats after ten", () => {
    const colours = Array.from({ length: 10 }, (_, i) => seriesColour(i));
    expect(new Set(colours).size).toBe(10);
    expect(seriesColour(10)).toBe(seriesColour(0));
  });
});

describe("series patterns", () => {
  it("gives neighbouring symptoms different line patterns, not only colours", () => {
    const patterns = [0, 1, 2, 3, 4, 5].map((i) => JSON.stringify(seriesDash(i)));
    expect(new Set(patterns).size).toBe(6);
    expect(seriesDash(0)).toEqual([]);
    expect(seriesDash(6)).toEqual(seriesDash(0));
  });
});
