// The practice profile, its logo, and facts about this installation.
import { call } from "./invoke";
import type { AppInfo, FirstRunInput, Practice, PracticeInput } from "./types";

/** `null` means CoachDesk has never been set up on this computer. */
export function getPractice(): Promise<Practice | null> {
  return call("practice_get");
}

export function createPractice(input: FirstRunInput): Promise<Practice> {
  return call("practice_create", { input });
}

export function updatePractice(input: PracticeInput): Promise<Practice> {
  return call("practice_update", { input });
}

/** Opens the native file dialog (in the backend); `null` if the coach cancelled. */
export function pickLogo(): Promise<Practice | null> {
  return call("practice_logo_pick");
}

/** The logo as a data: URL for an <img>, or `null` when there is none. */
export function getLogo(): Promise<string | null> {
  return call("practice_logo_get");
}

export function removeLogo(): Promise<Practice> {
  return call("practice_logo_delete");
}

export function getAppInfo(): Promise<AppInfo> {
  return call("app_info");
}

/** Opens a file CoachDesk has just saved (a PDF, a calendar file) with the system's viewer. */
export function openExported(path: string): Promise<null> {
  return call("app_open_exported", { path });
}

/** Tells the shell which screen the window showed first (a marker for the packaging test). */
export function firstScreenShown(screen: string): Promise<null> {
  return call("app_first_screen", { screen });
}
