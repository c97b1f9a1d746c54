// The pipeline board: current clients by status, with counts.
import { call } from "./invoke";

/** One column per status in pipeline order, each with its total and up to 100 clients. */
export const pipeline = () => call("pipeline_get");
