// Saving a file through the system's save dialog, then offering to open it: "Saved to <path>"
// with an Open button. Busy while the file is written, so its button can say so.
import { openExported } from "$lib/api/practice";
import { showError, showSaved } from "$lib/stores/toasts.svelte";

export class SavedFile {
  busy = $state(false);
  readonly #save: () => Promise<string | null>;
  readonly #saved: (() => void) | undefined;

  /** `save` resolves to the path written, or null when she cancelled the dialog. */
  constructor(save: () => Promise<string | null>, saved?: () => void) {
    this.#save = save;
    this.#saved = saved;
  }

  async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const path = await this.#save();
      if (path !== null) {
        showSaved(path, openExported);
        this.#saved?.();
      }
    } catch (error) {
      showError(error);
    } finally {
      this.busy = false;
    }
  }
}
