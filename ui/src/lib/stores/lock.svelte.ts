// The lock of an encrypted practice while it is open: the idle minutes from Settings, and
// whether the window is locked now (idle, or "Lock now").
export const requestLock = $state<{ locked: boolean; idleMinutes: number | null }>({
  locked: false,
  idleMinutes: null,
});
