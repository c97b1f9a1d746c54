// Encryption at rest: the lock screen, turning encryption on and off, the passphrase, the idle
// lock and the recovery sheet.
import { call } from "./invoke";
import type { EncryptionStatus, LockState, TurnedOn } from "./types";

/** Callable while locked: whether there is a lock screen to show. */
export function getLockState(): Promise<LockState> {
  return call<LockState>("lock_state");
}

/** Opens the practice with her passphrase or recovery key. */
export function unlock(secret: string): Promise<void> {
  return call<void>("unlock", { secret });
}

export function lockNow(): Promise<void> {
  return call<void>("lock_now");
}

export function getEncryptionStatus(): Promise<EncryptionStatus> {
  return call<EncryptionStatus>("encryption_status");
}

/** Encrypts the practice and its backups; the recovery key comes back to be shown once. */
export function turnOnEncryption(passphrase: string): Promise<TurnedOn> {
  return call<TurnedOn>("encryption_turn_on", { passphrase });
}

export function changePassphrase(current: string, next: string): Promise<void> {
  return call<void>("encryption_change", { current, new: next });
}

/** Decrypts the practice and its backups; how many backups and copies were decrypted. */
export function turnOffEncryption(passphrase: string): Promise<number> {
  return call<number>("encryption_turn_off", { passphrase });
}

export function setLockAfter(minutes: number | null): Promise<void> {
  return call<void>("encryption_lock_after", { minutes });
}

/** Saves the recovery sheet through the save dialog; the path, or `null` if she cancelled. */
export function saveRecoverySheet(recoveryKey: string): Promise<string | null> {
  return call<string | null>("encryption_recovery_sheet", { recoveryKey });
}

/** A new recovery key (the old sheet is lost), shown once; the old key stops working. */
export function newRecoveryKey(passphrase: string): Promise<string> {
  return call<string>("encryption_new_recovery_key", { passphrase });
}
