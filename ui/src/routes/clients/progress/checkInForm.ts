// The check-in form's ratings: one text box per symptom (blank means "not rated"), read into
// the whole-number 0–10 ratings the backend stores.
import type { CheckIn, FieldProblem, Rating, Symptom } from "$lib/api/types";

/** Text box values by symptom id. */
export type RatingInputs = Record<number, string>;

/** The boxes for a new check-in (all blank) or filled from one being edited. */
export function ratingInputs(checkIn: CheckIn | null): RatingInputs {
  const inputs: RatingInputs = {};
  for (const rating of checkIn?.ratings ?? []) inputs[rating.symptomId] = String(rating.value);
  return inputs;
}

/**
 * The ratings typed for `symptoms`, or a problem per box that is not a whole number from 0 to
 * 10 (named `rating.<id>`, as the backend names them). Ratings of symptoms not on the form, such
 * as an archived symptom on a check-in being edited, are kept from `original`.
 */
export function readRatings(
  inputs: RatingInputs,
  symptoms: Symptom[],
  original: CheckIn | null = null,
): { ratings: Rating[]; problems: FieldProblem[] } {
  const ratings: Rating[] = [];
  const problems: FieldProblem[] = [];
  for (const symptom of symptoms) {
    const text = (inputs[symptom.id] ?? "").trim();
    if (text === "") continue;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value > 10) {
      problems.push({
        field: `rating.${symptom.id}`,
        reason: "Use a whole number from 0 to 10.",
      });
      continue;
    }
    ratings.push({ symptomId: symptom.id, value });
  }
  const onForm = new Set(symptoms.map((symptom) => symptom.id));
  for (const rating of original?.ratings ?? []) {
    if (!onForm.has(rating.symptomId)) ratings.push(rating);
  }
  return { ratings, problems };
}

/** Her rating for a symptom on a check-in, or null when she did not rate it. */
export function ratingOf(checkIn: CheckIn, symptomId: number): number | null {
  return checkIn.ratings.find((rating) => rating.symptomId === symptomId)?.value ?? null;
}
