// The text size now in force, shared by Settings and the keyboard shortcuts.
import { stepTextSize } from "$lib/api/comfort";
import type { ComfortView } from "$lib/api/types";
import { showToast } from "$lib/stores/toasts.svelte";

/** The size in force and the sizes offered, as core says (filled in at start). */
export const comfort = $state<ComfortView>({ textSize: 100, textSizes: [], theme: "system" });

/** Ctrl/Cmd + `=` (or `+`), `-` and `0`. */
export async function stepText(steps: -1 | 0 | 1): Promise<void> {
  try {
    const done = await stepTextSize(steps);
    Object.assign(comfort, done);
    showToast(`Text size ${done.textSize} %`);
  } catch {
    // The shortcut does nothing rather than interrupt her.
  }
}
