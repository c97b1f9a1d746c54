// Backups of the whole practice: list, Back up now, Check and Restore.
import { call } from "./invoke";

export const backupStatus = () => call("backups_status");

export const backUpNow = () => call("backups_create");

/** Verifies a backup in the backups folder without touching current data. */
export const checkBackup = (fileName: string) => call("backups_check", { fileName });

/** Replaces current data with the backup; what was there is saved as a backup first. */
/** A backup made with another passphrase needs that passphrase as `secret`. */
export const restoreBackup = (fileName: string, secret: string | null = null) =>
  call("backups_restore", { fileName, secret });

/** Opens the native file dialog (in the backend); `null` if the coach cancelled. */
export const checkPickedBackup = () => call("backups_check_pick");

/** With `secret`, the file picked last is tried again (a backup made with another passphrase). */
export const restorePickedBackup = (secret: string | null = null) =>
  call("backups_restore_pick", { secret });

/** Chooses the second place with the native folder dialog; `null` if the coach cancelled. */
export const chooseCopyFolder = () => call("backups_copy_choose");

export const stopCopying = () => call("backups_copy_stop");

/** The backups on this computer, when the practice file could not be opened. */
export const recoveryBackups = () => call("backups_recovery_list");

/** Replaces a damaged practice file with this backup and opens it. */
export const recoverFrom = (fileName: string) => call("backups_recovery_restore", { fileName });
