// Everything kept about one client, for her: one ZIP through the save dialog.
import { call } from "./invoke";
import type { ClientExport } from "./types";

/** Everything kept about her as one ZIP, through the save dialog; `null` if cancelled. */
export function exportClientData(id: number): Promise<ClientExport | null> {
  return call("client_export_save", { id });
}
