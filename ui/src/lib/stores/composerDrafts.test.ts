import { describe, expect, it } from "vitest";
import { draftKey, dropDraft, keepDraft, takeDraft } from "./composerDrafts";

describe("kept handout drafts", () => {
  it("hands a kept draft back once, under the place the composer was opened from", () => {
    const blocks = [{ key: 3, block: { kind: "intro" as const, text: "Hello Zoë 🌿" } }];
    keepDraft(draftKey(7, null), { title: "Broth", clientValue: "7", blocks });
    blocks[0]!.block.text = "changed afterwards";
    expect(takeDraft(draftKey(null, 7))).toBeNull();
    const back = takeDraft(draftKey(7, null));
    expect(back?.title).toBe("Broth");
    expect(back?.blocks[0]?.block).toEqual({ kind: "intro", text: "Hello Zoë 🌿" });
    expect(takeDraft(draftKey(7, null))).toBeNull();
  });

  it("forgets a draft once it is dropped", () => {
    keepDraft(draftKey(null, null), { title: "x", clientValue: "", blocks: [] });
    dropDraft(draftKey(null, null));
    expect(takeDraft(draftKey(null, null))).toBeNull();
  });
});
