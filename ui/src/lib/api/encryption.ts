// Encryption at rest: the lock screen, turning encryption on and off, the passphrase, the idle
// lock and the recovery sheet.
import { call } from "./invoke";

/** Callable while locked: whether there is a lock screen to show. */
export const getLockState = () => call("encryption_lock_state");

/** Opens the practice with her passphrase or recovery key. */
export const unlock = (secret: string) => call("encryption_unlock", { secret });

export const lockNow = () => call("encryption_lock_now");

export const getEncryptionStatus = () => call("encryption_status");

/** Encrypts the practice and its backups; the recovery key comes back to be shown once. */
export const turnOnEncryption = (passphrase: string) => call("encryption_turn_on", { passphrase });

export const changePassphrase = (current: string, next: string) =>
  call("encryption_change", { current, new: next });

/** Decrypts the practice and its backups; how many backups and copies were decrypted. */
export const turnOffEncryption = (passphrase: string) =>
  call("encryption_turn_off", { passphrase });

export const setLockAfter = (minutes: number | null) => call("encryption_lock_after", { minutes });

/** Saves the recovery sheet through the save dialog; the path, or `null` if she cancelled. */
export const saveRecoverySheet = (recoveryKey: string) =>
  call("encryption_recovery_sheet", { recoveryKey });

/** A new recovery key (the old sheet is lost), shown once; the old key stops working. */
export const newRecoveryKey = (passphrase: string) =>
  call("encryption_recovery_key_create", { passphrase });
