import { describe, expect, it, vi } from "vitest";
import { Latest } from "./latest";

/** A backend whose answers arrive when the test says so. */
function backend() {
  const asked: string[] = [];
  const pending: { resolve: (a: string) => void; reject: (e: unknown) => void }[] = [];
  const ask = (query: string) =>
    new Promise<string>((resolve, reject) => {
      asked.push(query);
      pending.push({ resolve, reject });
    });
  const answer = async (text: string) => {
    pending.shift()?.resolve(text);
    await Promise.resolve();
    await Promise.resolve();
  };
  const refuse = async (error: unknown) => {
    pending.shift()?.reject(error);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { asked, ask, answer, refuse };
}

describe("Latest", () => {
  it("asks at once when nothing is on its way, and shows the answer", async () => {
    const b = backend();
    const show = vi.fn();
    const busy = vi.fn();
    const latest = new Latest({ ask: b.ask, show, fail: vi.fn(), busy });
    latest.ask("re");
    expect(b.asked).toEqual(["re"]);
    expect(busy).toHaveBeenLastCalledWith(true);
    await b.answer("answer to re");
    expect(show).toHaveBeenCalledWith("answer to re", "re");
    expect(busy).toHaveBeenLastCalledWith(false);
  });

  it("asks only the newest of the changes made while an answer was on its way", async () => {
    const b = backend();
    const show = vi.fn();
    const latest = new Latest({ ask: b.ask, show, fail: vi.fn() });
    latest.ask("r");
    latest.ask("re");
    latest.ask("ren");
    latest.ask("rené");
    expect(b.asked).toEqual(["r"]);
    // The answer to "r" is old by now: not shown; "rené" is asked next, not "re" or "ren".
    await b.answer("answer to r");
    expect(show).not.toHaveBeenCalled();
    expect(b.asked).toEqual(["r", "rené"]);
    await b.answer("answer to rené");
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith("answer to rené", "rené");
  });

  it("shows a refusal of the newest question, and keeps asking after one", async () => {
    const b = backend();
    const show = vi.fn();
    const fail = vi.fn();
    const latest = new Latest({ ask: b.ask, show, fail });
    latest.ask("a");
    await b.refuse(new Error("locked"));
    expect(fail).toHaveBeenCalledWith(new Error("locked"), "a");
    latest.ask("ab");
    expect(b.asked).toEqual(["a", "ab"]);
    await b.answer("answer to ab");
    expect(show).toHaveBeenCalledWith("answer to ab", "ab");
  });

  it("never shows an answer to a question cancelled while it was on its way", async () => {
    const b = backend();
    const show = vi.fn();
    const fail = vi.fn();
    const busy = vi.fn();
    const latest = new Latest({ ask: b.ask, show, fail, busy });
    latest.ask("zoë");
    latest.cancel();
    expect(busy).toHaveBeenLastCalledWith(false);
    await b.answer("answer to zoë");
    expect(show).not.toHaveBeenCalled();
    // A question asked after the cancel is answered as usual.
    latest.ask("李");
    await b.answer("answer to 李");
    expect(show).toHaveBeenCalledWith("answer to 李", "李");
    expect(fail).not.toHaveBeenCalled();
  });
});
