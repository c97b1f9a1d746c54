// The whole practice as open files (JSON, CSV, attached files), and bringing such an export
// into an empty CoachDesk. Both open a native dialog in the backend; `null` if she cancelled.
import { call } from "./invoke";

export const exportPractice = () => call("practice_export_save");

/** With `secret` (the passphrase of an encrypted backup), the file picked last is tried again. */
export const importPractice = (secret: string | null = null) =>
  call("practice_export_import", { secret });
