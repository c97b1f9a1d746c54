// Asking as she types: the search box, Ctrl+K and the handout preview answer each change at
// once, without waiting for her to pause. A change made while an answer is on its way waits for
// that answer, and only the newest waiting change is asked next, so a burst of typing costs two
// questions, not one per key. An answer is shown only when nothing newer was asked for since,
// so an old answer never overwrites a newer one.

export interface LatestHandlers<Q, A> {
  /** Asks the backend. */
  ask: (query: Q) => Promise<A>;
  /** Shows the answer to the newest question. */
  show: (answer: A, query: Q) => void;
  /** Shows why the newest question could not be answered. */
  fail: (error: unknown, query: Q) => void;
  /** True while a question is asked or waiting, false once the newest one is answered. */
  busy?: (busy: boolean) => void;
}

export class Latest<Q, A> {
  private waiting: { query: Q } | null = null;
  private asking = false;
  private generation = 0;

  constructor(private readonly handlers: LatestHandlers<Q, A>) {}

  /** Asks for `query`: now if nothing is on its way, otherwise as soon as the answer is in. */
  ask(query: Q): void {
    this.waiting = { query };
    this.handlers.busy?.(true);
    if (!this.asking) void this.drain();
  }

  /** Forgets every question: an answer already on its way is not shown. */
  cancel(): void {
    this.generation += 1;
    this.waiting = null;
    this.handlers.busy?.(false);
  }

  private async drain(): Promise<void> {
    this.asking = true;
    while (this.waiting !== null) {
      const { query } = this.waiting;
      this.waiting = null;
      const generation = this.generation;
      // Shown only if it is still the newest question once answered.
      const current = () => generation === this.generation && this.waiting === null;
      try {
        const answer = await this.handlers.ask(query);
        if (current()) this.handlers.show(answer, query);
      } catch (error) {
        if (current()) this.handlers.fail(error, query);
      }
    }
    this.asking = false;
    this.handlers.busy?.(false);
  }
}
