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
