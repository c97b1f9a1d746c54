// Where her backups stand, shared by Settings, the sidebar and the dashboard. Things the
// backend wants her told once (an interrupted restore, a USB stick that was not there) become
// toasts, whoever looks first.
import { backupStatus } from "$lib/api/backups";
import type { BackupOverview } from "$lib/api/types";
import { showError, showToast } from "$lib/stores/toasts.svelte";

export const backupState = $state<{ overview: BackupOverview | null }>({ overview: null });

export async function refreshBackups(): Promise<void> {
  try {
    const status = await backupStatus();
    backupState.overview = status.overview;
    for (const notice of status.notices) showToast(notice);
  } catch (error) {
    showError(error);
  }
}
