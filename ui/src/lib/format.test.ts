import { describe, expect, it } from "vitest";
import {
  ageOn,
  CLIENT_STATUSES,
  CONSULT_KINDS,
  CONSULT_STATUSES,
  consultKindLabel,
  consultStatusLabel,
  consultTitle,
  countLabel,
  daysBetween,
  firstName,
  foodStatusLabel,
  formatBytes,
  formatDayMonth,
  formatConsultWhen,
  formatDate,
  formatDateOrDay,
  formatDateTime,
  formatDay,
  formatDuration,
  formatLongDate,
  formatShortDate,
  formatTime,
  formatTimeRange,
  formatUpdated,
  fromDateTimeInputs,
  greetingFor,
  isIsoDate,
  localDateOf,
  LOG_OUTCOMES,
  MS_TYPES,
  msTypeLabel,
  protocolStatusLabel,
  relativeDay,
  severityLabel,
  stageHint,
  statusLabel,
  timelineKindLabel,
  todayIso,
  toDateTimeInputs,
} from "./format";

describe("labels", () => {
  it.each([
    {
      what: "client statuses",
      names: CLIENT_STATUSES.map(statusLabel),
      said: ["Lead", "Consult booked", "Active", "Paused", "Alumni", "Not a fit"],
    },
    {
      what: "MS types, by their abbreviations",
      names: MS_TYPES.map(msTypeLabel),
      said: ["Unknown", "RRMS", "SPMS", "PPMS", "CIS"],
    },
    {
      what: "consult kinds",
      names: CONSULT_KINDS.map(consultKindLabel),
      said: ["Free consult call", "Initial session", "Follow-up", "Check-in"],
    },
    {
      what: "consult statuses",
      names: CONSULT_STATUSES.map(consultStatusLabel),
      said: ["Scheduled", "Completed", "No-show", "Cancelled"],
    },
    {
      what: "protocol statuses",
      names: (["active", "paused", "completed"] as const).map(protocolStatusLabel),
      said: ["Active", "Paused", "Completed"],
    },
    {
      what: "the outcomes of a food test",
      names: LOG_OUTCOMES.map(foodStatusLabel),
      said: ["Testing", "Tolerated", "Reacted", "Retest later"],
    },
    {
      what: "severities",
      names: [0, 1, 2, 3].map(severityLabel),
      said: ["None", "Mild", "Moderate", "Severe"],
    },
  ])("names $what the way the coach says them", ({ names, said }) => {
    expect(names).toEqual(said);
  });

  it("counts in singular and plural", () => {
    expect(countLabel(0, "client")).toBe("0 clients");
    expect(countLabel(1, "client")).toBe("1 client");
    expect(countLabel(3, "client")).toBe("3 clients");
    expect(countLabel(2, "child", "children")).toBe("2 children");
  });
});

describe("formatDateTime", () => {
  // A UTC timestamp in the given local zone, across midnight, with fractional seconds or an
  // offset of its own.
  it.each([
    ["2026-11-24T13:05:00Z", "Europe/Paris", "24 Nov 2026, 14:05"],
    ["2026-11-24T13:05:00Z", "UTC", "24 Nov 2026, 13:05"],
    ["2026-11-24T13:05:00Z", "America/New_York", "24 Nov 2026, 08:05"],
    ["2026-01-31T23:30:00Z", "Asia/Tokyo", "1 Feb 2026, 08:30"],
    ["2026-07-01T00:00:00+00:00", "UTC", "1 Jul 2026, 00:00"],
    ["2026-03-09T09:15:42.123456Z", "UTC", "9 Mar 2026, 09:15"],
    ["2026-03-09T10:15:00+01:00", "UTC", "9 Mar 2026, 09:15"],
  ])("shows %s in %s as %s", (timestamp, zone, shown) => {
    expect(formatDateTime(timestamp, zone)).toBe(shown);
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

describe("consult labels", () => {
  it("titles a consult by its kind and client", () => {
    expect(consultTitle("free_consult", "Renée Côté")).toBe("Free consult call with Renée Côté");
  });

  it.each([
    ["consult_booked", "Consult booked"],
    ["follow_up_done", "Follow-up done"],
    ["handout_given", "Handout given"],
    ["protocol_assigned", "Protocol started"],
    ["protocol_changed", "Protocol updated"],
    ["food_tested", "Reintroduction"],
    ["check_in", "Symptom check-in"],
    ["lab_added", "Lab result"],
  ] as const)("labels the timeline kind %s “%s”", (kind, label) => {
    expect(timelineKindLabel(kind)).toBe(label);
  });
});

describe("date and time inputs", () => {
  it("splits a UTC instant into local date and time input values", () => {
    expect(toDateTimeInputs("2026-11-24T13:05:00Z", "Europe/Paris")).toEqual({
      date: "2026-11-24",
      time: "14:05",
    });
    expect(toDateTimeInputs("2026-11-24T23:30:00Z", "Asia/Tokyo")).toEqual({
      date: "2026-11-25",
      time: "08:30",
    });
    expect(toDateTimeInputs("nonsense")).toEqual({ date: "", time: "" });
  });

  it("joins local inputs into a UTC instant", () => {
    const local = new Date(2026, 10, 24, 14, 5);
    expect(fromDateTimeInputs("2026-11-24", "14:05")).toBe(local.toISOString());
    expect(fromDateTimeInputs("2026-11-24", "14:05")).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it("round-trips through the local zone", () => {
    for (const [date, time] of [
      ["2026-01-01", "00:00"],
      ["2026-06-30", "23:59"],
      ["2026-11-24", "09:30"],
    ] as const) {
      expect(toDateTimeInputs(fromDateTimeInputs(date, time))).toEqual({ date, time });
    }
  });

  it("gives an empty instant for missing or unreadable inputs", () => {
    expect(fromDateTimeInputs("", "10:00")).toBe("");
    expect(fromDateTimeInputs("2026-11-24", "")).toBe("");
    expect(fromDateTimeInputs("24/11/2026", "10:00")).toBe("");
    expect(fromDateTimeInputs("2026-13-45", "10:00")).toBe("");
  });

  it("finds the local calendar date of an instant", () => {
    expect(localDateOf("2026-11-24T23:30:00Z", "UTC")).toBe("2026-11-24");
    expect(localDateOf("2026-11-24T23:30:00Z", "Europe/Paris")).toBe("2026-11-25");
    expect(localDateOf("x")).toBeNull();
  });
});

describe("consult times", () => {
  it("formats a consult's day and time range in local time", () => {
    expect(formatConsultWhen("2026-11-24T13:00:00Z", 60, "Europe/Paris")).toBe(
      "Tue 24 Nov 2026, 14:00–15:00",
    );
    expect(formatConsultWhen("2026-11-24T13:00:00Z", 30, "UTC")).toBe(
      "Tue 24 Nov 2026, 13:00–13:30",
    );
  });

  it("names the end day when a consult runs past midnight", () => {
    expect(formatConsultWhen("2026-11-24T23:30:00Z", 60, "UTC")).toBe(
      "Tue 24 Nov 2026, 23:30 – 25 Nov 2026, 00:30",
    );
  });

  it("shows only the start without a usable duration", () => {
    expect(formatConsultWhen("2026-11-24T13:00:00Z", 0, "UTC")).toBe("Tue 24 Nov 2026, 13:00");
    expect(formatConsultWhen("soon", 30)).toBe("soon");
  });

  it("formats times, ranges and durations", () => {
    expect(formatTime("2026-11-24T13:05:00Z", "Europe/Paris")).toBe("14:05");
    expect(formatTimeRange("2026-11-24T13:05:00Z", 45, "UTC")).toBe("13:05–13:50");
    expect(formatDuration(30)).toBe("30 min");
    expect(formatDuration(60)).toBe("1 h");
    expect(formatDuration(90)).toBe("1 h 30 min");
  });
});

describe("calendar dates", () => {
  it("writes short and long forms", () => {
    expect(formatShortDate("2026-11-24")).toBe("Tue 24 Nov");
    expect(formatLongDate("2026-11-24")).toBe("Tuesday 24 November 2026");
    expect(formatLongDate("bad")).toBe("bad");
  });

  it("says how far away a date is", () => {
    const today = "2026-11-24";
    expect(relativeDay("2026-11-24", today)).toBe("today");
    expect(relativeDay("2026-11-25", today)).toBe("tomorrow");
    expect(relativeDay("2026-11-23", today)).toBe("yesterday");
    expect(relativeDay("2026-11-26", today)).toBe("in 2 days");
    expect(relativeDay("2026-11-21", today)).toBe("3 days ago");
    expect(relativeDay("2026-12-08", today)).toBe("in 2 weeks");
    expect(relativeDay("2026-10-20", today)).toBe("5 weeks ago");
    expect(relativeDay("2027-03-01", today)).toBe("1 Mar 2027");
    expect(relativeDay("2026-12-31", "2027-01-01")).toBe("yesterday");
  });

  it("shows a date or a timestamp as a day", () => {
    expect(formatDateOrDay("2026-10-03")).toBe("3 Oct 2026");
    expect(formatDateOrDay(new Date(2026, 9, 3, 12).toISOString())).toBe("3 Oct 2026");
  });
});

describe("greeting", () => {
  it("follows the time of day and uses the first name", () => {
    expect(greetingFor(8)).toBe("Good morning");
    expect(greetingFor(13)).toBe("Good afternoon");
    expect(greetingFor(19)).toBe("Good evening");
    expect(firstName("  Marie-Ève Laurent ")).toBe("Marie-Ève");
    expect(firstName("")).toBe("");
  });
});

describe("protocol and progress labels", () => {
  it("names food statuses, severities and stages", () => {
    expect(foodStatusLabel("untested")).toBe("Untested");
    expect(foodStatusLabel("retest_later")).toBe("Retest later");
    expect(severityLabel(7)).toBe("7");
    expect(stageHint(1)).toMatch(/least likely/i);
    expect(stageHint(4)).toMatch(/most likely/i);
    expect(stageHint(9)).toBe("");
  });
});

describe("date helpers for progress", () => {
  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("")).toBe(false);
    expect(isIsoDate("24/11/2026")).toBe(false);
  });

  it("writes a day and month, with the year only when it differs", () => {
    expect(formatDayMonth("2026-11-24", 2026)).toBe("24 Nov");
    expect(formatDayMonth("2025-01-03", 2026)).toBe("3 Jan 2025");
    expect(formatDayMonth("2025-01-03")).toBe("3 Jan 2025");
    expect(formatDayMonth("soon", 2026)).toBe("soon");
  });

  it("counts days between dates across months and leap days", () => {
    expect(daysBetween("2026-11-24", "2026-11-29")).toBe(5);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-12-31", "2026-12-01")).toBe(-30);
    expect(daysBetween("x", "2026-12-01")).toBeNull();
  });
});

describe("formatBytes", () => {
  it("uses the unit a file manager would", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(812)).toBe("812 bytes");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(24_000)).toBe("23 KB");
    expect(formatBytes(3.4 * 1024 * 1024)).toBe("3.4 MB");
    expect(formatBytes(1024 * 1024 - 1)).toBe("1 MB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5 GB");
    expect(formatBytes(-1)).toBe("");
  });
});
