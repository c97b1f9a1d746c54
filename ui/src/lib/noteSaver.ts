// Saving notes as the coach types: every change is sent at once, in order, one request at a
// time. A change that arrives while a save is in flight waits; if a newer change arrives before
// the waiting one is sent, only the newer text is sent, since it is complete and contains the
// older one. Only the newest change's outcome is reported, so a slow answer never overrides it.

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string };

export type SaveResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Waiting<T> = { payload: T; checkpoint: boolean; ticket: number };

export class SaveQueue<T, R> {
  private readonly send: (payload: T, checkpoint: boolean) => Promise<R>;
  private readonly report: (result: SaveResult<R>) => void;
  private issued = 0;
  private waiting: Waiting<T>[] = [];
  private running: Promise<void> | null = null;

  /**
   * `send` performs one save; `report` hears the outcome of the newest change only (an older
   * request's outcome is dropped once a newer change exists).
   */
  constructor(
    send: (payload: T, checkpoint: boolean) => Promise<R>,
    report: (result: SaveResult<R>) => void,
  ) {
    this.send = send;
    this.report = report;
  }

  /** True while a save is in flight or waiting. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Queues a save of `payload`; resolves once everything queued so far has been sent. */
  push(payload: T, checkpoint: boolean): Promise<void> {
    const item = { payload, checkpoint, ticket: ++this.issued };
    const last = this.waiting.at(-1);
    // A waiting checkpoint goes out on its own: it closes a revision later typing must not join.
    if (last !== undefined && !last.checkpoint) this.waiting[this.waiting.length - 1] = item;
    else this.waiting.push(item);
    this.running ??= this.drain();
    return this.idle();
  }

  /** Resolves when nothing is in flight or waiting. */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (let item = this.waiting.shift(); item !== undefined; item = this.waiting.shift()) {
        let result: SaveResult<R>;
        try {
          result = { ok: true, value: await this.send(item.payload, item.checkpoint) };
        } catch (error) {
          result = { ok: false, error };
        }
        if (item.ticket === this.issued) this.report(result);
      }
    } finally {
      this.running = null;
    }
  }
}
