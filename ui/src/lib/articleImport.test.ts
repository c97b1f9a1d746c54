import { describe, expect, it } from "vitest";
import type { ArticleDraft, ImportPreview } from "./api/types";
import {
  cardFields,
  cardsFrom,
  hasProblems,
  hideUnpublished,
  includedDrafts,
  leaveOutProblems,
  remapDraftFields,
  unpublishedSummary,
  visibleCards,
} from "./articleImport";

function draft(title: string, extra: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    title,
    series: "MSMonday",
    tagline: "",
    sections: [{ heading: "Start here", paragraphs: ["One.", "Two."] }],
    callToAction: "Book a Free Consult Call",
    tags: [],
    source: `${title}.txt`,
    published: "",
    status: "published",
    notes: [],
    ...extra,
  };
}

const preview: ImportPreview = {
  drafts: [
    { draft: draft("Leaky gut"), duplicateOf: null },
    { draft: draft("Bone broth"), duplicateOf: { id: 4, title: "Bone broth" } },
    { draft: draft("Sleep"), duplicateOf: null },
  ],
  problems: [{ file: "notes.pdf", reason: "Not a text, Markdown, HTML or WordPress file." }],
  leftOut: [],
};

const wordpress: ImportPreview = {
  drafts: [
    { draft: draft("Published"), duplicateOf: null },
    { draft: draft("Later", { status: "scheduled" }), duplicateOf: null },
    {
      draft: draft("Untitled…", {
        notes: [{ kind: "check", text: "It has no title: this one is proposed." }],
      }),
      duplicateOf: null,
    },
    {
      draft: draft("Pictures", { notes: [{ kind: "leftOut", text: "2 images were left out." }] }),
      duplicateOf: null,
    },
    { draft: draft("Not yet", { status: "draft" }), duplicateOf: null },
  ],
  problems: [],
  leftOut: [{ file: "blog.xml", what: "Only posts are imported: 3 pages were left out." }],
};

describe("a WordPress export", () => {
  it("hides and leaves out unpublished posts until she asks for them", () => {
    const cards = cardsFrom(wordpress);
    expect(cards.map((card) => card.include)).toEqual([true, false, true, true, false]);
    expect(visibleCards(cards, false).map((v) => v.index)).toEqual([0, 2, 3]);
    expect(visibleCards(cards, true)).toHaveLength(5);
    expect(unpublishedSummary(cards)).toBe("1 draft and 1 scheduled post");
    const second = cards[1];
    if (second === undefined) throw new Error("no card");
    second.include = true;
    hideUnpublished(cards);
    expect(second.include).toBe(false);
  });

  it("leaves out every post with something to check, but not one with pictures left out", () => {
    const cards = cardsFrom(wordpress);
    expect(cards.map(hasProblems)).toEqual([false, false, true, false, false]);
    expect(leaveOutProblems(cards)).toBe(1);
    expect(includedDrafts(cards).drafts.map((d) => d.title)).toEqual(["Published", "Pictures"]);
    expect(leaveOutProblems(cards)).toBe(0);
  });
});

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
