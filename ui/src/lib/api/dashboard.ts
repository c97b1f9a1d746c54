// The dashboard: today's and this week's consults, follow-ups, and clients needing attention.
import { call } from "./invoke";
import type { Dashboard } from "./types";

export function getDashboard(): Promise<Dashboard> {
  return call("dashboard_get");
}
