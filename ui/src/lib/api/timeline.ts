// A client's timeline.
import { call } from "./invoke";

/** Newest first. */
export const clientTimeline = (id: number) => call("timeline_list", { id });
