// The pipeline board: current clients by status, with counts.
import { call } from "./invoke";
import type { PipelineColumn } from "./types";

/** One column per status in pipeline order, each with its total and up to 100 clients. */
export function pipeline(): Promise<PipelineColumn[]> {
  return call("pipeline_get");
}
