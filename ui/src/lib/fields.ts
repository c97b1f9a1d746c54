// What the form fields share.
import type { ClassValue, HTMLInputAttributes } from "svelte/elements";

/** How a text box looks and behaves, apart from what it holds and what it is called. */
export type TextOptions = {
  hint?: string;
  type?: "text" | "email" | "tel" | "url" | "date" | "time" | "number" | "search" | "password";
  multiline?: boolean;
  /** A textarea that grows with its text. */
  grow?: boolean;
  rows?: number;
  required?: boolean;
  /** "(optional)" after the label. */
  optional?: boolean;
  placeholder?: string;
  autocomplete?: HTMLInputAttributes["autocomplete"];
  inputmode?: HTMLInputAttributes["inputmode"];
  min?: number | string;
  max?: number;
  step?: number;
  wide?: boolean;
  spellcheck?: boolean;
  disabled?: boolean;
  /** Marked invalid although its objection is shown elsewhere (below a row of boxes). */
  invalid?: boolean;
  /** Overrides what aria-describedby names (by default the hint, then the error). */
  describedby?: string;
  class?: ClassValue;
};

/** How a form names a field ("phases.0.items.1.text", as the backend names it) to its parts. */
export type FieldNaming = {
  /** The element id of the field. */
  fid: (field: string) => string;
  /** The backend's objection to the field, if any. */
  err: (field: string) => string | undefined;
  /** aria-describedby for the field: its error, when it has one. */
  described: (field: string) => string | undefined;
};
