// One thing at a time on a panel (saving a file, picking a logo, a backup, one entry of a list,
// named by its id): its buttons are disabled while it runs, and a failure is told in a toast.
import { showError } from "$lib/stores/toasts.svelte";

export class Busy<What extends string | number = "work"> {
  /** What is being done, or null while nothing is. */
  doing = $state<What | null>(null);

  get busy(): boolean {
    return this.doing !== null;
  }

  /**
   * Does `work` unless something is being done already. Resolves to what it gave, or to
   * undefined when it did not run or failed.
   */
  run = async <T>(work: () => Promise<T>, what = "work" as What): Promise<T | undefined> => {
    if (this.doing !== null) return undefined;
    this.doing = what;
    try {
      return await work();
    } catch (error) {
      showError(error);
      return undefined;
    } finally {
      this.doing = null;
    }
  };
}
