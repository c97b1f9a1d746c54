// A form the backend refused: the line above it that says what to look at.
import { UserError } from "./api/invoke";
import type { FieldProblem } from "./api/types";
import { showError } from "./stores/toasts.svelte";

/**
 * How many fields are highlighted below (the problems `placed` says the form shows next to a
 * field), then the reasons that belong to no field of the form; `fallback` (the backend's own
 * message) when there is neither.
 */
export function refusalSummary(
  problems: readonly FieldProblem[],
  placed: (problem: FieldProblem) => boolean,
  fallback: string,
): string {
  const count = problems.filter(placed).length;
  const others = problems.filter((problem) => !placed(problem)).map((problem) => problem.reason);
  const lead =
    count === 0
      ? ""
      : count === 1
        ? "Please check the highlighted field below."
        : `Please check the ${count} highlighted fields below.`;
  return [lead, ...others].filter((part) => part !== "").join(" ") || fallback;
}

/**
 * After a failed save: when the backend refused the input, `show` puts the refusal by the form;
 * any other failure is told in a toast.
 */
export function whenRefused(error: unknown, show: (refusal: UserError) => void): void {
  if (error instanceof UserError && error.isInvalid) show(error);
  else showError(error);
}
