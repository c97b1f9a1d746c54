// One search over clients and consult notes; the text is matched literally by the backend.
import { call } from "./invoke";

export const search = (text: string) => call("search_query", { text });
