// Comfort: the text size and colours of the whole window, kept between runs (callable while
// locked).
import { call } from "./invoke";
import type { ComfortView, Theme } from "./types";

export function getComfort(): Promise<ComfortView> {
  return call("comfort_get");
}

export function setTextSize(percent: number): Promise<ComfortView> {
  return call("comfort_set_text_size", { percent });
}

/** One size up (1), down (-1) or back to normal (0). */
export function stepTextSize(steps: -1 | 0 | 1): Promise<ComfortView> {
  return call("comfort_step_text_size", { steps });
}

/** Light, dark, high contrast, or following the system. */
export function setTheme(theme: Theme): Promise<ComfortView> {
  return call("comfort_set_theme", { theme });
}
