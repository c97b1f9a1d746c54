import { describe, expect, it } from "vitest";
import type { Backup } from "./api/types";
import { backupContents, backupReasonLabel, sizeLabel } from "./backups";

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
