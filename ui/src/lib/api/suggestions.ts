// Her own articles, suggested for a client: sections ranked by what is going on with her, each
// with the reason.
import { call } from "./invoke";

/** The sections of the coach's articles that best fit this client now, best first. */
export const getSuggestions = (clientId: number) => call("suggestions_get", { clientId });
