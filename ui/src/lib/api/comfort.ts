// Comfort: the text size and colours of the whole window, kept between runs (callable while
// locked).
import { call } from "./invoke";
import type { Theme } from "./types";

export const getComfort = () => call("comfort_get");

export const setTextSize = (percent: number) => call("comfort_set_text_size", { percent });

/** One size up (1), down (-1) or back to normal (0). */
export const stepTextSize = (steps: -1 | 0 | 1) => call("comfort_step_text_size", { steps });

/** Light, dark, high contrast, or following the system. */
export const setTheme = (theme: Theme) => call("comfort_set_theme", { theme });
