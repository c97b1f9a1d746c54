import { describe, expect, it } from "vitest";
import {
  isApplePlatform,
  isSearchShortcut,
  isShortcutSheetKey,
  shortcutList,
  searchShortcutLabel,
  textSizeShortcut,
} from "./shortcut";

const press = (key: string, mods: Partial<Record<"ctrl" | "meta" | "alt" | "shift", boolean>>) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe("search shortcut", () => {
  it("recognises Ctrl+K and Cmd+K", () => {
    expect(isSearchShortcut(press("k", { ctrl: true }))).toBe(true);
    expect(isSearchShortcut(press("K", { ctrl: true }))).toBe(true);
    expect(isSearchShortcut(press("k", { meta: true }))).toBe(true);
  });

  it("ignores plain K and other combinations", () => {
    expect(isSearchShortcut(press("k", {}))).toBe(false);
    expect(isSearchShortcut(press("k", { ctrl: true, alt: true }))).toBe(false);
    expect(isSearchShortcut(press("k", { ctrl: true, shift: true }))).toBe(false);
    expect(isSearchShortcut(press("j", { ctrl: true }))).toBe(false);
  });

  it("shows the Mac symbol only on Apple computers", () => {
    expect(isApplePlatform("MacIntel")).toBe(true);
    expect(isApplePlatform("Linux x86_64")).toBe(false);
    expect(isApplePlatform("Win32")).toBe(false);
    expect(searchShortcutLabel(true)).toBe("⌘K");
    expect(searchShortcutLabel(false)).toBe("Ctrl K");
  });
});

describe("text size shortcuts", () => {
  const press = (
    key: string,
    mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>>,
  ) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it("Ctrl or Cmd with = or +, - and 0", () => {
    expect(textSizeShortcut(press("=", { ctrlKey: true }))).toBe(1);
    expect(textSizeShortcut(press("+", { metaKey: true }))).toBe(1);
    expect(textSizeShortcut(press("-", { ctrlKey: true }))).toBe(-1);
    expect(textSizeShortcut(press("0", { ctrlKey: true }))).toBe(0);
  });

  it("nothing without Ctrl or Cmd, with Alt, or for other keys", () => {
    expect(textSizeShortcut(press("=", {}))).toBeNull();
    expect(textSizeShortcut(press("-", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(textSizeShortcut(press("k", { ctrlKey: true }))).toBeNull();
  });
});

describe("the shortcut sheet", () => {
  const press = (key: string, more: Partial<{ ctrlKey: boolean; metaKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: true,
    ...more,
  });
  it("opens on ? unless she is typing or holding Ctrl/Cmd", () => {
    expect(isShortcutSheetKey(press("?"), false)).toBe(true);
    expect(isShortcutSheetKey(press("?"), true)).toBe(false);
    expect(isShortcutSheetKey(press("?", { ctrlKey: true }), false)).toBe(false);
    expect(isShortcutSheetKey(press("/"), false)).toBe(false);
  });
  it("names the keys of this computer", () => {
    expect(shortcutList(true)[0]?.keys).toEqual(["⌘", "K"]);
    expect(shortcutList(false)[0]?.keys).toEqual(["Ctrl", "K"]);
    expect(shortcutList(false).some((s) => s.keys.includes("?"))).toBe(true);
    const arrows = shortcutList(false).find((s) => s.keys.includes("←"));
    expect(arrows?.either).toBe(true);
  });
});
