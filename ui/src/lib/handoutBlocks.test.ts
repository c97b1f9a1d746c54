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
  previewDraft,
  protocolSourceValue,
  removeItem,
  toHandoutDraft,
  usesClientCopy,
  withoutClientCopies,
  withProtocolSource,
  type ProtocolPhaseBlock,
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
    expect(newBlock("protocol_phase")).toEqual({
      kind: "protocol_phase",
      clientProtocolId: null,
      templateId: null,
      phase: 0,
    });
  });

  it("go before the closing call to action and disclaimer", () => {
    expect(insertionIndex([intro, disclaimer], "free_text")).toBe(1);
    expect(insertionIndex([intro, cta, disclaimer], "article_section")).toBe(1);
    expect(insertionIndex([intro, cta, disclaimer], "call_to_action")).toBe(2);
    expect(insertionIndex([intro, cta, disclaimer], "disclaimer")).toBe(3);
    expect(insertionIndex([intro, section], "next_steps")).toBe(2);
    expect(insertionIndex([], "intro")).toBe(0);
    expect(insertionIndex([intro, cta, disclaimer], "protocol_phase")).toBe(1);
    expect(insertionIndex([disclaimer, intro], "free_text")).toBe(2);
  });

  it("have readable labels", () => {
    expect(blockLabel("article_section")).toBe("Article section");
    expect(blockLabel("next_steps")).toBe("Next steps");
    expect(blockLabel("protocol_phase")).toBe("Protocol phase");
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

describe("protocol blocks", () => {
  const copy: ProtocolPhaseBlock = {
    kind: "protocol_phase",
    clientProtocolId: 12,
    templateId: null,
    phase: 2,
  };
  const template: ProtocolPhaseBlock = {
    kind: "protocol_phase",
    clientProtocolId: null,
    templateId: 3,
    phase: 1,
  };
  const unchosen: ProtocolPhaseBlock = {
    kind: "protocol_phase",
    clientProtocolId: null,
    templateId: null,
    phase: 0,
  };

  it("name their source in the select and back", () => {
    expect(protocolSourceValue(copy)).toBe("copy:12");
    expect(protocolSourceValue(template)).toBe("template:3");
    expect(protocolSourceValue(unchosen)).toBe("");
    expect(withProtocolSource("copy:12", 2)).toEqual(copy);
    expect(withProtocolSource("template:3", 1)).toEqual(template);
    expect(withProtocolSource("", 4)).toEqual(unchosen);
    expect(withProtocolSource("template:x", 0)).toEqual(unchosen);
    expect(withProtocolSource("template:3", -1).phase).toBe(0);
  });

  it("are left out of the preview until a protocol is chosen", () => {
    const draft = toHandoutDraft("Plan", null, [
      { key: 1, block: intro },
      { key: 2, block: unchosen },
      { key: 3, block: template },
    ]);
    expect(previewDraft(draft).blocks).toEqual([intro, template]);
    expect(draft.blocks).toHaveLength(3);
  });

  it("tell when a handout shows one client's own copy", () => {
    expect(usesClientCopy([intro, template])).toBe(false);
    expect(usesClientCopy([intro, copy])).toBe(true);
  });

  it("fall back to the copy's template when the client changes", () => {
    const entries = [
      { key: 1, block: copy },
      { key: 2, block: template },
      { key: 3, block: { ...copy, clientProtocolId: 13 } },
    ];
    const result = withoutClientCopies(entries, (id) => (id === 12 ? 7 : null));
    expect(result[0]).toEqual({
      key: 1,
      block: { kind: "protocol_phase", clientProtocolId: null, templateId: 7, phase: 2 },
    });
    expect(result[1]).toBe(entries[1]);
    expect(result[2]?.block).toEqual(unchosen);
  });
});
