// One search over clients and consult notes; the text is matched literally by the backend.
import { call } from "./invoke";
import type { SearchHit } from "./types";

export function search(text: string): Promise<SearchHit[]> {
  return call("search_query", { text });
}
