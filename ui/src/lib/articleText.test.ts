import { describe, expect, it } from "vitest";
import type { Article } from "./api/types";
import {
  editErrors,
  editField,
  fromArticleEdit,
  groupParagraphs,
  paragraphsToText,
  textToParagraphs,
  toArticleEdit,
} from "./articleText";

describe("groupParagraphs", () => {
  it("turns runs of “• ” paragraphs into bullet lists", () => {
    expect(
      groupParagraphs(["Start with:", "• bone broth", "• greens", "Then rest.", "• sleep"]),
    ).toEqual([
      { kind: "text", text: "Start with:" },
      { kind: "bullets", items: ["bone broth", "greens"] },
      { kind: "text", text: "Then rest." },
      { kind: "bullets", items: ["sleep"] },
    ]);
    expect(groupParagraphs([])).toEqual([]);
  });
});

describe("section text", () => {
  it("joins and splits paragraphs on blank lines", () => {
    expect(paragraphsToText(["One “quote”.", "Two – é."])).toBe("One “quote”.\n\nTwo – é.");
    expect(textToParagraphs("One\nstill one\n\n\nTwo\r\n  \r\nThree  ")).toEqual([
      "One\nstill one",
      "Two",
      "Three",
    ]);
    expect(textToParagraphs("  \n\n ")).toEqual([]);
  });
});

describe("article edits", () => {
  const article: Article = {
    id: 3,
    title: "Leaky Gut, What Comes First?",
    series: "MSMonday",
    tagline: "Weekly notes",
    callToAction: "Book a Free Consult Call",
    tags: ["gut"],
    source: "leaky.md",
    published: "2024-03-04",
    sections: [{ id: 10, heading: "The gut", paragraphs: ["A.", "• B"] }],
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
  };

  it("round-trips an article through the editor", () => {
    const edit = toArticleEdit(article);
    expect(edit.sections).toEqual([{ heading: "The gut", text: "A.\n\n• B" }]);
    expect(fromArticleEdit(edit)).toEqual({
      title: article.title,
      series: "MSMonday",
      tagline: "Weekly notes",
      tags: ["gut"],
      callToAction: "Book a Free Consult Call",
      source: "leaky.md",
      published: "2024-03-04",
      status: "published",
      notes: [],
      sections: [{ heading: "The gut", paragraphs: ["A.", "• B"] }],
    });
  });

  it("finds the input for a field error", () => {
    expect(editField("title")).toBe("title");
    expect(editField("input.series")).toBe("series");
    expect(editField("sections[1].heading")).toBe("sections[1].heading");
    expect(editField("sections[1].paragraphs[4]")).toBe("sections[1].text");
    expect(editField("sections[0].paragraphs")).toBe("sections[0].text");
    expect(
      editErrors([
        { field: "sections[0].paragraphs[1]", reason: "first" },
        { field: "sections[0].paragraphs[2]", reason: "second" },
      ]),
    ).toEqual(new Map([["sections[0].text", "first"]]));
  });
});
