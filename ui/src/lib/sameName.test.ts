import { describe, expect, it } from "vitest";
import { sameName } from "./sameName";

// The same cases as tests/integration/erasure.rs, so the window and core agree.
describe("the name typed to erase a client", () => {
  it("matches however it was typed", () => {
    for (const typed of [
      "Renée Côté",
      "renee cote",
      " RENÉE  CÔTÉ ",
      "Rene\u0301e Co\u0302te\u0301",
    ]) {
      expect(sameName(typed, "Renée Côté"), typed).toBe(true);
    }
    expect(sameName("zoë 李小龙 🌿", "Zoë 李小龙 🌿")).toBe(true);
  });

  it("never matches partly", () => {
    for (const typed of ["Renée", "Renée Côtés", "", "   ", "René Côté"]) {
      expect(sameName(typed, "Renée Côté"), typed).toBe(false);
    }
    expect(sameName("Zoe 李小龙", "Zoë 李小龙 🌿")).toBe(false);
  });
});
