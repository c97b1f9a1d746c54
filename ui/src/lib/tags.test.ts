import { describe, expect, it } from "vitest";
import { addTags, removeTag, splitTags } from "./tags";

describe("tags", () => {
  it("splits on commas and tidies spaces", () => {
    expect(splitTags(" AIP ,gut  healing,, ")).toEqual(["AIP", "gut healing"]);
    expect(splitTags("   ")).toEqual([]);
  });

  it("adds new tags in order and skips duplicates ignoring case", () => {
    expect(addTags(["AIP"], "aip, Gut healing")).toEqual(["AIP", "Gut healing"]);
    expect(addTags([], "sleep, sleep")).toEqual(["sleep"]);
  });

  it("does not change the list it was given", () => {
    const tags = ["AIP"];
    addTags(tags, "new");
    expect(tags).toEqual(["AIP"]);
  });

  it("removes by position", () => {
    expect(removeTag(["a", "b", "c"], 1)).toEqual(["a", "c"]);
    expect(removeTag(["a"], 5)).toEqual(["a"]);
  });
});
