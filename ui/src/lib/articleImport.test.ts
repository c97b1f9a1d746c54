import { describe, expect, it } from "vitest";
import type { ArticleDraft, ImportPreview } from "./api/types";
import { cardFields, cardsFrom, includedDrafts, remapDraftFields } from "./articleImport";

function draft(title: string): ArticleDraft {
  return {
    title,
    series: "MSMonday",
    tagline: "",
    sections: [{ heading: "Start here", paragraphs: ["One.", "Two."] }],
    callToAction: "Book a Free Consult Call",
    tags: [],
    source: `${title}.txt`,
  };
}

const preview: ImportPreview = {
  drafts: [
    { draft: draft("Leaky gut"), duplicateOf: null },
    { draft: draft("Bone broth"), duplicateOf: { id: 4, title: "Bone broth" } },
    { draft: draft("Sleep"), duplicateOf: null },
  ],
  problems: [{ file: "notes.pdf", reason: "Not a text, Markdown, HTML or WordPress file." }],
};

describe("cardsFrom", () => {
  it("includes everything except likely duplicates", () => {
    expect(cardsFrom(preview).map((card) => card.include)).toEqual([true, false, true]);
  });

  it("copies the drafts, so edits never touch the preview", () => {
    const cards = cardsFrom(preview);
    const first = cards[0];
    if (first === undefined) throw new Error("no card");
    first.draft.title = "Changed";
    expect(preview.drafts[0]?.draft.title).toBe("Leaky gut");
  });
});

describe("includedDrafts", () => {
  it("sends the included drafts in order and remembers their cards", () => {
    const cards = cardsFrom(preview);
    const { drafts, cardIndex } = includedDrafts(cards);
    expect(drafts.map((d) => d.title)).toEqual(["Leaky gut", "Sleep"]);
    expect(cardIndex).toEqual([0, 2]);
  });
});

describe("remapDraftFields", () => {
  it("points errors at the card they came from", () => {
    const fields = remapDraftFields(
      [
        { field: "drafts[1].title", reason: "Give it a title." },
        { field: "drafts[0].sections[2].heading", reason: "Too long." },
        { field: "drafts", reason: "Nothing to import." },
        { field: "drafts[9].title", reason: "Out of range." },
      ],
      [0, 2],
    );
    expect(fields).toEqual([
      { field: "drafts[2].title", reason: "Give it a title." },
      { field: "drafts[0].sections[2].heading", reason: "Too long." },
      { field: "drafts", reason: "Nothing to import." },
      { field: "drafts[9].title", reason: "Out of range." },
    ]);
  });
});

describe("cardFields", () => {
  it("keeps one card's errors, named within the card", () => {
    const fields = [
      { field: "drafts[2].title", reason: "a" },
      { field: "drafts[2].sections[0].heading", reason: "b" },
      { field: "drafts[12].title", reason: "c" },
      { field: "drafts[2]", reason: "d" },
    ];
    expect(cardFields(fields, 2)).toEqual([
      { field: "title", reason: "a" },
      { field: "sections[0].heading", reason: "b" },
      { field: "", reason: "d" },
    ]);
  });
});
