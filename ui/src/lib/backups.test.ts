import { describe, expect, it } from "vitest";
import type { Backup, BackupOverview } from "./api/types";
import { backupContents, backupReasonLabel, lastBackupLine, sizeLabel } from "./backups";

const backup: Backup = {
  fileName: "CoachDesk 2026-12-01 091200.000.coachdesk-backup",
  path: "/data/backups/CoachDesk 2026-12-01 091200.000.coachdesk-backup",
  createdAt: "2026-12-01T09:12:00Z",
  reason: "beforeRestore",
  bytes: 1_300_000,
  appVersion: "0.1.0",
  schemaVersion: 8,
  clients: 1,
  consults: 12,
  files: 0,
  articles: 5,
  encrypted: false,
};

describe("backups", () => {
  it("says what a backup holds, in words", () => {
    expect(backupContents(backup)).toBe("1 client · 12 consults · 0 files · 5 articles");
    expect(backupReasonLabel(backup.reason)).toBe("Your data before a restore");
  });

  it("gives sizes a coach can read", () => {
    expect(sizeLabel(1_300_000)).toBe("1.2 MB");
    expect(sizeLabel(655_360)).toBe("640 KB");
    expect(sizeLabel(900)).toBe("900 bytes");
  });
});

describe("the last backup line", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const overview: BackupOverview = {
    backups: [backup],
    copyFolder: null,
    lastCopyAt: null,
    copyReachable: false,
    reminder: null,
  };

  it("says when, and how the second copy stands", () => {
    // In a fixed time zone, so the test reads the same on every machine.
    const line = (o: BackupOverview) => lastBackupLine(o, now, "Europe/Paris");
    expect(line({ ...overview, backups: [] })).toBe("No backup yet");
    expect(line(overview)).toBe("Last backup: Today, 10:12");
    const usb = { ...overview, copyFolder: "/media/usb", copyReachable: true };
    expect(line(usb)).toBe("Last backup: Today, 10:12 · Second copy: none yet");
    expect(line({ ...usb, lastCopyAt: "2026-11-28T09:00:00Z" })).toMatch(
      /· Second copy: 28 Nov 2026/,
    );
    expect(line({ ...usb, copyReachable: false })).toBe(
      "Last backup: Today, 10:12 · Second copy: not connected",
    );
  });
});
