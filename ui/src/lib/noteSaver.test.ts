import { describe, expect, it } from "vitest";
import { SaveQueue, type SaveResult } from "./noteSaver";

/** A fake backend whose answers the test releases one by one. */
function fakeBackend() {
  const calls: { payload: string; checkpoint: boolean }[] = [];
  const answers: { resolve: (value: string) => void; reject: (error: unknown) => void }[] = [];
  const send = (payload: string, checkpoint: boolean) => {
    calls.push({ payload, checkpoint });
    return new Promise<string>((resolve, reject) => answers.push({ resolve, reject }));
  };
  const settle = async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { calls, answers, send, settle };
}

/** A queue on a fake backend, and what it has reported so far. */
function queueOnFake() {
  const backend = fakeBackend();
  const reports: SaveResult<string>[] = [];
  const queue = new SaveQueue(backend.send, (result) => reports.push(result));
  return { backend, reports, queue };
}

describe("SaveQueue", () => {
  it("sends the first change at once", () => {
    const { backend, queue } = queueOnFake();
    void queue.push("a", false);
    expect(backend.calls).toEqual([{ payload: "a", checkpoint: false }]);
    expect(queue.busy).toBe(true);
  });

  it("sends one request at a time, in order, collapsing text that waited", async () => {
    const { backend, reports, queue } = queueOnFake();
    void queue.push("a", false);
    void queue.push("ab", false);
    void queue.push("abc", false);
    expect(backend.calls.map((call) => call.payload)).toEqual(["a"]);

    backend.answers[0]?.resolve("saved a");
    await backend.settle();
    // "ab" was superseded while waiting: "abc" holds every keystroke.
    expect(backend.calls.map((call) => call.payload)).toEqual(["a", "abc"]);
    // The answer for "a" is not the newest change, so it is not reported.
    expect(reports).toEqual([]);

    backend.answers[1]?.resolve("saved abc");
    await queue.idle();
    expect(reports).toEqual([{ ok: true, value: "saved abc" }]);
    expect(queue.busy).toBe(false);
  });

  it("never folds later typing into a waiting checkpoint", async () => {
    const { backend, queue } = queueOnFake();
    void queue.push("a", false);
    void queue.push("ab", true);
    void queue.push("abc", false);
    void queue.push("abcd", false);
    for (let i = 0; i < 3; i += 1) {
      backend.answers[i]?.resolve("ok");
      await backend.settle();
    }
    await queue.idle();
    expect(backend.calls).toEqual([
      { payload: "a", checkpoint: false },
      { payload: "ab", checkpoint: true },
      { payload: "abcd", checkpoint: false },
    ]);
  });

  it("lets a checkpoint replace waiting typing, keeping the newest text", async () => {
    const { backend, queue } = queueOnFake();
    void queue.push("a", false);
    void queue.push("ab", false);
    void queue.push("ab", true);
    backend.answers[0]?.resolve("ok");
    await backend.settle();
    backend.answers[1]?.resolve("ok");
    await queue.idle();
    expect(backend.calls).toEqual([
      { payload: "a", checkpoint: false },
      { payload: "ab", checkpoint: true },
    ]);
  });

  it("reports a failure of the newest change and keeps going afterwards", async () => {
    const { backend, reports, queue } = queueOnFake();
    void queue.push("a", false);
    backend.answers[0]?.reject(new Error("disk full"));
    await queue.idle();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.ok).toBe(false);

    void queue.push("ab", false);
    backend.answers[1]?.resolve("ok");
    await queue.idle();
    expect(reports[1]).toEqual({ ok: true, value: "ok" });
  });

  it("drops an old failure once newer text is on its way", async () => {
    const { backend, reports, queue } = queueOnFake();
    void queue.push("a", false);
    void queue.push("ab", false);
    backend.answers[0]?.reject(new Error("busy"));
    await backend.settle();
    backend.answers[1]?.resolve("ok");
    await queue.idle();
    expect(reports).toEqual([{ ok: true, value: "ok" }]);
  });

  it("resolves push once its text has been sent", async () => {
    const { backend, queue } = queueOnFake();
    let done = false;
    void queue.push("a", true).then(() => (done = true));
    await backend.settle();
    expect(done).toBe(false);
    backend.answers[0]?.resolve("ok");
    await backend.settle();
    expect(done).toBe(true);
  });
});
