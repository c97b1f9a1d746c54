import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const { printOrOfferExport } = await import("./print");
const { UserError } = await import("./api/invoke");
const { toasts, dismissToast } = await import("./stores/toasts.svelte");

describe("printOrOfferExport", () => {
  beforeEach(() => {
    for (const toast of [...toasts]) dismissToast(toast.id);
    invoke.mockReset();
  });

  it("says the document went to the printer, and nothing when she cancels", async () => {
    await printOrOfferExport("The handout", () => Promise.resolve(true), vi.fn());
    expect(toasts.map((t) => t.message)).toEqual(["The handout sent to the printer"]);
    await printOrOfferExport("The handout", () => Promise.resolve(false), vi.fn());
    expect(toasts).toHaveLength(1);
  });

  it("offers to export instead when no printer is set up", async () => {
    const exportInstead = vi.fn(() => Promise.resolve("/home/coach/Broth.pdf"));
    const noPrinter = new UserError("no_printer", "No printer is set up on this computer.");
    await printOrOfferExport("The handout", () => Promise.reject(noPrinter), exportInstead);
    const [toast] = toasts;
    expect(toast?.kind).toBe("error");
    expect(toast?.message).toBe("No printer is set up on this computer.");
    expect(toast?.action?.label).toBe("Export instead");
    toast?.action?.run();
    await vi.waitFor(() => expect(exportInstead).toHaveBeenCalledOnce());
    await vi.waitFor(() =>
      expect(toasts.some((t) => t.message === "Saved to /home/coach/Broth.pdf")).toBe(true),
    );
  });

  it("shows any other failure as it is", async () => {
    const failed = new UserError("io", "The printer did not take the document: paper jam");
    await printOrOfferExport("The handout", () => Promise.reject(failed), vi.fn());
    expect(toasts.map((t) => t.message)).toEqual([
      "The printer did not take the document: paper jam",
    ]);
    expect(toasts[0]?.action).toBeUndefined();
  });
});
