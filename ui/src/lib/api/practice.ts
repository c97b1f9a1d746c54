// The practice profile, its logo, and facts about this installation.
import { call } from "./invoke";
import type { FirstRunInput, PracticeInput } from "./types";

/** `null` means CoachDesk has never been set up on this computer. */
export const getPractice = () => call("practice_get");

export const createPractice = (input: FirstRunInput) => call("practice_create", { input });

export const updatePractice = (input: PracticeInput) => call("practice_update", { input });

/** Opens the native file dialog (in the backend); `null` if the coach cancelled. */
export const pickLogo = () => call("practice_logo_pick");

/** The logo as a data: URL for an <img>, or `null` when there is none. */
export const getLogo = () => call("practice_logo_get");

export const removeLogo = () => call("practice_logo_delete");

export const getAppInfo = () => call("app_info");

/** Opens a file CoachDesk has just saved (a PDF, a calendar file) with the system's viewer. */
export const openExported = (path: string) => call("app_open_exported", { path });

/** Tells the shell which screen the window showed first (a marker for the packaging test). */
export const firstScreenShown = (screen: string) => call("app_first_screen", { screen });
