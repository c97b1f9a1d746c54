// Backups of the whole practice: list, Back up now, Check and Restore.
import { call } from "./invoke";
import type { Backup, BackupOverview, BackupStatus, Restored } from "./types";

export function backupStatus(): Promise<BackupStatus> {
  return call("backups_status");
}

export function backUpNow(): Promise<Backup> {
  return call("backups_create");
}

/** Verifies a backup in the backups folder without touching current data. */
export function checkBackup(fileName: string): Promise<Backup> {
  return call("backups_check", { fileName });
}

/** Replaces current data with the backup; what was there is saved as a backup first. */
/** A backup made with another passphrase needs that passphrase as `secret`. */
export function restoreBackup(fileName: string, secret: string | null = null): Promise<Restored> {
  return call("backups_restore", { fileName, secret });
}

/** Opens the native file dialog (in the backend); `null` if the coach cancelled. */
export function checkPickedBackup(): Promise<Backup | null> {
  return call("backups_check_pick");
}

/** With `secret`, the file picked last is tried again (a backup made with another passphrase). */
export function restorePickedBackup(secret: string | null = null): Promise<Restored | null> {
  return call("backups_restore_pick", { secret });
}

/** Chooses the second place with the native folder dialog; `null` if the coach cancelled. */
export function chooseCopyFolder(): Promise<BackupOverview | null> {
  return call("backups_copy_choose");
}

export function stopCopying(): Promise<BackupOverview> {
  return call("backups_copy_stop");
}

/** The backups on this computer, when the practice file could not be opened. */
export function recoveryBackups(): Promise<Backup[]> {
  return call("backups_recovery_list");
}

/** Replaces a damaged practice file with this backup and opens it. */
export function recoverFrom(fileName: string): Promise<null> {
  return call("backups_recovery_restore", { fileName });
}
