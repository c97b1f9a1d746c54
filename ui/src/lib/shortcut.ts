// The search shortcut: Ctrl+K everywhere, shown as ⌘K on a Mac (where Cmd+K also works).

export function isApplePlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/** The platform string of this computer, or "" where there is no browser. */
export function currentPlatform(): string {
  if (typeof navigator === "undefined") return "";
  return navigator.platform || navigator.userAgent || "";
}

export function searchShortcutLabel(apple: boolean): string {
  return apple ? "⌘K" : "Ctrl K";
}

type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

/** Ctrl+K or Cmd+K, without Alt or Shift. */
export function isSearchShortcut(event: KeyPress): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === "k"
  );
}

/** Ctrl/Cmd + `=` or `+` (1), `-` (-1), `0` (0): the text size; null for any other key. */
export function textSizeShortcut(event: KeyPress): -1 | 0 | 1 | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  switch (event.key) {
    case "=":
    case "+":
      return 1;
    case "-":
    case "_":
      return -1;
    case "0":
      return 0;
    default:
      return null;
  }
}

/** True where a key press types text (a text box, a text area, an editable element). */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(
    target.type,
  );
}

/** `?` alone (Shift + / on most keyboards): the list of shortcuts, unless she is typing. */
export function isShortcutSheetKey(event: KeyPress, typing: boolean): boolean {
  return event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing;
}

/**
 * The shortcuts the sheet lists: the keys (for this computer), pressed together unless `either`
 * says one or the other, and what they do.
 */
export function shortcutList(apple: boolean): { keys: string[]; does: string; either?: boolean }[] {
  const mod = apple ? "⌘" : "Ctrl";
  return [
    { keys: [mod, "K"], does: "Search clients, notes, articles and protocols" },
    { keys: [mod, "="], does: "Bigger text" },
    { keys: [mod, "−"], does: "Smaller text" },
    { keys: [mod, "0"], does: "Normal text size" },
    { keys: ["Tab"], does: "Next button or field (Shift + Tab: the one before)" },
    { keys: ["Enter"], does: "Press the button or open the link in focus" },
    { keys: ["Space"], does: "Tick a box or choose an option" },
    { keys: ["Esc"], does: "Close a dialog or the search" },
    {
      keys: ["←", "→"],
      either: true,
      does: "Move along the check-in chart, one day at a time",
    },
    { keys: ["?"], does: "This list" },
  ];
}
