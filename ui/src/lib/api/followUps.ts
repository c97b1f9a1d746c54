// Follow-up tasks: what the coach promised to do for a client, with optional due dates.
import { call } from "./invoke";
import type { FollowUpInput } from "./types";

export const createFollowUp = (input: FollowUpInput) => call("follow_ups_create", { input });

export const setFollowUpDone = (id: number, done: boolean) =>
  call("follow_ups_set_done", { id, done });

/** Open ones first by due date, then done ones. */
export const followUpsForClient = (clientId: number) => call("follow_ups_list", { clientId });

export const deleteFollowUp = (id: number) => call("follow_ups_delete", { id });
