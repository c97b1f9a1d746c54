// Her own articles, suggested for a client: sections ranked by what is going on with her, each
// with the reason.
import { call } from "./invoke";
import type { Suggestions } from "./types";

/** The sections of the coach's articles that best fit this client now, best first. */
export function getSuggestions(clientId: number): Promise<Suggestions> {
  return call("suggestions_get", { clientId });
}
