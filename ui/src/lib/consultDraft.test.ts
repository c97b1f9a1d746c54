import { describe, expect, it } from "vitest";
import {
  draftToConsultInput,
  durationFromText,
  headingsFromText,
  headingsToText,
  newConsultDraft,
  nextWholeHour,
  suggestedDuration,
  suggestedKind,
  suggestedTemplate,
  toConsultChange,
} from "./consultDraft";
import { toDateTimeInputs } from "./format";

describe("booking suggestions", () => {
  // The free call for a lead, a follow-up for everyone else.
  it.each([
    ["lead", "free_consult"],
    ["consult_booked", "follow_up"],
    ["active", "follow_up"],
    ["paused", "follow_up"],
  ] as const)("suggests for a client who is %s a %s", (status, kind) => {
    expect(suggestedKind(status)).toBe(kind);
  });

  it.each([
    ["free_consult", 30, "discovery"],
    ["initial_session", 60, "coaching"],
    ["follow_up", 60, "coaching"],
    ["check_in", 60, "coaching"],
  ] as const)("books a %s for %i minutes with the %s template", (kind, minutes, template) => {
    expect(suggestedDuration(kind)).toBe(minutes);
    expect(suggestedTemplate(kind)).toBe(template);
  });

  it("starts at the next whole hour, rolling into tomorrow late at night", () => {
    expect(nextWholeHour(new Date(2026, 10, 24, 14, 20))).toEqual({
      date: "2026-11-24",
      time: "15:00",
    });
    expect(nextWholeHour(new Date(2026, 10, 24, 14, 0))).toEqual({
      date: "2026-11-24",
      time: "15:00",
    });
    expect(nextWholeHour(new Date(2026, 11, 31, 23, 40))).toEqual({
      date: "2027-01-01",
      time: "00:00",
    });
  });

  it("builds a complete first draft", () => {
    expect(newConsultDraft("lead", new Date(2026, 10, 24, 9, 5))).toEqual({
      kind: "free_consult",
      date: "2026-11-24",
      time: "10:00",
      duration: "30",
      template: "discovery",
    });
    expect(newConsultDraft("active", new Date(2026, 10, 24, 9, 5)).duration).toBe("60");
  });
});

describe("durationFromText", () => {
  it("reads whole minutes", () => {
    expect(durationFromText("45")).toBe(45);
    expect(durationFromText(" 90 ")).toBe(90);
    expect(durationFromText("30.4")).toBe(30);
    // What an edited number input gives through bind:value.
    expect(durationFromText(60)).toBe(60);
  });

  it("turns anything unreadable into 0 for the backend to reject", () => {
    expect(durationFromText("")).toBe(0);
    expect(durationFromText("abc")).toBe(0);
    expect(durationFromText("-20")).toBe(0);
  });
});

describe("draftToConsultInput and toConsultChange", () => {
  it("sends the local date and time as a UTC instant", () => {
    const input = draftToConsultInput(7, {
      kind: "initial_session",
      date: "2026-11-24",
      time: "14:30",
      duration: "60",
      template: "coaching",
    });
    expect(input.clientId).toBe(7);
    expect(input.kind).toBe("initial_session");
    expect(input.durationMinutes).toBe(60);
    expect(input.template).toBe("coaching");
    expect(input.scheduledAt).toMatch(/Z$/);
    expect(toDateTimeInputs(input.scheduledAt)).toEqual({ date: "2026-11-24", time: "14:30" });
  });

  it("sends an empty instant when the date is missing", () => {
    expect(toConsultChange("check_in", "", "10:00", "30", "scheduled")).toEqual({
      kind: "check_in",
      scheduledAt: "",
      durationMinutes: 30,
      status: "scheduled",
    });
  });
});

describe("template headings", () => {
  it("reads one heading per line, ignoring blank lines and spaces around", () => {
    expect(headingsFromText("Current state\n\n  Desired state \r\nObstacles\n")).toEqual([
      "Current state",
      "Desired state",
      "Obstacles",
    ]);
    expect(headingsFromText("   \n")).toEqual([]);
  });

  it("writes one heading per line", () => {
    expect(headingsToText(["Wins", "Challenges"])).toBe("Wins\nChallenges");
  });
});
