import { describe, expect, it } from "vitest";
import type { CheckIn, Symptom } from "$lib/api/types";
import { ratingInputs, ratingOf, readRatings } from "./checkInForm";

const symptoms: Symptom[] = [
  { id: 1, name: "Fatigue", archived: false },
  { id: 2, name: "Brain fog 🌫", archived: false },
  { id: 3, name: "Sommeil (qualité)", archived: false },
];

const checkIn: CheckIn = {
  id: 9,
  clientId: 4,
  onDate: "2026-11-24",
  notes: "",
  ratings: [
    { symptomId: 1, value: 6 },
    { symptomId: 8, value: 2 },
  ],
};

describe("ratingInputs", () => {
  it("starts blank for a new check-in and fills from one being edited", () => {
    expect(ratingInputs(null)).toEqual({});
    expect(ratingInputs(checkIn)).toEqual({ 1: "6", 8: "2" });
  });
});

describe("readRatings", () => {
  it("reads whole numbers and leaves blanks unrated", () => {
    expect(readRatings({ 1: "0", 2: " 10 ", 3: "" }, symptoms)).toEqual({
      ratings: [
        { symptomId: 1, value: 0 },
        { symptomId: 2, value: 10 },
      ],
      problems: [],
    });
  });

  it("names each box that is out of range or not a whole number", () => {
    const { ratings, problems } = readRatings({ 1: "11", 2: "4.5", 3: "-1" }, symptoms);
    expect(ratings).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual(["rating.1", "rating.2", "rating.3"]);
    expect(problems[1]?.reason).toBe("Use a whole number from 0 to 10.");
  });

  it("keeps ratings of symptoms that are no longer on the form", () => {
    const { ratings } = readRatings({ 1: "5" }, symptoms, checkIn);
    expect(ratings).toEqual([
      { symptomId: 1, value: 5 },
      { symptomId: 8, value: 2 },
    ]);
  });
});

describe("ratingOf", () => {
  it("finds a rating or says it was not rated", () => {
    expect(ratingOf(checkIn, 1)).toBe(6);
    expect(ratingOf(checkIn, 2)).toBeNull();
  });
});
