// Encryption at rest: the lock screen, turning encryption on and off, the passphrase, the idle
// lock and the recovery sheet.
import { call } from "./invoke";
import type { EncryptionStatus, LockState, TurnedOn } from "./types";

/** Callable while locked: whether there is a lock screen to show. */
export function getLockState(): Promise<LockState> {
  return call("encryption_lock_state");
}

/** Opens the practice with her passphrase or recovery key. */
export function unlock(secret: string): Promise<null> {
  return call("encryption_unlock", { secret });
}

export function lockNow(): Promise<null> {
  return call("encryption_lock_now");
}

export function getEncryptionStatus(): Promise<EncryptionStatus> {
  return call("encryption_status");
}

/** Encrypts the practice and its backups; the recovery key comes back to be shown once. */
export function turnOnEncryption(passphrase: string): Promise<TurnedOn> {
  return call("encryption_turn_on", { passphrase });
}

export function changePassphrase(current: string, next: string): Promise<null> {
  return call("encryption_change", { current, new: next });
}

/** Decrypts the practice and its backups; how many backups and copies were decrypted. */
export function turnOffEncryption(passphrase: string): Promise<number> {
  return call("encryption_turn_off", { passphrase });
}

export function setLockAfter(minutes: number | null): Promise<null> {
  return call("encryption_lock_after", { minutes });
}

/** Saves the recovery sheet through the save dialog; the path, or `null` if she cancelled. */
export function saveRecoverySheet(recoveryKey: string): Promise<string | null> {
  return call("encryption_recovery_sheet", { recoveryKey });
}

/** A new recovery key (the old sheet is lost), shown once; the old key stops working. */
export function newRecoveryKey(passphrase: string): Promise<string> {
  return call("encryption_recovery_key_create", { passphrase });
}
