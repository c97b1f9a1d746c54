import { describe, expect, it } from "vitest";
import { parseHexColor, readableTextOn } from "./color";

describe("colours", () => {
  it("parses #rrggbb only", () => {
    expect(parseHexColor("#2f6b66")).toEqual([47, 107, 102]);
    expect(parseHexColor(" #FFFFFF ")).toEqual([255, 255, 255]);
    expect(parseHexColor("#fff")).toBeNull();
    expect(parseHexColor("teal")).toBeNull();
  });

  it.each([
    ["#2f6b66", "#ffffff"],
    ["#1f3a38", "#ffffff"],
    ["#f4e3b5", "#1f2b2a"],
    ["#ffffff", "#1f2b2a"],
    ["not a colour", "#ffffff"],
  ])("picks readable text for a band of %s: %s", (band, text) => {
    expect(readableTextOn(band)).toBe(text);
  });
});
