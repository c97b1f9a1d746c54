import { describe, expect, it } from "vitest";
import {
  ageOn,
  CLIENT_STATUSES,
  countLabel,
  formatDate,
  formatDateTime,
  formatDay,
  formatUpdated,
  msTypeLabel,
  statusLabel,
  todayIso,
} from "./format";

describe("labels", () => {
  it("names every status the way the coach says it", () => {
    expect(CLIENT_STATUSES.map(statusLabel)).toEqual([
      "Lead",
      "Consult booked",
      "Active",
      "Paused",
      "Alumni",
      "Not a fit",
    ]);
  });

  it("names MS types by their abbreviations", () => {
    expect(msTypeLabel("rrms")).toBe("RRMS");
    expect(msTypeLabel("spms")).toBe("SPMS");
    expect(msTypeLabel("ppms")).toBe("PPMS");
    expect(msTypeLabel("cis")).toBe("CIS");
    expect(msTypeLabel("unknown")).toBe("Unknown");
  });

  it("counts in singular and plural", () => {
    expect(countLabel(0, "client")).toBe("0 clients");
    expect(countLabel(1, "client")).toBe("1 client");
    expect(countLabel(3, "client")).toBe("3 clients");
    expect(countLabel(2, "child", "children")).toBe("2 children");
  });
});

describe("formatDateTime", () => {
  it("shows a UTC timestamp in the given local zone", () => {
    expect(formatDateTime("2026-11-24T13:05:00Z", "Europe/Paris")).toBe("24 Nov 2026, 14:05");
    expect(formatDateTime("2026-11-24T13:05:00Z", "UTC")).toBe("24 Nov 2026, 13:05");
    expect(formatDateTime("2026-11-24T13:05:00Z", "America/New_York")).toBe("24 Nov 2026, 08:05");
  });

  it("crosses midnight into the local day", () => {
    expect(formatDateTime("2026-01-31T23:30:00Z", "Asia/Tokyo")).toBe("1 Feb 2026, 08:30");
    expect(formatDateTime("2026-07-01T00:00:00+00:00", "UTC")).toBe("1 Jul 2026, 00:00");
  });

  it("handles fractional seconds and offsets", () => {
    expect(formatDateTime("2026-03-09T09:15:42.123456Z", "UTC")).toBe("9 Mar 2026, 09:15");
    expect(formatDateTime("2026-03-09T10:15:00+01:00", "UTC")).toBe("9 Mar 2026, 09:15");
  });

  it("leaves text that is not a timestamp alone", () => {
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("uses the computer's zone by default", () => {
    const local = new Date(2026, 10, 24, 14, 5);
    expect(formatDateTime(local.toISOString())).toBe("24 Nov 2026, 14:05");
  });
});

describe("formatDay and formatDate", () => {
  it("shows the local day of a timestamp", () => {
    expect(formatDay("2026-11-24T23:30:00Z", "UTC")).toBe("24 Nov 2026");
    expect(formatDay("2026-11-24T23:30:00Z", "Europe/Paris")).toBe("25 Nov 2026");
  });

  it("shows an ISO calendar date without shifting it", () => {
    expect(formatDate("1984-02-29")).toBe("29 Feb 1984");
    expect(formatDate("2026-12-01")).toBe("1 Dec 2026");
    expect(formatDate("garbage")).toBe("garbage");
    expect(formatDate("2026-13-01")).toBe("2026-13-01");
  });
});

describe("formatUpdated", () => {
  const now = new Date("2026-11-24T16:00:00Z");

  it("says today and yesterday with the time", () => {
    expect(formatUpdated("2026-11-24T09:30:00Z", now, "UTC")).toBe("Today, 09:30");
    expect(formatUpdated("2026-11-23T21:10:00Z", now, "UTC")).toBe("Yesterday, 21:10");
  });

  it("gives the date for anything older", () => {
    expect(formatUpdated("2026-11-20T09:30:00Z", now, "UTC")).toBe("20 Nov 2026");
    expect(formatUpdated("2025-12-31T09:30:00Z", now, "UTC")).toBe("31 Dec 2025");
  });

  it("compares local days, not UTC days", () => {
    // 23:30 UTC on the 23rd is already 08:30 on the 24th in Tokyo, the same day as 19:00 there.
    const morning = new Date("2026-11-24T10:00:00Z");
    expect(formatUpdated("2026-11-23T23:30:00Z", morning, "Asia/Tokyo")).toBe("Today, 08:30");
    expect(formatUpdated("2026-11-23T23:30:00Z", morning, "UTC")).toBe("Yesterday, 23:30");
  });
});

describe("ageOn", () => {
  it("counts whole years", () => {
    expect(ageOn("1980-06-15", "2026-06-14")).toBe(45);
    expect(ageOn("1980-06-15", "2026-06-15")).toBe(46);
    expect(ageOn("1980-06-15", "2026-12-01")).toBe(46);
  });

  it("returns null for unknown or future dates", () => {
    expect(ageOn("", "2026-01-01")).toBeNull();
    expect(ageOn("2030-01-01", "2026-01-01")).toBeNull();
  });
});

describe("todayIso", () => {
  it("pads month and day", () => {
    expect(todayIso(new Date(2026, 0, 5, 12))).toBe("2026-01-05");
  });
});
