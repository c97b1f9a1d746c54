// Follow-up tasks: what the coach promised to do for a client, with optional due dates.
import { call } from "./invoke";
import type { FollowUp, FollowUpInput } from "./types";

export function createFollowUp(input: FollowUpInput): Promise<FollowUp> {
  return call("follow_ups_create", { input });
}

export function setFollowUpDone(id: number, done: boolean): Promise<FollowUp> {
  return call("follow_ups_set_done", { id, done });
}

/** Open ones first by due date, then done ones. */
export function followUpsForClient(clientId: number): Promise<FollowUp[]> {
  return call("follow_ups_list", { clientId });
}

export function deleteFollowUp(id: number): Promise<null> {
  return call("follow_ups_delete", { id });
}
