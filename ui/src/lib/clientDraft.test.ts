import { describe, expect, it } from "vitest";
import type { Client } from "./api/types";
import { draftFromClient, draftToInput, emptyDraft } from "./clientDraft";

const client: Client = {
  id: 3,
  name: "Maria Jones",
  preferredName: "Mia",
  email: "mia@example.com",
  phone: "",
  birthDate: "1985-04-02",
  status: "active",
  tags: ["AIP"],
  msType: "rrms",
  diagnosisYear: 2019,
  medications: "Ocrevus",
  lastRelapse: null,
  otherConditions: "",
  allergies: "gluten",
  dietApproach: "AIP elimination",
  supplements: "Vitamin D",
  goals: "More energy",
  referralSource: "#MSMonday",
  notes: "",
  archivedAt: null,
  createdAt: "2026-01-01T10:00:00Z",
  updatedAt: "2026-01-02T10:00:00Z",
};

describe("client drafts", () => {
  it("starts a new client as a lead with nothing filled in", () => {
    const input = draftToInput(emptyDraft());
    expect(input.status).toBe("lead");
    expect(input.msType).toBe("unknown");
    expect(input.birthDate).toBeNull();
    expect(input.lastRelapse).toBeNull();
    expect(input.diagnosisYear).toBeNull();
    expect(input.tags).toEqual([]);
  });

  it("round-trips a stored client", () => {
    const input = draftToInput(draftFromClient(client));
    const { id, archivedAt, createdAt, updatedAt, ...expected } = client;
    void [id, archivedAt, createdAt, updatedAt];
    expect(input).toEqual(expected);
  });

  it("turns typed years into numbers and blanks into null", () => {
    const draft = { ...emptyDraft(), diagnosisYear: " 2021 ", birthDate: "  " };
    expect(draftToInput(draft).diagnosisYear).toBe(2021);
    expect(draftToInput(draft).birthDate).toBeNull();
  });
});
