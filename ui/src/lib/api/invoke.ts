// The one typed doorway to the Rust backend: every command goes through `call`, and every
// rejection comes out as a `UserError` the screens can show.
import { invoke } from "@tauri-apps/api/core";
import type { CommandName, Commands } from "./commands";
import type { ErrorCode, FieldProblem } from "./types";

export type UserErrorCode = ErrorCode | "unknown";

// A record, not a list, so svelte-check fails when Rust gains a code this file does not know.
const CODES: Record<ErrorCode, true> = {
  not_found: true,
  invalid: true,
  conflict: true,
  wrong_file: true,
  unreadable: true,
  pdf: true,
  migration: true,
  no_printer: true,
  newer_schema: true,
  damaged: true,
  locked: true,
  storage: true,
  io: true,
  internal: true,
};
const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(CODES));

export const FRIENDLY_UNKNOWN_MESSAGE =
  "Something unexpected went wrong. Please try again, and restart CoachDesk if it keeps happening.";

/** An error the coach can read: `message` is written for her, `fields` point at form inputs. */
export class UserError extends Error {
  readonly code: UserErrorCode;
  readonly fields: FieldProblem[];

  constructor(code: UserErrorCode, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.fields = fields;
  }

  /** A refusal of one field, found here before the backend is asked (nothing chosen yet). */
  static ofField(field: string, reason: string, message: string): UserError {
    return new UserError("invalid", message, [{ field, reason }]);
  }

  /** The backend's reason for `name` (a camelCase input key), if it rejected that field. */
  fieldError(name: string): string | undefined {
    return this.fields.find((problem) => problem.field === name)?.reason;
  }

  /** The reasons given for fields other than `shown` (the ones a form shows by their input). */
  reasonsBesides(shown: Iterable<string>): string[] {
    const placed = new Set(shown);
    return this.fields.filter((problem) => !placed.has(problem.field)).map((p) => p.reason);
  }

  get isInvalid(): boolean {
    return this.code === "invalid";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.field === "string" && typeof item.reason === "string"
      ? [{ field: item.field, reason: item.reason }]
      : [],
  );
}

/** Turns whatever a command rejected with into a `UserError`. */
export function toUserError(raw: unknown): UserError {
  if (raw instanceof UserError) return raw;
  if (isRecord(raw) && typeof raw.code === "string" && typeof raw.message === "string") {
    const code: UserErrorCode = KNOWN_CODES.has(raw.code) ? (raw.code as ErrorCode) : "unknown";
    const message = raw.message.trim() === "" ? FRIENDLY_UNKNOWN_MESSAGE : raw.message;
    return new UserError(code, message, toFieldProblems(raw.fields));
  }
  return new UserError("unknown", FRIENDLY_UNKNOWN_MESSAGE);
}

type ArgsOf<K extends CommandName> = Commands[K]["args"];
type ResultOf<K extends CommandName> = Commands[K]["result"];

/**
 * Calls a Tauri command; rejects only with `UserError`. The command's name, its arguments and
 * its result are checked against `commands.ts`, generated from the Rust signatures, so a
 * misspelt name or argument fails svelte-check. Commands without arguments take none.
 */
export async function call<K extends CommandName>(
  cmd: K,
  ...args: Record<string, never> extends ArgsOf<K> ? [args?: ArgsOf<K>] : [args: ArgsOf<K>]
): Promise<ResultOf<K>> {
  try {
    return await invoke<ResultOf<K>>(cmd, args[0]);
  } catch (raw: unknown) {
    const error = toUserError(raw);
    if (error.code === "unknown") {
      // Keep the technical detail for whoever opens the dev tools; the coach sees the friendly text.
      console.error(`Command ${cmd} failed`, raw);
    }
    throw error;
  }
}
