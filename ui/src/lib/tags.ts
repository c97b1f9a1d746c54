// Editing a list of tags as chips: what typing, pasting and removing do to the list.

/** Splits typed or pasted text on commas into clean tag names. */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim().replace(/\s+/g, " "))
    .filter((tag) => tag !== "");
}

/** Adds the tags in `text` to `tags`, skipping ones already there (ignoring case). */
export function addTags(tags: readonly string[], text: string): string[] {
  const result = [...tags];
  const seen = new Set(tags.map((tag) => tag.toLocaleLowerCase()));
  for (const tag of splitTags(text)) {
    const key = tag.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      result.push(tag);
    }
  }
  return result;
}

export function removeTag(tags: readonly string[], index: number): string[] {
  return tags.filter((_, i) => i !== index);
}
