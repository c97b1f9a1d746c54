import { describe, expect, it } from "vitest";
import type { HandoutBlock } from "./api/types";
import {
  blockLabel,
  handoutFieldErrors,
  initialBlocks,
  insertionIndex,
  insertItems,
  moveItem,
  newBlock,
  removeItem,
  toHandoutDraft,
} from "./handoutBlocks";

const intro: HandoutBlock = { kind: "intro", text: "Hi" };
const cta: HandoutBlock = { kind: "call_to_action" };
const disclaimer: HandoutBlock = { kind: "disclaimer" };
const section: HandoutBlock = { kind: "article_section", articleId: 1, sectionId: 2 };

describe("moveItem", () => {
  const list = ["a", "b", "c", "d"];

  it("moves an item up and down", () => {
    expect(moveItem(list, 2, -1)).toEqual(["a", "c", "b", "d"]);
    expect(moveItem(list, 0, 1)).toEqual(["b", "a", "c", "d"]);
    expect(moveItem(list, 1, 2)).toEqual(["a", "c", "d", "b"]);
  });

  it("leaves the list alone at the edges or for a bad index", () => {
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 3, 1)).toEqual(list);
    expect(moveItem(list, 7, -1)).toEqual(list);
    expect(moveItem([], 0, 1)).toEqual([]);
  });

  it("never changes the list it was given", () => {
    const original = [...list];
    moveItem(list, 1, 1);
    expect(list).toEqual(original);
  });
});

describe("removeItem and insertItems", () => {
  it("removes by position", () => {
    expect(removeItem(["a", "b", "c"], 1)).toEqual(["a", "c"]);
    expect(removeItem(["a"], 4)).toEqual(["a"]);
  });

  it("inserts several items at a position, clamped to the list", () => {
    expect(insertItems(["a", "d"], 1, ["b", "c"])).toEqual(["a", "b", "c", "d"]);
    expect(insertItems(["a"], 9, ["b"])).toEqual(["a", "b"]);
    expect(insertItems(["a"], -2, ["b"])).toEqual(["b", "a"]);
  });
});

describe("new blocks", () => {
  it("start sensible", () => {
    expect(initialBlocks()).toEqual([{ kind: "intro", text: "" }, { kind: "disclaimer" }]);
    expect(newBlock("next_steps")).toEqual({
      kind: "next_steps",
      title: "Your next steps",
      items: [""],
    });
    expect(newBlock("free_text")).toEqual({ kind: "free_text", text: "" });
  });

  it("go before the closing call to action and disclaimer", () => {
    expect(insertionIndex([intro, disclaimer], "free_text")).toBe(1);
    expect(insertionIndex([intro, cta, disclaimer], "article_section")).toBe(1);
    expect(insertionIndex([intro, cta, disclaimer], "call_to_action")).toBe(2);
    expect(insertionIndex([intro, cta, disclaimer], "disclaimer")).toBe(3);
    expect(insertionIndex([intro, section], "next_steps")).toBe(2);
    expect(insertionIndex([], "intro")).toBe(0);
    expect(insertionIndex([disclaimer, intro], "free_text")).toBe(2);
  });

  it("have readable labels", () => {
    expect(blockLabel("article_section")).toBe("Article section");
    expect(blockLabel("next_steps")).toBe("Next steps");
  });
});

describe("toHandoutDraft", () => {
  it("drops the screen keys and copies the blocks", () => {
    const steps: HandoutBlock = { kind: "next_steps", title: "Do", items: ["one"] };
    const draft = toHandoutDraft("Gut healing", 4, [
      { key: 1, block: intro },
      { key: 2, block: steps },
    ]);
    expect(draft).toEqual({ title: "Gut healing", clientId: 4, blocks: [intro, steps] });
    expect(draft.blocks[1]).not.toBe(steps);
  });
});

describe("handoutFieldErrors", () => {
  it("sorts errors into the title, blocks and the rest", () => {
    const result = handoutFieldErrors([
      { field: "title", reason: "Give the handout a title." },
      { field: "blocks[2].items[0]", reason: "A step can't be empty." },
      { field: "draft.blocks[2].title", reason: "Needs a title." },
      { field: "clientId", reason: "That client no longer exists." },
    ]);
    expect(result.title).toBe("Give the handout a title.");
    expect(result.blocks.get(2)).toEqual(["A step can't be empty.", "Needs a title."]);
    expect(result.other).toEqual(["That client no longer exists."]);
  });
});
