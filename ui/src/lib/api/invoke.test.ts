import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

import type { ClientInput } from "./types";

const { call, toUserError, UserError, FRIENDLY_UNKNOWN_MESSAGE } = await import("./invoke");

describe("call", () => {
  beforeEach(() => {
    invoke.mockReset();
    vi.spyOn(console, "error").mockImplementation(() => {});
  });

  it("passes the command and arguments through and returns the result", async () => {
    invoke.mockResolvedValue({ id: 1 });
    await expect(call("clients_get", { id: 1 })).resolves.toEqual({ id: 1 });
    expect(invoke).toHaveBeenCalledWith("clients_get", { id: 1 });
  });

  it("turns a validation payload into a UserError with field problems", async () => {
    invoke.mockRejectedValue({
      code: "invalid",
      message: "Please check the form",
      fields: [
        { field: "email", reason: "That email address doesn't look right" },
        { field: "name", reason: "A name is needed" },
      ],
    });
    const input = {} as ClientInput;
    const error: unknown = await call("clients_create", { input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const userError = error as InstanceType<typeof UserError>;
    expect(userError.code).toBe("invalid");
    expect(userError.isInvalid).toBe(true);
    expect(userError.message).toBe("Please check the form");
    expect(userError.fields).toHaveLength(2);
    expect(userError.fieldError("email")).toBe("That email address doesn't look right");
    expect(userError.fieldError("name")).toBe("A name is needed");
    expect(userError.fieldError("phone")).toBeUndefined();
    expect(console.error).not.toHaveBeenCalled();
  });

  it("keeps other backend codes and their messages", async () => {
    invoke.mockRejectedValue({ code: "not_found", message: "That client no longer exists" });
    const error = await call("clients_get", { id: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as InstanceType<typeof UserError>).code).toBe("not_found");
    expect((error as InstanceType<typeof UserError>).message).toBe("That client no longer exists");
    expect((error as InstanceType<typeof UserError>).fields).toEqual([]);
  });

  it("turns a bare string rejection into a friendly unknown error", async () => {
    invoke.mockRejectedValue("command client_frobnicate not found");
    // @ts-expect-error: a command Rust does not register is refused by svelte-check too.
    const error = await call("client_frobnicate").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as InstanceType<typeof UserError>).code).toBe("unknown");
    expect((error as InstanceType<typeof UserError>).message).toBe(FRIENDLY_UNKNOWN_MESSAGE);
    expect(console.error).toHaveBeenCalled();
  });
});

describe("toUserError", () => {
  it("maps unexpected shapes to unknown", () => {
    expect(toUserError(new Error("boom")).code).toBe("unknown");
    expect(toUserError(null).code).toBe("unknown");
    expect(toUserError(undefined).message).toBe(FRIENDLY_UNKNOWN_MESSAGE);
    expect(toUserError({ code: 5, message: "x" }).code).toBe("unknown");
  });

  it("maps an unrecognised code to unknown but keeps its message", () => {
    const error = toUserError({ code: "printer_on_fire", message: "The printer is on fire" });
    expect(error.code).toBe("unknown");
    expect(error.message).toBe("The printer is on fire");
  });

  it("drops malformed field entries", () => {
    const error = toUserError({
      code: "invalid",
      message: "Check the form",
      fields: [{ field: "email", reason: "Bad" }, { field: 3 }, "name", null],
    });
    expect(error.fields).toEqual([{ field: "email", reason: "Bad" }]);
  });

  it("uses the friendly text when the message is empty", () => {
    expect(toUserError({ code: "internal", message: " " }).message).toBe(FRIENDLY_UNKNOWN_MESSAGE);
  });

  it("returns an existing UserError unchanged", () => {
    const original = new UserError("conflict", "Already there");
    expect(toUserError(original)).toBe(original);
  });
});
