// How a backup is described in Settings.
import type { Backup, BackupOverview, BackupReason } from "./api/types";
import { countLabel, formatUpdated } from "./format";

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

/** The sidebar's quiet line: "Last backup: Today, 09:12 · Second copy: 3 Nov 2026". */
export function lastBackupLine(
  overview: BackupOverview,
  now: Date = new Date(),
  timeZone?: string,
): string {
  const newest = overview.backups[0];
  if (newest === undefined) return "No backup yet";
  const parts = [`Last backup: ${formatUpdated(newest.createdAt, now, timeZone)}`];
  if (overview.copyFolder !== null) {
    if (!overview.copyReachable) parts.push("Second copy: not connected");
    else if (overview.lastCopyAt !== null)
      parts.push(`Second copy: ${formatUpdated(overview.lastCopyAt, now, timeZone)}`);
    else parts.push("Second copy: none yet");
  }
  return parts.join(" · ");
}
