import { describe, expect, it } from "vitest";
import { parseHexColor, readableTextOn } from "./color";

describe("colours", () => {
  it("parses #rrggbb only", () => {
    expect(parseHexColor("#2f6b66")).toEqual([47, 107, 102]);
    expect(parseHexColor(" #FFFFFF ")).toEqual([255, 255, 255]);
    expect(parseHexColor("#fff")).toBeNull();
    expect(parseHexColor("teal")).toBeNull();
  });

  it("picks readable text for a band of colour", () => {
    expect(readableTextOn("#2f6b66")).toBe("#ffffff");
    expect(readableTextOn("#1f3a38")).toBe("#ffffff");
    expect(readableTextOn("#f4e3b5")).toBe("#1f2b2a");
    expect(readableTextOn("#ffffff")).toBe("#1f2b2a");
    expect(readableTextOn("not a colour")).toBe("#ffffff");
  });
});
