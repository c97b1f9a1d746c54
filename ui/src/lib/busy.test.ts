import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "$lib/api/invoke";
import { dismissToast, toasts } from "$lib/stores/toasts.svelte";
import { Busy } from "./busy.svelte";

afterEach(() => {
  for (const toast of [...toasts]) dismissToast(toast.id);
});

describe("Busy", () => {
  it("is busy with what it is doing while the work runs, and gives what the work gave", async () => {
    const busy = new Busy<"export" | "import">();
    let release: (value: string) => void = () => undefined;
    const running = busy.run(() => new Promise<string>((done) => (release = done)), "export");
    expect(busy.busy).toBe(true);
    expect(busy.doing).toBe("export");
    release("saved.zip");
    expect(await running).toBe("saved.zip");
    expect(busy.busy).toBe(false);
    expect(busy.doing).toBeNull();
  });

  it("does not start a second piece of work while one runs", async () => {
    const busy = new Busy();
    let release: () => void = () => undefined;
    const first = busy.run(() => new Promise<void>((done) => (release = done)));
    let started = false;
    const second = await busy.run(async () => {
      started = true;
      return 1;
    });
    expect(second).toBeUndefined();
    expect(started).toBe(false);
    release();
    await first;
  });

  it("tells a failure in a toast and is free again", async () => {
    const busy = new Busy();
    const result = await busy.run(() => Promise.reject(new UserError("io", "The disk is full.")));
    expect(result).toBeUndefined();
    expect(busy.busy).toBe(false);
    expect(toasts.map((toast) => [toast.kind, toast.message])).toEqual([
      ["error", "The disk is full."],
    ]);
  });
});
