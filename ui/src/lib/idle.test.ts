import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchIdle } from "./idle";

describe("watchIdle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fires once after the idle time, and each key press or click starts it again", () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 60_000, onIdle);
    vi.advanceTimersByTime(59_000);
    target.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(59_000);
    target.dispatchEvent(new Event("pointerdown"));
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    // Once fired it stops listening: later events do not start it again.
    target.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("never fires once stopped", () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(target, 1_000, onIdle);
    stop();
    target.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
