import { describe, expect, it } from "vitest";
import { refusalSummary } from "./refusal";

const shown = (problem: { field: string }) => problem.field !== "other";

describe("refusalSummary", () => {
  it("counts the highlighted fields", () => {
    expect(refusalSummary([{ field: "name", reason: "Needed." }], shown, "x")).toBe(
      "Please check the highlighted field below.",
    );
    expect(
      refusalSummary(
        [
          { field: "name", reason: "Needed." },
          { field: "email", reason: "Not an email." },
        ],
        shown,
        "x",
      ),
    ).toBe("Please check the 2 highlighted fields below.");
  });

  it("adds the reasons no field shows", () => {
    expect(
      refusalSummary(
        [
          { field: "name", reason: "Needed." },
          { field: "other", reason: "Something else." },
        ],
        shown,
        "x",
      ),
    ).toBe("Please check the highlighted field below. Something else.");
  });

  it("falls back to the backend's message", () => {
    expect(refusalSummary([], shown, "It was refused.")).toBe("It was refused.");
  });
});
