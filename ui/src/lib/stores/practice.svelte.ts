// The practice profile loaded at start-up, shared by the sidebar and the settings screen.
import type { Practice } from "$lib/api/types";

export const session = $state<{ practice: Practice | null }>({ practice: null });
