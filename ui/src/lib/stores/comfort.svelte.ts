// The text size now in force, shared by Settings and the keyboard shortcuts.
import { stepTextSize } from "$lib/api/comfort";
import { showToast } from "$lib/stores/toasts.svelte";

export const comfort = $state<{ textSize: number }>({ textSize: 100 });

export const TEXT_SIZES = [100, 110, 125, 150, 175, 200, 225] as const;

/** Ctrl/Cmd + `=` (or `+`), `-` and `0`. */
export async function stepText(steps: -1 | 0 | 1): Promise<void> {
  try {
    const done = await stepTextSize(steps);
    comfort.textSize = done.textSize;
    showToast(`Text size ${done.textSize} %`);
  } catch {
    // The shortcut does nothing rather than interrupt her.
  }
}
