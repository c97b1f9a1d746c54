import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BulkProgress } from "./types";

const order: string[] = [];
const invoke = vi.fn();
const unlisten = vi.fn(() => order.push("unlisten"));
let handler: ((event: { payload: BulkProgress }) => void) | null = null;
const listen = vi.fn(async (name: string, callback: (event: { payload: BulkProgress }) => void) => {
  order.push(`listen ${name}`);
  handler = callback;
  return unlisten;
});
vi.mock("@tauri-apps/api/core", () => ({ invoke }));
vi.mock("@tauri-apps/api/event", () => ({ listen }));

const { bulkExport, cancelBulkExport } = await import("./handouts");
const { UserError } = await import("./invoke");

const draft = { title: "Gut health", clientId: null, blocks: [] };

describe("bulkExport", () => {
  beforeEach(() => {
    order.length = 0;
    handler = null;
    invoke.mockReset();
    unlisten.mockClear();
    listen.mockClear();
    vi.spyOn(console, "error").mockImplementation(() => {});
  });

  it("listens before invoking, passes progress on, and stops listening after", async () => {
    const seen: BulkProgress[] = [];
    invoke.mockImplementation(async (cmd: string) => {
      order.push(cmd);
      handler?.({ payload: { done: 1, total: 2, clientName: "Renée Côté" } });
      return { folder: "/tmp/h", written: 2, total: 2, cancelled: false };
    });
    const result = await bulkExport(draft, [4, 7], (progress) => seen.push(progress));
    expect(result).toEqual({ folder: "/tmp/h", written: 2, total: 2, cancelled: false });
    expect(order).toEqual(["listen handout-bulk-progress", "handouts_bulk_export", "unlisten"]);
    expect(invoke).toHaveBeenCalledWith("handouts_bulk_export", { draft, clientIds: [4, 7] });
    expect(seen).toEqual([{ done: 1, total: 2, clientName: "Renée Côté" }]);
  });

  it("passes a cancelled folder dialog through as null", async () => {
    invoke.mockResolvedValue(null);
    await expect(bulkExport(draft, [1], () => {})).resolves.toBeNull();
    expect(unlisten).toHaveBeenCalledTimes(1);
  });

  it("stops listening when the export fails, and rejects with a UserError", async () => {
    invoke.mockRejectedValue({ code: "io", message: "The folder couldn't be written to" });
    const error = await bulkExport(draft, [1], () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as InstanceType<typeof UserError>).message).toBe(
      "The folder couldn't be written to",
    );
    expect(unlisten).toHaveBeenCalledTimes(1);
  });

  it("turns a failure to listen into a UserError without invoking", async () => {
    listen.mockRejectedValueOnce("event.listen not allowed");
    const error = await bulkExport(draft, [1], () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(invoke).not.toHaveBeenCalled();
  });
});

describe("cancelBulkExport", () => {
  it("calls the cancel command", async () => {
    invoke.mockReset();
    invoke.mockResolvedValue(null);
    await expect(cancelBulkExport()).resolves.toBeNull();
    expect(invoke).toHaveBeenCalledWith("handouts_bulk_cancel", undefined);
  });
});
