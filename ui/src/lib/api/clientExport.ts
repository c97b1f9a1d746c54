// Everything kept about one client, for her: one ZIP through the save dialog.
import { call } from "./invoke";

/** Everything kept about her as one ZIP, through the save dialog; `null` if cancelled. */
export const exportClientData = (id: number) => call("client_export_save", { id });
