// Lab results and their attached files (copied into the data folder).
import { call } from "./invoke";
import type { LabInput } from "./types";

/** Newest first, each with its files. */
export const labsForClient = (clientId: number) => call("labs_list", { clientId });

export const addLab = (input: LabInput) => call("labs_create", { input });

export const updateLab = (id: number, input: LabInput) => call("labs_update", { id, input });

/** Deletes the result and its files. */
export const deleteLab = (id: number) => call("labs_delete", { id });

/** Opens the file dialog and attaches the chosen files; `null` if the coach cancelled. */
export const attachLabFiles = (id: number) => call("labs_attach", { id });

export const removeLabFile = (fileId: number) => call("labs_file_delete", { fileId });

/** Opens the attached file with the system's viewer. */
export const openLabFile = (fileId: number) => call("labs_file_open", { fileId });
