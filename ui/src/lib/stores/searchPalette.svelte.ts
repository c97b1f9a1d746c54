// Whether the search palette is showing; opened by Ctrl/Cmd+K anywhere or the sidebar button.
export const searchPalette = $state<{ open: boolean }>({ open: false });

export function openSearch(): void {
  searchPalette.open = true;
}

export function closeSearch(): void {
  searchPalette.open = false;
}
