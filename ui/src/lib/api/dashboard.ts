// The dashboard: today's and this week's consults, follow-ups, and clients needing attention.
import { call } from "./invoke";

export const getDashboard = () => call("dashboard_get");
