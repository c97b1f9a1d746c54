// Something she is asked about before it is done, such as deleting a record: what the question
// is about while it shows, and whether it is being done.
import { showError } from "$lib/stores/toasts.svelte";

/** What a confirm dialog needs of its question. */
export type Question = {
  readonly target: unknown;
  readonly busy: boolean;
  cancel(): void;
  confirm(): Promise<void>;
};

export class Confirming<T> implements Question {
  /** What the question is about; null while it is not asked. */
  target: T | null = $state(null);
  busy = $state(false);
  readonly #work: (target: T) => Promise<unknown>;
  readonly #done: ((target: T) => unknown) | undefined;

  /**
   * `work` does it; `done` follows once the question has closed (a word of thanks, a reload). A
   * failure is told in a toast and leaves the question open.
   */
  constructor(work: (target: T) => Promise<unknown>, done?: (target: T) => unknown) {
    this.#work = work;
    this.#done = done;
  }

  ask(target: T): void {
    this.target = target;
  }

  cancel(): void {
    this.target = null;
  }

  async confirm(): Promise<void> {
    const target = this.target;
    if (target === null || this.busy) return;
    this.busy = true;
    try {
      await this.#work(target);
      this.target = null;
      await this.#done?.(target);
    } catch (error) {
      showError(error);
    } finally {
      this.busy = false;
    }
  }
}
