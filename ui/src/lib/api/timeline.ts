// A client's timeline.
import { call } from "./invoke";
import type { TimelineEvent } from "./types";

/** Newest first. */
export function clientTimeline(id: number): Promise<TimelineEvent[]> {
  return call("timeline_list", { id });
}
