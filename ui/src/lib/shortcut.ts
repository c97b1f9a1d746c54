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
