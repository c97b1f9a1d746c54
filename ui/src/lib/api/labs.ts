// Lab results and their attached files (copied into the data folder).
import { call } from "./invoke";
import type { Lab, LabInput } from "./types";

/** Newest first, each with its files. */
export function labsForClient(clientId: number): Promise<Lab[]> {
  return call("labs_list", { clientId });
}

export function addLab(input: LabInput): Promise<Lab> {
  return call("labs_create", { input });
}

export function updateLab(id: number, input: LabInput): Promise<Lab> {
  return call("labs_update", { id, input });
}

/** Deletes the result and its files. */
export function deleteLab(id: number): Promise<null> {
  return call("labs_delete", { id });
}

/** Opens the file dialog and attaches the chosen files; `null` if the coach cancelled. */
export function attachLabFiles(id: number): Promise<Lab | null> {
  return call("labs_attach", { id });
}

export function removeLabFile(fileId: number): Promise<Lab> {
  return call("labs_file_delete", { fileId });
}

/** Opens the attached file with the system's viewer. */
export function openLabFile(fileId: number): Promise<null> {
  return call("labs_file_open", { fileId });
}
