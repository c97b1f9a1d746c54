import { describe, expect, it } from "vitest";
import { parseEmphasis, type Segment } from "./emphasis";

function plain(text: string): Segment {
  return { text, strong: false, em: false };
}
function bold(text: string): Segment {
  return { text, strong: true, em: false };
}
function italic(text: string): Segment {
  return { text, strong: false, em: true };
}

describe("parseEmphasis", () => {
  it("leaves text without stars alone", () => {
    expect(parseEmphasis("Eat the rainbow – “slowly”.")).toEqual([
      plain("Eat the rainbow – “slowly”."),
    ]);
    expect(parseEmphasis("")).toEqual([]);
  });

  it("finds bold and italic", () => {
    expect(parseEmphasis("Drink **bone broth** daily")).toEqual([
      plain("Drink "),
      bold("bone broth"),
      plain(" daily"),
    ]);
    expect(parseEmphasis("*Gently* does it")).toEqual([italic("Gently"), plain(" does it")]);
    expect(parseEmphasis("**a** and *b*")).toEqual([bold("a"), plain(" and "), italic("b")]);
  });

  it("nests italic inside bold and bold inside italic", () => {
    expect(parseEmphasis("**very *slowly* now**")).toEqual([
      bold("very "),
      { text: "slowly", strong: true, em: true },
      bold(" now"),
    ]);
    expect(parseEmphasis("*try **one** food*")).toEqual([
      italic("try "),
      { text: "one", strong: true, em: true },
      italic(" food"),
    ]);
    expect(parseEmphasis("***both***")).toEqual([{ text: "both", strong: true, em: true }]);
  });

  it("keeps unmatched or spaced stars as plain text", () => {
    expect(parseEmphasis("5 * 3 * 2")).toEqual([plain("5 * 3 * 2")]);
    expect(parseEmphasis("a *lonely star")).toEqual([plain("a *lonely star")]);
    expect(parseEmphasis("**open only")).toEqual([plain("**open only")]);
    expect(parseEmphasis("****")).toEqual([plain("****")]);
    expect(parseEmphasis("* not a list*")).toEqual([plain("* not a list*")]);
  });

  it("keeps markup-looking text as text", () => {
    expect(parseEmphasis("<b>hi</b> **there**")).toEqual([plain("<b>hi</b> "), bold("there")]);
  });
});
