// How a backup is described in Settings.
import type { Backup, BackupReason } from "./api/types";
import { countLabel } from "./format";

const REASONS: Record<BackupReason, string> = {
  manual: "Backed up by you",
  daily: "Daily backup",
  atQuit: "When CoachDesk closed",
  beforeRestore: "Your data before a restore",
};

export function backupReasonLabel(reason: BackupReason): string {
  return REASONS[reason];
}

/** "1.2 MB", "640 KB", "900 bytes". */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return countLabel(bytes, "byte");
}

/** "3 clients · 12 consults · 2 files · 5 articles". */
export function backupContents(backup: Backup): string {
  return [
    countLabel(backup.clients, "client"),
    countLabel(backup.consults, "consult"),
    countLabel(backup.files, "file"),
    countLabel(backup.articles, "article"),
  ].join(" · ");
}
