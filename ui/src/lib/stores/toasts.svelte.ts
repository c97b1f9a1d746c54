// Short messages in the corner: confirmations and unexpected errors.
import { UserError } from "$lib/api/invoke";

export type ToastKind = "success" | "error";
/** A button on a toast, e.g. "Open" after a file was saved. */
export type ToastAction = { label: string; run: () => void };
export type Toast = { id: number; kind: ToastKind; message: string; action?: ToastAction };

export const toasts = $state<Toast[]>([]);

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
  const index = toasts.findIndex((toast) => toast.id === id);
  if (index >= 0) toasts.splice(index, 1);
}

export function showToast(
  message: string,
  kind: ToastKind = "success",
  action?: ToastAction,
): void {
  const id = nextId++;
  toasts.push(action === undefined ? { id, kind, message } : { id, kind, message, action });
  // Errors stay a little longer: they usually need reading twice.
  // Errors, and toasts offering an action, stay a little longer.
  timers.set(
    id,
    setTimeout(() => dismissToast(id), kind === "error" || action ? 8000 : 4000),
  );
  while (toasts.length > 3) {
    const oldest = toasts[0];
    if (oldest === undefined) break;
    dismissToast(oldest.id);
  }
}

/** Shows any caught error as an error toast. */
export function showError(error: unknown): void {
  // The lock screen already says it, and a toast would show over it.
  if (error instanceof UserError && error.code === "locked") return;
  const message =
    error instanceof UserError
      ? error.message
      : "Something unexpected went wrong. Please try again.";
  showToast(message, "error");
}

/** "Saved to <path>" with an Open button that shows the file in the system's viewer. */
export function showSaved(path: string, open: (path: string) => Promise<unknown>): void {
  showToast(`Saved to ${path}`, "success", {
    label: "Open",
    run: () => {
      open(path).catch(showError);
    },
  });
}
