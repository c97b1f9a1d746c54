// Something a screen loads and then shows: its value, whether the first answer has come, and
// a way to ask again after a change. A failed load is told in a toast; the value stays as it was.
import { showError } from "$lib/stores/toasts.svelte";

export class Resource<T> {
  value: T = $state() as T;
  /** True once the first answer (or failure) has come. */
  loaded = $state(false);
  readonly #fetch: () => Promise<T>;

  constructor(fetch: () => Promise<T>, initial: T) {
    this.#fetch = fetch;
    this.value = initial;
  }

  async load(): Promise<void> {
    try {
      this.value = await this.#fetch();
    } catch (error) {
      showError(error);
    } finally {
      this.loaded = true;
    }
  }
}

/**
 * Loads `fetch` now and again whenever what it reads (such as the client's id) changes. Call it
 * while a component is being set up.
 */
export function resource<T>(fetch: () => Promise<T>, initial: T): Resource<T> {
  const found = new Resource(fetch, initial);
  $effect(() => {
    void found.load();
  });
  return found;
}
