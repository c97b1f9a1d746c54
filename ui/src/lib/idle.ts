// The idle lock's clock: any key press, click, scroll or pointer move starts it again.

export const IDLE_EVENTS = [
  "keydown",
  "pointerdown",
  "pointermove",
  "wheel",
  "touchstart",
] as const;

/** Calls `onIdle` once after `ms` without any of `events` on `target`; returns a function that
 * stops watching. */
export function watchIdle(
  target: EventTarget,
  ms: number,
  onIdle: () => void,
  events: readonly string[] = IDLE_EVENTS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, ms);
  };
  const stop = () => {
    clearTimeout(timer);
    for (const name of events) target.removeEventListener(name, reset);
  };
  function fire() {
    stop();
    onIdle();
  }
  for (const name of events) target.addEventListener(name, reset, { passive: true });
  reset();
  return stop;
}
