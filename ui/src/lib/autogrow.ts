// A textarea that grows with its text, so long notes never hide behind a scroll bar.
import type { Attachment } from "svelte/attachments";

function scrollParent(node: HTMLElement): HTMLElement | null {
  for (let parent = node.parentElement; parent !== null; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if (overflow === "auto" || overflow === "scroll") return parent;
  }
  return null;
}

function fit(node: HTMLTextAreaElement): void {
  // Shrinking to "auto" for a moment would make the page jump; keep its scroll position.
  const parent = scrollParent(node);
  const top = parent?.scrollTop ?? 0;
  node.style.height = "auto";
  const border = node.offsetHeight - node.clientHeight;
  node.style.height = `${node.scrollHeight + border}px`;
  if (parent !== null) parent.scrollTop = top;
}

/** `{@attach autogrow(text)}`: refits whenever `text` changes and when the window resizes. */
export function autogrow(text: string): Attachment<HTMLTextAreaElement> {
  return (node) => {
    void text;
    fit(node);
    const onResize = () => fit(node);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  };
}
