import { describe, expect, it } from "vitest";
import { refusalSummary } from "./refusal";

const shown = (problem: { field: string }) => problem.field !== "other";
const name = { field: "name", reason: "Needed." };
const email = { field: "email", reason: "Not an email." };
const other = { field: "other", reason: "Something else." };

describe("refusalSummary", () => {
  it.each([
    [[name], "Please check the highlighted field below."],
    [[name, email], "Please check the 2 highlighted fields below."],
    [[name, other], "Please check the highlighted field below. Something else."],
    [[], "It was refused."],
  ])("sums up %j as “%s”", (problems, summary) => {
    // The highlighted fields counted, then the reasons no field shows; else the fallback.
    expect(refusalSummary(problems, shown, "It was refused.")).toBe(summary);
  });
});
