// The whole practice as open files (JSON, CSV, attached files), and bringing such an export
// into an empty CoachDesk. Both open a native dialog in the backend; `null` if she cancelled.
import { call } from "./invoke";
import type { PracticeExport, PracticeImport } from "./types";

export function exportPractice(): Promise<PracticeExport | null> {
  return call("practice_export_save");
}

/** With `secret` (the passphrase of an encrypted backup), the file picked last is tried again. */
export function importPractice(secret: string | null = null): Promise<PracticeImport | null> {
  return call("practice_export_import", { secret });
}
