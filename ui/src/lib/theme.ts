// The window's colours: the theme she chose in Settings → Comfort, or the system's when she
// chose "system" (dark when the system is dark, high contrast when it asks for more contrast).
import type { Theme } from "./api/types";

export type ShownTheme = Exclude<Theme, "system">;

/** What the system asks for, as CSS media queries tell it. */
export type SystemLook = { dark: boolean; moreContrast: boolean };

export function shownTheme(choice: Theme, system: SystemLook): ShownTheme {
  if (choice !== "system") return choice;
  if (system.moreContrast) return "contrast";
  return system.dark ? "dark" : "light";
}

function systemLook(): SystemLook {
  return {
    dark: window.matchMedia("(prefers-color-scheme: dark)").matches,
    moreContrast: window.matchMedia("(prefers-contrast: more)").matches,
  };
}

let following: Theme = "system";
let listening = false;

/** Shows `choice` now, and keeps following the system while "system" is chosen. */
export function applyTheme(choice: Theme): void {
  following = choice;
  const show = () => {
    const theme = shownTheme(following, systemLook());
    if (theme === "light") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  };
  show();
  if (!listening) {
    listening = true;
    for (const query of ["(prefers-color-scheme: dark)", "(prefers-contrast: more)"]) {
      window.matchMedia(query).addEventListener("change", show);
    }
  }
}
